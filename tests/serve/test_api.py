"""The web desk's JSON API on the bundled sample: numbers checked against NBS's published prints and
hand computations."""

from __future__ import annotations

import html
import io
import math
import re

import pytest

# NBS CPI MoM in 2025, Jan..Dec (%), as published
CPI_MOM_2025 = [0.7, -0.2, -0.4, 0.1, -0.2, -0.1, 0.4, 0.0, 0.1, 0.2, -0.1, 0.2]


def _values(body):
    return dict((k, v) for k, v in body["values"])


def test_search_by_id_and_by_chinese_name(client):
    r = client.get("/api/series", params={"q": "cpi_yoy"}).json()
    assert r["results"][0]["id"] == "cpi_yoy"
    r = client.get("/api/series", params={"q": "CPI 当月同比"}).json()
    ids = [x["id"] for x in r["results"]]
    assert "cpi_yoy" in ids and all("同比" in x["name"] for x in r["results"])


def test_series_as_published_and_transformed(client):
    level = _values(client.get("/api/series/cpi_yoy").json())
    assert (level["2025-11"], level["2025-12"]) == (0.7, 0.8)  # NBS prints
    two_year = _values(client.get("/api/series/cpi_yoy", params={"view": "cagr2y"}).json())
    # sqrt((1 + 0.8%)(1 + 0.1%, Dec 2024)) - 1
    assert two_year["2025-12"] == pytest.approx((math.sqrt(1.008 * 1.001) - 1) * 100, abs=1e-4)
    ytd = _values(client.get("/api/series/cpi_mom", params={"view": "ytd"}).json())
    assert ytd["2025-12"] == pytest.approx((math.prod(1 + m / 100 for m in CPI_MOM_2025) - 1) * 100, abs=1e-3)
    assert ytd["2025-01"] == pytest.approx(0.7)


def test_a_view_the_unit_cannot_give_is_a_clear_error(client):
    r = client.get("/api/series/cpi_yoy", params={"view": "mom"})
    assert r.status_code == 400 and "cpi_yoy" in r.json()["error"]
    r = client.get("/api/series/cpi_yo")
    assert r.status_code == 404 and "cpi_yoy" in r.json()["error"]  # did you mean


def test_download_csv_and_xlsx(client):
    csv = client.get("/api/series/ppi_yoy/download", params={"format": "csv"})
    assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbf")
    assert csv.text.splitlines()[-1] == "2025-12,-1.9"
    openpyxl = pytest.importorskip("openpyxl")
    x = client.get("/api/series/ppi_yoy/download", params={"format": "xlsx"})
    ws = openpyxl.load_workbook(io.BytesIO(x.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("period", "ppi_yoy") and rows[-1] == ("2025-12", -1.9) and rows[-2] == ("2025-11", -2.2)


def test_revisions_list_the_vintages(client):
    r = client.get("/api/series/cpi_yoy/revisions").json()
    assert [v["vintage"] for v in r["vintages"]] == [1] and r["revised"] == []


def test_nowcast_adds_up(client):
    n = client.get("/api/nowcast/cpi").json()
    assert n["month"] == "2026-01" and n["target"] == "cpi_yoy"
    lo, hi = n["interval_80"]
    assert lo < n["nowcast_unrounded"] < hi
    # the inputs' YoY contributions plus the carry make the YoY nowcast; their MoM ones the MoM nowcast
    assert sum(c["yoy_pp"] for c in n["contributions"]) + n["carry"] == pytest.approx(n["nowcast_unrounded"], abs=2e-3)
    assert sum(c["mom_pp"] for c in n["contributions"]) == pytest.approx(n["nowcast_mom"], abs=2e-3)
    assert all(c["label"] for c in n["contributions"])
    # January 2026: the Spring Festival (17 February) window starts 27 January, 5 of the month's 31 days
    sf = next(c for c in n["contributions"] if c["input"] == "spring_festival")
    assert sf["change_text"] == "31天中有5天在春节窗口内"
    # the missing inputs are named, not listed by id
    assert "猪肉批发价" in n["text"] and "pork_wholesale_cny" not in n["text"]


def test_backtest_against_the_prints_and_the_consensus(client):
    b = client.get("/api/nowcast/cpi/backtest", params={"start": "2022-10", "end": "2022-12"}).json()
    assert [r["month"] for r in b["rows"]] == ["2022-10", "2022-11", "2022-12"]
    assert [r["actual"] for r in b["rows"]] == [2.1, 1.6, 1.8]  # NBS CPI YoY prints
    assert all(r["consensus"] is not None for r in b["rows"])
    assert client.get("/api/nowcast/gdp").status_code == 400


def test_scenario_form_changes_the_path_by_the_shock(client, tmp_path):
    from macrodesk.scenarios import resolve_spec_path

    before = resolve_spec_path("cpi_2026.toml").read_bytes()
    p = client.get("/api/scenarios/cpi_2026.toml").json()
    params = {x["path"]: x["value"] for x in p["params"]}
    assert params["scenarios/optimistic/shocks/0/shock_pct"] == 3.0
    r = client.post("/api/scenarios/cpi_2026.toml/run",
                    json={"changes": {"scenarios/optimistic/shocks/0/shock_pct": 5.0}}).json()
    assert r["changed"] == {"scenarios/optimistic/shocks/0/shock_pct": {"from": 3.0, "to": 5.0}}

    def path(which, name):
        return dict(next(s for s in r[which]["scenarios"] if s["name"] == name)["yoy"])

    # the pork shock adds weight x shock = 2% x 5% = 0.10 pp a month instead of 0.06 in Feb..Jul 2026
    opt0, opt1 = path("base", "optimistic"), path("edited", "optimistic")
    assert opt1["2026-01"] - opt0["2026-01"] == pytest.approx(0, abs=1e-9)
    assert opt1["2026-02"] - opt0["2026-02"] == pytest.approx(0.04, abs=2e-3)
    assert opt1["2026-07"] - opt0["2026-07"] == pytest.approx(0.24, abs=5e-3)
    assert opt1["2026-12"] - opt0["2026-12"] == pytest.approx(0.24, abs=5e-3)  # the level shift stays to December
    assert path("base", "neutral") == path("edited", "neutral")
    assert resolve_spec_path("cpi_2026.toml").read_bytes() == before  # the file is not written


def test_scenario_form_takes_only_the_files_numbers(client):
    r = client.post("/api/scenarios/cpi_2026.toml/run", json={"changes": {"target": 1.0}})
    assert r.status_code == 400 and "not a number of the file" in r.json()["error"]
    r = client.get("/api/scenarios/..%2F..%2Fpyproject.toml")
    assert r.status_code in (400, 404)


def test_english_labels_and_cookie(client):
    r = client.get("/api/series", params={"q": "cpi_yoy", "lang": "en"})
    assert r.json()["results"][0]["unit_label"] == "% YoY"
    assert "lang=en" in r.headers.get("set-cookie", "")
    page = client.get("/explorer", params={"lang": "en"}).text
    assert "Search series" in page and '<html lang="en">' in page
    assert '<html lang="zh-CN">' in client.get("/explorer", params={"lang": "zh"}).text
    assert client.get("/api/series", params={"lang": "fr"}).status_code == 400


def test_pages_and_the_api_list(client):
    for page in ("explorer", "news", "nowcast", "scenarios", "reports", "api"):
        r = client.get(f"/{page}")
        # ECharts only where a chart is drawn
        assert r.status_code == 200 and ("/static/echarts.min.js?v=" in r.text) == (page in ("explorer", "nowcast", "scenarios"))
    assert "/api/series/{series_id}" in client.get("/api/openapi.json").json()["paths"]
    # the hashed static URLs may be kept a year; a plain one is checked each time
    js = re.search(r'src="(/static/desk\.js\?v=[0-9a-f]+)"', client.get("/news").text).group(1)
    assert "immutable" in client.get(js).headers["cache-control"]
    assert client.get("/static/echarts.min.js").headers["cache-control"] == "no-cache"
    # the whole Chinese font: the OpenType file the PDFs embed ("OTTO": CFF outlines)
    font = client.get("/fonts/noto-sans-cjk-sc.otf")
    assert font.status_code == 200 and font.headers["content-type"] == "font/otf" and font.content[:4] == b"OTTO"
    assert client.get("/fonts/macrodesk-cjk-0000.otf").status_code == 404


def test_chinese_font_is_cut_to_what_the_pages_show(client):
    from fontTools.ttLib import TTFont

    page = client.get("/news", params={"lang": "zh"}).text
    url = re.search(r'url\((/fonts/macrodesk-cjk-[0-9a-f]+\.otf)\)', page).group(1)
    assert "/fonts/noto-sans-cjk-sc.otf" in page  # the whole font stays behind it
    r = client.get(url)
    whole = len(client.get("/fonts/noto-sans-cjk-sc.otf").content)
    assert r.status_code == 200 and r.content[:4] == b"OTTO" and len(r.content) < whole / 20
    cmap = TTFont(io.BytesIO(r.content)).getBestCmap()
    # every Chinese character the desk shows here: the page, the labels, the series names, what's new
    shown = page + client.get("/api/news").text + client.get("/api/series", params={"limit": 200}).text
    shown += client.get("/api/nowcast/cpi").text + client.get("/api/reports").text
    han = {c for c in shown if "\u4e00" <= c <= "\u9fff"}
    assert len(han) > 300 and not [c for c in han if ord(c) not in cmap]
    assert ord("龘") not in cmap  # a character the desk never shows: from the whole font


def test_reports_list_and_file(client):
    r = client.get("/api/reports").json()
    assert r["reports"][0]["name"] == "inflation-review" and r["reports"][0]["files"] == ["md"]
    assert r["reports"][0]["help"].startswith("CPI/PPI回顾：同比走势")
    en = client.get("/api/reports", params={"lang": "en"}).json()
    assert en["reports"][0]["help"].startswith("CPI/PPI review: YoY history")
    assert client.get("/reports/0/inflation-review.md").text.startswith("# 2025年12月")


def test_whats_new_after_a_second_import(tmp_path, sample_series):
    """A store with the CPI/PPI prints to 2025-10, then an import of the full series: its new prints."""
    from macrodesk.serve.desk import Desk
    from macrodesk.series.store import Store

    ids = ("cpi_yoy", "ppi_yoy", "cpi_yoy_consensus")
    picked = [s for s in sample_series if s.id in ids]
    path = tmp_path / "two.duckdb"
    with Store(path) as st:
        st.write([s.slice(None, "2025-10") for s in picked], label="to October")
        st.write(picked, label="release")
    desk = Desk(path)
    try:
        n = desk.news("zh", today=__import__("datetime").date(2026, 1, 5))
    finally:
        desk.close()
    assert n["vintage"] == 2 and n["label"] == "release" and n["revisions"] == [] and n["new_series"] == 0
    got = {(p["series_id"], p["period"]): (p["value"], p["prior_value"]) for p in n["prints"]}
    assert got == {("cpi_yoy", "2025-11"): (0.7, 0.2), ("cpi_yoy", "2025-12"): (0.8, 0.7),
                   ("ppi_yoy", "2025-11"): (-2.2, -2.1), ("ppi_yoy", "2025-12"): (-1.9, -2.2)}
    cal = {r["report"]: r for r in n["calendar"]["reports"]}
    assert cal["inflation-review"]["period"] == "2025-12" and cal["inflation-review"]["date"] == "2026-01-09"


def test_calendar_takes_the_stored_release_date(tmp_path, sample_series):
    """The last value's stored release date (NBS put out the December 2025 CPI on 9 January 2026) is
    shown as known; a series without one gets the rule's date."""
    import datetime as dt

    import pandas as pd

    from macrodesk.analyses.releases import release_rows
    from macrodesk.series.store import Store

    cpi, ppi = (next(s for s in sample_series if s.id == i) for i in ("cpi_yoy", "ppi_yoy"))
    rel = pd.Series(pd.NaT, index=cpi.data.index, dtype="datetime64[ns]")
    rel.iloc[-1] = pd.Timestamp("2026-01-09")
    path = tmp_path / "released.duckdb"
    with Store(path) as st:
        st.write([cpi.with_data(cpi.data, released=rel), ppi], label="release")
        assert st.last_released(["cpi_yoy", "ppi_yoy", "no_such"]) == {
            "cpi_yoy": (dt.date(2025, 12, 31), dt.date(2026, 1, 9)), "ppi_yoy": (dt.date(2025, 12, 31), None)}
        _, series = release_rows(st, dt.date(2026, 1, 5))
    rows = {r["id"]: r for r in series}
    assert (rows["cpi_yoy"]["last_release"], rows["cpi_yoy"]["last_estimated"]) == ("2026-01-09", False)
    assert rows["ppi_yoy"]["last_period"] == "2025-12" and rows["cpi_yoy"]["next_period"] == "2026-01"


def _picker(page, id):
    """A month picker's (year options, month options) as (value, text) pairs, from the page's HTML."""
    box = re.search(rf'<span class="month" id="{id}"[^>]*>(.*?)</span>', page, re.S).group(1)
    years, months = re.findall(r'<select class="month-([ym])"[^>]*>(.*?)</select>', box, re.S)
    opts = [re.findall(r'<option value="([^"]*)">([^<]*)</option>', body) for _, body in (years, months)]
    return opts[0], opts[1]


def test_month_pickers_follow_the_desks_language(client):
    """No <input type="month"> (the browser draws it in its own locale): year and month lists in the desk's
    language, ending with 2025, the year of the sample's last CPI print (December 2025, +0.8% YoY)."""
    assert _values(client.get("/api/series/cpi_yoy").json())["2025-12"] == 0.8
    for path, ids in (("/scenarios", ("sc-asof",)), ("/nowcast", ("bt-start", "bt-end"))):
        zh, en = (client.get(path, params={"lang": lg}).text for lg in ("zh", "en"))
        assert 'type="month"' not in zh + en
        for id in ids:
            (zy, zm), (ey, em) = _picker(zh, id), _picker(en, id)
            assert zm[0] == ("", "—") and zm[6] == ("06", "6月") and em[6] == ("06", "Jun") and em[12] == ("12", "Dec")
            assert zy[1] == ("2025", "2025年") and ey[1] == ("2025", "2025")  # the latest year first
            assert [int(v) for v, _ in ey[1:]] == list(range(2025, 2025 - len(ey) + 1, -1))


def test_api_page_is_chinese_by_default_english_on_request(client):
    client.cookies.clear()  # an earlier test may have chosen English
    zh = html.unescape(client.get("/api").text)
    en = html.unescape(client.get("/api", params={"lang": "en"}).text)
    client.cookies.clear()
    spec = client.get("/api/openapi.json").json()
    ops = [op for ops in spec["paths"].values() for op in ops.values()]
    # every operation has its Chinese summary beside the English one; the page shows the one of its language
    assert len(ops) >= 12 and [op["summary"] for op in ops if not op.get("x-zh", {}).get("summary")] == []
    for op in ops:
        assert op["x-zh"]["summary"] in zh and op["summary"] not in zh
        assert op["summary"] in en and op["x-zh"]["summary"] not in en
    assert "JSON 接口" in zh and "代码或中英文名称包含 q 中每个词的序列" in zh
    assert "Series whose id or Chinese/English name contains every word of q" in en
