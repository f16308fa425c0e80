"""Versions: the package's, and the pipeline's (the package plus a hash of its bundled data).

The pipeline version changes whenever the code release or any lexicon, title table or
gazetteer changes, so a store can tell which documents an older extractor made.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

__version__ = "0.2.0"

__all__ = ["__version__", "data_digest", "pipeline_version"]

_DATA_PACKAGES = ("ganbu.read", "ganbu.lang", "ganbu.people", "ganbu.events")


@lru_cache(maxsize=1)
def data_digest() -> str:
    """sha256 over every bundled data file (name and bytes, in a fixed order), first 12 hex."""
    h = hashlib.sha256()
    for pkg in _DATA_PACKAGES:
        folder = resources.files(pkg).joinpath("data")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file() and not entry.name.startswith("."):
                h.update(f"{pkg}/{entry.name}\0".encode())
                h.update(entry.read_bytes())
    return h.hexdigest()[:12]


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """``<package version>+data.<digest>``, e.g. ``0.2.0+data.3f2a9c01d4e5``."""
    return f"{__version__}+data.{data_digest()}"
