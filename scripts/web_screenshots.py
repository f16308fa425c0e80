#!/usr/bin/env python3
"""The README's screenshots of the web interface: docs/img/person.png and docs/img/report.png.

    python3 scripts/web_screenshots.py            # needs the web extra, playwright and /usr/bin/chromium

The store is made here from reports written for this project (``examples/*.md`` and the store
tests' reports in ``tests/test_store_support.py``), never from third-party texts. The server runs
in a thread on a free localhost port; the distribution's Chromium takes the pictures.
"""
from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]


def main() -> int:
    import httpx
    import uvicorn
    from playwright.sync_api import sync_playwright

    import ganbu
    from ganbu.web import create_app
    from test_store_support import write_jsonl
    from test_web_support import WEB_REPORTS

    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "shots.db"
        mine = [r for r in WEB_REPORTS if "pwned" not in r["text"]]
        with ganbu.open_store(db) as st:
            st.ingest([str(ROOT / "examples"), str(write_jsonl(Path(tmp) / "r.jsonl", mine))], workers=0)
        app = create_app(db)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=srv.run, daemon=True).start()
        while not srv.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        pid = httpx.get(base + "/api/search", params={"q": "王浩"}).json()["persons"][0]["person_id"]
        found = httpx.get(base + "/api/search", params={"q": "走访中央单位"}).json()["reports"]
        doc = found[0]["document_id"]
        rep = httpx.get(f"{base}/api/report/{doc}").json()
        ev = rep["events"][0]
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = b.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
            page.goto(f"{base}/person/{pid}")
            page.screenshot(path=str(out / "person.png"), full_page=False)
            page.goto(f"{base}/report/{doc}?hl={ev['span'][0]}-{ev['span'][1]}")
            page.locator("article.report-text mark.hl-person", has_text="易炼红").first.click()
            page.screenshot(path=str(out / "report.png"), full_page=False)
            b.close()
        srv.should_exit = True
        app.state.store.close()
    print(f"wrote {out / 'person.png'} and {out / 'report.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
