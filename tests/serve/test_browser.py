"""The pages in a real browser (Playwright driving Debian's chromium): no console error, no request off
this machine, a search draws a chart, the scenario form changes the path.

Skipped without chromium or playwright; enable with ``apt-get install -y chromium`` and
``pip install playwright`` (the ``test`` extra). Set ``MACRODESK_SCREENSHOTS=DIR`` to keep a PNG of each page.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.enable_socket
if not Path(CHROMIUM).exists():
    pytest.skip("browser tests need chromium: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright: pip install playwright")

_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="module")
def server(desk_app):
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(desk_app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def tab(server):
    """One browser tab for the module: each test navigates it (a page after the first reuses the loaded
    script and font, as an analyst's browser does). ``tab.seen`` holds the console errors and the
    requests off this machine since the last :func:`_open`."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=_ARGS)
        # bypass_csp: Playwright waits by evaluating script text, which the pages' policy forbids; requests
        # off this machine are still seen (and would no longer be blocked by the policy)
        page = b.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
        seen: dict[str, list[str]] = {"errors": [], "offsite": [], "fonts": []}
        page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("request", lambda r: seen["offsite"].append(r.url)
                if urlsplit(r.url).scheme in ("http", "https", "ws", "wss") and urlsplit(r.url).hostname not in LOOPBACK
                else None)
        page.on("request", lambda r: seen["fonts"].append(urlsplit(r.url).path) if "/fonts/" in r.url else None)
        page.seen = seen
        yield page
        b.close()


def _open(tab, url):
    for v in tab.seen.values():
        v.clear()
    tab.goto(url)
    tab.wait_for_function("window.DESK_READY === true", timeout=30000)
    return tab, tab.seen["errors"], tab.seen["offsite"]


def _shot(page, name):
    folder = os.environ.get("MACRODESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


# the nowcast page is left out: its backtest refits the model for 36 months (the API tests check its numbers)
@pytest.mark.parametrize("path", ["/explorer?lang=zh", "/news?lang=en", "/news?lang=zh", "/scenarios?lang=en",
                                  "/reports?lang=zh", "/api?lang=en"])
def test_page_loads_clean_and_local(tab, server, path):
    page, errors, offsite = _open(tab, server + path)
    _shot(page, path.strip("/").replace("?lang=", "-"))
    assert errors == [] and offsite == []


def test_chinese_is_drawn_in_the_desks_font(tab, server):
    """The machine has no Chinese font: the page's text and the chart use the one the desk serves, cut to
    the characters the desk shows (the whole 16 MB font is not fetched)."""
    tab.context.clear_cookies()
    tab.goto("about:blank")
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.clearBrowserCache")  # an earlier page may have brought the font in already
    page, errors, offsite = _open(tab, server + "/news?lang=zh")
    fetched = list(page.seen["fonts"])
    assert len(fetched) == 1 and fetched[0].startswith("/fonts/macrodesk-cjk-"), fetched
    faces = page.evaluate("[...document.fonts].map((f) => [f.family, f.status])")
    assert ['"macrodesk-cjk"', "loaded"] in [list(f) for f in faces] or ["macrodesk-cjk", "loaded"] in faces
    # a heading's characters come from that font (not a fallback drawing empty boxes)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    h2 = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h2"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": h2})["fonts"]
    assert [f["familyName"] for f in fonts] == ["Noto Sans CJK SC Regular"] and fonts[0]["isCustomFont"]
    assert errors == [] and offsite == []


def test_search_draws_the_chart(tab, server):
    page, errors, offsite = _open(tab, server + "/explorer?lang=zh")
    page.fill("#q", "PPI 当月同比")
    page.wait_for_selector('#hits li[data-id="ppi_yoy"]')
    page.click('#hits li[data-id="ppi_yoy"]', position={"x": 8, "y": 8})  # the name, not its "add on the right" button
    page.wait_for_function("document.getElementById('left-name').textContent.includes('ppi_yoy')")
    # the canvas has drawn pixels: some are neither transparent nor white
    inked = page.evaluate("""() => { const c = document.querySelector('#chart canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) n++;
        return n; }""")
    _shot(page, "explorer-ppi")
    assert inked > 500 and errors == [] and offsite == []


def test_scenario_form_changes_the_path(tab, server):
    page, errors, offsite = _open(tab, server + "/scenarios?lang=zh")
    page.wait_for_function("document.body.dataset.scenarioRuns === '1'")
    box = page.locator('#sc-params tr:has(code:text-is("scenarios/optimistic/shocks/0/shock_pct")) input')
    assert float(box.input_value()) == 3.0
    box.fill("4")
    page.click("#sc-run")
    page.wait_for_function("document.body.dataset.scenarioRuns === '2'")
    changed = page.text_content("#sc-changed")
    table = page.text_content("#sc-table")
    _shot(page, "scenarios-edited")
    assert "shock_pct 3 → 4" in changed and errors == [] and offsite == []
    assert table.count("→") >= 4


def test_month_picker_is_in_the_desks_language_not_the_browsers(tab, server):
    """An English browser on the Chinese desk: the month picker reads 年/月, and the month picked is the one
    the scenario run uses (data to November 2025: the last actual is CPI YoY +0.7%, NBS)."""
    ctx = tab.context.browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(server + "/scenarios?lang=zh")
        page.wait_for_function("window.DESK_READY === true && document.body.dataset.scenarioRuns === '1'", timeout=30000)
        assert page.evaluate("navigator.language") == "en-US"
        assert page.text_content("#sc-asof .month-m option[value='11']") == "11月"
        assert page.text_content("#sc-asof .month-y option[value='2025']") == "2025年"
        page.select_option("#sc-asof .month-y", "2025")
        page.select_option("#sc-asof .month-m", "11")
        with page.expect_response(lambda r: r.request.method == "POST" and "/run?" in r.url) as got:
            page.click("#sc-run")
        run = got.value
        assert json.loads(run.request.post_data)["as_of"] == "2025-11"
        body = run.json()
        assert body["base"]["as_of"] == "2025-11" and body["base"]["history"][-1] == ["2025-11", 0.7]
        page.wait_for_function("document.body.dataset.scenarioRuns === '2'")
        _shot(page, "scenarios-month-picker")
        assert errors == []
    finally:
        ctx.close()
