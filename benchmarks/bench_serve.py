"""Benchmark: the web desk's page ready time and JSON API latency on the demo store.

Data: ``python -m macrodesk demo --format md`` in a temp folder (the bundled real sample in a fresh
store, its project file and the three Markdown reports), served by ``macrodesk.serve.create_app``
with uvicorn on 127.0.0.1 (a thread of this process), as ``macrodesk serve`` runs it.

Page ready: Playwright driving Debian's chromium opens each page in a fresh browser context (an
empty cache: the ECharts file and the Chinese font are fetched again) and reads
``window.DESK_READY_MS``, the milliseconds from navigation start until the page has drawn what it
first shows (the explorer's chart, the nowcasts and the backtest chart, the scenario paths, the
tables). Each page is loaded once first so that the server has computed what it keeps (the update
state, the nowcasts, the backtest); that first, cold figure is printed too. Figure: the median of
``--runs`` loads. Target: under 1.5 s.

API latency: ``GET /api/series/cpi_yoy`` (302 months, 2000-11..2025-12) as published and as a
two-year CAGR, over one kept-alive HTTP connection, ``--requests`` times; p50 and p95. Baseline in
the same run: the same series read straight from ``Store.get`` on the desk's own connection, and
the same view made by ``transforms.registry.view``. Target: series API p95 under 50 ms.

Run:  python benchmarks/bench_serve.py [--runs 3] [--requests 200]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # this checkout's macrodesk, not another install
from _common import ms, print_machine_info, print_table  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PAGES = ["explorer", "news", "nowcast", "scenarios", "reports", "api"]
SERIES = "cpi_yoy"


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


def _serve(app):
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # the server takes this socket: no other process can take the port meanwhile
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off",
                                        log_level=os.environ.get("BENCH_LOG", "warning")))
    threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not srv.started:
        time.sleep(0.02)
    for _ in range(50):  # until it answers (a connection made right at start-up may be dropped)
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/api/scenarios")
            c.getresponse().read()
            c.close()
            break
        except (ConnectionError, http.client.HTTPException):
            time.sleep(0.2)
    return srv, port


def _page_ready(port: int, runs: int, langs: tuple[str, ...]) -> list[list[str]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])

        def load(url: str, ctx=None) -> float:
            own = ctx is None
            ctx = ctx or browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
            page = ctx.new_page()
            page.goto(url)
            page.wait_for_function("window.DESK_READY === true", timeout=600_000)
            out = float(page.evaluate("window.DESK_READY_MS"))
            page.close()
            if own:
                ctx.close()
            return out / 1000

        for lang in langs:
            for name in PAGES:
                url = f"http://127.0.0.1:{port}/{name}?lang={lang}"
                cold = load(url)
                times = [load(url) for _ in range(runs)]
                ctx = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
                load(url, ctx)  # fills this context's cache
                warm = [load(url, ctx) for _ in range(runs)]
                ctx.close()
                med = statistics.median(times)
                rows.append([f"/{name}?lang={lang}", ms(cold), ms(med), ms(max(times)), ms(statistics.median(warm)),
                             "yes" if med < 1.5 else "NO"])
        browser.close()
    return rows


def _api_latency(port: int, desk, n: int) -> list[list[str]]:
    from macrodesk.transforms.registry import view

    conn = http.client.HTTPConnection("127.0.0.1", port)
    rows = []
    for v in ("level", "cagr2y"):
        path = f"/api/series/{SERIES}?view={v}"
        conn.request("GET", path)
        body = json.loads(conn.getresponse().read())
        months = len(body["values"])
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            times.append(time.perf_counter() - t0)
            assert r.status == 200
        base = []
        for _ in range(n):
            t0 = time.perf_counter()
            s = desk.store.get(SERIES)
            if v != "level":
                view(s, v)
            base.append(time.perf_counter() - t0)
        # the same numbers both ways, or the comparison means nothing
        direct = view(desk.store.get(SERIES), v).data.dropna()
        assert months == len(view(desk.store.get(SERIES), v).data)
        assert abs(body["values"][-1][1] - round(float(direct.iloc[-1]), 4)) < 1e-9
        p50, p95 = _pct(times, 0.5), _pct(times, 0.95)
        b50, b95 = _pct(base, 0.5), _pct(base, 0.95)
        rows.append([f"GET /api/series/{SERIES}?view={v}", str(months), ms(p50), ms(p95), ms(b50), ms(b95),
                     f"{p95 / b95:.1f}x", "yes" if p95 < 0.05 else "NO"])
    conn.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="page loads per page (after the cold one)")
    ap.add_argument("--requests", type=int, default=200, help="API requests per view")
    ap.add_argument("--langs", default="zh,en", help="page languages, comma-separated")
    ap.add_argument("--demo", type=Path, help="a folder `macrodesk demo` built (default: build one in a temp folder)")
    args = ap.parse_args()
    print_machine_info("web desk: page ready and API latency (demo store)",
                       ["fastapi", "starlette", "uvicorn", "playwright", "duckdb", "pandas"])
    if not Path(CHROMIUM).exists():
        sys.exit("the page figures need chromium: apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        out = args.demo or Path(tmp) / "demo"
        if not (out / "macrodesk.toml").is_file():
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "macrodesk", "demo", "--out", str(out), "--format", "md"],
                           check=True, stdout=subprocess.DEVNULL, cwd=Path(__file__).resolve().parents[1])
            print(f"demo store and reports built in {time.perf_counter() - t0:.1f} s\n")
        from macrodesk.project import load_project
        from macrodesk.serve import create_app

        project = load_project(out / "macrodesk.toml")
        app = create_app(project.store, project)
        srv, port = _serve(app)
        try:
            print_table(["request", "months", "p50 ms", "p95 ms", "Store.get p50 ms",
                         "Store.get p95 ms", "p95 ratio", "p95 < 50 ms"], _api_latency(port, app.state.desk, args.requests))
            print()
            print_table(["page", "first load ms (server computes)", f"empty cache: median of {args.runs} ms", "max ms",
                         "browser cache: median ms", "< 1.5 s"],
                        _page_ready(port, args.runs, tuple(args.langs.split(","))))
        finally:
            srv.should_exit = True
            app.state.desk.close()


if __name__ == "__main__":
    main()
