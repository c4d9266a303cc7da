"""The inflation-outlook recipe: on the bundled data (seed 003's information set) and on hand-made
inputs that exercise the sections the bundle lacks data for."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from macrodesk.analyses import inflation_outlook as R
from macrodesk.analyses._common import Inputs
from macrodesk.analyses.inflation_outlook.compute import _pork_drift
from macrodesk.models.inflation.components import CPI_CATEGORIES
from macrodesk.reports.model import Bullets, Figure, Notice, Paragraph, Table
from macrodesk.series import MacroSeries, SeriesMeta


def blocks(report, kind):
    return [b for s in report.sections for b in s.blocks if isinstance(b, kind)]


def text_of(report):
    return " ".join(report.summary) + " ".join(p.text + (p.lead or "") for p in blocks(report, Paragraph))


@pytest.fixture()
def bundled_2025_11(outlook_report_zh):
    return outlook_report_zh


def test_bundled_review_matches_the_seed(bundled_2025_11):
    # Seed 003: "2025年1-11月，CPI环比累计上涨0.5%，不仅弱于2021-2024年同期均值0.8%，更远低于2015-2019年同期均值2.1%"
    text = text_of(bundled_2025_11)
    assert "2025年1-11月CPI环比累计+0.5%，低于2021-2024年同期均值+0.8%" in text
    assert "低于2015-2019年同期均值+2.1%" in text


def test_bundled_ppi_carryover_matches_the_seed(bundled_2025_11):
    # Seed 003: "预计2026全年平均翘尾为负值(约-0.4%左右)", December 2025 MoM assumed 0 (图38 注)
    text = text_of(bundled_2025_11)
    assert "2026年PPI全年平均翘尾约-0.41%" in text
    assert "2025年12月环比假设为0" in text


def test_bundled_leads_and_pig_cycle_match_the_seed(bundled_2025_11):
    text = text_of(bundled_2025_11)
    # "M1同比…其走势通常领先PPI约9个月"
    assert "M1同比领先PPI同比约9个月" in text
    # "本轮猪价自2024年9月开启下行通道，截至目前已持续下跌15个月" (peak Aug 2024, 15 months to Nov 2025)
    assert "本轮自2024年8月见顶后已下跌15个月" in text


def test_bundled_pig_cycle_table_fills_pork_columns_from_the_sample(bundled_2025_11):
    (t,) = [b for b in blocks(bundled_2025_11, Table) if b.caption.startswith("2015年1月以来生猪价格的上涨周期")]
    df = t.data
    assert list(df.columns) == ["开始", "结束", "生猪价格涨幅(%)", "猪肉批发价涨幅(%)", "猪肉批发价环比月均(%)",
                                "猪肉CPI同比变化(pp)", "猪肉CPI环比月均(%)", "上涨月数", "此前下跌月数"]
    # food_prices_daily.csv pork_wholesale_cny, monthly means: 2018-05 15.976 -> 2020-02 49.837 (+212.0%),
    # mean MoM over 2018-06..2020-02 +5.94%; 2022-03 18.252 -> 2022-10 34.536 (+89.2%), mean MoM +10.04%;
    # 2015-03 17.455 -> 2016-05 26.700 (+53.0%), mean MoM +3.18%
    assert df["猪肉批发价涨幅(%)"].iloc[:3].round(1).tolist() == [53.0, 212.0, 89.2]
    assert df["猪肉批发价环比月均(%)"].iloc[:3].round(1).tolist() == [3.2, 5.9, 10.0]
    # nbs_releases.csv cpi_pork_yoy: 2024-08 +16.1 - 2024-01 (trough) -17.3 = 33.4 pp; the older rounds predate it
    assert round(df["猪肉CPI同比变化(pp)"].iloc[3], 1) == 33.4 and df["猪肉CPI同比变化(pp)"].iloc[:3].isna().all()
    # pork CPI MoM misses 2024-02, 2024-04 and 2024-06 in the fourth round: no average, and the note says so
    assert df["猪肉CPI环比月均(%)"].isna().all()
    assert "第四轮猪肉CPI环比缺2024年2月、2024年4月、2024年6月" in t.note
    assert "而非猪肉CPI" in t.note and "2013年11月-2022年12月" in t.note


def test_bundled_report_lists_missing_inputs_in_one_notice(bundled_2025_11):
    notices = [n.text for n in blocks(bundled_2025_11, Notice)]
    missing = [t for t in notices if t.startswith("供分析师参考：以下输入序列缺失")]
    assert len(missing) == 1 and "导入后重新运行" not in missing[0]
    assert bundled_2025_11.sections[-1].heading == "附录：数据说明"
    (risk_section,) = [s for s in bundled_2025_11.sections if s.heading.endswith("风险提示")]
    words = [b.text for b in risk_section.blocks if isinstance(b, Paragraph)]
    assert len(words) == 1 and words[0].startswith("本期报告未覆盖") and "工业库存周期" not in words[0]
    assert "_" not in words[0]  # no series ids in the body
    for pattern in ("cpi_weight_", "industry_revenue_", "hh_spending_share_"):
        assert pattern in missing[0]
    assert "industry_inventory_yoy_" not in missing[0]  # the inventory cycle is built from the sample's NBS tables


def test_bundled_inventory_cycle_from_the_sample_tables(bundled_2025_11):
    """Seed 003 图25/29/36/37 from the sample's YTD revenue YoY and finished-goods inventory YoY (to 2023-08)."""
    text = text_of(bundled_2025_11)
    # activity.csv, ferrous smelting: revenue YTD YoY May -8.8 -> Aug -5.9 (+2.9 pp); inventory YoY -11.2 -> -2.7
    # (+8.5 pp): both up = active restocking
    assert ("2023年8月黑色金属冶炼和压延加工业营收累计同比-5.9%（近3个月+2.9个百分点），产成品存货同比-2.7%"
            "（+8.5个百分点），处于主动补库存阶段") in text
    # coal mining: revenue -9.1 -> -13.9 (-4.8 pp), inventory 17.7 -> 9.0 (-8.7 pp): active destocking
    assert "2023年8月煤炭开采和洗选业营收累计同比-13.9%（近3个月-4.8个百分点），产成品存货同比+9.0%（-8.7个百分点），处于主动去库存阶段" in text
    caps = [f.caption for f in blocks(bundled_2025_11, Figure)]
    for name in ("黑色金属冶炼和压延加工业", "煤炭开采和洗选业", "汽车制造业", "电气机械和器材制造业"):
        assert any(c.startswith(f"{name}营收与产成品存货") and c.endswith("（截至2023年8月）") for c in caps), name
    quad = next(f for f in blocks(bundled_2025_11, Figure) if f.caption.startswith("各行业库存周期位置"))
    assert "营收为累计同比" in quad.note and len(quad.data) == 41


def test_bundled_figures_have_sources_and_sections_are_numbered(bundled_2025_11):
    figs = blocks(bundled_2025_11, Figure)
    assert len(figs) >= 10 and all(f.source and f.source.endswith("macrodesk计算") for f in figs)
    heads = [s.heading for s in bundled_2025_11.sections]
    assert heads[0] == "一、2025年通胀回顾" and heads[1].startswith("1.1 ")
    assert "风险提示" in " ".join(heads)


# ---------------------------------------------------------------- hand-made inputs for every section
def _m(sid, unit, values, start, freq="M", source="NBS"):
    idx = pd.period_range(start, periods=len(values), freq={"M": "M", "Q": "Q", "A": "Y"}[freq])
    return MacroSeries(SeriesMeta(sid, unit, freq, source=source), pd.Series(np.asarray(values, dtype=float), index=idx))


def _full_inputs() -> Inputs:
    n = (2025 - 2014) * 12 + 11  # 2014-01 .. 2025-11
    t = np.arange(n)
    cyc = np.sin(t / 9.0)
    series = [
        _m("cpi_mom", "pct_mom", np.full(n, 0.1), "2014-01"),
        _m("cpi_yoy", "pct_yoy", np.full(n, 1.2), "2014-01"),
        _m("ppi_mom", "pct_mom", 0.3 * cyc, "2014-01"),
        _m("ppi_yoy", "pct_yoy", 3 * np.sin((t - 9) / 9.0), "2014-01"),
        _m("m1_yoy", "pct_yoy", 10 * cyc, "2014-01", source="PBoC"),
        _m("crb_spot_index", "index", 100 * (1 + 0.2 * cyc), "2014-01", source="CRB"),
        _m("hog_spot_price_index_zhuyi", "index", 100 * (1 + 0.5 * np.sin(t / 6.0)), "2014-01", source="猪易数据"),
        _m("breeding_sow_inventory", "10k_head", 4000 * (1 - 0.1 * np.sin((t + 7) / 6.0)), "2014-01"),
        # components: pork -13.8% in Jan 2025, housing -0.1% (Table 1 figures), zero otherwise
        _m("cpi_pork_mom", "pct_mom", [0.0] * (n - 11) + [-13.8] + [0.0] * 10, "2014-01"),
        _m("cpi_housing_mom", "pct_mom", [0.0] * (n - 11) + [-0.1] + [0.0] * 10, "2014-01"),
        _m("cpi_weight_pork", "pct", [4.62], "2021", freq="A"),
        # PPI by industry: ferrous smelting -4.8% Jan-Nov 2025 on a 5.9% revenue weight (590 of 10,000)
        _m("ppi_ferrous_smelting_mom", "pct_mom", [-4.8] + [0.0] * 10, "2025-01"),
        _m("industry_revenue_ferrous_smelting", "cny_100m", [590.0], "2024", freq="A"),
        _m("industry_revenue_total", "cny_100m", [10000.0], "2024", freq="A"),
    ]
    # the factor model's four prices: move with the PPI cycle
    for sid, unit, src in (("thermal_coal_qhd_q5500_cny", "cny_per_t", "CCTD"), ("rebar_hrb_25mm_cny", "cny_per_t", "Wind"),
                           ("diesel_0_cny", "cny_per_t", "NBS"), ("copper_lme_usd", "usd_per_t", "LME")):
        series.append(_m(sid, unit, 1000 * (1 + 0.3 * np.sin((t - 9) / 9.0 + len(series) / 7)), "2014-01", source=src))
    # household spending shares (2020 and 2025) and CPI category weights (2016 and 2021 bases)
    share20 = dict(zip(CPI_CATEGORIES, [30.2, 6.0, 24.6, 5.9, 13.0, 9.6, 8.7, 2.0]))
    share25 = dict(zip(CPI_CATEGORIES, [29.5, 5.4, 21.6, 5.6, 14.4, 11.7, 8.9, 2.9]))
    for c in CPI_CATEGORIES:
        series.append(_m(f"hh_spending_share_{c}", "pct", [share20[c]] + [np.nan] * 4 + [share25[c]], "2020", freq="A"))
        if c != "food_tobacco_liquor":
            series.append(_m(f"cpi_weight_{c}", "pct", [share20[c] - 1] + [np.nan] * 4 + [share20[c]], "2016", freq="A"))
    series.append(_m("cpi_weight_food_tobacco_liquor", "pct", [31.4, np.nan, np.nan, np.nan, np.nan, 30.2], "2016", freq="A"))
    # inventory cycles for two industries (48 months to 2025-11)
    k = np.arange(48)
    for code, phase in (("auto", 0.0), ("electrical_machinery", 2.0)):
        series.append(_m(f"industry_revenue_yoy_{code}", "pct_yoy", 5 * np.sin(k / 5.0 + phase), "2021-12"))
        series.append(_m(f"industry_inventory_yoy_{code}", "pct_yoy", 5 * np.sin((k - 3) / 5.0 + phase), "2021-12"))
    S = {s.id: s for s in series}
    return Inputs(S, [i for i in R.OPTIONAL if i not in S])


@pytest.fixture(scope="module")
def full_results():
    return R.compute(_full_inputs(), pd.Period("2025-11", "M"))


@pytest.fixture(scope="module")
def full_report(full_results):
    return R.render(full_results, "zh")


def test_every_section_is_built_from_hand_made_inputs(full_report):
    heads = " ".join(s.heading for s in full_report.sections)
    for h in ("基期轮换与权重", "猪周期", "季节性", "PPI翘尾", "M1领先", "商品因子模型", "库存周期"):
        assert h in heads
    tables = [t.caption for t in blocks(full_report, Table)]
    assert any(c.startswith("CPI各分项") for c in tables)
    assert any(c.startswith("PPI分行业") for c in tables)


def test_hand_made_component_and_industry_numbers(full_report):
    text = text_of(full_report)
    # ferrous smelting: 5.9% x -4.8% = -0.2832 pp
    assert "黑色金属冶炼和压延加工业（权重5.9%，累计-4.8%，拉动-0.28个百分点）" in text
    # rotation: housing 24.6% (2020) -> 21.6% (2025): -3.0 pct; education 9.6 -> 11.7: +2.1 pct
    assert "居住-3.0pct" in text and "教育文化和娱乐+2.1pct" in text


def test_hand_made_pork_weight_drift(full_report):
    # pork weight 4.62% (2021 base); pork prices -13.8% in Jan 2025 only, CPI +0.1% a month from Jan 2021:
    # 0.0462 x 0.862 / 1.001^59 = 0.0398244 / 1.060744 = 0.037544 -> 3.75%
    assert "猪肉权重由2020年12月的4.62%变为2025年11月的3.75%" in text_of(full_report)


def test_hand_made_inputs_leave_only_the_unused_ones_in_the_notice(full_report):
    missing = [n.text for n in blocks(full_report, Notice) if n.text.startswith("供分析师参考：以下输入序列缺失")]
    assert not any("hh_spending_share" in t or "industry_revenue_yoy" in t or "cpi_weight_pork" in t for t in missing)
    (risk_section,) = [s for s in full_report.sections if s.heading.endswith("风险提示")]
    risks = [b for b in risk_section.blocks if isinstance(b, Bullets)][0].items
    assert any("因子模型样本截至2025年11月" in r for r in risks)


def test_english_build(outlook_report_en):
    rep = outlook_report_en
    assert rep.title == "Inflation outlook for 2026"
    assert rep.sections[0].heading == "1. 2025 in review"
    notice = [n.text for n in blocks(rep, Notice) if n.text.startswith("For analysts: these input series are missing or incomplete")]
    assert len(notice) == 1


def test_pork_drift_starts_from_the_rotation_year_weight():
    # cpi_weight_pork holds the 2021 rotation weight (4.62) and a later published weight (1.44 in 2025):
    # the drift starts from the rotation year (years 2011, 2016, 2021, …), not from the latest value.
    inputs = _full_inputs()
    S = dict(inputs.series)
    S["cpi_weight_pork"] = _m("cpi_weight_pork", "pct", [4.62, np.nan, np.nan, np.nan, 1.44], "2021", freq="A")
    drift = _pork_drift(Inputs(S, inputs.missing), pd.Period("2025-11", "M"))
    assert drift.base == pd.Period("2020-12", "M")
    assert drift.weights.iloc[-1, 0] == pytest.approx(0.0462 * 0.862 / 1.001**59)


def test_results_render_in_both_languages_without_estimating(full_results, full_report):
    # compute once, render in the other language: no model of the inflation family runs while rendering
    # (the languages share the rendering code; ``full_report`` is the Chinese render of the same results)
    from tests.analyses.spy import counting, inflation_estimators

    with counting(inflation_estimators()) as calls:
        en = R.render(full_results, "en")
    assert sum(calls.values()) == 0, calls
    zh = full_report
    assert zh.lang == "zh" and en.lang == "en"
    assert [s.heading for s in zh.sections][:2] == ["一、2025年通胀回顾", "1.1 CPI：2025年1-11月环比累计与季节性"]
    assert [s.heading for s in en.sections][:2] == ["1. 2025 in review", "1.1 CPI against its seasonal norm"]


def test_the_spy_sees_the_models_called_by_compute():
    from tests.analyses.spy import counting, inflation_estimators

    with counting(inflation_estimators()) as calls:
        R.compute(_full_inputs(), pd.Period("2025-11", "M"))
    for fn in ("seasonal_review", "component_review", "upcycles", "lead_lag", "pass_through", "seasonality",
               "inventory_panel", "ppi_industry_review", "rotation", "price_method_drift", "carryover_review"):
        assert any(k.endswith("." + fn) for k in calls), fn


def test_factor_model_scenarios_and_backtests_are_estimated_in_compute_only(outlook_results, outlook_report_zh,
                                                                            outlook_report_en):
    # The bundled sample at 2025-11 has the factor inputs, the 2026 scenario files apply, and both
    # nowcast backtests run; rendering must reuse them: each estimator raises if it is called. One render
    # (English) runs under the guard; the Chinese one is the session's, rendered by the same code.
    from unittest import mock

    from macrodesk.models.factor import FactorModel
    from macrodesk.models.nowcast.nowcaster import Nowcaster

    boom = AssertionError("estimated while rendering")
    with mock.patch.object(FactorModel, "fit", side_effect=boom), \
            mock.patch.object(Nowcaster, "backtest", side_effect=boom), \
            mock.patch("macrodesk.scenarios.engine.run", side_effect=boom), \
            mock.patch("macrodesk.scenarios.run", side_effect=boom, create=True):
        en = R.render(outlook_results, "en")
    zh = outlook_report_zh
    ext = outlook_results.extensions
    assert ext is not None and ext.factor is not None and ext.factor.fit is not None
    assert len(ext.scenarios) == 2 and len(ext.nowcasts) == 2
    headings_zh = [s.heading for s in zh.sections]
    assert any("商品因子模型" in h for h in headings_zh)
    assert any("情景推演" in h for h in headings_zh)
    assert any("实时预测模型回测" in h for h in headings_zh)
    assert any("scenarios" in s.heading for s in en.sections)
    assert en.summary == outlook_report_en.summary


def test_key_points_carry_the_scenario_centres_and_the_method(outlook_results, outlook_report_zh):
    from macrodesk.text import format as F

    ext = outlook_results.extensions
    assert ext is not None and len(ext.scenarios) == 2
    for _, out in ext.scenarios:
        paths = out.to_frame() * 100  # horizon months x scenarios: the centre is the plain mean of each path
        centres = [F.qpct("scenario", float(paths[c].mean())) for c in paths.columns]
        point = [p for p in outlook_report_zh.summary if "同比情景中枢" in p and centres[0] in p]
        assert len(point) == 1, outlook_report_zh.summary
        assert all(c in point[0] for c in centres)
        assert "公布同比为锚" in point[0]
        alts = [F.qpct("scenario", s.mean_alt * 100) for s in out.scenarios]
        if alts != centres:
            assert "按环比链式指数口径依次为" + "、".join(alts) in point[0]


def _section(report, title):
    (sec,) = [s for s in report.sections if s.heading.endswith(title)]
    return " ".join(b.text for b in sec.blocks if isinstance(b, Paragraph))


def test_demand_section_states_the_latest_readings_of_its_charts(outlook_report_zh, outlook_report_en):
    # Read by hand from the shared CSVs: activity.csv fai_realestate_ytd_yoy 2025-02 -9.8, 2025-03 -9.9;
    # fai_manufacturing_ytd_yoy 2025-10 2.7, 2025-11 1.9; the three infrastructure sectors end 2023-10 at
    # 11.1 / 25.0 / -0.8; other.csv new_loans_corporate_mlt Jan-Mar 2025 34600 + 5400 + 15800 = 55800 against
    # Jan-Mar 2024 33100 + 12900 + 16000 = 62000, i.e. 6200 less (CNY 620bn).
    zh = _section(outlook_report_zh, "地产、基建与制造业投资")
    assert "房地产开发投资2025年1-3月累计同比-9.9%，较1-2月回落0.1个百分点" in zh
    assert "制造业投资2025年1-11月累计同比+1.9%，较1-10月回落0.8个百分点" in zh
    assert "截至2023年1-10月" in zh and "交通运输仓储邮政+11.1%、电力热力燃气水+25.0%、水利环境公共设施-0.8%" in zh
    assert "2025年1-3月新增企业中长期贷款合计55800亿元，较上年同期少增6200亿元" in zh
    en = _section(outlook_report_en, "Property, infrastructure and manufacturing investment")
    assert "Real-estate development investment was -9.9% YoY in Jan–Mar 2025, down 0.1 pp from Jan–Feb" in en
    assert "CNY 5,580bn in Jan–Mar 2025, CNY 620bn less than a year earlier" in en


def test_outlook_sets_its_simple_charts_two_across(outlook_report_zh):
    """The outlook pairs its charts as the seed does (图7/图8 …): each pair is two half-width figures with
    nothing between them; the inventory charts of two industries follow both industries' paragraphs."""
    from macrodesk.reports import Figure, Paragraph
    from macrodesk.reports.render import typst_source

    src = typst_source(outlook_report_zh)
    grids = re.findall(r"#grid\(columns: \(1fr, 1fr\).*?\n  \)\n", src, flags=re.S)
    pairs = [re.findall(r"exhibit-caption\(\"图\d+：([^\"（]+)", g) for g in grids]
    assert ["能繁母猪存栏同比与生猪价格同比的领先滞后关系", "生猪养殖利润与猪粮比"] in pairs
    assert ["PPI同比：实际与四因子模型拟合", "主要商品对PPI同比的拉动"] in pairs
    assert ["2026年CPI同比情景推演", "2026年PPI同比情景推演"] in pairs  # then one table of both sets' paths
    paths = next(t for t in outlook_report_zh.tables() if t.caption.startswith("2026年CPI与PPI同比各情景逐月路径"))
    assert paths.data.shape == (15, 6)
    assert len(pairs) >= 6 and all(len(p) == 2 for p in pairs)  # no half-width chart left alone
    inv = next(s for s in outlook_report_zh.sections if s.heading.endswith("库存周期")).blocks
    kinds = ["P" if isinstance(b, Paragraph) else "H" if isinstance(b, Figure) and b.width == "half" else "-"
             for b in inv]
    assert "PPHH" in "".join(kinds)  # two paragraphs, then their two charts side by side


def test_ppi_group_mom_chart_is_the_exhibit_and_leaves_unprinted_months_blank(outlook_report_zh):
    (fig,) = [f for f in blocks(outlook_report_zh, Figure) if f.caption.startswith("PPI分大类环比走势")]
    # the groups' transcripts end at Jul 2025, before the report's Nov 2025
    assert fig.caption == "PPI分大类环比走势（截至2025年7月）"
    assert fig.note.startswith("圆点为公布值；缺失月份留空") and fig.source == "国家统计局、macrodesk计算"
    assert list(fig.data.columns) == ["采掘工业", "原材料工业", "加工工业", "生活资料"]
    raw = fig.data["原材料工业"]  # nbs_releases.csv: no raw-materials print for Apr 2024 nor Oct 2024
    assert np.isnan(raw[pd.Timestamp("2024-04-01")]) and np.isnan(raw[pd.Timestamp("2024-10-01")])
    assert raw[pd.Timestamp("2024-05-01")] == 0.9 and str(fig.data.index[0])[:7] == "2023-12"
