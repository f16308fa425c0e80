#!/usr/bin/env python3
"""A batch over many reports: ``ganbu.extract`` inside Dask's map on a local cluster, Parquet
out, then ``ganbu ingest`` loads the Parquet without extracting again.

    pip install 'ganbu[bench]'            # dask[dataframe,distributed], pyarrow
    PYTHONPATH=src python3 benchmarks/store_dask.py /work/shared/corpus/bulk/xwlb_2022_2023.jsonl \\
        --out /tmp/extracted --workers 2
    PYTHONPATH=src python3 -m ganbu ingest /tmp/extracted --db /tmp/dask.db

Dask does the scheduling (a ``LocalCluster`` here; a ``dask.distributed`` cluster of many
machines the same way, with ``--scheduler tcp://host:8786``): the JSON Lines inputs are read
as a ``dask.bag`` in blocks, each partition is extracted by :func:`extract_partition` (one
``ganbu.extract`` per report) and written by the worker as one Parquet file with the bulk-format columns
(``id``, ``title``, ``url``, ``published``, ``text``) plus ``document``, the JSON of the
extracted :class:`ganbu.Document`, and ``pipeline``, the version that made it. ``ganbu ingest``
reads such files, keeps the extracted documents as they are (the claims and idempotency are the
same as for any input) and ``ganbu reextract --stale`` later redoes those an older pipeline
made. Prints the reports/s of the map and of the ingest, against the single-process anchor.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

COLUMNS = ("id", "title", "url", "published", "text", "document", "pipeline")


def extract_partition(records: list[dict]) -> list[dict]:
    """The map: each bulk-format record with its extracted document (errors give no row)."""
    import ganbu

    out = []
    for r in records:
        try:
            doc = ganbu.extract(r["text"], r.get("published"), name=str(r.get("id", "")))
        except ganbu.GanbuError:
            continue
        out.append({"id": r.get("id"), "title": r.get("title"), "url": r.get("url"), "published": r.get("published"),
                    "text": r["text"], "document": json.dumps(doc.to_dict(), ensure_ascii=False),
                    "pipeline": doc.pipeline.version})
    return out


def write_partition(records: list[dict], out: str) -> list[str]:
    """The map and the write: one Parquet file per partition (strings only, so every file has the
    same schema)."""
    import uuid

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = extract_partition(records)
    table = pa.table({c: pa.array([None if r[c] is None else str(r[c]) for r in rows], pa.string()) for c in COLUMNS})
    path = str(Path(out) / f"part-{uuid.uuid4().hex[:12]}.parquet")
    pq.write_table(table, path)
    return [path]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSON Lines files (bulk format)")
    ap.add_argument("--out", required=True, help="folder for the Parquet files")
    ap.add_argument("--workers", type=int, default=2, help="local cluster worker processes")
    ap.add_argument("--scheduler", help="address of an existing dask.distributed scheduler instead")
    ap.add_argument("--blocksize", default="4MiB")
    ap.add_argument("--ingest", action="store_true", help="then ingest the Parquet into a fresh store and time it")
    args = ap.parse_args()
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    try:
        t = time.perf_counter()
        Path(args.out).mkdir(parents=True, exist_ok=True)
        bag = db.read_text(args.inputs, blocksize=args.blocksize).map(json.loads)
        bag.map_partitions(write_partition, args.out).compute()
        wall = time.perf_counter() - t
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    import pyarrow.parquet as pq

    n = sum(pq.ParquetFile(p).metadata.num_rows for p in Path(args.out).glob("*.parquet"))
    print(f"dask map: {n} reports extracted in {wall:.1f} s ({n / wall:.0f} reports/s, {args.workers} workers) "
          f"→ {args.out}")
    if args.ingest:
        from ganbu.store.api import open_store

        db_path = Path(tempfile.mkdtemp(prefix="ganbu-dask-")) / "dask.db"
        st = open_store(db_path)
        t = time.perf_counter()
        s = st.ingest([args.out])
        print(f"ingest of the Parquet: {s.lines()[0]} ({s.read / (time.perf_counter() - t):.0f} reports/s) → {db_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
