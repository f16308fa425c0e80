"""Fetched pages → the store's extracted facts (runs in the extraction workers).

A page is read by the reader as a saved file would be (:func:`ganbu.read.read_bytes`: UTF-8,
GBK/GB18030, Big5, the article body of an HTML page, its title and date), then extracted and
flattened by the store's own :func:`~ganbu.store.facts.extract_record`, so a collected report is
stored exactly as ``ganbu ingest`` stores a file: its document key (sha256 of the normalised
text), raw text (the decoded page, compressed) and facts. The URL is the document's ``source``
and ``url``; the title and date the listing gave win over those read from the page.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import GanbuError
from ..read import read_bytes
from ..store.facts import Facts, document_key, extract_record
from ..store.inputs import Record

__all__ = ["PageFailure", "PageJob", "process_pages", "read_page"]


@dataclass(slots=True)
class PageJob:
    fetch_id: int
    url: str
    body: bytes
    title: str | None
    published: str | None  # YYYY-MM-DD, from the listing


@dataclass(slots=True)
class PageFailure:
    fetch_id: int
    code: str
    message: str


def read_page(job: PageJob) -> tuple[str, Record]:
    """The page as an ingest record, with its document key; raises ``GanbuError`` (E103–E106)."""
    src = read_bytes(job.body, job.url)
    rec = Record(job.url, job.url, src, job.title or src.title, job.url, job.published or src.published)
    return document_key(src.text), rec


def process_pages(jobs: list[PageJob]) -> list[tuple[int, Facts | PageFailure]]:
    """Read and extract each page; a failure is returned, never raised."""
    out: list[tuple[int, Facts | PageFailure]] = []
    for job in jobs:
        try:
            key, rec = read_page(job)
            out.append((job.fetch_id, extract_record(key, rec)))
        except GanbuError as e:
            out.append((job.fetch_id, PageFailure(job.fetch_id, e.code, e.message)))
        except RecursionError:
            out.append((job.fetch_id, PageFailure(job.fetch_id, "E199", "page too deeply nested to read")))
        except Exception as e:
            out.append((job.fetch_id, PageFailure(job.fetch_id, "E901",
                                                  f"extractor failed ({type(e).__name__}: {e}); please report")))
    return out
