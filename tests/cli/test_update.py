"""`macrodesk update`: a release file in, the new prints out, only the affected reports rebuilt, then a no-op.

Figures are the published ones: NBS CPI YoY Nov/Dec 2025 = 0.7/0.8, CPI MoM Nov/Dec = −0.1/0.2,
PPI YoY Nov/Dec 2025 = −2.2/−1.9; CPI YoY Nov/Dec 2022 = 1.6/1.8 against a Wind consensus of 1.84
for December 2022. The bundled sample holds the same values (checked in the tests).
"""

from __future__ import annotations

import json

import pytest

from macrodesk.cli._builds import _reads
from macrodesk.series.news import news
from macrodesk.series.store import Store

PROJECT = """store = "store.duckdb"

[[report]]
name = "inflation-review"
formats = ["md"]

[[report]]
name = "trade-flash"
formats = ["md"]
"""

# The December 2025 CPI/PPI release (NBS, published 2026-01-09), as a tidy CSV.
DEC_2025 = """series_id,date,value,unit,source,origin
cpi_yoy,2025-12-31,0.8,pct_yoy,NBS,NBS release
cpi_mom,2025-12-31,0.2,pct_mom,NBS,NBS release
ppi_yoy,2025-12-31,-1.9,pct_yoy,NBS,NBS release
"""



def _last(series, sid, period):
    return float(next(s for s in series if s.id == sid).observations()[period])


def _vintages(path):
    with Store(path, read_only=True) as st:
        return len(st.vintages())


def test_release_day_rebuilds_only_the_affected_report_then_is_a_no_op(cli, in_dir, sample_series, low_dpi):
    # the sample holds the published figures the release file repeats
    assert (_last(sample_series, "cpi_yoy", "2025-12"), _last(sample_series, "ppi_yoy", "2025-12")) == (0.8, -1.9)
    reads = {i for n in ("inflation-review", "trade-flash") for i in _reads(n)}
    with Store(in_dir / "store.duckdb") as st:  # the series the two reports read, cut at November 2025
        st.write([s.slice(None, "2025-11") for s in sample_series if s.id in reads], label="sample to 2025-11")
    (in_dir / "macrodesk.toml").write_text(PROJECT, encoding="utf-8")
    rel = in_dir / "dec2025.csv"
    rel.write_text(DEC_2025, encoding="utf-8")

    code, out, err = cli("update", "--json")  # no files: bring every report up to date (none built yet)
    assert code == 0, err
    first = json.loads(out)
    assert [(r["basename"], r["status"], r["as_of"]) for r in first["reports"]] == [
        ("inflation-review", "rebuilt", "2025-11"), ("trade-flash", "rebuilt", "2025-11")]
    # stale inputs of each report, against its month: Korea's exports end 2025-06 (5 months before Nov 2025)
    kr = {s["id"]: s for s in first["reports"][1]["stale"]}["kr_exports_world"]
    assert (kr["last_period"], kr["months_behind"]) == ("2025-06", 5)
    trade_md = (in_dir / "reports" / "trade-flash" / "trade-flash.md").read_text(encoding="utf-8")

    v = _vintages(in_dir / "store.duckdb")
    code, out, err = cli("update", rel, "--dry-run", "--json")
    assert code == 0, err
    dry = json.loads(out)
    assert {r["name"]: r["status"] for r in dry["reports"]} == {
        "inflation-review": "would rebuild", "trade-flash": "unchanged inputs"}
    assert _vintages(in_dir / "store.duckdb") == v  # nothing written

    code, out, err = cli("update", rel)
    assert code == 0, err
    assert "新数据：" in out
    assert "CPI:当月同比 2025-12: 0.8 (前值 0.7)" in out
    assert "PPI:全部工业品:当月同比 2025-12: -1.9 (前值 -2.2)" in out
    assert "CPI:环比 2025-12: 0.2 (前值 -0.1)" in out
    assert "已重建 inflation-review（截至 2025-12，输入或代码有变）" in out
    assert "无需更新 trade-flash（截至 2025-11）" in out
    # the release file brings no PPI MoM: in the December review it ends in November, and is said to
    lines = out.splitlines()
    review_stale = lines[lines.index("已重建 inflation-review（截至 2025-12，输入或代码有变）") + 1]
    assert review_stale.startswith("  滞后数据：") and "（截至2025年11月）" in review_stale
    trade_stale = lines[lines.index("无需更新 trade-flash（截至 2025-11）") + 1]
    assert "（截至2025年6月）" in trade_stale and "stale" not in out and "rebuilt" not in out
    md = (in_dir / "reports" / "inflation-review" / "inflation-review.md").read_text(encoding="utf-8")
    assert "2025年12月" in md and "0.8%" in md
    # trade-flash reads no CPI/PPI series: untouched
    assert (in_dir / "reports" / "trade-flash" / "trade-flash.md").read_text(encoding="utf-8") == trade_md

    v = _vintages(in_dir / "store.duckdb")
    with pytest.MonkeyPatch.context() as mp:  # nothing stored changed: no report reads its inputs again
        mp.setattr("macrodesk.analyses.files.recipe_inputs", lambda *a, **k: pytest.fail("inputs read on a no-op"))
        code, out, err = cli("update", rel, "--json", "--lang", "en")
    assert code == 0, err
    again = json.loads(out)
    assert again["news"] == {"prints": [], "revisions": [], "new_series": []}
    assert again["import"]["vintage"] is None and _vintages(in_dir / "store.duckdb") == v
    assert [r["status"] for r in again["reports"]] == ["up to date", "up to date"]
    assert all("build_seconds" not in r for r in again["reports"])

    assert {s["id"] for s in again["reports"][0]["stale"]} >= {"ppi_mom"}  # recorded at the build, not re-read

    code, out, _ = cli("update", rel, "--lang", "en")
    assert "No changes" in out and "up to date inflation-review (data to 2025-12)" in out
    assert "  stale inputs: " in out and " (to Nov 2025)" in out and " (to Jun 2025)" in out
    assert not any("\u4e00" <= ch <= "\u9fff" for line in out.splitlines() if not line.startswith("  ")
                   for ch in line)  # English summary lines (series names are the store's)

    (in_dir / "reports" / "trade-flash" / "trade-flash.md").unlink()  # a deleted output is written again
    code, out, err = cli("update", "--json")
    assert code == 0, err
    row = json.loads(out)["reports"][1]
    assert (row["basename"], row["status"], row["reason"]) == ("trade-flash", "rebuilt", "output missing")  # JSON: codes
    assert (in_dir / "reports" / "trade-flash" / "trade-flash.md").read_text(encoding="utf-8") == trade_md


def test_a_bad_release_file_writes_nothing_and_builds_nothing(cli, in_dir, cpi_store):
    (in_dir / "macrodesk.toml").write_text(f'store = "{cpi_store.name}"\n' + PROJECT.split("\n", 1)[1],
                                           encoding="utf-8")
    bad = in_dir / "bad.csv"
    bad.write_text("series_id,date,value,unit,source,origin\n"
                   "cpi_yoy,2025-12-31,0.8,pct_yoy,NBS,x\ncpi_yoy,2025-12-31,0.9,pct_yoy,NBS,x\n", encoding="utf-8")
    v = _vintages(cpi_store)
    code, out, err = cli("update", bad)
    assert code == 2 and "bad.csv" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert _vintages(cpi_store) == v
    assert not (in_dir / ".macrodesk").exists() and not (in_dir / "reports").exists()


def test_without_a_project_file_it_says_to_run_init(cli, in_dir):
    code, _, err = cli("update")
    assert code == 2 and "macrodesk init" in err


def test_fetch_without_sources_is_one_line(cli, in_dir, cpi_store):
    (in_dir / "macrodesk.toml").write_text(f'store = "{cpi_store.name}"\n', encoding="utf-8")
    code, _, err = cli("update", "--fetch")
    assert code == 2 and "lists no sources" in err


def test_news_prior_consensus_and_surprise(sample_series):
    """December 2022: CPI YoY 1.8 after 1.6, Wind consensus 1.84 -> surprise -0.04."""
    by_id = {s.id: s for s in sample_series}
    cpi, cons = by_id["cpi_yoy"], by_id["cpi_yoy_consensus"]
    with Store.in_memory() as st:
        st.write([cpi.slice(None, "2022-11"), cons.slice(None, "2022-12")])
        n = news(st.diff([cpi.slice(None, "2022-12")]), st)
    (p,) = n.prints
    assert (p.series_id, p.period, p.value, p.prior_period, p.prior_value) == ("cpi_yoy", "2022-12", 1.8, "2022-11", 1.6)
    assert (p.consensus, p.surprise) == (1.84, -0.04)
    assert p.name_en == "CPI YoY"

    # the consensus arriving with the print is folded into it, not listed as a print of its own
    with Store.in_memory() as st:
        st.write([cpi.slice(None, "2022-11"), cons.slice(None, "2022-11")])
        n = news(st.diff([cpi.slice(None, "2022-12"), cons.slice(None, "2022-12")]), st)
    assert [(p.series_id, p.consensus, p.surprise) for p in n.prints] == [("cpi_yoy", 1.84, -0.04)]
    assert n.revisions == [] and n.new_series == []


def test_a_relabelled_reimport_leaves_a_fixed_month_report_up_to_date(cli, in_dir, sample_series, monkeypatch):
    """The March 2025 trade flash: the 2025 exports read again from another file under another source text
    (same values, same publisher GACC) leave it up to date; a revised February value rebuilds it."""
    built = []

    def build(name, st, as_of, out, formats, lang, **kw):  # the decision is under test, not the rendering
        built.append((name, as_of))
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{kw['basename']}.md").write_text("built", encoding="utf-8")

    monkeypatch.setattr("macrodesk.cli.report._build", build)
    reads = _reads("trade-flash")
    with Store(in_dir / "store.duckdb") as st:
        st.write([s for s in sample_series if s.id in reads], label="sample")
    (in_dir / "macrodesk.toml").write_text(
        'store = "store.duckdb"\n\n[[report]]\nname = "trade-flash"\nas_of = "2025-03"\nformats = ["md"]\n',
        encoding="utf-8")
    exports = next(s for s in sample_series if s.id == "exports_usd_level").observations()["2025-01":]
    assert float(exports["2025-03"]) == 313.0  # USD bn, March 2025, as in the shared data's trade.csv

    def release(source, origin, feb=None):
        rows = "".join(f"exports_usd_level,{p.end_time:%Y-%m-%d},{feb if feb is not None and str(p) == '2025-02' else v!r},"
                       f"usd_bn,{source},{origin}\n" for p, v in exports.items())
        f = in_dir / f"{origin}.csv"
        f.write_text("series_id,date,value,unit,source,origin\n" + rows, encoding="utf-8")
        code, out, err = cli("update", f, "--json")
        assert code == 0, err
        return json.loads(out)

    assert cli("update", "--json")[0] == 0 and built == [("trade-flash", "2025-03")]
    d = release("GACC (customs online query)", "customs_2025")
    assert d["import"]["vintage"] is not None and d["news"]["prints"] == []  # the new source text is stored
    assert d["reports"][0]["status"] == "up to date" and len(built) == 1
    d = release("GACC (customs online query)", "customs_2025_rev", feb=float(exports["2025-02"]) + 1)
    assert (d["reports"][0]["status"], d["reports"][0]["reason"]) == ("rebuilt", "inputs or code changed")
    assert len(built) == 2
