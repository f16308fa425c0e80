#!/usr/bin/env python3
"""Load test of ``ganbu collect``: N report pages from a local server, fetched, read, extracted
and stored, with the rate limit lifted.

    pip install 'ganbu[collect]'
    PYTHONPATH=src python3 benchmarks/collect_load.py                 # 5,000 pages, 5 sitemaps
    PYTHONPATH=src python3 benchmarks/collect_load.py --n 1000 --db postgresql://postgres@127.0.0.1/bench

The pages are reports from ``benchmarks/generate_corpus.py`` (genre-like, made here, seed 3)
wrapped as article pages of a provincial news site (navigation, headline, dateline, footer;
every fifth page in GBK), listed by ``--sources`` sitemaps. The server is a
``ThreadingHTTPServer`` in its own process on 127.0.0.1 (nothing leaves the machine). Printed:

- the anchor: one process reading and extracting the first ``--anchor`` pages (no network, no
  store), measured in the same run, so figures from a busy machine can be compared;
- the collect run (``--interval 0``, ``--per-host``/``--concurrency`` as given, extraction
  workers on every core): wall time, pages/s fetched and stored, then resolution's time apart;
- a second run over the same sources: what it fetched (nothing but the conditional sitemap
  requests) and its time;
- peak RSS of this process (the collector) and of its largest child (an extraction worker or
  the server).
"""
from __future__ import annotations

import argparse
import html
import json
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

HERE = Path(__file__).resolve().parent


def _page(rec: dict, charset: str) -> bytes:
    paras = "".join(f"<p>　　{html.escape(p)}</p>\n" for p in rec["text"].split("\n") if p.strip())
    title = html.escape(rec.get("title") or "")
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}_要闻_省报</title>'
            f'<meta name="PubDate" content="{rec["published"]} 08:00"></head><body>'
            f'<div class="nav"><a href="/">首页</a><a href="/yw/">要闻</a><a href="/sz/">时政</a></div>'
            f'<div class="article"><h1>{title}</h1><div class="info">发布时间：{rec["published"]} 来源：省报</div>'
            f'<div class="content">{paras}</div></div><div class="footer">版权所有 省报</div></body></html>'
            ).encode(charset, "xmlcharrefreplace")


def make_pages(n: int, folder: Path) -> tuple[dict[str, bytes], list[dict]]:
    subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--n", str(n), "--seed", "3", "--out",
                    str(folder)], check=True, stdout=subprocess.DEVNULL)
    recs = [json.loads(line) for line in (folder / "reports.jsonl").open(encoding="utf-8")][:n]
    pages = {}
    for i, r in enumerate(recs):
        day = r["published"]
        pages[f"/{day[:7]}/{day[8:10]}/content_{i}.htm"] = _page(r, "gbk" if i % 5 == 0 else "utf-8")
    return pages, recs


def serve(pages: dict[str, bytes], port_q: mp.Queue, sources: int) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    paths = sorted(pages)
    routes = dict(pages)
    routes["/robots.txt"] = b"User-agent: *\nDisallow: /private/\n"
    for s in range(sources):
        mine = paths[s::sources]
        routes[f"/sitemap{s}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>BASE{p}</loc></url>" for p in mine) + "</urlset>").encode()

    class H(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = routes.get(self.path)
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            if self.path.startswith("/sitemap"):
                body = body.replace(b"BASE", base.encode())
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.send_header("ETag", '"v1"')
                    self.end_headers()
                    return
            self.send_response(200)
            self.send_header("Content-Type", "application/xml" if self.path.endswith(".xml") else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", '"v1"')
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a: object) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    srv.daemon_threads = True
    srv.request_queue_size = 256
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    port_q.put(base)
    srv.serve_forever()


def rss_now() -> float:
    """This process's resident memory now (MB), from /proc (0 where there is none)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def anchor(pages: dict[str, bytes], n: int) -> float:
    from ganbu.pipeline import extract
    from ganbu.read import read_bytes

    items = list(pages.items())[:n]
    extract("浙江省委书记易炼红出席。", "2023-01-01")
    t = time.perf_counter()
    for name, body in items:
        extract(read_bytes(body, name))
    return len(items) / (time.perf_counter() - t)


def run(db: str, base: str, sources: int, args: argparse.Namespace) -> tuple[dict, float, float]:
    from ganbu.collect.fetch import Politeness
    from ganbu.collect.run import collect
    from ganbu.collect.sources import add_source, list_sources
    from ganbu.store.db import open_engine, write

    eng = open_engine(db)
    with write(eng) as c:
        for s in range(sources):
            add_source(c, f"{base}/sitemap{s}.xml", "sitemap", f"sitemap {s}")
    with eng.connect() as c:
        srcs = list_sources(c)
    p = Politeness(interval=0, per_host=args.per_host, concurrency=args.concurrency, timeout=30)
    t = time.perf_counter()
    rep = collect(eng, srcs, p, workers=args.workers, resolve=False)
    wall = time.perf_counter() - t
    from ganbu.store.resolve import update

    t = time.perf_counter()
    update(eng)
    resolve = time.perf_counter() - t
    eng.dispose()
    return rep.to_dict(), wall, resolve


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--sources", type=int, default=5)
    ap.add_argument("--db", help="default: a fresh SQLite file in a temporary folder")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--per-host", type=int, default=16)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--anchor", type=int, default=300)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="collect_load_"))
    pages, _ = make_pages(args.n, tmp / "gen")
    q: mp.Queue = mp.Queue()
    server = mp.get_context("fork").Process(target=serve, args=(pages, q, args.sources), daemon=True)
    server.start()
    base = q.get(timeout=30)
    try:
        a = anchor(pages, args.anchor)
        before = rss_now()
        db = args.db or str(tmp / "collect.db")
        first, wall, resolve = run(db, base, args.sources, args)
        after = rss_now()
        second, wall2, _ = run(db, base, args.sources, args)
    finally:
        server.terminate()
    load = os.getloadavg()
    print(f"pages: {len(pages)} from {args.sources} sitemaps on {base} ({sum(map(len, pages.values())):,} bytes)")
    print(f"anchor: read + extract in one process, first {args.anchor} pages: {a:.0f} pages/s")
    print(f"collect: {first['fetched']} fetched, {first['new']} new, {first['unchanged']} unchanged, "
          f"{first['failed']} failed in {wall:.1f} s = {first['fetched'] / wall:.0f} pages/s fetched and stored "
          f"(workers {args.workers}, per-host {args.per_host}, concurrency {args.concurrency}); "
          f"resolution after it {resolve:.1f} s")
    print(f"second run: {second['fetched']} fetched, {second['new']} new, {second['requests']} requests in "
          f"{wall2:.2f} s")
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: collector process {me:.0f} MB (before the run, with the pages and the pipeline loaded "
          f"{before:.0f} MB, after it {after:.0f} MB); largest child (worker or server) {kids:.0f} MB")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (2-core machine)")


if __name__ == "__main__":
    main()
