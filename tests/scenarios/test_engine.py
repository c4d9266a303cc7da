"""The scenario engine on hand-made inputs with hand-computed answers."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ScenarioError, UnknownSeriesError
from macrodesk.scenarios import parse_spec, run
from macrodesk.series import MacroSeries, SeriesMeta

P = lambda s: pd.Period(s, freq="M")  # noqa: E731

HEAD = """
target = "x"
name_zh = "X指数"
name_en = "X index"
mom = "x_mom"
yoy = "x_yoy"
horizon = ["2026-01", "2026-12"]
"""


def monthly(values, start, name=None):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float, name=name)


def macro(sid, unit, values, start, source="NBS"):
    return MacroSeries(SeriesMeta(sid, unit, "M", source=source), monthly(values, start))


def data_flat(mom_2025=0.0, yoy_2025=0.0, end="2025-12"):
    """2024 MoM 0; 2025 MoM ``mom_2025`` (percent) each month; 2025 YoY ``yoy_2025`` (percent)."""
    n25 = P(end).month
    mom = macro("x_mom", "pct_mom", [0.0] * 12 + [mom_2025] * n25, "2024-01")
    yoy = macro("x_yoy", "pct_yoy", [yoy_2025] * n25, "2025-01")
    return {"x_mom": mom, "x_yoy": yoy}


def spec(body, file="hand.toml"):
    return parse_spec(HEAD + body, file)


# ---------------------------------------------------------------- YoY from a MoM path
def test_flat_mom_path_gives_compound_yoy():
    # History: every MoM 0 in 2024-2025, YoY 0 in Dec 2025. Path: MoM +0.1% every month of 2026.
    # m_{t-12} = 0, so 1 + y_k = 1.001^k for the k-th month of 2026.
    res = run(spec('[scenarios.a]\nset = [{ mom_pct = 0.1, months = "2026" }]\n'), data_flat(), "2025-12")
    a = res["a"]
    assert a.yoy[P("2026-01")] == pytest.approx(0.001)
    assert a.yoy[P("2026-06")] == pytest.approx(1.001**6 - 1)
    assert a.yoy[P("2026-12")] == pytest.approx(1.001**12 - 1)  # 0.012066...
    # mean of 1.001^k - 1 over k = 1..12 = 1.001 (1.001^12 - 1) / 0.001 / 12 - 1
    assert a.mean == pytest.approx(1.001 * (1.001**12 - 1) / 0.001 / 12 - 1)
    assert a.min == pytest.approx(0.001) and a.argmin == P("2026-01")
    assert a.max == pytest.approx(1.001**12 - 1) and a.argmax == P("2026-12")


def test_published_anchor_versus_chained_index():
    # 2025 MoM +0.2% every month (2024: 0), so the chained index gives YoY 1.002^12 - 1 = 2.4266% in Dec 2025,
    # while the published YoY is rounded to 2.4%. Path: MoM +0.2% in every month of 2026.
    d = data_flat(mom_2025=0.2, yoy_2025=2.4)
    s = spec('[scenarios.a]\nset = [{ mom_pct = 0.2, months = "2026" }]\n')
    pub = run(s, d, "2025-12")
    # published: 1 + y_t = 1.024 * prod(1.002 / 1.002) -> 2.4% in every month
    assert np.allclose(pub["a"].yoy.to_numpy(), 0.024)
    # chained: the product of the last twelve MoMs -> 1.002^12 - 1 in every month
    assert np.allclose(pub["a"].yoy_alt.to_numpy(), 1.002**12 - 1)
    assert pub.anchor_chained == pytest.approx(1.002**12 - 1)
    assert pub.anchor_gap == pytest.approx(0.024 - (1.002**12 - 1))
    ch = run(s, d, "2025-12", method="chained")
    assert np.allclose(ch["a"].yoy.to_numpy(), 1.002**12 - 1)
    assert ch.method == "chained"


def test_quarter_settings_replace_the_baseline():
    # Q1 MoM -0.2%, then 0: YoY (history 0) = 0.998^k - 1 up to March, then flat.
    s = spec('[scenarios.a]\nset = [{ mom_pct = -0.2, months = "2026Q1" }, { mom_pct = 0.0, months = "2026Q2..2026Q4" }]\n')
    a = run(s, data_flat(), "2025-12")["a"]
    assert a.mom[P("2026-02")] == pytest.approx(-0.002)
    assert a.mom[P("2026-04")] == 0.0
    assert a.yoy[P("2026-03")] == pytest.approx(0.998**3 - 1)  # -0.005988008
    assert a.yoy[P("2026-12")] == pytest.approx(0.998**3 - 1)
    assert a.end == pytest.approx(-0.005988008)


# ---------------------------------------------------------------- overlays
def test_pork_shock_adds_weight_times_shock_to_mom():
    s = spec("""
[scenarios.neutral]
set = [{ mom_pct = 0.0, months = "2026" }]
[scenarios.pork]
extends = "neutral"
shocks = [{ component = "pork", shock_pct = 3.0, weight_pct = 2.0, months = "2026-02..2026-07" }]
""")
    res = run(s, data_flat(), "2025-12")
    diff = res["pork"].mom - res["neutral"].mom
    # 3% x 2% = 0.06 pp = 0.0006 in Feb-Jul, nothing elsewhere
    assert np.allclose(diff[P("2026-02"):P("2026-07")].to_numpy(), 0.0006)
    assert diff[P("2026-01")] == 0.0 and diff[P("2026-08"):].abs().max() == 0.0
    assert res["pork"].components["shock:pork"].sum() == pytest.approx(6 * 0.0006)
    # YoY (history 0): 1.0006^6 - 1 from July on
    assert res["pork"].yoy[P("2026-07")] == pytest.approx(1.0006**6 - 1)
    assert res["pork"].yoy[P("2026-12")] == pytest.approx(1.0006**6 - 1)


def test_flat_pp_adjustment():
    s = spec('[scenarios.a]\nset = [{ mom_pct = 0.1, months = "2026" }]\nadjust = [{ pp = -0.04, months = "2026" }]\n')
    a = run(s, data_flat(), "2025-12")["a"]
    assert np.allclose(a.mom.to_numpy(), 0.001 - 0.0004)  # 0.1% - 0.04 pp = 0.06%
    assert a.yoy[P("2026-12")] == pytest.approx(1.0006**12 - 1)


def _commodity_data():
    d = data_flat()
    # levels: 80 in every month of 2024, 100 in every month of 2025
    d["cu"] = MacroSeries(SeriesMeta("cu", "usd_per_t", "M", source="LME"), monthly([80.0] * 12 + [100.0] * 12, "2024-01"))
    return d


COMMODITY = """
[commodities.cu]
series = "cu"
name_zh = "铜"
name_en = "Copper"
levels = { "2026-12" = 112.0 }
[scenarios.base]
set = [{ mom_pct = 0.0, months = "2026" }]
[scenarios.linked]
extends = "base"
commodity = [{ path = "cu", elasticity = 0.5 }]
"""


def test_commodity_level_path_to_yoy_and_elasticity():
    res = run(spec(COMMODITY), _commodity_data(), "2025-12")
    cu = next(c for c in res.commodities if c.key == "cu")
    # linear from 100 (Dec 2025) to 112 (Dec 2026): 101, 102, ..., 112
    assert cu.levels[P("2026-01")] == pytest.approx(101.0)
    assert cu.levels[P("2026-06")] == pytest.approx(106.0)
    assert cu.yoy[P("2026-01")] == pytest.approx(0.01)  # 101 / 100 - 1
    assert cu.yoy[P("2026-12")] == pytest.approx(0.12)  # 112 / 100 - 1
    assert cu.yoy[P("2025-06")] == pytest.approx(0.25)  # observed: 100 / 80 - 1
    assert cu.mom[P("2026-02")] == pytest.approx(102 / 101 - 1)
    assert cu.mean_level == pytest.approx(106.5)  # mean of 101..112
    linked = res["linked"]
    # target MoM += 0.5 x commodity MoM: Jan 0.5 x 1% = 0.005; Feb 0.5 x (102/101 - 1)
    assert linked.mom[P("2026-01")] == pytest.approx(0.005)
    assert linked.mom[P("2026-02")] == pytest.approx(0.5 / 101)
    # Dec YoY (history 0) = prod_k (1 + 0.5 / (99 + k)) - 1, k = 1..12
    expected = np.prod([1 + 0.5 / (99 + k) for k in range(1, 13)]) - 1
    assert linked.yoy[P("2026-12")] == pytest.approx(expected)
    assert res.elasticities == {"cu": 0.5}


def test_elasticities_can_be_passed_in_for_a_factor_model():
    res = run(spec(COMMODITY), _commodity_data(), "2025-12", elasticities={"cu": 1.0})
    assert res["linked"].mom[P("2026-01")] == pytest.approx(0.01)  # 1.0 x 1%
    assert res.elasticities == {"cu": 1.0}
    with pytest.raises(ScenarioError, match=re.escape("hand.toml: elasticity given for 'oil', which is not a commodity path")):
        run(spec(COMMODITY), _commodity_data(), "2025-12", elasticities={"oil": 0.07})


def test_daily_commodity_prices_are_averaged_to_months():
    d = data_flat()
    days = pd.date_range("2024-01-01", "2025-12-31", freq="D")
    vals = np.where(days.year == 2024, 80.0, 100.0)
    d["cu"] = MacroSeries(SeriesMeta("cu", "usd_per_t", "D"), pd.Series(vals, index=days))
    res = run(spec(COMMODITY), d, "2025-12")
    assert res["linked"].mom[P("2026-01")] == pytest.approx(0.005)


def test_a_stale_commodity_series_is_not_extrapolated():
    d = _commodity_data()
    d["cu"] = d["cu"].slice(None, "2025-09")
    s = spec(COMMODITY.replace('[scenarios.linked]\nextends = "base"\ncommodity = [{ path = "cu", elasticity = 0.5 }]\n', ""))
    res = run(s, d, "2025-12")
    cu = res.commodities[0]
    assert not cu.ok
    assert "observed only to 2025-09, before the as-of month 2025-12" in cu.reason
    assert cu.path is None and cu.levels.empty and np.isnan(cu.mean_yoy)
    with pytest.raises(ScenarioError, match=re.escape("hand.toml: scenarios.linked.commodity[0]: commodity path 'cu' cannot be built")):
        run(spec(COMMODITY), d, "2025-12")


# ---------------------------------------------------------------- seasonal baseline
def _seasonal_data():
    # MoM of every month in year Y = (Y - 2020) x 0.1%: 2021 0.1%, 2022 0.2%, ..., 2025 0.5%; YoY Dec 2025 1.0%
    mom = [0.0] * 12 + sum(([0.1 * (y - 2020)] * 12 for y in range(2021, 2026)), [])
    return {"x_mom": macro("x_mom", "pct_mom", mom, "2020-01"), "x_yoy": macro("x_yoy", "pct_yoy", [1.0] * 12, "2025-01")}


def test_baseline_is_the_window_mean_with_per_month_override():
    s = spec('[scenarios.a]\nbaseline = { window = [2021, 2023], window_by_month = { "12" = [2021, 2022] } }\n')
    a = run(s, _seasonal_data(), "2025-12")["a"]
    assert a.mom[P("2026-01")] == pytest.approx(0.002)  # mean(0.1, 0.2, 0.3)% = 0.2%
    assert a.mom[P("2026-12")] == pytest.approx(0.0015)  # mean(0.1, 0.2)% = 0.15%
    med = run(spec('[scenarios.a]\nbaseline = { window = [2021, 2024], stat = "median" }\n'), _seasonal_data(), "2025-12")
    assert med["a"].mom[P("2026-05")] == pytest.approx(0.0025)  # median(0.1, 0.2, 0.3, 0.4)%


def test_baseline_window_after_as_of_is_an_error_naming_the_key():
    s = spec('[scenarios.a]\nbaseline = { window = [2021, 2025] }\n')
    msg = ("hand.toml: scenarios.a.baseline.window: the 2021-2025 mean of month 12 needs x_mom for 2025-12, "
           "which is after the as-of month 2025-11")
    with pytest.raises(ScenarioError, match=re.escape(msg)):
        run(s, _seasonal_data(), "2025-11")


# ---------------------------------------------------------------- information set and assumptions
ASSUME = '[scenarios.a]\nset = [{ mom_pct = 0.0, months = "2026" }]\n'


def test_as_of_uses_the_assumption_for_an_unpublished_month():
    # Published: 2025 MoM 0 except Dec 2025 = +1.0%; YoY 0 through Nov, 1.0% in Dec.
    d = data_flat()
    d["x_mom"] = macro("x_mom", "pct_mom", [0.0] * 23 + [1.0], "2024-01")
    d["x_yoy"] = macro("x_yoy", "pct_yoy", [0.0] * 11 + [1.0], "2025-01")
    s = spec('assume = { "2025-12" = 0.5 }\n' + ASSUME)
    nov = run(s, d, "2025-11")
    assert nov.anchor == P("2025-11")
    assert nov.assumed == {P("2025-12"): 0.005}
    assert nov["a"].source[P("2025-12")] == "assumed"
    # Jan 2026 YoY = (1 + 0)(1 + 0.005)(1 + 0)/(1 + 0)(1 + 0) - 1: the Dec 2025 assumption is in the base
    assert nov["a"].yoy[P("2026-01")] == pytest.approx(0.005)
    dec = run(s, d, "2025-12")
    assert dec.assumed == {}  # published value wins
    assert dec["a"].yoy[P("2026-01")] == pytest.approx(0.01)


def test_assume_never_overrides_a_published_month():
    # As of 2026-03, Jan-Mar 2026 are published (MoM +0.1% each); the file assumes 0.5% for Feb and Apr 2026.
    # Feb keeps its published MoM; only Apr (not yet published) takes the assumption.
    d = data_flat()
    d["x_mom"] = macro("x_mom", "pct_mom", [0.0] * 24 + [0.1] * 3, "2024-01")
    d["x_yoy"] = macro("x_yoy", "pct_yoy", [0.0] * 12 + [0.1, 0.2, 0.3], "2025-01")
    s = spec('assume = { "2026-02" = 0.5, "2026-04" = 0.5 }\n' + ASSUME)
    res = run(s, d, "2026-03")
    assert res.assumed == {P("2026-04"): 0.005}
    a = res["a"]
    assert a.source[P("2026-04")] == "assumed" and a.mom[P("2026-04")] == pytest.approx(0.005)
    assert a.yoy[P("2026-02")] == pytest.approx(0.002)  # published YoY kept
    assert a.yoy[P("2026-04")] == pytest.approx(1.003 * 1.005 - 1)  # (1 + 0.3%)(1 + 0.5%)/(1 + 0) - 1


def test_a_missing_bridge_month_without_assumption_or_baseline_is_an_error():
    d = data_flat()
    msg = ("hand.toml: scenarios.a: no MoM for 2025-11, 2025-12 (after the last published x_yoy 2025-10, before the "
           "horizon starts 2026-01); state it in `assume`")
    with pytest.raises(ScenarioError, match=re.escape(msg)):
        run(spec(ASSUME), d, "2025-10")


def test_missing_series_and_bad_as_of():
    with pytest.raises(UnknownSeriesError, match=re.escape("unknown series id 'x_yoy'; hand.toml needs it (target YoY)")):
        run(spec(ASSUME), {"x_mom": data_flat()["x_mom"]}, "2025-12")
    with pytest.raises(ScenarioError, match=re.escape("as-of must be a month like 2025-12, got 'Dec'")):
        run(spec(ASSUME), data_flat(), "Dec")


def test_plain_pandas_series_are_read_as_percent():
    d = {"x_mom": monthly([0.0] * 24, "2024-01"), "x_yoy": monthly([0.0] * 12, "2025-01")}
    a = run(spec('[scenarios.a]\nset = [{ mom_pct = 0.1, months = "2026" }]\n'), d, "2025-12")["a"]
    assert a.yoy[P("2026-12")] == pytest.approx(1.001**12 - 1)


def test_months_already_published_count_as_actuals():
    # As of 2026-03 the first quarter is published (YoY 0.3%, MoM 0.1% a month); the rest is projected.
    d = data_flat()
    d["x_mom"] = macro("x_mom", "pct_mom", [0.0] * 24 + [0.1] * 3, "2024-01")
    d["x_yoy"] = macro("x_yoy", "pct_yoy", [0.0] * 12 + [0.1, 0.2, 0.3], "2025-01")
    a = run(spec('[scenarios.a]\nset = [{ mom_pct = 0.0, months = "2026" }]\n'), d, "2026-03")["a"]
    assert a.yoy[P("2026-02")] == pytest.approx(0.002)  # published
    assert not a.projected[P("2026-03")] and a.projected[P("2026-04")]
    assert a.yoy[P("2026-12")] == pytest.approx(0.003)  # 1.003 x prod(1/1) - 1
    assert a.mean == pytest.approx((0.001 + 0.002 + 0.003 * 10) / 12)


# ---------------------------------------------------------------- carry-over / new price
def test_carryover_and_new_price_split_of_the_path():
    # 2025 MoM +0.2% each month, 2026 MoM +0.1% each month.
    d = data_flat(mom_2025=0.2, yoy_2025=2.4)
    a = run(spec('[scenarios.a]\nset = [{ mom_pct = 0.1, months = "2026" }]\n'), d, "2025-12")["a"]
    dec = a.decomposition
    # carry-over of Jan 2026 = prod_{k=Feb..Dec 2025}(1.002) - 1 = 1.002^11 - 1; of Dec 2026 = 0
    assert dec.loc[P("2026-01"), "carryover"] == pytest.approx(1.002**11 - 1)
    assert dec.loc[P("2026-12"), "carryover"] == 0.0
    # new price of month k = 1.001^k - 1
    assert dec.loc[P("2026-03"), "new_price"] == pytest.approx(1.001**3 - 1)
    # average carry-over = mean over m of 1.002^(12-m) - 1
    assert a.carryover_mean == pytest.approx(np.mean([1.002 ** (12 - m) - 1 for m in range(1, 13)]))


# ---------------------------------------------------------------- the target's units
def test_a_yoy_series_named_as_the_target_mom_is_refused():
    # mom = "x_yoy": YoY rates read as MoMs would compound twelve YoYs into a nonsense path
    s = parse_spec(HEAD.replace('mom = "x_mom"', 'mom = "x_yoy"') + ASSUME, "hand.toml")
    msg = ("hand.toml: series 'x_yoy' is the target MoM (`mom = \"x_yoy\"`) but its unit is pct_yoy, "
           "a year-on-year rate; point `mom` at a month-on-month series (unit pct_mom)")
    with pytest.raises(ScenarioError, match=re.escape(msg)):
        run(s, data_flat(), "2025-12")


def test_a_mom_series_named_as_the_target_yoy_is_refused():
    s = parse_spec(HEAD.replace('yoy = "x_yoy"', 'yoy = "x_mom"') + ASSUME, "hand.toml")
    with pytest.raises(ScenarioError, match=re.escape("series 'x_mom' is the target YoY (`yoy = \"x_mom\"`) but its unit "
                                                      "is pct_mom, a month-on-month rate")):
        run(s, data_flat(), "2025-12")


def test_the_seed_cpi_file_pointed_at_the_yoy_series_is_refused(sample_series):
    # The shipped CPI file with `mom = "cpi_yoy"` used to print a 2026 centre of +6.48%.
    import dataclasses

    from macrodesk.scenarios import load_spec

    data = {m.id: m for m in sample_series}
    bad = dataclasses.replace(load_spec("cpi_2026.toml"), mom="cpi_yoy")
    with pytest.raises(ScenarioError, match=re.escape("cpi_2026.toml: series 'cpi_yoy' is the target MoM")):
        run(bad, data, "2025-12")


# ---------------------------------------------------------------- results are numbers
def test_summary_frame_and_json_are_numbers():
    s = spec("""
[scenarios.lo]
set = [{ mom_pct = 0.0, months = "2026" }]
[scenarios.hi]
set = [{ mom_pct = 0.1, months = "2026" }]
""")
    res = run(s, data_flat(), "2025-12")
    table = res.summary()
    assert list(table.index) == ["lo", "hi"]
    assert table.loc["hi", "mean"] == pytest.approx(1.001 * (1.001**12 - 1) / 0.001 / 12 - 1)
    assert table.loc["hi", "end"] == pytest.approx(1.001**12 - 1)
    assert table.loc["hi", "argmax"] == P("2026-12")
    assert table.loc["lo", "max"] == 0.0
    paths = res.to_frame()
    assert list(paths.columns) == ["lo", "hi"] and len(paths) == 12
    assert paths.loc[P("2026-06"), "hi"] == pytest.approx(1.001**6 - 1)
    frame = res["hi"].to_frame()
    assert frame.loc[P("2026-03"), "mom"] == pytest.approx(0.001)
    assert frame.loc[P("2026-03"), "mom_source"] == "scenario"
    js = json.loads(res.to_json())  # fractions, months as "YYYY-MM"
    hi = js["scenarios"][1]
    assert hi["name"] == "hi"
    assert hi["yoy"]["2026-12"] == pytest.approx(1.001**12 - 1)
    assert hi["end"] == pytest.approx(1.001**12 - 1) and hi["argmax"] == "2026-12"
    assert js["anchor"] == "2025-12" and js["anchor_gap"] == 0.0
    assert js["spec"]["horizon"] == ["2026-01", "2026-12"]


def test_json_writes_nan_as_null():
    # A commodity path that cannot be built has NaN statistics: null in the JSON.
    d = _commodity_data()
    d["cu"] = d["cu"].slice(None, "2025-09")
    s = spec(COMMODITY.replace('[scenarios.linked]\nextends = "base"\ncommodity = [{ path = "cu", elasticity = 0.5 }]\n', ""))
    js = json.loads(run(s, d, "2025-12").to_json())
    cu = js["commodities"][0]
    assert cu["path"] is None and cu["mean_yoy"] is None and cu["spec"]["targets"] == [["2026-12", 112.0]]
    assert cu["reason"].startswith("series 'cu' is observed only to 2025-09")
