"""Bytes → str: size limits, byte-order marks, and UTF-8 / GB18030 / Big5 detection.

- A BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides and is removed.
- Else strict UTF-8.
- Else GB18030 and Big5 are both tried (strictly) and the one whose characters look like
  Chinese text wins: GBK text often decodes as Big5 without error, so the choice is scored,
  not made by order. A declared ``charset=`` in the first 4 KB breaks ties.

Errors: NUL bytes or many control bytes in the first 8 KB → E104; nothing decodes, or nothing
decodes into plausible text → E105; empty or whitespace only → E103; over the size limit → E106.
"""
from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from ..errors import InputBinary, InputEmpty, InputTooLarge, InputUndecodable

__all__ = ["DEFAULT_MAX_BYTES", "check_text", "decode", "read_limited", "too_large_msg"]

DEFAULT_MAX_BYTES = 50_000_000
_CHUNK = 1 << 20
_HEAD = 8192

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

_LEGACY = (("gb18030", ("gb18030",)), ("big5", ("big5", "cp950", "big5hkscs")))
_CHARSET_HINT = re.compile(
    rb"charset\s*=\s*[\"']?\s*(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|big5|big5-hkscs|cp950|x-big5)",
    re.I,
)


def too_large_msg(size: int | None, limit: int) -> str:
    if size is None:
        return f"input is larger than the limit of {limit:,} bytes"
    return f"input is {size:,} bytes, over the limit of {limit:,}"


def read_limited(f: BinaryIO, max_bytes: int, name: str) -> bytes:
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
            if not _bom(chunk) and b"\x00" in chunk[:_HEAD] and len(chunk) >= _HEAD:
                raise InputBinary("binary data (NUL bytes)", name)
        parts.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise InputTooLarge(too_large_msg(None, max_bytes), name)
    return b"".join(parts)


def check_text(text: str, name: str) -> None:
    """Refuse a decoded text that is empty, whitespace only or binary."""
    if not text or text.isspace():
        raise InputEmpty("input is empty" if not text else "input is only whitespace", name)
    head = text[:_HEAD]
    if "\x00" in head:
        raise InputBinary("binary data (NUL characters)", name)
    if _control_share(head) > _CONTROL_LIMIT:
        raise InputBinary("binary data (control characters)", name)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding label)`` or raise an input error."""
    if not data or data.isspace():
        raise InputEmpty("input is empty" if not data else "input is only whitespace", name)
    found = _decode_bom(data, name)
    if found is not None:
        return found
    head = data[:_HEAD]
    if b"\x00" in head:
        raise InputBinary("binary data (NUL bytes in the first 8 KB)", name)
    if _control_share(head) > _CONTROL_LIMIT:
        raise InputBinary("binary data (control bytes in the first 8 KB)", name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _decode_legacy(data, name, e.start)
    check_text(text, name)
    return text, "utf-8"


def _bom(data: bytes) -> tuple[bytes, str, str] | None:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return bom, codec, label
    return None


def _control_share(sample: bytes | str) -> float:
    if not sample:
        return 0.0
    if isinstance(sample, bytes):
        return len(sample.translate(None, _NON_CONTROL)) / len(sample)  # only control bytes remain
    return len(_CONTROL_CHARS_RE.findall(sample)) / len(sample)


def _decode_bom(data: bytes, name: str) -> tuple[str, str] | None:
    b = _bom(data)
    if b is None:
        return None
    bom, codec, label = b
    try:
        text = data[len(bom) :].decode(codec)
    except UnicodeDecodeError as e:
        if label == "utf-32" and data.startswith(codecs.BOM_UTF16_LE):
            # FF FE 00 00 may also be UTF-16 LE starting with U+0000; that is binary anyway.
            raise InputBinary("binary data (NUL characters)", name) from None
        raise InputUndecodable(f"invalid {label} after byte-order mark at byte {e.start + len(bom)}",
                               name) from None
    check_text(text, name)
    return text, label


def _decode_legacy(data: bytes, name: str, utf8_error: int) -> tuple[str, str]:
    """GB18030 or Big5, whichever reads as Chinese (a declared charset breaks ties)."""
    candidates: dict[str, str] = {}
    for label, codecs_to_try in _LEGACY:
        for codec in codecs_to_try:
            try:
                candidates[label] = data.decode(codec)
                break
            except UnicodeDecodeError:
                continue
    if not candidates:
        raise InputUndecodable(
            f"cannot decode (invalid utf-8 at byte {utf8_error}; tried utf-8, gb18030, big5)", name)
    hint = _declared(data)
    scored = {label: _score(text, label) for label, text in candidates.items()}
    if hint is not None and hint in candidates and _plausible(scored[hint]):
        label = hint
    else:
        label = max(scored, key=lambda k: (scored[k][0], k == "gb18030"))
        if not _plausible(scored[label]):
            raise InputUndecodable(
                f"not utf-8 (invalid at byte {utf8_error}) and no plausible gb18030/big5 reading "
                "(tried utf-8, gb18030, big5)", name)
    text = candidates[label]
    check_text(text, name)
    return text, label


def _declared(data: bytes) -> str | None:
    m = _CHARSET_HINT.search(data[:4096])
    if m is None:
        return None
    return "big5" if m.group(1).lower().startswith((b"big5", b"cp950", b"x-big5")) else "gb18030"


def _score(text: str, label: str) -> tuple[int, int, int]:
    """``(score, common hits, CJK chars)`` over a sample of ``text``."""
    common = _COMMON
    own = _SIMP_SET if label == "gb18030" else _TRAD_SET
    hits = cjk = pua = bonus = 0
    for c in text[:20000]:
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
    _, hits, cjk = s
    if cjk < 40:
        return True  # too little to judge; trust a strict decode
    return hits >= 0.12 * cjk
