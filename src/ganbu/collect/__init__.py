"""Collecting reports from their sources: feeds, sitemaps and list pages, politely and resumably.

Layer: above the store (it imports the store, the reader, the pipeline, the model, the errors
and the version; nothing below imports it). Modules:

    sources   the ``sources`` table and the shipped starter list (``data/sources.tsv``)
    links     report links from a feed, a sitemap or a list page
    fetch     polite HTTP (httpx, protego): robots.txt, rate limits, conditional requests, retries
    pages     fetched pages → the store's facts (the reader and the pipeline, in the workers)
    state     polls, validators and the URL queue in the store; claims for sharing the work
    run       ``ganbu collect``: one run, resumable, shared by several collectors
    health    ``ganbu sources health``: last success, reports per day, quiet or failing sources
    cli       the commands

Needs the ``collect`` extra: ``pip install 'ganbu[collect]'`` (httpx, feedparser, protego).
"""
from __future__ import annotations

__all__ = ["collect"]


def collect(*args, **kw):
    """See :func:`ganbu.collect.run.collect`."""
    from .run import collect as _collect

    return _collect(*args, **kw)
