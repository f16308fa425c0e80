"""Which part of an HTML page is the article, and what is left out of it.

- **Hard drops**: elements that are never text (script, style, head, forms controls, media…),
  ``hidden`` and ``display:none``/``visibility:hidden`` elements, and everything under them.
- **Soft drops**: navigation-like elements (``<nav>``, ``<header>``, ``<footer>``, ``<aside>``,
  class or id with nav/menu/share/sidebar… words), unless one holds most of the page's prose
  (an ASP.NET ``<form>`` or a ``has-sidebar`` wrapper around the whole page).
- **The article container**: among ``<article>``/``<main>`` and elements whose class or id says
  content/article/detail/正文…, the deepest one holding at least 60% of the largest one's
  prose, if that is at least a quarter of the page's; else the whole body.

Prose is counted in characters of text outside links (``<a>``), without dropped parts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import label_words, words
from .tree import El, Run, iter_elements

__all__ = ["Layout", "find_body", "is_within", "layout"]

_HARD_DROP = frozenset((
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed", "select",
    "textarea", "button", "option", "canvas", "video", "audio", "map", "title"))
_SOFT_TAGS = frozenset(("nav", "header", "footer", "aside", "form", "menu", "dialog"))
_NAV_SUB = re.compile("|".join(map(re.escape, label_words("nav_class").split())))
_NAV_WORDS = words(label_words("nav_word"))
_CONTENT_SUB = re.compile("|".join(map(re.escape, label_words("content_class").split())))
_CONTENT_WORDS = words(label_words("content_word"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_MIN_PROSE = 20  # characters a container must hold


@dataclass(slots=True)
class Layout:
    body: El
    chosen: El  # the article container (``body`` when none stands out)
    hard: set[El]  # hard drops, with everything under them
    soft: set[El]  # navigation-like elements that are dropped
    under_soft: set[El]  # soft drops and everything under them

    @property
    def dropped(self) -> set[El]:
        return self.hard | self.soft


def find_body(root: El) -> tuple[El, El | None]:
    """The first ``<body>`` (else the root) and the first ``<title>``."""
    body = title = None
    for el in iter_elements(root):
        if el.tag == "body" and body is None:
            body = el
        elif el.tag == "title" and title is None:
            title = el
    return (body if body is not None else root), title


def layout(body: El) -> Layout:
    order = list(iter_elements(body))  # parents before children
    hard, nav = _classify(order, body)
    full = _prose(order, hard)
    body_full = full[body]
    soft = {el for el in nav if not (body_full and full[el] >= 0.5 * body_full)}
    under_soft: set[El] = set()
    for el in order:
        if el in soft or el.parent in under_soft:
            under_soft.add(el)
    clean = _prose(order, hard | soft)
    cands = [el for el in order if el is not body and el not in hard and el not in nav
             and el not in under_soft and _is_content(el) and clean[el] >= _MIN_PROSE]
    return Layout(body, _choose(cands, clean, body), hard, soft, under_soft)


def is_within(el: El, ancestor: El) -> bool:
    p: El | None = el
    while p is not None:
        if p is ancestor:
            return True
        p = p.parent
    return False


def _classify(order: list[El], body: El) -> tuple[set[El], set[El]]:
    """Hard drops (with their descendants) and navigation-like elements."""
    hard: set[El] = set()
    nav: set[El] = set()
    for el in order:
        if el is body:
            continue
        if el.parent in hard or _hard_hidden(el):
            hard.add(el)
        elif _is_nav(el):
            nav.add(el)
    return hard, nav


def _prose(order: list[El], zero: set[El]) -> dict[El, int]:
    """Prose characters under each element, counting nothing under ``zero`` or in links."""
    n: dict[El, int] = {}
    for el in reversed(order):  # children before parents
        if el in zero:
            n[el] = 0
            continue
        total = 0
        for ch in el.children:
            if isinstance(ch, Run):
                if el.tag != "a":
                    total += len(ch.text.strip())
            elif ch.tag != "a":
                total += n.get(ch, 0)
        n[el] = total
    return n


def _choose(cands: list[El], clean: dict[El, int], body: El) -> El:
    if not cands:
        return body
    best = max(clean[el] for el in cands)
    if best < 0.25 * clean.get(body, 0):
        return body
    good = [el for el in cands if clean[el] >= 0.6 * best]
    return max(good, key=lambda el: (el.depth, clean[el]))


def _class_id(el: El) -> str:
    a = el.attrs
    return f"{a.get('class', '')} {a.get('id', '')}".lower()


def _words(s: str) -> set[str]:
    return set(_WORD_SPLIT.split(s)) - {""}


def _is_nav(el: El) -> bool:
    if el.tag in ("html", "body", "#root"):
        return False
    if el.tag in _SOFT_TAGS:
        return True
    ci = _class_id(el)
    if not ci.strip():
        return False
    return bool(_NAV_SUB.search(ci)) or bool(_words(ci) & _NAV_WORDS)


def _is_content(el: El) -> bool:
    if el.tag in ("article", "main"):
        return True
    ci = _class_id(el)
    if not ci.strip():
        return False
    return bool(_CONTENT_SUB.search(ci)) or bool(_words(ci) & _CONTENT_WORDS)


def _hard_hidden(el: El) -> bool:
    if el.tag in _HARD_DROP:
        return True
    if "hidden" in el.attrs:
        return True
    style = el.attrs.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style or "") is not None
