"""ganbu (干部): read Chinese political news and extract officials, positions and organisations.

    >>> import ganbu
    >>> doc = ganbu.extract("浙江省委书记易炼红、省长王浩出席会议。")
    >>> [(p.name, [x.text for x in p.positions]) for p in doc.people]
    [('易炼红', ['浙江省委书记']), ('王浩', ['浙江省省长'])]
"""
from __future__ import annotations

from .errors import GanbuError
from .lang.normalize import normalize as normalize_text
from .model import Document
from .pipeline import extract, extract_path
from .store import open_store
from .version import __version__, pipeline_version

__all__ = ["Document", "GanbuError", "__version__", "extract", "extract_path", "normalize_text", "open_store",
           "pipeline_version"]
