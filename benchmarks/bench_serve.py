"""Benchmark: the web desk's page ready time and JSON API latency on the demo store, with CPU time.

Data: ``python -m macrodesk demo --format md`` in a temp folder (the bundled real sample in a fresh
store, its project file and the three Markdown reports), served by ``macrodesk.serve.create_app``
with uvicorn on 127.0.0.1 (a thread of this process), as ``macrodesk serve`` runs it. The script
starts measuring only once the server answers a request (it waits, with a deadline, for that).

API latency: ``GET /api/series/cpi_yoy`` (302 months, 2000-11..2025-12) as published and as a
two-year CAGR, ``--requests`` times over one kept-alive HTTP connection (reopened, untimed, when the
server has closed it for idling, as a browser does); p50, p95 and the CPU time of this process per
request (server and client). In the same run, the old way: the same request to an app that, like
the desk before, reads the series from the store on each request (``Store.get``), makes the view
and lets FastAPI encode the dict, behind an ``@app.middleware("http")``. Both must give the same
numbers. Target: series API p95 under 50 ms.

Page ready: Playwright driving Debian's chromium opens each page in a fresh browser context (an
empty cache: the ECharts file and the Chinese font are fetched again) and reads
``window.DESK_READY_MS``, the milliseconds from navigation start until the page has drawn what it
first shows (the explorer's chart, the nowcasts and the backtest chart, the scenario paths, the
tables). Each page is loaded once first so that the server has computed what it keeps (the font
subset, the update state, the nowcasts, the backtest); that first, cold figure is printed too.
Figures: the median of ``--runs`` loads, the page's main-thread busy time in chromium
(``TaskDuration`` of the DevTools performance metrics: CPU the page took, whatever the load) and
the server's CPU time per load. Target: under 1.5 s. Then the Chinese font, old way and new: the
time to fetch and decode the whole 16 MB font the pages used to load and the subset they load now.

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
READY_DEADLINE = 60.0  # seconds for the server to answer its first request


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


def _serve(app, probe: str = "/api/scenarios"):
    """Serve ``app`` on a free loopback port; return once it has answered ``probe``."""
    import uvicorn

    # the server takes this socket: no other process can take the port meanwhile. IPPROTO_TCP, not the
    # default 0: asyncio sets TCP_NODELAY only on such sockets, and without it every response waits ~40 ms
    # (Nagle's algorithm holds the body until the client's delayed ACK of the headers), which
    # `macrodesk serve` (uvicorn binding the port itself) does not do
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off",
                                        log_level=os.environ.get("BENCH_LOG", "warning")))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + READY_DEADLINE
    while True:  # started, and answering: a request sent before that would be refused or dropped
        if not thread.is_alive():
            sys.exit("the server stopped while starting (run with BENCH_LOG=info to see why)")
        if srv.started:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                c.request("GET", probe)
                ok = c.getresponse().status == 200
                c.close()
                if ok:
                    return srv, port
            except (OSError, http.client.HTTPException):
                pass
        if time.monotonic() > deadline:
            sys.exit(f"the server did not answer GET {probe} within {READY_DEADLINE:.0f} s")
        time.sleep(0.05)


class _Client:
    """One kept-alive connection; a request the server dropped because it had closed the idle
    connection (uvicorn closes it after 5 s) is sent again on a new one, untimed, like a browser does."""

    def __init__(self, port: int) -> None:
        self.port, self.conn, self.reopened = port, None, 0

    def get(self, path: str) -> tuple[int, bytes, float]:
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            t0 = time.perf_counter()
            try:
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                body = r.read()
                return r.status, body, time.perf_counter() - t0
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                self.reopened += 1
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _old_app(desk):
    """The series API the old way: the store read on each request, FastAPI encoding a dict, the headers
    set by an ``@app.middleware("http")`` (what the desk did before it kept its answers)."""
    from fastapi import FastAPI

    from macrodesk.serve.desk import _num
    from macrodesk.series import period_key
    from macrodesk.transforms.registry import view as make_view

    app = FastAPI()

    @app.middleware("http")
    async def guard(request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = "default-src 'self'"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/api/series/{series_id}")
    def series(series_id: str, view: str = "level", lang: str = "zh") -> dict:
        with desk._reading() as st:
            s = st.get(series_id)
        res = make_view(s, view)
        keys = period_key(res.data.index)
        return {"series_id": s.id, "name": s.name(lang), "unit": res.unit, "unit_label": desk._unit(res.unit, lang),
                "stored_unit": s.unit, "freq": s.freq, "view": view, "note": res.note,
                "values": [[k, _num(v)] for k, v in zip(keys, res.data.to_numpy())]}

    return app


def _timed(client: _Client, path: str, n: int) -> tuple[list[float], float, dict]:
    status, body, _ = client.get(path)  # the first one computes what is kept
    assert status == 200, (path, status, body[:200])
    times, c0 = [], time.process_time()
    for _ in range(n):
        status, _, dt = client.get(path)
        assert status == 200
        times.append(dt)
    return times, (time.process_time() - c0) / n, json.loads(body)


def _api_latency(port: int, old_port: int, n: int) -> tuple[list[list[str]], int]:
    new, old = _Client(port), _Client(old_port)
    rows = []
    for v in ("level", "cagr2y"):
        path = f"/api/series/{SERIES}?view={v}"
        t_old, cpu_old, b_old = _timed(old, path, n)
        t_new, cpu_new, b_new = _timed(new, path, n)
        # the same numbers both ways, or the comparison means nothing
        assert b_new["values"] == b_old["values"] and len(b_new["values"]) > 300
        for label, t, cpu in (("old: Store.get per request", t_old, cpu_old), ("new: kept answer", t_new, cpu_new)):
            rows.append([f"GET /api/series/{SERIES}?view={v}", label, str(len(b_new["values"])), ms(_pct(t, 0.5)),
                         ms(_pct(t, 0.95)), ms(cpu), "yes" if _pct(t, 0.95) < 0.05 else "NO"])
    new.close()
    old.close()
    return rows, new.reopened + old.reopened


def _page_ready(port: int, runs: int, langs: tuple[str, ...]) -> list[list[str]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])

        def load(url: str, ctx=None) -> tuple[float, float, float]:
            """(ready s, page main-thread busy s, server+driver CPU s) of one load."""
            own = ctx is None
            ctx = ctx or browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
            page = ctx.new_page()
            cdp = ctx.new_cdp_session(page)
            cdp.send("Performance.enable")
            c0 = time.process_time()
            page.goto(url)
            page.wait_for_function("window.DESK_READY === true", timeout=600_000)
            cpu = time.process_time() - c0
            ready = float(page.evaluate("window.DESK_READY_MS")) / 1000
            busy = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}["TaskDuration"]
            page.close()
            if own:
                ctx.close()
            return ready, busy, cpu

        for lang in langs:
            for name in PAGES:
                url = f"http://127.0.0.1:{port}/{name}?lang={lang}"
                cold = load(url)[0]
                loads = [load(url) for _ in range(runs)]
                ctx = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
                load(url, ctx)  # fills this context's cache
                warm = [load(url, ctx)[0] for _ in range(runs)]
                ctx.close()
                med = statistics.median(x[0] for x in loads)
                rows.append([f"/{name}?lang={lang}", ms(cold), ms(med), ms(max(x[0] for x in loads)),
                             ms(statistics.median(warm)), ms(statistics.median(x[1] for x in loads)),
                             ms(statistics.median(x[2] for x in loads)), "yes" if med < 1.5 else "NO"])

        # the Chinese font, old way (the whole file) and new (the subset the pages name), each in an empty cache
        ctx = browser.new_context(bypass_csp=True)
        page = ctx.new_page()
        page.goto(f"http://127.0.0.1:{port}/api?lang=zh")
        page.wait_for_function("window.DESK_READY === true", timeout=600_000)
        subset = page.evaluate("document.querySelector('link[rel=preload][as=font]').getAttribute('href')")
        ctx.close()
        fonts = []
        for label, url in (("old: whole font", "/fonts/noto-sans-cjk-sc.otf"), ("new: subset", subset)):
            times = []
            for _ in range(max(runs, 1)):
                ctx = browser.new_context(bypass_csp=True)
                page = ctx.new_page()
                page.goto(f"http://127.0.0.1:{port}/static/desk.css")
                times.append(page.evaluate("""async (u) => { const t0 = performance.now();
                    const f = new FontFace("probe", `url(${u})`); await f.load(); return performance.now() - t0; }""", url) / 1000)
                size = page.evaluate("(u) => fetch(u).then((r) => r.arrayBuffer()).then((b) => b.byteLength)", url)
                ctx.close()
            fonts.append([label, url, f"{size / 1e6:.2f}", ms(statistics.median(times))])
        browser.close()
    return rows, fonts


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
        old_srv, old_port = _serve(_old_app(app.state.desk), f"/api/series/{SERIES}")
        try:
            rows, reopened = _api_latency(port, old_port, args.requests)
            print_table(["request", "way", "months", "p50 ms", "p95 ms", "CPU ms/request", "p95 < 50 ms"], rows)
            print(f"(CPU: this process, server and client; connections reopened after the server closed them idle: "
                  f"{reopened})\n")
            pages, fonts = _page_ready(port, args.runs, tuple(args.langs.split(",")))
            print_table(["page", "first load ms (server computes)", f"empty cache: median of {args.runs} ms", "max ms",
                         "browser cache: median ms", "page main-thread busy ms", "server CPU ms", "< 1.5 s"], pages)
            print()
            print_table(["Chinese font", "URL", "MB", "fetch and decode ms (empty cache)"], fonts)
        finally:
            srv.should_exit = True
            old_srv.should_exit = True
            app.state.desk.close()


if __name__ == "__main__":
    main()
