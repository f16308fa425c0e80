"""Bylines and credits: ``撰文 | 高语阳``, ``（记者 张三 李四）``, ``来源：新华社``.

:func:`find_bylines` looks at the lines holding a byline label and at parenthesised reporter
credits, and parses each as a whole: any token that is not a label, a name, a credit, a date
or a filler word rejects it, so prose that merely mentions a reporter (记者从会上获悉) is not
read as a byline. Authors come with exact ``[start, end)`` offsets into the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import alternation, label_words, line_bounds, words

__all__ = ["LABEL_HIT", "Author", "find_bylines"]

Author = tuple[str, int, int]  # (name, start, end)

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NAME_RE = re.compile(rf"[{_CJK}]{{2,4}}|[{_CJK}]{{1,6}}[·•・][{_CJK}]{{1,10}}")
_TOKEN_RE = re.compile(r"[^\s、，,;；|｜:：/／*□■●◆▲★◇○•()（）\[\]【】<>《》“”\"'‘’]+")
_SEPARATOR_AFTER = re.compile(r"[ \t\u3000]*[|｜:：/／]")

_AUTHOR_LABELS = words(label_words("author"))
_NEEDS_SEPARATOR = words(label_words("needs_separator"))
_GLUE = label_words("glue").split()
_GLUE_LABEL = re.compile("|".join(map(re.escape, _GLUE)))
_CREDIT_LABELS = words(label_words("credit"))
_OTHER_LABELS = words(label_words("other"))
_PHOTO_LABELS = words(label_words("photo"))
_IGNORABLE = words(label_words("ignorable"))
_STOP_FIRST = frozenset(label_words("stop_first"))
_STOP_SUB_RE = re.compile("|".join(map(re.escape, label_words("not_name_part").split())))

# The labels that make a line worth parsing (``文`` only before a separator); see analyze.py.
LABEL_HIT = alternation(label_words("line_hit"), r"文字?[ \t\u3000]*[/／|｜:：]", "文")
_LABEL_SCAN = re.compile("(?=[" + re.escape("".join(sorted(LABEL_HIT[0]))) + "])(?:" + LABEL_HIT[1] + ")")

_PAREN_BYLINE = re.compile(
    r"[(（]([^()（）\n]{0,24}?(?:" + "|".join(map(re.escape, _GLUE)) + r")[^()（）\n]{0,40})[)）]")
_LINE_CUT = re.compile(r"[(（\[【]")
_CREDIT_TAIL = re.compile(r"等(?:党报|黨報|媒体|媒體|报道|報道|报纸|報紙|网站|網站|报刊|報刊)?$")
_CREDIT_HEAD = re.compile(r"^(?:综合自|綜合自|综合|綜合|据|據|转自|轉自)")
_DATEISH = re.compile(r"^[\d\-./年月日时分秒時點点:：]+$")
_MAX_LINE = 100


def find_bylines(text: str, label_hits: list[int] | None = None) -> tuple[list[Author], list[str]]:
    """Authors (sorted by offset) and credits (in order, without repeats) in ``text``.

    ``label_hits`` are the offsets of byline labels when the caller has scanned for them
    already (see :func:`ganbu.read.analyze.analyze`)."""
    if label_hits is None:
        label_hits = [m.start() for m in _LABEL_SCAN.finditer(text)]
    authors: dict[int, Author] = {}
    credits: list[str] = []
    for s, base in [*_byline_lines(text, label_hits), *_paren_bylines(text)]:
        r = _parse_byline(s, base)
        if r is None:
            continue
        for a in r.authors:
            authors[a[1]] = a
        credits.extend(r.credits)
    return [authors[k] for k in sorted(authors)], list(dict.fromkeys(credits))


def _byline_lines(text: str, label_hits: list[int]) -> list[tuple[str, int]]:
    """The short lines holding a label, cut before a bracket: ``(line, its offset)``."""
    out = []
    seen: set[int] = set()
    for pos in label_hits:
        ls, le = line_bounds(text, pos)
        if ls in seen:
            continue
        seen.add(ls)
        line = text[ls:le]
        if len(line) > _MAX_LINE:
            continue
        cut = _LINE_CUT.search(line)
        out.append((line[: cut.start()] if cut else line, ls))
    return out


def _paren_bylines(text: str) -> list[tuple[str, int]]:
    return [(m.group(1), m.start(1)) for m in _PAREN_BYLINE.finditer(text)]


@dataclass(slots=True)
class _Parse:
    mode: str | None = None  # "author", "credit", "other" or None
    saw_label: bool = False
    authors: list[Author] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


def _parse_byline(s: str, base: int) -> _Parse | None:
    """Parse a byline-shaped string; ``None`` if it is not one."""
    p = _Parse()
    for m in _TOKEN_RE.finditer(s):
        if not _take(p, s, m.group(), m.start(), m.end(), base):
            return None
    return p if p.saw_label else None


def _take(p: _Parse, s: str, tok: str, start: int, end: int, base: int) -> bool:
    """Read one token into ``p``; False rejects the whole string."""
    label = _label_mode(p, s, tok, end)
    if label is not None:
        return label
    g = _GLUE_LABEL.search(tok)
    if g:  # 本报记者张三, 東方晚報·新聞記者: a label glued to what comes before or after
        prefix, rest = tok[: g.start()], tok[g.end() :]
        if len(prefix) > 16 or any(c.isdigit() for c in prefix):
            return False
        p.mode, p.saw_label = "author", True
        if not rest:
            return True
        tok, start = rest, start + g.end()
    if _DATEISH.match(tok):
        p.mode = None if p.mode != "author" else p.mode
        return True
    return _take_value(p, tok, base + start)


def _label_mode(p: _Parse, s: str, tok: str, end: int) -> bool | None:
    """Handle ``tok`` if it is a label: True (taken), False (rejects), None (not a label)."""
    separated = _SEPARATOR_AFTER.match(s, end) is not None
    for labels, mode in ((_AUTHOR_LABELS, "author"), (_CREDIT_LABELS, "credit")):
        if tok in labels:
            if tok in _NEEDS_SEPARATOR and not separated:
                return False
            p.mode, p.saw_label = mode, True
            return True
    if tok in _PHOTO_LABELS and p.mode == "author" and not separated:
        return True  # 文/图 张三: the 图 belongs to the author label
    if tok in _OTHER_LABELS:
        p.mode, p.saw_label = "other", True
        return True
    return None


def _take_value(p: _Parse, tok: str, at: int) -> bool:
    if p.mode == "author":
        if tok in _IGNORABLE:
            return True
        if _valid_name(tok):
            p.authors.append((tok, at, at + len(tok)))
            return True
        return False
    if p.mode == "credit":
        c = _clean_credit(tok)
        if c is None:
            return False
        p.credits.append(c)
        return True
    return p.mode == "other" and len(tok) <= 8


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
