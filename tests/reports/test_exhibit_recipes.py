"""Recipes of the 2026 outlook's figures that need imported series, proven on a hand-made fixture.

``data/outlook_imports.csv`` holds small hand-made values for the ids of ``importable.toml`` (two
are the seed's own prints: the global manufacturing PMI at 50.5 in November 2025 and China's
steel apparent consumption at 10,643 万吨 in November 2025); the bundled sample gives the rest
(World Bank gold and copper, NBS manufacturing investment). Each test checks the drawn numbers by hand.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from macrodesk.exceptions import UnitError
from macrodesk.importers.csv import read_csv, read_frame
from macrodesk.reports.exhibits import exhibit
from macrodesk.series.catalogue import importable

FIXTURE = Path(__file__).parent / "data" / "outlook_imports.csv"
NOV_2025 = pd.Period("2025-11", "M")


def Q(text: str) -> pd.Period:
    return pd.Period(text, "Q")


@pytest.fixture(scope="module")
def S(sample_series):
    """The bundled sample cut to November 2025 (as a report at that month sees it) plus the fixture."""
    data = {s.id: s.slice(None, "2025-11") for s in sample_series}
    data.update({s.id: s for s in read_csv(FIXTURE)})
    return data


def test_declared_ids_import_with_their_names_unit_and_publisher():
    cat = importable().set_index("series_id")
    assert len(cat) == 46 and (cat["unit"] != "").all() and (cat["source"] != "").all()
    s = {x.id: x for x in read_csv(FIXTURE)}
    tc = s["copper_tc_spot_china"]
    assert (tc.freq, tc.unit, tc.name("zh"), tc.meta.source) == ("W", "usd_per_dmt", "中国铜精矿现货粗炼费(TC)", "上海有色网")
    assert s["capacity_utilisation_industry_q"].freq == "Q"
    # a declared id in a unit that does not convert is refused, naming file, row and series
    bad = pd.DataFrame({"series_id": ["gold_central_bank_net_purchases_q"], "date": ["2025-09-30"],
                        "value": ["220"], "unit": ["usd_bn"]})
    with pytest.raises(UnitError, match=r"file 'cb\.csv', row 2, series 'gold_central_bank_net_purchases_q': "
                                        r"unit 'usd_bn', but the reports read .* in 't'"):
        read_frame(bad, "cb.csv")


def test_gold_jewellery_is_quarterly_against_the_quarter_end_gold_price(S):
    df = exhibit("gold_jewellery").frame(S, NOV_2025)
    gold = S["wb_gold"].data
    # quarterly = the value of each quarter's last month: 2025Q3 is September's World Bank average
    assert df.loc[Q("2025Q3"), "黄金价格"] == gold[pd.Period("2025-09", "M")]
    assert df.loc[Q("2016Q1"), "黄金价格"] == gold[pd.Period("2016-03", "M")]
    jew = df["中国黄金首饰消费量"].dropna()
    assert jew.loc[Q("2025Q1"):].mean() == pytest.approx((125 + 70 + 65) / 3)
    assert str(df.index[-1]) == "2025Q3"  # November is no quarter end: 2025Q4 is not drawn yet


def test_central_bank_gold_bars_from_2016(S):
    fig = exhibit("central_bank_gold").figure(S, NOV_2025)
    v = fig.data.iloc[:, 0]
    assert str(v.index[0]) == "2016Q1" and v.loc[Q("2025Q1"):].sum() == 240 + 170 + 220
    assert fig.caption == "全球央行净购金量（吨）（截至2025年9月）"


def test_eia_balance_draws_the_forecast_to_next_december(S):
    df = exhibit("eia_liquids_balance").frame(S, NOV_2025)
    assert (str(df.index[0]), str(df.index[-1])) == ("2024Q1", "2026Q4")  # 2027Q1 in the file is cut
    assert df.loc[Q("2026Q4"), "库存变化"] == pytest.approx(107.6 - 105.6)


def test_copper_against_the_global_pmi(S):
    spec = exhibit("copper_global_pmi")
    df = spec.frame(S, NOV_2025)
    assert df.loc[NOV_2025, "摩根大通全球制造业PMI"] == 50.5
    assert df.loc[NOV_2025, "铜价"] == S["wb_copper"].data[NOV_2025]
    assert spec.right_columns(S, df, "zh") == ["摩根大通全球制造业PMI"]


def test_tc_rc_are_monthly_means_of_the_weekly_charges(S):
    df = exhibit("copper_tc_rc").frame(S, NOV_2025)
    feb = pd.Period("2025-02", "M")
    assert df.loc[feb, "粗炼费（TC）"] == pytest.approx((-10 - 12 - 14 - 16) / 4)
    assert df.loc[feb, "精炼费（RC）"] == pytest.approx((-1.0 - 1.2 - 1.4 - 1.6) / 4)
    assert df.loc[feb - 1, "粗炼费（TC）"] == pytest.approx((0 - 2 - 4 - 6 - 8) / 5)  # five Fridays in January


def test_copper_balance_five_years_of_bars(S):
    fig = exhibit("copper_balance").figure(S, NOV_2025)
    v = fig.data.iloc[:, 0]
    assert str(v.index[0]) == "2021-01" and len(v) == 58  # window from 2020-12; the file starts 2021-01
    assert v.loc[pd.Period("2025-01", "M"):].sum() == pytest.approx(9 * 0.5 - 1.5)
    assert "（截至2025年10月）" in fig.caption


def test_steel_net_exports_are_exports_less_imports(S):
    df = exhibit("steel_demand_exports").frame(S, NOV_2025)
    assert df.loc[NOV_2025].tolist() == [10643, 998 - 48]


def test_capacity_with_manufacturing_investment_at_quarter_ends(S):
    spec = exhibit("capacity_utilisation")
    df = spec.frame(S, NOV_2025)
    # NBS: manufacturing FAI +7.5% YTD in January-June 2025 (the seed's figure), drawn at 2025Q2
    assert df.loc[Q("2025Q2"), "制造业投资累计同比"] == 7.5
    assert df.loc[Q("2025Q3"), "工业产能利用率"] == 74.6
    assert spec.right_columns(S, df, "zh") == ["工业产能利用率"]


def test_inventory_turnover_percentiles_rank_the_industries(S):
    spec = exhibit("sw_inventory_turnover")
    fig = spec.figure(S, NOV_2025)
    ranked = spec.ranking(spec.frame(S, NOV_2025))
    # P = #{x_s <= x_last} / n over 2015Q1-2016Q1: telecoms 5 of 5, power equipment 3 of 5, autos 1 of 5
    assert list(ranked.index) == ["通信", "电力设备", "汽车"] and ranked.tolist() == [100, 60, 20]
    assert fig.caption == "申万一级行业存货周转率所处2015年以来分位（截至2016年3月）"


def test_missing_series_give_a_data_status_line(S):
    spec = exhibit("steel_demand_exports")
    assert spec.lacking(S) is None
    short = {k: v for k, v in S.items() if k != "steel_products_imports"}
    assert spec.lacking(short) == "中国钢材表观消费量与净出口：steel_products_imports"
    assert exhibit("sw_inventory_turnover").lacking({}, "en") == (
        "Inventory turnover by Shenwan level-1 industry: percentile since 2015: sw_inventory_turnover_<…> (29 series)")


def test_the_outlook_draws_each_recipe_when_its_series_are_in(S, sample_series):
    from types import SimpleNamespace

    from macrodesk.analyses.inflation_outlook._notes import _Gaps
    from macrodesk.analyses.inflation_outlook.inputs import OUTLOOK_EXHIBITS
    from macrodesk.analyses.inflation_outlook.render_outlook import _exhibits

    bundled = {s.id: s.slice(None, "2025-11") for s in sample_series}
    for data, expect_drawn in ((S, True), (bundled, False)):
        res = SimpleNamespace(inputs=SimpleNamespace(series=data), status=None, month=NOV_2025)
        gaps = _Gaps()
        captions = [f.caption for sec in ("rotation", "imported", "demand", "inventory")
                    for f in _exhibits(res, sec, gaps, "zh")]
        new = ["黄金价格与黄金首饰消费量", "全球央行净购金量", "世界液体燃料供需与库存", "铜价与全球制造业PMI",
               "铜精矿现货加工费", "全球精炼铜供需平衡", "中国钢材表观消费量与净出口", "产能利用率", "申万一级行业存货周转率"]
        drawn = [t for t in new if any(t in c for c in captions)]
        assert drawn == (new if expect_drawn else [])
        assert len(gaps.missing) == (0 if expect_drawn else 9)
        assert len(captions) == sum(len(k) for s, k in OUTLOOK_EXHIBITS.items() if s != "pig_cycle") - len(gaps.missing)


def test_the_bundled_outlook_names_what_each_left_out_exhibit_needs(outlook_report_zh):
    from macrodesk.reports.model import Notice

    (notice,) = [b.text for s in outlook_report_zh.sections for b in s.blocks
                 if isinstance(b, Notice) and b.text.startswith("供分析师参考：以下输入序列缺失")]
    for line in ("铜价与全球制造业PMI：global_pmi_mfg", "全球央行净购金量（吨）：gold_central_bank_net_purchases_q",
                 "中国钢材表观消费量与净出口：steel_apparent_consumption、steel_products_exports、steel_products_imports",
                 "申万一级行业存货周转率所处2015年以来分位：sw_inventory_turnover_<…>（29项）"):
        assert line in notice
