"""A forgiving HTML tree that knows where every piece of text came from in the page.

:func:`parse` never raises on bad markup and is linear in the input: it drives the stdlib
:class:`html.parser.HTMLParser` through a bounded buffer. The tree follows browsers where it
matters for reading an article: ``<p>``/``<li>``/``<td>`` close their open siblings, content in
an unclosed ``<head>`` starts the body, ``</br>`` is a ``<br>``, stray end tags and
``</body>``/``</html>`` are ignored. Text between two tags is one :class:`Run` holding its raw
extent; :meth:`Run.segments` decodes it exactly as :func:`html.unescape` would.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .entities import Segment, segments

__all__ = ["VOID", "El", "Run", "Tree", "iter_elements", "parse"]

VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                  "param", "source", "track", "wbr", "basefont", "frame", "isindex"))
_AUTO_CLOSE = {"p": ("p",), "li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr",),
               "td": ("td", "th"), "th": ("td", "th"), "option": ("option",)}
_SCOPE = frozenset(("ul", "ol", "dl", "table", "div", "body", "html", "article", "section", "td", "th",
                    "blockquote", "main"))
_HEAD_TAGS = frozenset(("head", "title", "meta", "link", "script", "style", "base", "noscript", "template",
                        "object"))
_TEXTLESS = frozenset(("script", "style"))  # their content is never text
_MAX_DEPTH = 1500
_BLOCK_SIZE = 8192


class Run:
    """The text between two tags: ``raw[start:end]`` (character references not yet decoded)."""

    __slots__ = ("_segs", "end", "raw", "start")

    def __init__(self, raw: str, start: int, end: int):
        self.raw = raw
        self.start = start
        self.end = end
        self._segs: list[Segment] | None = None

    def segments(self) -> list[Segment]:
        if self._segs is None:
            self._segs = segments(self.raw, self.start, self.end)
        return self._segs

    @property
    def text(self) -> str:
        return "".join(s[0] for s in self.segments())


class El:
    """An element: tag, attributes, children (elements and runs), where it starts and ends."""

    __slots__ = ("attrs", "children", "depth", "end", "parent", "start", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: El | None, start: int, depth: int):
        self.tag = tag
        self.attrs = attrs
        self.children: list[El | Run] = []
        self.parent = parent
        self.start = start
        self.end: int | None = None
        self.depth = depth


@dataclass(slots=True)
class Tree:
    root: El
    metas: list[dict[str, str]]  # the attributes of every <meta>


def parse(raw: str) -> Tree:
    tb = _TreeBuilder(raw)
    tb.run()
    return Tree(tb.root, tb.metas)


def iter_elements(root: El):
    """Elements under ``root`` (itself first) in document order."""
    stack = [root]
    while stack:
        el = stack.pop()
        yield el
        for ch in reversed(el.children):
            if type(ch) is El:
                stack.append(ch)


class _BoundedParser(HTMLParser):
    """:class:`HTMLParser` driven through a bounded buffer, knowing the position in ``raw`` of
    each event (:meth:`_pos`). Subclasses handle the events; text goes to :meth:`_add_run`."""

    def __init__(self, raw: str):
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self._cur = 0  # position in the buffer, as the parser advances
        self._chunk_abs = 0  # where the buffer starts in raw
        self._fed = 0  # how much of raw has been put in the buffer
        self._grown_for = -1

    def _add_run(self, start: int, end: int) -> None:
        raise NotImplementedError

    # ParserBase.updatepos(i, j) is called each time the parser advances within the buffer;
    # the line/column bookkeeping it does is not needed here.
    def updatepos(self, i: int, j: int) -> int:
        self._cur = j
        return j

    def _pos(self) -> int:
        return self._chunk_abs + self._cur

    def run(self) -> None:
        """Parse ``raw`` through a bounded buffer so that no input makes this quadratic.

        ``goahead`` is driven directly (``close()`` would dump the rest of a document as text
        after some malformed character references). When the parser stops without progress,
        :meth:`_unstick` resolves the construct at the front of the buffer.
        """
        self.rawdata = ""
        while self._step():
            pass

    def _feed(self, upto: int) -> None:
        if upto > self._fed:
            self.rawdata += self.raw[self._fed : upto]
            self._fed = upto

    def _step(self) -> bool:
        if len(self.rawdata) < _BLOCK_SIZE:
            self._feed(min(len(self.raw), self._fed + _BLOCK_SIZE))
        if not self.rawdata:
            return False
        n0 = len(self.rawdata)
        self._chunk_abs = self._fed - n0
        self._cur = 0
        try:
            self.goahead(False)
        except Exception:  # e.g. AssertionError from _markupbase on "<![foo["
            self.rawdata = self.rawdata[self._cur :]
            self._skip_one()
            return True
        if len(self.rawdata) < n0:
            return True
        return self._unstick()

    def _unstick(self) -> bool:
        """The parser made no progress: skip a script/style body, wait for the end of a
        comment or tag that lies beyond the buffer, take more text, or else give up the first
        character as text. False when the rest of the input is consumed."""
        at = self._fed - len(self.rawdata)
        buf = self.rawdata
        if self.cdata_elem:
            return self._skip_cdata(at)
        if buf.startswith("<!--"):
            q = self.raw.find("-->", at + 4)
            if q < 0:
                return False  # an unclosed comment runs to the end
            if q + 3 > self._fed:
                self._feed(q + 3)
                return True
        elif buf.startswith("<") and at != self._grown_for:
            q = self.raw.find(">", at + 1)
            if q < 0:  # no tag can end anywhere after this: the rest is text
                self._add_run(at, len(self.raw))
                return False
            if q + 1 > self._fed:
                self._grown_for = at
                self._feed(q + 1)
                return True
        elif self._fed < len(self.raw) and len(buf) < 4 * _BLOCK_SIZE:
            self._feed(self._fed + _BLOCK_SIZE)
            return True
        self._skip_one()
        return True

    def _skip_cdata(self, at: int) -> bool:
        """Jump to the end tag of the open script/style (its content is never needed)."""
        assert self.cdata_elem is not None
        end_tag = re.compile(rf"</{re.escape(self.cdata_elem)}(?=[\t\n\r\f />])", re.I)
        m = end_tag.search(self.raw, at)
        if m is None:
            return False  # unclosed <script>/<style>: the rest is its content
        if m.start() <= self._fed:
            self.rawdata = self.raw[m.start() : self._fed]
        else:
            self.rawdata, self._fed = "", m.start()
        return True

    def _skip_one(self) -> None:
        """Take the first buffered character as text and drop it."""
        if not self.rawdata:
            return
        at = self._fed - len(self.rawdata)
        self._add_run(at, at + 1)
        self.rawdata = self.rawdata[1:]


class _TreeBuilder(_BoundedParser):
    """Builds the :class:`El` tree with :class:`Run` text from the parser's events."""

    def __init__(self, raw: str):
        super().__init__(raw)
        self.root = El("#root", {}, None, 0, 0)
        self.stack: list[El] = [self.root]
        self.open_count: dict[str, int] = {}
        self.metas: list[dict[str, str]] = []

    def _pop_to(self, idx: int, pos: int) -> None:
        for el in self.stack[idx:]:
            el.end = pos
            self.open_count[el.tag] -= 1
        del self.stack[idx:]

    def _close_innermost(self, tags: tuple[str, ...] | frozenset[str], pos: int,
                         scope: frozenset[str] = frozenset()) -> None:
        """Close the innermost open element among ``tags`` unless a ``scope`` element is nearer."""
        for i in range(len(self.stack) - 1, 0, -1):
            t = self.stack[i].tag
            if t in tags:
                self._pop_to(i, pos)
                return
            if t in scope:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self._pos()
        ad: dict[str, str] = {}
        for k, v in attrs:
            ad.setdefault(k, v if v is not None else "")
        if tag == "meta":
            self.metas.append(ad)
            return
        if tag not in _HEAD_TAGS and self.open_count.get("head"):
            self._close_innermost(("head",), pos)  # content in an unclosed <head> starts the body
        closes = _AUTO_CLOSE.get(tag)
        if closes:
            self._close_innermost(closes, pos, _SCOPE)
        top = self.stack[-1]
        el = El(tag, ad, top, pos, top.depth + 1)
        top.children.append(el)
        if tag not in VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(el)
            self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        pos = self._pos()
        if tag == "br":  # </br> is a <br> in browsers
            top = self.stack[-1]
            top.children.append(El("br", {}, top, pos, top.depth + 1))
            return
        if not self.open_count.get(tag) or tag in ("body", "html"):
            return  # stray end tag; </body> and </html> are ignored as in browsers
        self._close_innermost((tag,), pos)

    def _add_run(self, start: int, end: int) -> None:
        """Text ``raw[start:end]``; pieces that follow each other become one run."""
        top = self.stack[-1]
        if top.tag in _TEXTLESS or end <= start:
            return
        last = top.children[-1] if top.children else None
        if type(last) is Run and last.end == start:
            last.end = end
        else:
            top.children.append(Run(self.raw, start, end))

    def handle_data(self, data: str) -> None:
        if not data:
            return
        pos = self._pos()
        if not self.raw.startswith(data, pos):  # should not happen; stay safe rather than wrong
            p = self.raw.find(data, pos)
            if p < 0:
                p = self.raw.rfind(data, 0, pos + len(data))
            if p < 0:
                return
            pos = p
        self._add_run(pos, pos + len(data))

    def _ref(self, prefix: str, name: str) -> None:
        """A character reference as the parser sees it; it is decoded with its run."""
        pos = self._pos()
        end = pos + len(prefix) + len(name)
        if self.raw.startswith(";", end):
            end += 1
        self._add_run(pos, end)

    def handle_entityref(self, name: str) -> None:
        self._ref("&", name)

    def handle_charref(self, name: str) -> None:
        self._ref("&#", name)

    def handle_comment(self, data: str) -> None:
        pass

    def handle_decl(self, decl: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass
