"""The CPI/PPI flash: numbers checked against the NBS prints in the bundled data and by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from macrodesk.analyses import REPORTS
from macrodesk.analyses import cpi_ppi_flash as R
from macrodesk.models.inflation.pulls import implied_split, item_pulls
from macrodesk.models.nowcast.base import Nowcast
from macrodesk.reports.model import Figure, Table

DEC = pd.Period("2025-12", freq="M")


def _prod(moms_pct):
    return math.prod(1 + m / 100 for m in moms_pct) - 1


# ---------------------------------------------------------------- headline against the prints
def test_headline_is_the_nbs_print_with_its_prior(flash_results):
    r = flash_results
    assert r.month == DEC
    # NBS, 9 Jan 2026: CPI +0.8% YoY (Nov +0.7%), +0.2% MoM (Nov -0.1%); PPI -1.9% (Nov -2.2%), +0.2% MoM (Nov +0.1%)
    assert (r.cpi.yoy, r.cpi.yoy_prior, r.cpi.mom, r.cpi.mom_prior) == pytest.approx((0.008, 0.007, 0.002, -0.001))
    assert (r.ppi.yoy, r.ppi.yoy_prior, r.ppi.mom, r.ppi.mom_prior) == pytest.approx((-0.019, -0.022, 0.002, 0.001))
    assert math.isnan(r.cpi.consensus)  # the bundled Wind consensus ends in 2022-12
    assert r.release.isoformat() == "2026-01-09"


def test_headline_table_columns_equal_the_prints(flash_results):
    from macrodesk.reports.views.inflation_flash import headline_table

    t = headline_table(flash_results.cpi, flash_results.ppi, "zh")
    assert list(t.loc["CPI同比", ["实际值", "前值"]]) == pytest.approx([0.8, 0.7])
    assert list(t.loc["PPI同比", ["实际值", "前值"]]) == pytest.approx([-1.9, -2.2])
    assert list(t.loc["CPI环比", ["实际值", "前值"]]) == pytest.approx([0.2, -0.1])
    assert t.loc["CPI同比", "较模型预测(pp)"] == pytest.approx(0.8 - flash_results.cpi.nowcast_print)


def test_consensus_column_is_the_stored_wind_consensus(flash_results):
    """December 2022: Wind consensus CPI 1.84, PPI -0.27 (bundled consensus.csv); NBS printed 1.8 and -0.7."""
    from macrodesk.reports.views.inflation_flash import headline_table

    inputs = flash_results.inputs
    p = pd.Period("2022-12", freq="M")
    eve = pd.Timestamp("2023-01-11")
    cpi, ppi = (R._headline(inputs, k, p, eve, 12) for k in ("cpi", "ppi"))
    t = headline_table(cpi, ppi, "en")
    assert t.loc["CPI YoY", "Consensus"] == pytest.approx(1.84)
    assert t.loc["PPI YoY", "Consensus"] == pytest.approx(-0.27)
    assert t.loc["CPI YoY", "vs consensus (pp)"] == pytest.approx(1.8 - 1.84)
    assert t.loc["PPI YoY", "vs consensus (pp)"] == pytest.approx(-0.7 + 0.27)


# ---------------------------------------------------------------- the nowcasts are real-time
def test_eve_nowcast_is_about_the_month_and_sees_only_the_prior_print(flash_results):
    n = flash_results.cpi.nowcast
    assert isinstance(n.result, Nowcast)
    assert n.month == DEC and n.as_of == pd.Timestamp("2026-01-08")
    assert n.result.anchor_yoy == pytest.approx(0.007)  # anchored on November's print, not December's


def test_eve_nowcast_does_not_change_when_the_month_print_changes(flash_results):
    inputs = flash_results.inputs
    s = inputs["cpi_yoy"]
    data = s.data.copy()
    data[DEC] = 5.0
    changed = R.Inputs({**inputs.series, "cpi_yoy": s.with_data(data)}, [])
    n = R._nowcast(changed, "cpi_yoy", DEC, pd.Timestamp("2026-01-08"), 9)
    assert n.result.yoy == pytest.approx(flash_results.cpi.nowcast.result.yoy, abs=1e-12)


def test_next_month_nowcast_starts_from_this_month_with_an_interval(flash_results):
    for n, yoy in ((flash_results.next_cpi, 0.008), (flash_results.next_ppi, -0.019)):
        assert n.month == DEC + 1 and n.as_of == pd.Timestamp("2026-01-09")
        r = n.result
        assert r.anchor_yoy == pytest.approx(yoy)
        lo, hi = r.interval()
        assert lo < r.yoy * 100 < hi


# ---------------------------------------------------------------- carry-over, seasonal, pulls
def test_carry_over_by_hand(flash_results):
    cpi_2025 = [0.7, -0.2, -0.4, 0.1, -0.2, -0.1, 0.4, 0.0, 0.1, 0.2, -0.1, 0.2]  # NBS CPI MoM, Jan..Dec 2025
    ppi_2025 = [-0.2, -0.1, -0.4, -0.4, -0.4, -0.4, -0.2, 0.0, 0.0, 0.1, 0.1, 0.2]  # NBS PPI MoM, Jan..Dec 2025
    co = flash_results.carryover.table.loc[DEC]
    assert co["carryover"] == 0.0
    assert co["new_price"] == pytest.approx(_prod(cpi_2025), abs=1e-12)
    t = __import__("macrodesk.reports.views.inflation_flash", fromlist=["x"]).carryover_table(flash_results, "en")
    # next January's carry-over: February..December of 2025
    assert t.loc["PPI", "Carry-over, Jan"] == pytest.approx(_prod(ppi_2025[1:]) * 100, abs=1e-9)
    assert t.loc["CPI", "Carry-over, Jan"] == pytest.approx(_prod(cpi_2025[1:]) * 100, abs=1e-9)
    assert t.loc["PPI", "New price"] == pytest.approx(_prod(ppi_2025) * 100, abs=1e-9)


def test_seasonal_norms_of_december_by_hand(flash_results):
    dec_cpi = {2015: 0.5, 2016: 0.2, 2017: 0.3, 2018: 0.0, 2019: 0.0, 2020: 0.7, 2021: -0.3, 2022: 0.0,
               2023: 0.1, 2024: 0.0}  # NBS CPI MoM of December
    s = flash_results.seasonal
    assert s.actual == pytest.approx(0.002)
    assert float(s.norms["2020-2024"]["mean"]) == pytest.approx(np.mean([dec_cpi[y] for y in range(2020, 2025)]) / 100)
    assert float(s.norms["2015-2024"]["mean"]) == pytest.approx(np.mean(list(dec_cpi.values())) / 100)


def test_implied_split_recovers_a_known_weight():
    idx = pd.period_range("2024-01", "2024-12", freq="M")
    a = pd.Series(np.linspace(-0.04, 0.03, 12), index=idx)
    b = pd.Series(np.linspace(0.01, 0.005, 12), index=idx)
    total = 0.2 * a + 0.8 * b
    res = implied_split(total, a, b, idx[-1])
    assert res.weight == pytest.approx(0.2)
    assert res.pull_a == pytest.approx(0.2 * 0.03) and res.pull_b == pytest.approx(0.8 * 0.005)
    assert res.residual.abs().max() == pytest.approx(0.0, abs=1e-15)
    assert not implied_split(total, a, b, idx[-1] + 1).computable  # a part missing in the month
    assert not implied_split(total.iloc[:5], a, b, idx[4]).computable  # five months are too few


def test_item_pulls_need_a_weight():
    idx = pd.period_range("2025-11", "2025-12", freq="M")
    res = item_pulls({"pork": pd.Series([-0.15, -0.146], index=idx), "veg": pd.Series([0.1, 0.2], index=idx)},
                     {"pork": 0.02}, idx[-1])
    assert res.table.loc["pork", "pull"] == pytest.approx(0.02 * -0.146)
    assert res.not_computable == {"veg": "no basket weight"}


def test_food_and_nonfood_pulls_add_up_to_the_headline(flash_results):
    food = flash_results.splits[0]
    assert food.names == ("cpi_food_yoy", "cpi_nonfood_yoy")
    # Dec 2025: food +1.1%, non-food +0.8%, CPI +0.8%; the pulls add up to the print within its rounding
    assert food.pull_a == pytest.approx(food.weight * 0.011) and food.pull_b == pytest.approx((1 - food.weight) * 0.008)
    assert abs(food.pull_a + food.pull_b - 0.008) < 0.001
    assert 0.1 < food.weight < 0.3


def test_ppi_groups_keep_their_own_last_month(flash_results):
    g = flash_results.groups
    assert g["ppi_producer_goods_yoy"].index[-1] == DEC and g["ppi_producer_goods_yoy"].iloc[-1] == pytest.approx(-2.1)
    assert g["ppi_mining_yoy"].index[-1] == DEC - 1  # the bundled transcripts end in November


# ---------------------------------------------------------------- the report
def _text(rep) -> str:
    out = [rep.title, *rep.summary]
    for s in rep.sections:
        out.append(s.heading)
        out += [getattr(b, "text", "") or getattr(b, "caption", "") for b in s.blocks]
    return "\n".join(out)


def test_report_says_the_numbers(flash_report_zh, flash_report_en):
    zh, en = _text(flash_report_zh), _text(flash_report_en)
    assert flash_report_zh.title == "2025年12月通胀数据点评：CPI同比回升，PPI降幅收窄"
    assert "CPI同比+0.8%（前值+0.7%" in flash_report_zh.summary[0]
    assert "PPI同比-1.9%（前值-2.2%" in flash_report_zh.summary[0]
    assert "采掘工业（截至2025年11月）同比-6.1%" in zh
    assert "CPI YoY was +0.8% in December (prior +0.7%)" in en
    assert [s.heading[:2] for s in flash_report_zh.sections[:6]] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    figures = [b for s in flash_report_zh.sections for b in s.blocks if isinstance(b, Figure)]
    tables = [b for s in flash_report_zh.sections for b in s.blocks if isinstance(b, Table)]
    assert len(figures) == 5 and len(tables) == 7  # six exhibits and the data-status table


def test_registered_and_in_the_demo():
    from macrodesk.analyses import DEMO_REPORTS

    assert "cpi-ppi-flash" in REPORTS and "cpi-ppi-flash" in DEMO_REPORTS
    assert REPORTS["cpi-ppi-flash"].load() is R


def test_month_without_a_print_is_a_clear_error(flash_results):
    from macrodesk.exceptions import ReportError

    with pytest.raises(ReportError, match=r"no value for 2026-01 \(latest: 2025-12\)"):
        R.compute(flash_results.inputs, "2026-01")
