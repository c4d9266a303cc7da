"""The trade flash: the report on the bundled data and on a full fixture.

The trade models are tested in tests/models/trade, their sentences in tests/reports/views/test_trade.py.
Expected numbers come from hand arithmetic (in the comments), the GACC releases and the seed
flash (tests/reference/trade_seed000.csv) — never from the code's own output.
"""

from __future__ import annotations

import csv
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd
import pytest

from macrodesk.analyses import report_inputs
from macrodesk.analyses import trade_flash as TF
from macrodesk.analyses._common import Inputs
from macrodesk.exceptions import ReportError, UnitError
from macrodesk.reports.model import Figure, Notice, Paragraph, Table
from macrodesk.series import MacroSeries, SeriesMeta
from macrodesk.series.store import Store
from tests.models.trade.test_headline import M, at

REF = Path(__file__).parents[1] / "reference" / "trade_seed000.csv"


@pytest.fixture(scope="module", autouse=True)
def _fast_figures():
    """Charts rasterise at 30 dpi here: these tests check numbers and text, not pixels."""
    mp = pytest.MonkeyPatch()
    mp.setattr("macrodesk.reports.model.FIGURE_DPI", 30)
    yield
    mp.undo()


def reference() -> dict[str, dict[str, str]]:
    with REF.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["item"]: r for r in rows}


# ====================================================================== bundled data
@pytest.fixture(scope="module")
def bundled(sample_store_path, trade_flash_report_zh, trade_flash_report_en):
    """Reports built from the bundled sample: {(as_of, lang): Report} (December 2025 from the session)."""
    out = {("2025-12", "zh"): trade_flash_report_zh, ("2025-12", "en"): trade_flash_report_en}
    with Store(sample_store_path, read_only=True) as st:
        inputs, end = report_inputs(st, TF.REQUIRED, TF.OPTIONAL, "2025-02")
        out[("2025-02", "zh")] = TF.build(inputs, end, lang="zh")
    return out


def blocks(report, kind):
    return [b for s in report.sections for b in s.blocks if isinstance(b, kind)]


def text_of(report) -> str:
    return " ".join(report.summary) + " ".join(p.text for p in blocks(report, Paragraph))


def test_bundled_headline_matches_the_customs_release(bundled):
    rep = bundled[("2025-12", "zh")]
    ref = reference()
    ex, exp_, im, imp_ = (ref[k]["figure"] for k in ("exports_yoy_2025_12", "exports_yoy_2025_11",
                                                    "imports_yoy_2025_12", "imports_yoy_2025_11"))
    assert rep.summary[0] == f"事件：以美元计，中国12月出口同比+{ex}%，前值+{exp_}%；12月进口同比+{im}%，前值+{imp_}%。"
    # seed: "12月进口同比有所回升，较前值回升3.8个百分点至5.7%"
    assert "12月进口同比+5.7%，较前值（+1.9%）回升3.8个百分点" in text_of(rep)
    # two-year compound growth: sqrt(1.066 x 1.107) - 1 = 8.63%; November sqrt(1.059 x 1.066) - 1 = 6.25%
    assert "两年复合增速+8.6%（前值+6.2%）" in rep.summary[1]


def test_bundled_mom_against_december_2024(bundled):
    text = text_of(bundled[("2025-12", "zh")])
    # From the published levels: 357.2 / 330.0 - 1 = +8.24% (the seed prints +8.3%), 335.6 / 311.9 - 1 = +7.60%
    # (seed: +7.6%). The 2020-2024 December MoMs range from +2.17% (2022) to +7.60% (2024).
    assert "2025年12月出口金额环比+8.2%，高于2024年同期（+7.6%），超出2020-2024年同月环比区间（+2.2%至+7.6%" in text
    assert "按海关公布的美元金额计算" in text


def test_bundled_janfeb_uses_the_customs_headline(bundled):
    rep = bundled[("2025-02", "zh")]
    ref = reference()
    assert rep.summary[0] == (
        f"事件：以美元计，中国1-2月出口同比+{ref['exports_janfeb_yoy_2025']['figure']}%，前值+10.7%；"
        f"1-2月进口同比{ref['imports_janfeb_yoy_2025']['figure']}%，前值+1.0%。"
    )
    assert "2025年春节为1月29日，2024年为2月10日" in text_of(rep)


def test_bundled_korea_to_june_2025(bundled):
    rep = bundled[("2025-12", "zh")]
    text = text_of(rep)
    # kr_exports_world: 59,801.4 / 57,341.6 - 1 = +4.29% (Jun 2025); May 57,241.2 / 58,020.6 - 1 = -1.34%
    assert "韩国数据最新为2025年6月：2025年6月韩国出口同比+4.3%，较前值（-1.3%）回升5.6个百分点" in text
    # vn_exports_world, Jan-Feb 2025: (33,085.3 + 31,109.3) / (33,570 + 24,820) - 1 = +9.94%;
    # prior = Dec 2024: 35,529.0 / 32,910 - 1 = +7.96%
    # both end before the report month, so each carries its as-of mark
    assert "外部指标看，1-2月越南出口（截至2025年2月）同比+9.9%，前值+8.0%；韩国出口（截至2025年6月）同比+4.3%，前值-1.3%。" in rep.summary


def test_bundled_korea_partners_add_up_without_a_dominant_other(bundled):
    """Korea's 9 bundled partners (under half its exports): contributions are to their combined YoY,
    so the chart has no residual bar and the text names what the chart shows."""
    rep = bundled[("2025-12", "zh")]
    text = text_of(rep)
    # Jun 2025 sum of the 9 partners 26,980.6 vs Jun 2024 27,177.0 (usd_mn): -0.72%; share 26,980.6 / 59,801.4 = 45%;
    # pull on the total (26,980.6 - 27,177.0) / 57,341.6 = -0.34 pp; the rest +4.29% - (-0.34) = +4.63 pp
    assert "所列9个地区占韩国出口的45%，合计拉动韩国出口同比-0.3个百分点，其余地区拉动+4.6个百分点。" in text
    # China (10,418.3 - 10,706.1) / 27,177.0 = -1.06 pp; Philippines (1,034.1 - 770.3) / 27,177.0 = +0.97 pp
    assert "2025年6月韩国对所列地区出口同比-0.7%，为负主要受中国（-1.1个百分点）" in text
    assert "菲律宾（+1.0个百分点）" in text
    fig = next(f for f in blocks(rep, Figure) if "韩国对主要地区出口" in f.caption)
    assert "所列9个地区占韩国出口的45%（2025年6月）" in fig.note
    cols = list(fig.data.columns)
    assert "其他" not in cols and "菲律宾" in cols and len(cols) == 10, cols  # 9 partners + the YoY line
    jun = fig.data.iloc[-1]
    assert jun["中国"] == pytest.approx(-1.059, abs=0.001) and jun["菲律宾"] == pytest.approx(0.971, abs=0.001)


def test_bundled_sections_figures_and_sources(bundled):
    rep = bundled[("2025-12", "zh")]
    heads = [s.heading for s in rep.sections]
    assert heads[0] == "1、出口：高基数下出口同比延续回升"
    assert rep.title == "2025年12月外贸数据点评：高基数下出口同比延续回升"
    assert any(h.startswith("2、进口") for h in heads)
    figs = blocks(rep, Figure)
    assert len(figs) >= 6
    assert all(f.source and f.source.endswith("macrodesk计算") for f in figs)
    assert figs[0].source == "海关总署、macrodesk计算"
    assert any("韩国关税厅" in f.source for f in figs)
    assert any("世界银行" in f.source for f in figs)
    # the imports section: World Bank energy index YoY Dec 2025 82.92 / 96.49 - 1 = -14.06%
    assert "世界银行能源价格指数同比-14.1%" in text_of(rep)


def test_bundled_notice_names_the_missing_inputs_once(bundled):
    rep = bundled[("2025-12", "zh")]
    notices = blocks(rep, Notice)
    assert len(notices) == 1
    for sid in ("exports_usd_product_*", "vn_exports_us", "hf_sh_container_ships_loaded"):
        assert sid in notices[0].text
    # bundled inputs are not reported missing
    for sid in ("kr_exports_world", "wb_index_energy", "exports_usd_region_", "vn_exports_world", "vn_exports_product_"):
        assert sid not in notices[0].text


def test_bundled_english(bundled):
    rep = bundled[("2025-12", "en")]
    assert rep.summary[0] == (
        "Release: in USD terms, China's exports +6.6% YoY in December (prior +5.9%); "
        "imports +5.7% YoY in December (prior +1.9%)."
    )
    assert rep.title == "China trade, Dec 2025: Export growth rose further against a high base"
    assert all(f.source.endswith("macrodesk calculations") for f in blocks(rep, Figure))


def test_month_beyond_the_data_is_a_report_error(sample_store):
    inputs, _ = report_inputs(sample_store, TF.REQUIRED, TF.OPTIONAL, None)
    with pytest.raises(ReportError, match=r"series 'exports_usd_yoy' has no value for 2026-01 \(latest: 2025-12\)"):
        TF.build(inputs, M("2026-01"), lang="zh")


# ====================================================================== full hand-made fixture
def flat(sid: str, unit: str, by_year: dict[int, float], *, end: str = "2025-12", source: str = "Wind") -> MacroSeries:
    """A monthly series constant within each calendar year (so every YoY is the year-on-year ratio)."""
    y0 = min(by_year)
    idx = pd.period_range(f"{y0}-01", end, freq="M")
    vals = [by_year[p.year] for p in idx]
    return MacroSeries(SeriesMeta(sid, unit, "M", source=source), pd.Series(vals, index=idx))


def full_inputs() -> Inputs:
    S = [
        # China: total exports 2024 280, 2025 300 (usd_bn) -> +7.142857%; published YoY 7.7 (2024), 7.1 (2025)
        flat("exports_usd_level", "usd_bn", {2022: 250, 2023: 260, 2024: 280, 2025: 300}, source="GACC"),
        flat("exports_usd_yoy", "pct_yoy", {2023: 4.0, 2024: 7.7, 2025: 7.1}, source="GACC"),
        flat("imports_usd_level", "usd_bn", {2022: 200, 2023: 200, 2024: 210, 2025: 220}, source="GACC"),
        flat("imports_usd_yoy", "pct_yoy", {2023: 0.0, 2024: 5.0, 2025: 4.8}, source="GACC"),
        # regions (usd_100m = 0.1 bn): US 600 -> 540, EU 500 -> 570, ASEAN 450 -> 510
        flat("exports_usd_region_us", "usd_100m", {2022: 500, 2023: 500, 2024: 600, 2025: 540}),
        flat("exports_usd_region_eu", "usd_100m", {2022: 450, 2023: 450, 2024: 500, 2025: 570}),
        # (ASEAN in usd_10k, Wind's unit for trade by country: 450 x 10^8 USD = 4,500,000 x 10^4 USD)
        flat("exports_usd_region_asean", "usd_10k", {2022: 4_000_000, 2023: 4_000_000, 2024: 4_500_000, 2025: 5_100_000}),
        # product groups (usd_bn): parts 30 -> 36, autos 20 -> 25
        flat("exports_usd_product_parts", "usd_bn", {2022: 30, 2023: 30, 2024: 30, 2025: 36}),
        flat("exports_usd_product_autos", "usd_bn", {2022: 20, 2023: 20, 2024: 20, 2025: 25}),
        # price vs volume: phones value +10.6%, quantity -3.6%; autos value +25%, quantity +25%
        flat("exports_usd_product_phones", "usd_bn", {2024: 10, 2025: 11.06}),
        flat("exports_qty_product_phones", "10k_units", {2024: 1000, 2025: 964}),
        flat("exports_qty_product_autos", "units", {2023: 100, 2024: 100, 2025: 125}),
        flat("export_price_index_hs2", "index_prev_year_100", {2024: 98.0, 2025: 101.0}, source="GACC"),
        flat("import_price_index_hs2", "index_prev_year_100", {2024: 97.0, 2025: 99.0}, source="GACC"),
        flat("wb_index_energy", "index_2010_100", {2022: 100, 2023: 110, 2024: 99, 2025: 89.1}, source="World Bank Pink Sheet"),
        # Vietnam (usd_mn): total 33,000 -> 36,300 (+10%), to the US 10,000 -> 12,000
        flat("vn_exports_world", "usd_mn", {2023: 30000, 2024: 33000, 2025: 36300}),
        flat("vn_exports_us", "usd_mn", {2023: 9000, 2024: 10000, 2025: 12000}),
        flat("vn_exports_product_electronics_computers", "usd_mn", {2023: 9000, 2024: 10000, 2025: 13000}),
        flat("vn_exports_product_textiles_garments", "usd_mn", {2023: 3000, 2024: 3000, 2025: 3300}),
        # Korea (usd_mn): total 55,000 -> 60,500 (+10%)
        flat("kr_exports_world", "usd_mn", {2023: 50000, 2024: 55000, 2025: 60500}, source="Korea Customs Service / KITA"),
        flat("kr_exports_us", "usd_mn", {2023: 9000, 2024: 10000, 2025: 11000}, source="Korea Customs Service / KITA"),
        flat("kr_exports_china", "usd_mn", {2023: 12000, 2024: 12000, 2025: 11500}, source="Korea Customs Service / KITA"),
        flat("kr_exports_product_semiconductors", "usd_mn", {2023: 10000, 2024: 12000, 2025: 15000}),
        flat("kr_exports_product_computers", "usd_mn", {2023: 1000, 2024: 1200, 2025: 1800}),
        flat("kr_export_price_semiconductors", "index", {2023: 100, 2024: 100, 2025: 130}),
    ]
    # Korea's first-20-days release, December only: 40,000 -> 46,280 (+15.7%); semiconductors 8,000 -> 16,000,
    # computers 1,000 -> 2,200: contributions 8,000 / 40,000 = 20 pp and 1,200 / 40,000 = 3 pp (23 pp together)
    for sid, a, b in (("kr_exports_20d_world", 40000, 46280), ("kr_exports_20d_product_semiconductors", 8000, 16000),
                      ("kr_exports_20d_product_computers", 1000, 2200)):
        S.append(MacroSeries(SeriesMeta(sid, "usd_mn", "M", source="Korea Customs Service / KITA"),
                             at({"2024-12": a, "2025-12": b})))
    # Container ships loaded, daily: 100 a day in 2023, 120 in 2024 (+20%), 108 in 2025 (-10%),
    # 86.4 on 1-13 January 2026 (-20%). Fit: (x, y) = (0.20, 0.077) in 2024 and (-0.10, 0.071) in 2025:
    # slope 0.006 / 0.30 = 0.02, intercept 0.071 + 0.02 x 0.10 = 0.073 -> nowcast 0.073 - 0.02 x 0.20 = +6.9%.
    days = pd.date_range("2023-01-01", "2026-01-13", freq="D")
    vals = np.select([days.year == 2023, days.year == 2024, days.year == 2025], [100.0, 120.0, 108.0], 86.4)
    S.append(MacroSeries(SeriesMeta("hf_sh_container_ships_loaded", "units", "D", source="SIPG"), pd.Series(vals, index=days)))
    series = {s.id: s for s in S}
    missing = [i for i in TF.OPTIONAL if i not in series]
    return Inputs(series, missing)


@pytest.fixture(scope="module")
def full_report():
    return TF.build(full_inputs(), M("2025-12"), lang="zh")


def test_full_fixture_builds_every_section(full_report):
    heads = [s.heading for s in full_report.sections]
    for part in ("总量", "外部指标：越南与韩国出口", "地区结构", "产品结构", "价格与数量"):
        assert any(part in h for h in heads), part
    assert any(h.startswith("2、进口") for h in heads)
    assert any(h.startswith("3、展望") for h in heads)
    assert not blocks(full_report, Notice)  # every group of inputs is present
    assert all(f.source for f in blocks(full_report, Figure))
    assert len(blocks(full_report, Table)) == 2


def test_full_fixture_region_and_product_contributions(full_report):
    text = text_of(full_report)
    # base total Dec 2024 = 280 bn. US (54 - 60) / 280 = -2.14 pp; EU (57 - 50) / 280 = +2.5 pp;
    # ASEAN (51 - 45) / 280 = +2.14 pp; total 300 / 280 - 1 = +7.14%; flat years -> no change from November
    assert ("从绝对贡献来看，2025年12月出口同比+7.1%，为正主要由欧盟（+2.5个百分点）、东盟（+2.1个百分点）支撑，"
            "美国（-2.1个百分点）形成拖累；从边际变化来看，各地区贡献与上月持平。") in text
    # parts (36 - 30) / 280 = +2.14 pp, autos (25 - 20) / 280 = +1.79 pp
    assert "零部件（+2.1个百分点）、汽车（+1.8个百分点）" in text
    regions = blocks(full_report, Table)[0].data
    # the table's contributions (pp) add up to the total YoY: -2.142857 + 2.5 + 2.142857 + other 4.642857 = 7.142857
    assert regions.iloc[:, 0].sum() == pytest.approx(100 * (300 / 280 - 1))
    assert regions.iloc[-1, 0] == pytest.approx(100 * 13 / 280)  # other: (138 - 125) / 280


def test_full_fixture_price_volume_peers_and_nowcast(full_report):
    text = text_of(full_report)
    # phones: 1.106 / 0.964 - 1 = +14.7% -> price-driven
    assert "12月手机出口金额同比+10.6%，前值+10.6%；出口数量同比-3.6%（前值-3.6%），单价同比+14.7%，金额增长主要由价格上涨驱动。" in text
    # Vietnam +10%; electronics (13,000 - 10,000) / 33,000 = +9.1 pp
    assert "12月越南出口同比+10.0%" in text
    assert "电脑、电子产品及零件（+9.1个百分点）" in text
    # Korea first 20 days: 46,280 / 40,000 - 1 = +15.7%; semiconductors +20 pp, computers +3 pp
    assert "12月韩国前20日出口同比+15.7%" in text
    assert "半导体（+20.0个百分点）、计算机外围设备（+3.0个百分点）" in text
    # Korea semiconductors: value 15,000 / 12,000 = +25%, price +30%: volume 1.25 / 1.30 - 1 = -3.8%
    assert "剔除价格后的数量同比约-3.8%，金额变化主要由价格贡献" in text
    # semiconductor export prices: sqrt(130 / 100) - 1 = +14.0% over two years
    assert "韩国半导体出口价格两年复合增速+14.0%" in text
    # nowcast (closed form in full_inputs): +6.9%, zero residual -> the interval is the point
    assert "指向1月前13日出口同比在+6.9%左右（90%预测区间+6.9%至+6.9%）" in text
    assert "高频数据指向1月前13日出口同比在+6.9%左右。" in full_report.summary


def test_full_fixture_english_builds():
    rep = TF.build(full_inputs(), M("2025-12"), lang="en")
    text = text_of(rep)
    assert "Export value of mobile phones grew 10.6% YoY in December (prior +10.6%); quantity -3.6%" in text
    assert "export YoY of about +6.9%" in text


def test_a_rebuilt_flash_nowcasts_from_what_was_known_on_its_date(full_report):
    """The December flash is written on 14 January 2026 with ship counts through the 13th. A store that
    later holds the rest of January (junk: 1,000 ships a day) and January's export print changes nothing."""
    inputs = full_inputs()
    hf = inputs.series["hf_sh_container_ships_loaded"]
    later = pd.Series(1000.0, index=pd.date_range("2026-01-14", "2026-02-10", freq="D"))
    inputs.series["hf_sh_container_ships_loaded"] = hf.with_data(pd.concat([hf.data, later]))
    ex = inputs.series["exports_usd_yoy"]
    inputs.series["exports_usd_yoy"] = ex.with_data(pd.concat([ex.data, pd.Series([50.0], index=pd.PeriodIndex(["2026-01"], freq="M"))]))
    rep = TF.build(inputs, M("2025-12"), lang="zh")
    (now,) = [s for s in rep.sections if s.heading.startswith("3、展望")]
    (before,) = [s for s in full_report.sections if s.heading.startswith("3、展望")]
    assert [b.text for b in now.blocks if isinstance(b, Paragraph)] == [b.text for b in before.blocks if isinstance(b, Paragraph)]
    assert "指向1月前13日出口同比在+6.9%左右（90%预测区间+6.9%至+6.9%）" in text_of(rep)


def test_nowcast_without_next_month_data_says_why():
    inputs = full_inputs()
    hf = inputs.series["hf_sh_container_ships_loaded"]
    inputs.series["hf_sh_container_ships_loaded"] = hf.slice(None, "2025-12-31")
    rep = TF.build(inputs, M("2025-12"), lang="zh")
    assert "上海港装载集装箱船数量：高频预测无法计算，上海港装载集装箱船数量在2026年1月没有数据。" in text_of(rep)


def test_non_usd_region_series_is_a_unit_error():
    inputs = full_inputs()
    s = inputs.series["exports_usd_region_us"]
    inputs.series["exports_usd_region_us"] = MacroSeries(s.meta.replace(unit="cny_100m"), s.data)
    with pytest.raises(UnitError, match="series 'exports_usd_region_us' has unit 'cny_100m'; the trade flash needs USD values"):
        TF.build(inputs, M("2025-12"), lang="zh")


# ====================================================================== compute once, render per language
#: Everything that estimates, as the recipe's modules call it; rendering must call none of them.
ESTIMATORS = [f"macrodesk.analyses.{m}.{f}" for m, fs in (
    ("trade_flash", ("trade_headline", "seasonal_comparison", "imports_vs_commodities", "index_price_volume",
                     "item_price_volume", "breakdown", "compute_peers", "TradeNowcaster", "release_date", "compute")),
    ("trade.peers", ("trade_headline", "seasonal_comparison", "breakdown", "index_price_volume")),
    ("trade.levels", ("trade_contributions",))) for f in fs]


def test_compute_once_and_render_both_languages_without_estimating_again():
    inputs = full_inputs()
    with mock.patch("macrodesk.models.nowcast.trade.TradeNowcaster.predict", autospec=True,
                    side_effect=TF.TradeNowcaster.predict) as predict:
        res = TF.compute(inputs, "2025-12")
    assert predict.call_count == 1
    # the numbers are in the results: 300 - 220 = 80 bn = 800 (100m USD), a year earlier 280 - 210 = 700;
    # regions add up to 300 / 280 - 1; the nowcast is +6.9% (closed form in full_inputs); flat YoY, no base gap
    assert res.surplus == pytest.approx((800.0, 700.0))
    assert res.regions.result.total == pytest.approx(300 / 280 - 1)
    assert res.nowcast.prediction.point == pytest.approx(0.069)
    assert (res.trend.base, res.trend.move) == ("", "flat")
    assert res.missing == ()
    with ExitStack() as stack:
        for t in ESTIMATORS:
            stack.enter_context(mock.patch(t, side_effect=AssertionError(f"render called {t}")))
        zh, en = TF.render(res, "zh"), TF.render(res, "en")
    assert "指向1月前13日出口同比在+6.9%左右" in text_of(zh)
    assert "export YoY of about +6.9%" in text_of(en)


def test_an_as_of_that_is_not_a_month_is_a_report_error():
    with pytest.raises(ReportError, match="as_of must be a period like '2025-01'"):
        TF.compute(full_inputs(), "last month")


# ====================================================================== regions and Vietnam on the bundled data
@pytest.fixture(scope="module")
def march_2025(sample_store_path):
    """The flash for 2025-03, the latest month of the bundled exports by partner: (results, zh report)."""
    with Store(sample_store_path, read_only=True) as st:
        inputs, end = report_inputs(st, TF.REQUIRED, TF.OPTIONAL, "2025-03")
    res = TF.compute(inputs, end)
    return res, TF.render(res, "zh")


def test_bundled_region_contributions_by_hand(march_2025):
    res, _ = march_2025
    c = res.regions.result
    assert c.month == M("2025-03")
    t = c.table
    # trade_regions.csv (USD thousand) and trade.csv (USD bn): ASEAN Mar 2025 58,982,477.0, Mar 2024
    # 52,874,186.9; total exports Mar 2024 279.1 bn -> (58.9825 - 52.8742) / 279.1 = +2.19 pp
    assert t.at["asean", "contribution"] == pytest.approx((58.98247695 - 52.874186892) / 279.1, rel=1e-6)
    assert t.at["asean", "yoy"] == pytest.approx(58.98247695 / 52.874186892 - 1, rel=1e-6)
    assert t.at["asean", "share"] == pytest.approx(52.874186892 / 279.1, rel=1e-6)  # +18.9%
    # its YoY x its share of last year's total is its contribution
    assert t.at["asean", "yoy"] * t.at["asean", "share"] == pytest.approx(t.at["asean", "contribution"])
    # US: (40.0611 - 36.7238) / 279.1 = +1.20 pp; two-year growth ASEAN sqrt(58.9825 / 56.4000) - 1 = +2.26%
    assert t.at["us", "contribution"] == pytest.approx((40.061118996 - 36.723779505) / 279.1, rel=1e-6)
    assert t.at["asean", "cagr2y"] == pytest.approx(np.sqrt(58.98247695 / 56.399966284) - 1, rel=1e-6)
    # prior = Jan-Feb combined: ASEAN ((50.9936 + 36.2001) - (49.4357 + 33.2857)) / (306.2 + 221.7) = +0.85 pp
    prior = ((50.993551139 + 36.200117854) - (49.435708955 + 33.285660328)) / (306.2 + 221.7)
    assert t.at["asean", "prior"] == pytest.approx(prior, rel=1e-6)
    # the bars (13 regions and the rest) add up to the total's YoY from levels: 313.0 / 279.1 - 1 = +12.15%
    assert t["contribution"].sum() == pytest.approx(313.0 / 279.1 - 1, abs=1e-12)


def test_bundled_region_exhibits_in_march_and_december(march_2025, bundled):
    _, mar = march_2025
    titles = [f.caption for f in blocks(mar, Figure)]
    assert "图7" not in "".join(titles)  # captions are numbered by the renderer, not here
    region = [t for t in titles if t.startswith("分地区")]
    assert region == ["分地区对出口同比的拉动", "分地区拉动：本月与上月", "分地区出口两年复合增速：本月与上月"]
    assert any(s.heading == "1.3、地区结构" for s in mar.sections)
    assert "从绝对贡献来看，2025年3月出口同比+12.1%，为正主要由东盟（+2.2个百分点）" in text_of(mar)
    # December 2025: the same exhibits on the same (March) data, labelled with their own month
    dec = bundled[("2025-12", "zh")]
    dregion = [f.caption for f in blocks(dec, Figure) if f.caption.startswith("分地区")]
    assert dregion and all(t.endswith("（截至2025年3月）") for t in dregion)
    assert any(s.heading == "1.3、地区结构（截至2025年3月）" for s in dec.sections)
    assert "分地区出口数据最新为2025年3月。" in text_of(dec)
    en = bundled[("2025-12", "en")]
    assert all(f.caption.endswith(" (to Mar 2025)") for f in blocks(en, Figure) if "destination" in f.caption)
    # the share a year ago prints unsigned; contributions signed
    table = next(b for b in blocks(dec, Table) if "分地区" in b.caption)
    assert table.caption == "2025年3月分地区出口"
    fmt = table.formats
    assert fmt["上年占比(%)"](18.944) == "18.9" and fmt["拉动(pp)"](2.19) == "+2.2"


def test_bundled_vietnam_products_janfeb_by_hand(bundled):
    rep = bundled[("2025-12", "zh")]
    # vietnam.csv: computers & electronics Jan-Feb 2025 6,053.6 + 6,470.9, 2024 5,000 + 4,200; total
    # Jan-Feb 2024 33,570 + 24,820 -> (12,524.4 - 9,200) / 58,390 = +5.69 pp of the +9.94% Jan-Feb YoY
    assert "从绝对贡献来看，2025年1-2月越南出口同比+9.9%，为正主要由电脑、电子产品及零件（+5.7个百分点）" in text_of(rep)
    vn = [f.caption for f in blocks(rep, Figure) if "越南" in f.caption]
    assert vn == ["越南总出口：各年分月金额（截至2025年2月）", "越南出口分产品拉动（截至2025年2月）"]


def test_bundled_outlook_nowcasts_the_next_print(bundled):
    """The December 2025 flash (written 14 January 2026) nowcasts the Jan–Feb 2026 print; no partner
    has published January yet, so it is the calendar member; the last print is December's +6.6%."""
    rep = bundled[("2025-12", "zh")]
    heads = [s.heading for s in rep.sections]
    assert "3、展望：出口预测" in heads
    text = text_of(rep)
    assert "以2026年1月14日已公布的数据推算，2026年1-2月出口同比（美元计）约为" in text
    assert "前值（2025年12月）+6.6%" in text
    en = text_of(bundled[("2025-12", "en")])
    assert "export YoY (USD) in Jan–Feb 2026 is nowcast at about" in en


def test_disclaimer_takes_no_page_of_its_own(trade_flash_report_zh):
    # The December 2025 flash ends with the data-status table and the notes box a few lines short of
    # the page foot: the one-line disclaimer block must fit under them, not open a last page.
    from dataclasses import replace

    from macrodesk.reports.render import _compile_typst

    rep = trade_flash_report_zh
    assert rep.disclaimer
    with_it = len(_compile_typst(rep, "png", ppi=5))
    without = len(_compile_typst(replace(rep, disclaimer=None), "png", ppi=5))
    assert with_it == without
