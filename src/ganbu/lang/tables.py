"""Reading the bundled data tables: tab-separated files in a ``data/`` folder beside the code
that reads them (``ganbu/lang/data``, ``ganbu/people/data``, ``ganbu/events/data``).

Every file is UTF-8, tab-separated, with leading ``#`` comment lines (its source and date) and
one header row. A missing or malformed file raises :class:`ganbu.errors.DataError` naming it.
"""
from __future__ import annotations

import csv
from importlib import resources as _res

from ..errors import DataError

__all__ = ["data_text", "rows"]


def data_text(package: str, filename: str) -> str:
    """The text of ``filename`` in ``package``'s ``data/`` folder."""
    try:
        return _res.files(package).joinpath("data", filename).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, ModuleNotFoundError, OSError) as exc:
        raise DataError(f"bundled data file missing or unreadable: {exc}", filename) from exc
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8: {exc}", filename) from exc


def rows(package: str, filename: str) -> list[dict[str, str]]:
    """The rows of a bundled table as dicts keyed by its header (comments skipped)."""
    raw = data_text(package, filename)
    lines = [ln for ln in raw.splitlines() if ln and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    out = []
    for row in reader:
        if None in row:
            raise DataError(f"malformed row {row!r}", filename)
        out.append({k: (v or "").strip() for k, v in row.items()})
    return out
