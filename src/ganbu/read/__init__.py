"""Reading layer: bytes, a path, stdin or a str → one :class:`Source` (decoded text, the
article body of an HTML page with offsets back into the page, title, date, bylines)."""
from .reader import DEFAULT_MAX_BYTES, Source, read_bytes, read_path, read_text

__all__ = ["Source", "read_bytes", "read_path", "read_text", "DEFAULT_MAX_BYTES"]
