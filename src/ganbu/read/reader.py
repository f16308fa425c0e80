"""The input reader: bytes, a path, stdin or a str → one :class:`Source`.

What it does, in order:

1. **Size and kind checks** — a path is ``os.stat``-ed before it is opened (too large → E106,
   missing → E101, a directory → E102, unreadable → E107); stdin and other non-regular files
   are read up to ``max_bytes + 1`` bytes only.
2. **Decoding** — a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides and is removed; else
   strict UTF-8; else GB18030 and Big5 are both tried (strictly) and the one whose characters
   look like Chinese text wins (GBK text often decodes as Big5 without error, so the choice
   is scored, not made by order). NUL bytes or many control bytes in the first 8 KB → E104;
   nothing decodes, or nothing decodes into plausible text → E105; whitespace only → E103.
3. **Format** — ``html`` (doctype / ``<html`` / several block tags in the first 4 KB),
   ``markdown`` (``# `` headings, ``**bold**`` lines, ``![](…)`` images) or ``text``.
4. **Body text** — for markdown and text ``text is raw`` and ``offsets is None``. For HTML the
   article body is extracted with :mod:`html.parser` (never raises on bad markup) and
   ``offsets[i]`` is the index in ``raw`` of ``text[i]``.
5. **Metadata** — title, publication date, byline authors (with exact offsets into ``text``),
   credits (资料 / 来源) and ``skip`` ranges (image lines, URLs, copyright and navigation lines).

Traditional characters are kept as they are; normalisation happens elsewhere.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import html as _html
import os
import re
import stat as _stat
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..errors import (
    InputBinary,
    InputEmpty,
    InputIsDirectory,
    InputNotFound,
    InputTooLarge,
    InputUndecodable,
    InputUnreadable,
)

__all__ = ["Source", "read_bytes", "read_path", "read_text", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 50_000_000


# ---------------------------------------------------------------------------------------------
# The result
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Source:
    """One decoded input.

    ``text`` is what extraction reads. For markdown and plain text it *is* ``raw`` and
    ``offsets`` is ``None``; for HTML it is the extracted article text and
    ``offsets[i]`` is the index in ``raw`` of ``text[i]`` (``offsets[len(text)]`` is the end of
    the last character's source). ``authors`` and ``skip`` are ``[start, end)`` into ``text``.
    """

    name: str
    raw: str
    text: str
    offsets: list[int] | None
    format: str
    encoding: str
    title: str | None = None
    published: str | None = None
    authors: list[tuple[str, int, int]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    skip: list[tuple[int, int]] = field(default_factory=list)
    base: int = 0  # characters of ``raw`` before what was decoded and read (a BOM kept in a str)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` of ``text`` → ``[start, end)`` of ``raw`` (identity unless HTML or
        a leading BOM).

        The end is the end of the source of ``text[end-1]`` (an entity ends after its ``;``),
        so no markup that follows the span is included.
        """
        a, b = self._body_span(start, end)
        return a + self.base, b + self.base

    def _body_span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span [{start}, {end}) outside text of length {len(self.text)}")
        if start == end:
            p = self.offsets[start]
            return p, p
        last = self.offsets[end - 1]
        m = _ENTITY_AT.match(self.raw, last + self.base)
        if m and _html.unescape(m.group()) != m.group():
            last_end = m.end()  # the character came from a character reference
        else:
            last_end = last + 1
        nxt = self.offsets[end]  # where the next character's source starts
        if nxt > last:
            last_end = min(last_end, nxt)
        return self.offsets[start], last_end

    def is_skipped(self, start: int, end: int | None = None) -> bool:
        """True if ``[start, end)`` (or the character at ``start``) overlaps a ``skip`` range."""
        if end is None:
            end = start + 1
        i = bisect_right(self.skip, (start, sys.maxsize)) - 1
        if i >= 0 and self.skip[i][1] > start:
            return True
        j = i + 1
        return j < len(self.skip) and self.skip[j][0] < end


_ENTITY_AT = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


# ---------------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------------


def read_bytes(data: bytes, name: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Decode and read ``data`` (see the module doc for the steps and errors)."""
    data = bytes(data)
    if len(data) > max_bytes:
        raise InputTooLarge(_too_large_msg(len(data), max_bytes), name)
    raw, encoding = _decode(data, name)
    return _build(raw, name, encoding)


def read_path(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a file; ``"-"`` reads standard input (as bytes) and is named ``"<stdin>"``."""
    if isinstance(path, str) and path == "-":
        return _read_stdin(max_bytes)
    try:
        fspath = os.fspath(path)
    except TypeError:
        raise InputNotFound("not a path", str(path)) from None
    name = os.fsdecode(fspath)
    if not name:
        raise InputNotFound("empty path", name)
    try:
        st = os.stat(fspath)
    except (FileNotFoundError, NotADirectoryError):
        raise InputNotFound("no such file", name) from None
    except PermissionError:
        raise InputUnreadable("permission denied", name) from None
    except ValueError:
        raise InputNotFound("invalid path", name) from None
    except OSError as e:
        raise InputUnreadable(f"cannot read: {e.strerror or e}", name) from None
    if _stat.S_ISDIR(st.st_mode):
        raise InputIsDirectory("is a directory", name)
    if _stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputTooLarge(_too_large_msg(st.st_size, max_bytes), name)
    try:
        with open(fspath, "rb") as f:
            data = _read_limited(f, max_bytes, name)
    except IsADirectoryError:
        raise InputIsDirectory("is a directory", name) from None
    except FileNotFoundError:
        raise InputNotFound("no such file", name) from None
    except PermissionError:
        raise InputUnreadable("permission denied", name) from None
    except OSError as e:
        raise InputUnreadable(f"cannot read: {e.strerror or e}", name) from None
    raw, encoding = _decode(data, name)
    return _build(raw, name, encoding)


def read_text(text: str, name: str = "<text>") -> Source:
    """Read an already-decoded string (``encoding`` is ``"utf-8"``). A leading BOM is not read,
    but stays in ``raw`` so that spans index the string as given."""
    if text.startswith("\ufeff"):
        src = read_text(text[1:], name)
        src.raw = text
        src.base = 1
        return src
    if not text or text.isspace():
        raise InputEmpty("input is empty" if not text else "input is only whitespace", name)
    head = text[:8192]
    if "\x00" in head:
        raise InputBinary("binary data (NUL characters)", name)
    if _control_share(head) > _CONTROL_LIMIT:
        raise InputBinary("binary data (control characters)", name)
    return _build(text, name, "utf-8")


# ---------------------------------------------------------------------------------------------
# Reading bytes
# ---------------------------------------------------------------------------------------------

_CHUNK = 1 << 20


def _too_large_msg(size: int | None, limit: int) -> str:
    if size is None:
        return f"input is larger than the limit of {limit:,} bytes"
    return f"input is {size:,} bytes, over the limit of {limit:,}"


def _read_limited(f, max_bytes: int, name: str) -> bytes:
    """Read at most ``max_bytes + 1`` bytes; refuse early on too large or obviously binary."""
    parts: list[bytes] = []
    total = 0
    first = True
    while total <= max_bytes:
        chunk = f.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        if first:
            first = False
            # Fail fast on e.g. /dev/zero instead of buffering max_bytes of it.
            if not _bom(chunk) and b"\x00" in chunk[:8192] and len(chunk) >= 8192:
                raise InputBinary("binary data (NUL bytes)", name)
        parts.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise InputTooLarge(_too_large_msg(None, max_bytes), name)
    return b"".join(parts)


def _read_stdin(max_bytes: int) -> Source:
    name = "<stdin>"
    if sys.stdin is None:
        raise InputUnreadable("no standard input", name)
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:  # a text stream without .buffer (e.g. replaced by a StringIO)
            text = sys.stdin.read(max_bytes + 1)
            if len(text) > max_bytes:
                raise InputTooLarge(_too_large_msg(None, max_bytes), name)
            return read_text(text, name)
        data = _read_limited(stream, max_bytes, name)
    except OSError as e:
        raise InputUnreadable(f"cannot read: {e.strerror or e}", name) from None
    raw, encoding = _decode(data, name)
    return _build(raw, name, encoding)


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------

# UTF-32 LE must be tested before UTF-16 LE (FF FE 00 00 starts with FF FE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Bytes that never occur in text: C0 controls except TAB LF VT FF CR ESC, and DEL.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32), 127])
_NON_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_LIMIT = 0.10
_CONTROL_CHARS_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

# Very common characters, for telling GB18030 from Big5 (the lists are checked against the
# GB2312 and Big5 character sets in tests/test_reader.py).
# Shared: the same character exists in both character sets.
_SHARED = (
    "的一是在不了有和人中大上我以要他用生到作地出就分成可主年同工也能下子面而方多定行法所民得"
    "十三之等部度家力如水化高自二理起小物加量都制使本去把性好它合因由其些然前外天政四日那社事平"
    "形相全表各重新正心反你明看原又利比或但第向道命此只解意建月公系很情者最立代想已通提直程展五"
    "果料象革位入常文次品式活及管特件求老基流路少山接知她手角期根指九放西被做必先回任取南色光即"
    "保治北造百七海口器志世金增油思交受什六共收改清己美再更切打白教速花安身例真具每目至走示完八"
    "名才科信米整空元今集土步石需段研界拉林律叫且究越影算低持音布容商非深近千周委素技半青省列支"
    "般史感便往酸市克何除消府太精值率族存候毛快效斯院查江型眼王按格易置派片始育京包火住局照引"
)
# Simplified-only forms and their traditional counterparts, position by position.
_SIMP_ONLY = (
    "这个国时来们对会发动过说产学经进电现实两当点从业应开还义间样关线内数质变条没结问无军题员总"
    "设长头资边级图统较将组见计别论运农区强决战则处队给门规热领东导压争济阶术联认权证转单风带场"
    "车务达积议声报类华张马节话况温传许广记观织装书须际验连断难矿备办习响约劳团历称号维选标写亲"
    "养层却专状识属圆调满县参红细该铁严龙飞谈"
)
_TRAD_ONLY = (
    "這個國時來們對會發動過說產學經進電現實兩當點從業應開還義間樣關線內數質變條沒結問無軍題員總"
    "設長頭資邊級圖統較將組見計別論運農區強決戰則處隊給門規熱領東導壓爭濟階術聯認權證轉單風帶場"
    "車務達積議聲報類華張馬節話況溫傳許廣記觀織裝書須際驗連斷難礦備辦習響約勞團歷稱號維選標寫親"
    "養層卻專狀識屬圓調滿縣參紅細該鐵嚴龍飛談"
)
_COMMON = frozenset(_SHARED + _SIMP_ONLY + _TRAD_ONLY)
_SIMP_SET = frozenset(_SIMP_ONLY)
_TRAD_SET = frozenset(_TRAD_ONLY)

_CHARSET_HINT = re.compile(
    rb"charset\s*=\s*[\"']?\s*(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|big5|big5-hkscs|cp950|x-big5)",
    re.I,
)


def _bom(data: bytes):
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return bom, codec, label
    return None


def _control_share(sample) -> float:
    if not sample:
        return 0.0
    if isinstance(sample, bytes):
        return len(sample.translate(None, _NON_CONTROL)) / len(sample)  # only control bytes remain
    return len(_CONTROL_CHARS_RE.findall(sample)) / len(sample)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding label)`` or raise an input error."""
    if not data or data.isspace():
        raise InputEmpty("input is empty" if not data else "input is only whitespace", name)
    b = _bom(data)
    if b is not None:
        bom, codec, label = b
        try:
            text = data[len(bom) :].decode(codec)
        except UnicodeDecodeError as e:
            if label == "utf-32" and data.startswith(codecs.BOM_UTF16_LE):
                # FF FE 00 00 may also be UTF-16 LE starting with U+0000; that is binary anyway.
                raise InputBinary("binary data (NUL characters)", name) from None
            raise InputUndecodable(f"invalid {label} after byte-order mark at byte {e.start + len(bom)}",
                                   name) from None
        _check_decoded(text, name)
        return text, label

    head = data[:8192]
    if b"\x00" in head:
        raise InputBinary("binary data (NUL bytes in the first 8 KB)", name)
    if _control_share(head) > _CONTROL_LIMIT:
        raise InputBinary("binary data (control bytes in the first 8 KB)", name)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e.start
    else:
        _check_decoded(text, name)
        return text, "utf-8"

    candidates: dict[str, str] = {}
    for label, codecs_to_try in (("gb18030", ("gb18030",)), ("big5", ("big5", "cp950", "big5hkscs"))):
        for codec in codecs_to_try:
            try:
                candidates[label] = data.decode(codec)
                break
            except UnicodeDecodeError:
                continue
    if not candidates:
        raise InputUndecodable(
            f"cannot decode (invalid utf-8 at byte {utf8_error}; tried utf-8, gb18030, big5)", name)

    hint = None
    m = _CHARSET_HINT.search(data[:4096])
    if m:
        hint = "big5" if m.group(1).lower().startswith((b"big5", b"cp950", b"x-big5")) else "gb18030"

    scored = {label: _score(text, label) for label, text in candidates.items()}
    if hint in candidates and _plausible(scored[hint]):
        label = hint
    else:
        label = max(scored, key=lambda k: (scored[k][0], k == "gb18030"))
        if not _plausible(scored[label]):
            raise InputUndecodable(
                f"not utf-8 (invalid at byte {utf8_error}) and no plausible gb18030/big5 reading "
                "(tried utf-8, gb18030, big5)", name)
    text = candidates[label]
    _check_decoded(text, name)
    return text, label


def _score(text: str, label: str) -> tuple[int, int, int]:
    """``(score, common hits, CJK chars)`` over a sample of ``text``."""
    sample = text[:20000]
    common = _COMMON
    hits = 0
    cjk = 0
    pua = 0
    bonus = 0
    own = _SIMP_SET if label == "gb18030" else _TRAD_SET
    for c in sample:
        if c >= "\u2e80":
            cjk += 1
            if c in common:
                hits += 1
                if c in own:
                    bonus += 1
            elif "\ue000" <= c <= "\uf8ff":
                pua += 1
    return hits * 2 + bonus - 3 * pua, hits, cjk


def _plausible(s: tuple[int, int, int]) -> bool:
    _score_, hits, cjk = s
    if cjk < 40:
        return True  # too little to judge; trust a strict decode
    return hits >= 0.12 * cjk


def _check_decoded(text: str, name: str) -> None:
    if not text or text.isspace():
        raise InputEmpty("input is empty" if not text else "input is only whitespace", name)
    head = text[:8192]
    if "\x00" in head:
        raise InputBinary("binary data (NUL characters)", name)
    if _control_share(head) > _CONTROL_LIMIT:
        raise InputBinary("binary data (control characters)", name)


# ---------------------------------------------------------------------------------------------
# Format sniffing and assembly
# ---------------------------------------------------------------------------------------------

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html))",
                         re.I | re.S)
_HTML_BLOCK = re.compile(r"<(?:p|div|br)\b[^>]{0,500}>", re.I)
_HTML_STRONG = re.compile(r"<(?:body|head|article|meta\s)\b", re.I)
_MD_SIGNAL = re.compile(r"^(?:#{1,6}[ \t]+\S|\*\*[^\n]+?\*\*[ \t\r]*$|[ \t]*!\[[^\]\n]*\]\()", re.M)


def _sniff(text: str) -> str:
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if len(_HTML_BLOCK.findall(head)) >= 3 or (_HTML_STRONG.search(head) and _HTML_BLOCK.search(head)):
        return "html"
    if ("#" in text or "**" in text or "![" in text) and _MD_SIGNAL.search(text):
        return "markdown"
    return "text"


def _build(raw: str, name: str, encoding: str) -> Source:
    fmt = _sniff(raw)
    if fmt == "html":
        return _build_html(raw, name, encoding)
    info = _analyze(raw, markdown=(fmt == "markdown"))
    return Source(
        name=name, raw=raw, text=raw, offsets=None, format=fmt, encoding=encoding,
        title=info.title, published=info.published, authors=info.authors,
        credits=info.credits, skip=info.skip,
    )


# ---------------------------------------------------------------------------------------------
# Text analysis shared by every format: title, published, bylines, credits, skip
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Info:
    title: str | None = None
    published: str | None = None
    authors: list[tuple[str, int, int]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    skip: list[tuple[int, int]] = field(default_factory=list)


_MD_TITLE = re.compile(r"^#[ \t]+(.+?)[ \t#]*\r?$", re.M)


def _analyze(text: str, *, markdown: bool) -> _Info:
    info = _Info()
    if markdown and (text.startswith("#") or "\n#" in text):
        m = _MD_TITLE.search(text)
        if m:
            t = _clean_inline(m.group(1))
            info.title = t or None
    info.published = _find_published(text[:2000])
    label_hits: list[int] = []
    line_hits: list[tuple[int, int]] = []
    for m in _SCAN.finditer(text):
        kind = m.lastgroup
        if kind == "label":
            label_hits.append(m.start())
        else:
            line_hits.append((m.start(), _LINE_LIMIT[kind]))
    info.authors, info.credits = _find_bylines(text, label_hits)
    info.skip = _find_skip(text, line_hits)
    return info


def _clean_inline(s: str) -> str:
    s = s.strip()
    while len(s) >= 4 and s.startswith("**") and s.endswith("**"):
        s = s[2:-2].strip()
    return " ".join(s.split())


# --- dates ---------------------------------------------------------------------------------

_DATE = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_TIME = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
_DATE_LABELS = (
    r"发布时间|發佈時間|發布時間|发布日期|發佈日期|發布日期|发表时间|發表時間|发表日期|發表日期|"
    r"发稿时间|發稿時間|发布于|發佈於|發布於|刊发时间|出版日期|时间|時間|日期|(?<![A-Za-z])(?:published|pubdate|date)"
)
_LABELED_DATE = re.compile(r"(?:" + _DATE_LABELS + r")\s*[:：]?\s*" + _DATE, re.I)
_BARE_DATE_LINE = re.compile(
    r"^[ \t\u3000*]*" + _DATE + r"\s*日?(?:[ \t\u3000]*" + _TIME + r")?"
    r"(?=[ \t\u3000*]*(?:\r?$)|[ \t\u3000]|来源|來源|\|)",
    re.M,
)
_ANY_DATE = re.compile(_DATE)
_COMPACT_DATE = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:\D|$)")


def _ymd(y: str, m: str, d: str) -> str | None:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _find_published(region: str, *, last: bool = False) -> str | None:
    """A labelled date (发布时间：…) or a date line (``2018-02-27 08:49:10``) in ``region``."""
    found: list[tuple[int, str]] = []
    for rx in (_LABELED_DATE, _BARE_DATE_LINE):
        for m in rx.finditer(region):
            d = _ymd(*m.group(1, 2, 3))
            if d:
                found.append((m.start(), d))
                if not last:
                    break
        if found and not last:
            return found[0][1]
    if not found:
        return None
    return max(found)[1]


def _date_from_value(value: str) -> str | None:
    m = _ANY_DATE.search(value)
    if m:
        return _ymd(*m.group(1, 2, 3))
    m = _COMPACT_DATE.match(value)
    if m:
        return _ymd(*m.group(1, 2, 3))
    return None


# --- bylines and credits -------------------------------------------------------------------


def _alternation(words: str, extra: str = "", first: str = "") -> tuple[set[str], str]:
    """``(possible first characters, regex body)`` for any of ``words`` (space-separated
    literals) or ``extra``; see :data:`_SCAN`."""
    lits = words.split()
    body = "|".join(re.escape(w) for w in sorted(lits, key=len, reverse=True))
    if extra:
        body += "|" + extra
    return {w[0] for w in lits} | set(first), body


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NAME_RE = re.compile(rf"[{_CJK}]{{2,4}}|[{_CJK}]{{1,6}}[·•・][{_CJK}]{{1,10}}")
_TOKEN_RE = re.compile(r"[^\s、，,;；|｜:：/／*□■●◆▲★◇○•()（）\[\]【】<>《》“”\"'‘’]+")
_SEPARATOR_AFTER = re.compile(r"[ \t\u3000]*[|｜:：/／]")

_AUTHOR_LABELS = frozenset(
    "撰文 作者 记者 記者 通讯员 通訊員 实习生 實習生 见习记者 見習記者 特约记者 特約記者 本报记者 本報記者 "
    "文 文字 撰稿 采写 採寫 执笔 執筆".split())
_NEEDS_SEPARATOR = frozenset("文 文字 来源 來源 资料 資料 稿源 出处 出處".split())
_GLUE_LABEL = re.compile(r"记者|記者|通讯员|通訊員|实习生|實習生")
_CREDIT_LABELS = frozenset(
    "来源 來源 资料 資料 稿源 出处 出處 资料来源 資料來源 信息来源 信息來源 转自 轉自 转载自 轉載自".split())
_OTHER_LABELS = frozenset(
    "编辑 編輯 责任编辑 責任編輯 责编 責編 校对 校對 审核 審核 审校 審校 终审 終審 摄影 攝影 摄 攝 图 圖 "
    "图片 圖片 视频 視頻 设计 設計 制图 製圖 美编 美編 主编 主編 策划 策劃 监制 監製 出品 排版 统筹 統籌 "
    "发布时间 發佈時間 發布時間 发布日期 發布日期 时间 時間 日期 浏览次数 瀏覽次數 阅读 閱讀 点击 點擊 字号 字號".split())
_PHOTO_LABELS = frozenset("图 圖 摄影 攝影 摄 攝 图片 圖片".split())
_IGNORABLE = frozenset("报道 報道 摄 攝 图 圖 综合报道 綜合報道 等 文图 文圖 联合报道 聯合報道".split())
_STOP_FIRST = frozenset(
    "们們会會招站节節证證团團从從在获獲了近今昨据據表注发發留调調走同采採问問看跟随隨对對也都还還就又再是"
    "的等与與及被将將已到说說称稱报報这這那其该該此")
_STOP_SUB_RE = re.compile("获悉|獲悉|了解|报道|報道|表示|采访|採訪|记者|記者|通讯|通訊|注意|发现|發現|留意|介绍|介紹")
_LABEL_HIT = _alternation("撰文 作者 记者 記者 通讯员 通訊員 实习生 實習生 来源 來源 资料 資料 稿源 出处 出處",
                          r"文字?[ \t\u3000]*[/／|｜:：]", "文")
_PAREN_BYLINE = re.compile(
    r"[(（]([^()（）\n]{0,24}?(?:记者|記者|通讯员|通訊員|实习生|實習生)[^()（）\n]{0,40})[)）]")
_LINE_CUT = re.compile(r"[(（\[【]")
_CREDIT_TAIL = re.compile(r"等(?:党报|黨報|媒体|媒體|报道|報道|报纸|報紙|网站|網站|报刊|報刊)?$")
_CREDIT_HEAD = re.compile(r"^(?:综合自|綜合自|综合|綜合|据|據|转自|轉自)")
_DATEISH = re.compile(r"^[\d\-./年月日时分秒時點点:：]+$")


def _valid_name(tok: str) -> bool:
    if not _NAME_RE.fullmatch(tok):
        return False
    if tok[0] in _STOP_FIRST:
        return False
    return _STOP_SUB_RE.search(tok) is None


def _clean_credit(tok: str) -> str | None:
    tok = _CREDIT_HEAD.sub("", _CREDIT_TAIL.sub("", tok)).strip()
    if not tok or len(tok) > 30 or _DATEISH.match(tok):
        return None
    return tok


def _parse_byline(s: str, base: int) -> tuple[list[tuple[str, int, int]], list[str]] | None:
    """Parse a byline-shaped string; ``None`` if it is not one (any token that is not a
    label, a name, a credit, a date or a filler word rejects the whole string)."""
    mode: str | None = None
    authors: list[tuple[str, int, int]] = []
    credits: list[str] = []
    saw_label = False
    for m in _TOKEN_RE.finditer(s):
        tok = m.group()
        start = m.start()
        if tok in _AUTHOR_LABELS:
            if tok in _NEEDS_SEPARATOR and not _SEPARATOR_AFTER.match(s, m.end()):
                return None
            mode, saw_label = "author", True
            continue
        if tok in _CREDIT_LABELS:
            if tok in _NEEDS_SEPARATOR and not _SEPARATOR_AFTER.match(s, m.end()):
                return None
            mode, saw_label = "credit", True
            continue
        if tok in _PHOTO_LABELS and mode == "author" and not _SEPARATOR_AFTER.match(s, m.end()):
            continue  # 文/图 张三: the 图 belongs to the author label
        if tok in _OTHER_LABELS:
            mode, saw_label = "other", True
            continue
        g = _GLUE_LABEL.search(tok)
        if g:
            prefix, rest = tok[: g.start()], tok[g.end() :]
            if len(prefix) > 16 or any(c.isdigit() for c in prefix):
                return None
            mode, saw_label = "author", True
            if not rest:
                continue
            tok, start = rest, start + g.end()
        if _DATEISH.match(tok):
            mode = None if mode != "author" else mode
            continue
        if mode == "author":
            if tok in _IGNORABLE:
                continue
            if _valid_name(tok):
                authors.append((tok, base + start, base + start + len(tok)))
                continue
            return None
        if mode == "credit":
            c = _clean_credit(tok)
            if c is None:
                return None
            credits.append(c)
            continue
        if mode == "other":
            if len(tok) <= 8:
                continue
            return None
        return None
    if not saw_label:
        return None
    return authors, credits


def _find_bylines(text: str, label_hits: list[int] | None = None
                  ) -> tuple[list[tuple[str, int, int]], list[str]]:
    authors: dict[int, tuple[str, int, int]] = {}
    credits: list[str] = []
    seen_lines: set[int] = set()
    if label_hits is None:
        label_hits = [m.start() for m in _SCAN.finditer(text) if m.lastgroup == "label"]
    for pos in label_hits:
        ls, le = _line_bounds(text, pos)
        if ls in seen_lines:
            continue
        seen_lines.add(ls)
        line = text[ls:le]
        if len(line) > 100:
            continue
        cut = _LINE_CUT.search(line)
        if cut:
            line = line[: cut.start()]
        r = _parse_byline(line, ls)
        if r is None:
            continue
        for a in r[0]:
            authors[a[1]] = a
        credits.extend(r[1])
    for m in _PAREN_BYLINE.finditer(text):
        r = _parse_byline(m.group(1), m.start(1))
        if r is None:
            continue
        for a in r[0]:
            authors[a[1]] = a
        credits.extend(r[1])
    return [authors[k] for k in sorted(authors)], list(dict.fromkeys(credits))


# --- skip ranges ---------------------------------------------------------------------------

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'（）()【】\[\]，。；、]+")
_COPYRIGHT_LINE = _alternation(
    "版权声明 版權聲明 版权所有 版權所有 未经授权 未經授權 不得转载 不得轉載 禁止转载 禁止轉載 转载请注明 轉載請註明 "
    "责任编辑 責任編輯 免责声明 免責聲明 Copyright COPYRIGHT copyright © ICP备 ICP證 ICP证 公网安备 公網安備")
_NAV_LINE = _alternation(
    "分享到 分享至 扫一扫 掃一掃 打印本页 打印本頁 【打印】 【关闭】 【關閉】 关闭窗口 關閉窗口 返回顶部 返回頂部 "
    "上一篇 下一篇 字号： 字号: 字號： 字號: 字体： 字体: 字體： 字體: 【字体 【字號 【字号 相关新闻 相關新聞 相关阅读 "
    "相關閱讀 推荐阅读 推薦閱讀 扫描二维码 掃描二維碼 微信扫码 在手机上 收藏本页 点击排行 點擊排行 网站地图 網站地圖 "
    "联系我们 聯繫我們 浏览次数 瀏覽次數 阅读次数 閱讀次數 当前位置 當前位置 您的位置 您现在的位置")


_EOL = re.compile(r"[\r\n]")

# One pass over the text finds byline labels, copyright and navigation keywords; the lookahead
# on first characters keeps a 2 MB scan at a few milliseconds.
_SCAN = re.compile(
    "(?=[" + re.escape("".join(sorted(_COPYRIGHT_LINE[0] | _NAV_LINE[0] | _LABEL_HIT[0]))) + "])"
    f"(?:(?P<copyright>{_COPYRIGHT_LINE[1]})|(?P<nav>{_NAV_LINE[1]})|(?P<label>{_LABEL_HIT[1]}))"
)
_LINE_LIMIT = {"copyright": 200, "nav": 80}


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    nl = text.rfind("\n", 0, pos)
    ls = max(nl, text.rfind("\r", nl + 1, pos)) + 1
    m = _EOL.search(text, pos)
    return ls, (m.start() if m else len(text))


def _find_skip(text: str, line_hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``line_hits``: (position, longest line to skip) of copyright / navigation keywords."""
    spans: list[tuple[int, int]] = []
    for m in _IMAGE.finditer(text) if "![" in text else ():
        ls, le = _line_bounds(text, m.start())
        if not text[ls : m.start()].strip() and not text[m.end() : le].strip():
            spans.append((ls, le))
        else:
            spans.append(m.span())
    for m in _URL.finditer(text):
        spans.append(m.span())
    last_line = -1
    for pos, limit in line_hits:
        if pos < last_line:
            continue
        ls, le = _line_bounds(text, pos)
        last_line = le
        if le - ls <= limit:
            spans.append((ls, le))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr basefont frame isindex".split())
_BLOCK = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table tbody thead tfoot caption section article "
    "blockquote pre address figure figcaption center main header footer nav aside form fieldset "
    "hgroup details summary title body html".split())
_CELL = frozenset(("td", "th"))
_HARD_DROP = frozenset(
    "script style noscript template head svg math iframe object embed select textarea button option "
    "canvas video audio map title".split())
_SOFT_TAGS = frozenset("nav header footer aside form menu dialog".split())
_AUTO_CLOSE = {"p": ("p",), "li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr",),
               "td": ("td", "th"), "th": ("td", "th"), "option": ("option",)}
_SCOPE = frozenset("ul ol dl table div body html article section td th blockquote main".split())
_MAX_DEPTH = 1500
_HEAD_TAGS = frozenset("head title meta link script style base noscript template object".split())

_NAV_SUB = re.compile(
    r"nav|menu|breadcrumb|crumb|footer|header|share|comment|sidebar|copyright|login|logo|toolbar|"
    r"pagination|advert|banner|topbar|bdshare|jiathis|social|qrcode")
_NAV_WORDS = frozenset(
    "side related relate relevant foot head ad ads bottom top pager tags recommend hot rank links "
    "friendlink search ewm share login".split())
_CONTENT_SUB = re.compile(
    r"content|article|trs_?editor|detail|zhengwen|maintext|main_text|newstext|news_text|artibody|"
    r"textcon|text_con|txtcon|txt_con|neirong")
_CONTENT_WORDS = frozenset("main text txt zw con body post story entry wenzhang nr".split())
_META_TITLE = ("og:title", "twitter:title")
_META_DATE = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "pubdate", "publishdate", "publish_date", "publish-date", "publishtime", "publish_time",
    "datepublished", "firstpublishedtime", "dc.date.issued", "dc.date", "dcterms.created",
    "dcterms.date", "sailthru.date", "parsely-pub-date", "weibo:article:create_at", "og:release_date",
    "release_date", "date", "created",
)
_TITLE_SPLIT = re.compile(r"\s*(?:_+|\|+|｜|--+|—+|\s-\s)\s*")


class _El:
    __slots__ = ("tag", "attrs", "children", "parent", "start", "end", "depth")

    def __init__(self, tag: str, attrs: dict, parent: "_El | None", start: int, depth: int):
        self.tag = tag
        self.attrs = attrs
        self.children: list = []  # _El or (str, pos, end, verbatim)
        self.parent = parent
        self.start = start
        self.end: int | None = None
        self.depth = depth


class _TreeBuilder(HTMLParser):
    """A forgiving DOM builder that records where every piece of text came from in ``raw``."""

    def __init__(self, raw: str):
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.root = _El("#root", {}, None, 0, 0)
        self.stack: list[_El] = [self.root]
        self.open_count: dict[str, int] = {}
        self.metas: list[dict[str, str]] = []
        self._cur = 0
        self._chunk_abs = 0

    # Position tracking: ParserBase.updatepos(i, j) is called each time the parser advances
    # within the current buffer; line/column bookkeeping is not needed here.
    def updatepos(self, i, j):  # noqa: D401 - overrides ParserBase
        self._cur = j
        return j

    def _pos(self) -> int:
        return self._chunk_abs + self._cur

    def run(self) -> None:
        """Parse ``raw`` through a bounded buffer so that no input makes this quadratic.

        ``goahead(0)`` is driven directly (``close()`` would dump the rest of a document as
        text after some malformed character references). When the parser stops without
        progress the construct at the front is resolved here: a script/style body or a
        comment is skipped to its end, a tag whose ``>`` lies beyond the buffer gets more
        input, and anything else gives up its first character as text.
        """
        raw = self.raw
        n = len(raw)
        block = 8192
        fed = 0
        self.rawdata = ""
        grown_for = -1
        while True:
            if len(self.rawdata) < block and fed < n:
                take = min(n, fed + block)
                self.rawdata += raw[fed:take]
                fed = take
            if not self.rawdata:
                break
            n0 = len(self.rawdata)
            self._chunk_abs = fed - n0
            self._cur = 0
            try:
                self.goahead(0)
            except Exception:  # e.g. AssertionError from _markupbase on "<![foo["
                self.rawdata = self.rawdata[self._cur :]
                self._skip_one(fed)
                continue
            if len(self.rawdata) < n0:
                continue
            at = fed - len(self.rawdata)
            buf = self.rawdata
            if self.cdata_elem:
                m = re.compile(r"</%s(?=[\t\n\r\f />])" % re.escape(self.cdata_elem), re.I).search(raw, at)
                if m is None:
                    break  # unclosed <script>/<style>: the rest is its content
                # its content is never needed: jump to the end tag
                if m.start() <= fed:
                    self.rawdata = raw[m.start() : fed]
                else:
                    self.rawdata, fed = "", m.start()
                continue
            if buf.startswith("<!--"):
                q = raw.find("-->", at + 4)
                if q < 0:
                    break  # an unclosed comment runs to the end
                if q + 3 > fed:
                    self.rawdata += raw[fed : q + 3]
                    fed = q + 3
                    continue
            elif buf.startswith("<") and at != grown_for:
                q = raw.find(">", at + 1)
                if q < 0:
                    # No tag can end anywhere after this: the rest is text.
                    self._chunk_abs, self._cur = at, 0
                    self.handle_data(raw[at:])
                    break
                if q + 1 > fed:
                    grown_for = at
                    self.rawdata += raw[fed : q + 1]
                    fed = q + 1
                    continue
            elif fed < n and len(buf) < 4 * block:
                take = min(n, fed + block)
                self.rawdata += raw[fed:take]
                fed = take
                continue
            self._skip_one(fed)

    def _skip_one(self, fed: int) -> None:
        """Emit the first buffered character as text and drop it."""
        if not self.rawdata:
            return
        self._chunk_abs = fed - len(self.rawdata)
        self._cur = 0
        self.handle_data(self.rawdata[0])
        self.rawdata = self.rawdata[1:]

    # --- tree building ---
    def _top(self) -> _El:
        return self.stack[-1]

    def _pop_to(self, idx: int, pos: int) -> None:
        for el in self.stack[idx:]:
            el.end = pos
            self.open_count[el.tag] -= 1
        del self.stack[idx:]

    def handle_starttag(self, tag, attrs):
        pos = self._pos()
        ad = {}
        for k, v in attrs:
            if k not in ad:
                ad[k] = v if v is not None else ""
        if tag == "meta":
            self.metas.append(ad)
            return
        if tag not in _HEAD_TAGS and self.open_count.get("head"):
            # content in an unclosed <head> starts the body, as in browsers
            for i in range(len(self.stack) - 1, 0, -1):
                if self.stack[i].tag == "head":
                    self._pop_to(i, pos)
                    break
        closes = _AUTO_CLOSE.get(tag)
        if closes:
            for i in range(len(self.stack) - 1, 0, -1):
                t = self.stack[i].tag
                if t in closes:
                    self._pop_to(i, pos)
                    break
                if t in _SCOPE:
                    break
        top = self._top()
        el = _El(tag, ad, top, pos, top.depth + 1)
        top.children.append(el)
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(el)
            self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        pos = self._pos()
        if tag == "br":  # </br> is a <br> in browsers
            top = self._top()
            top.children.append(_El("br", {}, top, pos, top.depth + 1))
            return
        if not self.open_count.get(tag) or tag in ("body", "html"):
            return  # stray end tag; </body> and </html> are ignored as in browsers
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i, pos)
                return

    def _add_text(self, s: str, pos: int, end: int, verbatim: bool) -> None:
        top = self._top()
        if top.tag in ("script", "style"):
            return
        top.children.append((s, pos, end, verbatim))

    def handle_data(self, data):
        if not data:
            return
        pos = self._pos()
        raw = self.raw
        if not raw.startswith(data, pos):  # should not happen; stay safe rather than wrong
            p = raw.find(data, pos)
            if p < 0:
                p = raw.rfind(data, 0, pos + len(data))
            if p < 0:
                self._add_text(data, pos, pos + 1, False)
                return
            pos = p
        self._add_text(data, pos, pos + len(data), True)

    def _ref(self, src_prefix: str, name: str) -> None:
        pos = self._pos()
        raw = self.raw
        end = pos + len(src_prefix) + len(name)
        if raw[end : end + 1] == ";":
            end += 1
        src = raw[pos:end]
        if not src.startswith(src_prefix):
            src = src_prefix + name
            self._add_text(_html.unescape(src), pos, pos + 1, False)
            return
        val = _html.unescape(src)
        if val == src:
            self._add_text(src, pos, end, True)
            return
        # "&copy2023" → "©2023": keep the unchanged tail mapped character by character
        k = 0
        while k < len(val) - 1 and k < len(src) - 1 and val[-1 - k] == src[-1 - k]:
            k += 1
        if k:
            self._add_text(val[:-k], pos, end - k, False)
            self._add_text(val[-k:], end - k, end, True)
        else:
            self._add_text(val, pos, end, False)

    def handle_entityref(self, name):
        self._ref("&", name)

    def handle_charref(self, name):
        self._ref("&#", name)

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


class _TextOut:
    """Collects text with one raw offset per character, collapsing whitespace as it goes."""

    __slots__ = ("parts", "offs", "n", "pend_sp", "sp_nl", "pend_br", "last", "last_end")

    _RUNS = re.compile(r"\s+|\S+")

    def __init__(self):
        self.parts: list[str] = []
        self.offs: list[int] = []
        self.n = 0
        self.pend_sp = -1
        self.sp_nl = False
        self.pend_br = -1
        self.last = ""
        self.last_end = 0

    def brk(self, pos: int) -> None:
        if self.pend_br < 0:
            self.pend_br = pos
        self.pend_sp = -1

    def space(self, pos: int) -> None:
        if self.pend_br < 0 and self.pend_sp < 0:
            self.pend_sp = pos
            self.sp_nl = False

    def _emit(self, s: str, offs) -> None:
        self.parts.append(s)
        self.offs.extend(offs)
        self.n += len(s)

    def add(self, s: str, pos: int, end: int, verbatim: bool) -> None:
        for m in self._RUNS.finditer(s):
            run = m.group()
            p = pos + m.start() if verbatim else pos
            if run[0].isspace():
                if self.pend_br < 0:
                    if self.pend_sp < 0:
                        self.pend_sp = p
                        self.sp_nl = "\n" in run or "\r" in run
                    elif "\n" in run or "\r" in run:
                        self.sp_nl = True
                continue
            if self.n:
                if self.pend_br >= 0:
                    self._emit("\n", (self.pend_br,))
                elif self.pend_sp >= 0 and not (self.sp_nl and _wide(self.last) and _wide(run[0])):
                    self._emit(" ", (self.pend_sp,))
            self.pend_br = self.pend_sp = -1
            if verbatim:
                self._emit(run, range(p, p + len(run)))
                self.last_end = p + len(run)
            else:
                self._emit(run, (pos,) * len(run))
                self.last_end = end
            self.last = run[-1]

    def result(self) -> tuple[str, list[int]]:
        return "".join(self.parts), self.offs + [self.last_end]


def _wide(c: str) -> bool:
    """CJK characters and punctuation: a line break between two of them is not a space."""
    return bool(c) and ("\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef")


def _walk(root: _El, out: _TextOut, dropped, marker: _El | None = None) -> int:
    """Emit the text under ``root``; return the output length where ``marker`` began (or -1)."""
    mark = -1
    stack: list[list] = [[root, 0]]
    while stack:
        frame = stack[-1]
        node, i = frame
        if i < len(node.children):
            frame[1] = i + 1
            ch = node.children[i]
            if type(ch) is tuple:
                out.add(*ch)
                continue
            if ch in dropped:
                continue
            t = ch.tag
            if ch is marker:
                out.brk(ch.start)
                mark = out.n + (1 if out.n else 0)
            if t == "br" or t == "hr":
                out.brk(ch.start)
                continue
            if t in _BLOCK:
                out.brk(ch.start)
            elif t in _CELL:
                out.space(ch.start)
            if t in _VOID:
                continue
            stack.append([ch, 0])
        else:
            stack.pop()
            if node is not root and node.tag in _BLOCK:
                out.brk(node.end if node.end is not None else out.last_end)
    return mark


def _iter_elements(root: _El):
    stack = [root]
    while stack:
        el = stack.pop()
        yield el
        for ch in reversed(el.children):
            if type(ch) is not tuple:
                stack.append(ch)


def _class_id(el: _El) -> str:
    a = el.attrs
    return f"{a.get('class', '')} {a.get('id', '')}".lower()


def _words(s: str) -> set[str]:
    return set(re.split(r"[^a-z0-9]+", s)) - {""}


def _is_nav(el: _El) -> bool:
    if el.tag in ("html", "body", "#root"):
        return False
    if el.tag in _SOFT_TAGS:
        return True
    ci = _class_id(el)
    if not ci.strip():
        return False
    return bool(_NAV_SUB.search(ci)) or bool(_words(ci) & _NAV_WORDS)


def _is_content(el: _El) -> bool:
    if el.tag in ("article", "main"):
        return True
    ci = _class_id(el)
    if not ci.strip():
        return False
    return bool(_CONTENT_SUB.search(ci)) or bool(_words(ci) & _CONTENT_WORDS)


def _hard_hidden(el: _El) -> bool:
    if el.tag in _HARD_DROP:
        return True
    a = el.attrs
    if "hidden" in a:
        return True
    style = a.get("style")
    return bool(style) and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style, re.I) is not None


def _text_of(el: _El, dropped=frozenset()) -> str:
    out = _TextOut()
    _walk(el, out, dropped)
    return " ".join(out.result()[0].split())


def _build_html(raw: str, name: str, encoding: str) -> Source:
    tb = _TreeBuilder(raw)
    tb.run()
    root = tb.root

    body = None
    title_el = None
    for el in _iter_elements(root):
        if el.tag == "body" and body is None:
            body = el
        elif el.tag == "title" and title_el is None:
            title_el = el
    if body is None:
        body = root

    # Pass 1: hard drops and prose lengths (text outside <a>, without hard-dropped parts).
    hard: set[_El] = set()
    nav: set[_El] = set()
    order: list[_El] = []
    for el in _iter_elements(body):
        order.append(el)
        if el is not body and (_hard_hidden(el) or (el.parent in hard)):
            hard.add(el)
        elif el is not body and _is_nav(el):
            nav.add(el)
    full: dict[_El, int] = {}
    for el in reversed(order):  # children before parents
        if el in hard:
            full[el] = 0
            continue
        n = 0
        for ch in el.children:
            if type(ch) is tuple:
                if el.tag != "a":
                    n += len(ch[0].strip())
            else:
                n += full.get(ch, 0) if ch.tag != "a" else 0
        full[el] = n
    body_full = full.get(body, 0)

    # Navigation-like elements are dropped unless they hold most of the page's prose
    # (an ASP.NET <form> or a "has-sidebar" wrapper around the whole page).
    soft = {el for el in nav if not (body_full and full[el] >= 0.5 * body_full)}

    under_soft: set[_El] = set()
    for el in order:  # parents before children
        if el in soft or el.parent in under_soft:
            under_soft.add(el)

    clean: dict[_El, int] = {}
    for el in reversed(order):
        if el in hard or el in soft:
            clean[el] = 0
            continue
        n = 0
        for ch in el.children:
            if type(ch) is tuple:
                if el.tag != "a":
                    n += len(ch[0].strip())
            elif ch.tag != "a":
                n += clean.get(ch, 0)
        clean[el] = n

    # Pass 2: the article container.
    cands = [el for el in order if el is not body and el not in hard and el not in nav
             and _is_content(el) and clean[el] >= 20 and el not in under_soft]
    chosen = body
    if cands:
        best = max(clean[el] for el in cands)
        if best >= 0.25 * clean.get(body, 0):
            good = [el for el in cands if clean[el] >= 0.6 * best]
            chosen = max(good, key=lambda el: (el.depth, clean[el]))

    dropped = hard | soft
    out = _TextOut()
    _walk(chosen, out, dropped)
    text, offsets = out.result()

    # Full page text (only hard drops) for metadata outside the article container.
    page_out = _TextOut()
    mark = _walk(body, page_out, hard, marker=chosen if chosen is not body else None)
    page_text = page_out.result()[0]
    header_zone = ""
    if mark > 0:
        lines = page_text[:mark].split("\n")
        header_zone = "\n".join(lines[-15:])

    if not text.strip():
        if page_text.strip():
            text, offsets = page_out.result()
        else:
            raise InputEmpty("HTML has no text content", name)

    info = _analyze(text, markdown=False)

    # Title: og:title, an <h1> in the article, an <h1> on the page, <title> without site suffix.
    metas = {}
    for m in tb.metas:
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").lower()
        if key and "content" in m and key not in metas:
            metas[key] = m["content"]
    title = None
    for k in _META_TITLE:
        if metas.get(k, "").strip():
            title = " ".join(metas[k].split())
            break
    if title is None:
        for scope in (chosen, body):
            for el in _iter_elements(scope):
                if el.tag == "h1" and el not in hard and el not in under_soft:
                    t = _text_of(el, dropped)
                    if t:
                        title = t
                        break
            if title:
                break
    if title is None and title_el is not None:
        t = _text_of(title_el)
        if t:
            parts = [p for p in _TITLE_SPLIT.split(t) if p]
            title = parts[0] if parts and len(parts[0]) >= 4 else t

    # Published: meta tags, <time>, a dated line just before the article, then the text.
    published = None
    for k in _META_DATE:
        v = metas.get(k)
        if v:
            published = _date_from_value(v)
            if published:
                break
    if published is None:
        times = [el for el in _iter_elements(body) if el.tag == "time" and el not in hard]
        pref = [el for el in times if "pubdate" in el.attrs or el.attrs.get("itemprop", "").lower() == "datepublished"]
        inner = [el for el in times if _is_within(el, chosen)]
        for el in pref + inner:
            published = _date_from_value(el.attrs.get("datetime", "") or _text_of(el))
            if published:
                break
    if published is None and header_zone:
        published = _find_published(header_zone, last=True)
    if published is None:
        published = info.published
    if published is None:
        published = _find_published(page_text[:3000])

    credits = list(info.credits)
    if header_zone:
        _a, zone_credits = _find_bylines(header_zone)
        credits = list(dict.fromkeys(credits + zone_credits))

    return Source(
        name=name, raw=raw, text=text, offsets=offsets, format="html", encoding=encoding,
        title=title, published=published, authors=info.authors, credits=credits, skip=info.skip,
    )


def _is_within(el: _El, anc: _El) -> bool:
    p = el
    while p is not None:
        if p is anc:
            return True
        p = p.parent
    return False
