"""The pages in a real browser (Playwright driving Debian's chromium): no console error, no request off
this machine, a search draws a chart, the scenario form changes the path.

Skipped without chromium or playwright; enable with ``apt-get install -y chromium`` and
``pip install playwright`` (the ``test`` extra). Set ``MACRODESK_SCREENSHOTS=DIR`` to keep a PNG of each page.
"""

from __future__ import annotations

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
def browser(server):
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=_ARGS)
        yield b
        b.close()


def _open(browser, url):
    # bypass_csp: Playwright waits by evaluating script text, which the pages' policy forbids; requests
    # off this machine are still seen (and would no longer be blocked by the policy)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    errors, offsite = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: offsite.append(r.url)
            if urlsplit(r.url).scheme in ("http", "https", "ws", "wss") and urlsplit(r.url).hostname not in LOOPBACK
            else None)
    page.goto(url)
    page.wait_for_function("window.DESK_READY === true", timeout=20000)
    return page, errors, offsite


def _shot(page, name):
    folder = os.environ.get("MACRODESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("path", ["/explorer", "/news?lang=en", "/scenarios", "/reports", "/api"])
def test_page_loads_clean_and_local(browser, server, path):
    page, errors, offsite = _open(browser, server + path)
    _shot(page, path.strip("/").replace("?lang=", "-"))
    page.close()
    assert errors == [] and offsite == []


def test_search_draws_the_chart(browser, server):
    page, errors, offsite = _open(browser, server + "/explorer")
    page.fill("#q", "PPI 当月同比")
    page.wait_for_selector('#hits li[data-id="ppi_yoy"]')
    page.click('#hits li[data-id="ppi_yoy"]')
    page.wait_for_function("document.getElementById('left-name').textContent.includes('ppi_yoy')")
    # the canvas has drawn pixels: some are neither transparent nor white
    inked = page.evaluate("""() => { const c = document.querySelector('#chart canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) n++;
        return n; }""")
    _shot(page, "explorer-ppi")
    page.close()
    assert inked > 500 and errors == [] and offsite == []


def test_scenario_form_changes_the_path(browser, server):
    page, errors, offsite = _open(browser, server + "/scenarios")
    page.wait_for_function("document.body.dataset.scenarioRuns === '1'")
    box = page.locator('#sc-params tr:has(code:text-is("scenarios/optimistic/shocks/0/shock_pct")) input')
    assert float(box.input_value()) == 3.0
    box.fill("4")
    page.click("#sc-run")
    page.wait_for_function("document.body.dataset.scenarioRuns === '2'")
    changed = page.text_content("#sc-changed")
    table = page.text_content("#sc-table")
    _shot(page, "scenarios-edited")
    page.close()
    assert "shock_pct 3 → 4" in changed and errors == [] and offsite == []
    assert table.count("→") >= 4
