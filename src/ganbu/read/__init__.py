"""Reading layer: bytes, a path, stdin or a str → one :class:`Source` (decoded text, the
article body of an HTML page with offsets back into the page, title, date, bylines).

Modules, each importing only those above it in this list::

    source    the Source record; raw_span and the span invariant
    decode    size limits, BOMs, UTF-8 / GB18030 / Big5 detection
    sniff     html, markdown or text
    lines     line bounds, span merging, keyword alternations
    meta      title and publication date from text and <meta> values
    byline    bylines and credits
    skip      skip ranges (images, URLs, copyright and navigation lines)
    analyze   the text metadata in one scan (meta, byline, skip)
    entities  character references decoded as html.unescape does, with offsets
    tree      the forgiving HTML tree with text runs (html.parser)
    textout   the text of a tree with offsets
    article   the article container and what is left out
    htmlmeta  title and date of a page
    page      an HTML page → Source
    reader    read_bytes / read_path / read_text
    spancheck an independent check of the span invariant (tests, benchmarks)
"""
from .decode import DEFAULT_MAX_BYTES
from .reader import read_bytes, read_path, read_text
from .source import Source

__all__ = ["DEFAULT_MAX_BYTES", "Source", "read_bytes", "read_path", "read_text"]
