"""Linked scenarios: a commodity path feeds the target MoM as a deviation from a reference path."""

from __future__ import annotations

import re
import tomllib

import pandas as pd
import pytest

from macrodesk.exceptions import ScenarioError
from macrodesk.scenarios import load_spec, parse_spec, resolve_spec_path, run, spec_from_dict
from macrodesk.series import MacroSeries, SeriesMeta

P = lambda s: pd.Period(s, freq="M")  # noqa: E731

HEAD = """
target = "x"
mom = "x_mom"
yoy = "x_yoy"
horizon = ["2026-01", "2026-12"]
"""

OIL = """
[commodities.oil]
series = "oil"
name_en = "Brent"
unit_en = "USD/bbl"
levels = { "2026-01" = 55.0, "2026-12" = 55.0 }
reference = { "2026-01" = 55.0, "2026-12" = 55.0 }
"""

BASE = """
[scenarios.base]
set = [{ mom_pct = 0.0, months = "2026" }]
commodity = [{ path = "oil", elasticity = 0.0738 }]
"""

# Brent 10% above the reference from March: 55 in Jan and Feb, 60.5 = 1.1 x 55 from March.
SHOCK = """
[scenarios.shock]
set = [{ mom_pct = 0.0, months = "2026" }]
commodity = [{ path = "oil", elasticity = 0.0738, levels = { "2026-01" = 55.0, "2026-02" = 55.0, "2026-03" = 60.5, "2026-12" = 60.5 } }]
"""


def monthly(values, start):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


def data(oil_unit="usd_per_bbl"):
    """Target MoM 0 in 2024-2025 and YoY 0 in 2025; Brent at 60 in every month of 2024-2025."""
    return {
        "x_mom": MacroSeries(SeriesMeta("x_mom", "pct_mom", "M", source="NBS"), monthly([0.0] * 24, "2024-01")),
        "x_yoy": MacroSeries(SeriesMeta("x_yoy", "pct_yoy", "M", source="NBS"), monthly([0.0] * 12, "2025-01")),
        "oil": MacroSeries(SeriesMeta("oil", oil_unit, "M", source="WB"), monthly([60.0] * 24, "2024-01")),
    }


def spec(body, file="hand.toml"):
    return parse_spec(HEAD + body, file)


def test_a_path_equal_to_its_reference_moves_nothing():
    res = run(spec(OIL + BASE), data(), "2025-12")
    assert (res["base"].mom == 0.0).all()
    assert (res["base"].components["commodity:oil"] == 0.0).all()
    assert res["base"].mean == 0.0


def test_ten_percent_more_brent_from_march_moves_the_mom_by_the_elasticity_times_ten_percent():
    res = run(spec(OIL + BASE + SHOCK), data(), "2025-12")
    s = res["shock"]
    # Only March changes: the path's MoM is 60.5 / 55 - 1 = 10%, the reference's 0 -> 0.0738 x 0.10.
    assert s.mom[P("2026-03")] == pytest.approx(0.0738 * 0.10)
    assert s.mom.drop(P("2026-03")).abs().max() == pytest.approx(0.0, abs=1e-15)
    # YoY (history MoM 0, last YoY 0): 0 in Jan-Feb, 0.738% from March on; average 10/12 of it.
    assert s.yoy[P("2026-02")] == pytest.approx(0.0, abs=1e-15)
    assert s.yoy[P("2026-03")] == pytest.approx(0.00738)
    assert s.yoy[P("2026-12")] == pytest.approx(0.00738)
    assert s.mean == pytest.approx(0.00738 * 10 / 12)
    assert res["base"].mean == 0.0


def test_levels_passed_to_run_replace_the_path_and_move_every_linked_scenario():
    shocked = {"oil": {"2026-01": 55.0, "2026-02": 55.0, "2026-03": 60.5, "2026-12": 60.5}}
    res = run(spec(OIL + BASE), data(), "2025-12", levels=shocked)
    assert res["base"].mom[P("2026-03")] == pytest.approx(0.00738)
    assert res["base"].mean == pytest.approx(0.00738 * 10 / 12)
    with pytest.raises(ScenarioError, match=re.escape("hand.toml: levels given for 'gold', which is not a commodity")):
        run(spec(OIL + BASE), data(), "2025-12", levels={"gold": {"2026-03": 2000.0}})
    with pytest.raises(ScenarioError, match=re.escape("hand.toml: levels for 'oil': a price level must be positive")):
        run(spec(OIL + BASE), data(), "2025-12", levels={"oil": {"2026-03": -1.0}})


def test_mom_mode_adds_the_whole_commodity_mom():
    # Without a reference a link adds elasticity x path MoM: Jan = 0.5 x (55 / 60 - 1).
    body = OIL.replace('reference = { "2026-01" = 55.0, "2026-12" = 55.0 }\n', "") + BASE.replace("0.0738", "0.5")
    res = run(spec(body), data(), "2025-12")
    assert res["base"].mom[P("2026-01")] == pytest.approx(0.5 * (55 / 60 - 1))
    assert spec(body).scenario("base").commodities[0].mode == "mom"
    assert spec(OIL + BASE).scenario("base").commodities[0].mode == "deviation"


def test_a_zero_deviation_link_needs_no_commodity_data():
    d = data()
    del d["oil"]
    res = run(spec(OIL + BASE), d, "2025-12")
    assert res["base"].mean == 0.0 and not res.commodity("oil").ok
    assert spec(OIL + BASE).required_series() == ("x_mom", "x_yoy")
    with pytest.raises(ScenarioError, match=re.escape("hand.toml: scenarios.shock.commodity[0]: commodity path 'oil' "
                                                      "cannot be built: series 'oil' is not in the data")):
        run(spec(OIL + BASE + SHOCK), d, "2025-12")


@pytest.mark.parametrize("body, message", [
    (OIL + BASE.replace('path = "oil"', 'path = "coal"'),
     "hand.toml: scenarios.base.commodity[0].path: no commodity path 'coal' in [commodities] (oil)"),
    (OIL.replace('reference = { "2026-01" = 55.0, "2026-12" = 55.0 }\n', "")
     + BASE.replace("elasticity = 0.0738", 'elasticity = 0.0738, mode = "deviation"'),
     "hand.toml: scenarios.base.commodity[0].mode: a deviation link needs the reference path commodities.oil.reference"),
    (OIL + BASE.replace("elasticity = 0.0738", 'elasticity = 0.0738, mode = "level"'),
     "hand.toml: scenarios.base.commodity[0].mode: expected one of deviation, mom, got 'level'"),
    (OIL.replace('reference = { "2026-01" = 55.0,', 'reference = { "2026-01" = -55.0,') + BASE,
     "hand.toml: commodities.oil.reference.2026-01: a price level must be positive, got -55"),
    (OIL + BASE.replace("elasticity = 0.0738", 'elasticity = 0.0738, levels = { "2026-13" = 60.0 }'),
     "hand.toml: scenarios.base.commodity[0].levels.2026-13: expected a month 'YYYY-MM'"),
])
def test_bad_links_name_the_file_and_key(body, message):
    with pytest.raises(ScenarioError, match=re.escape(message)):
        spec(body)


def test_a_unit_clash_names_the_file_and_key():
    with pytest.raises(ScenarioError, match=re.escape(
            "hand.toml: commodities.oil.unit_en: the file says 'USD/t' but series 'oil' is in usd_per_bbl")):
        run(spec(OIL.replace("USD/bbl", "USD/t") + BASE + SHOCK), data(), "2025-12")
    with pytest.raises(ScenarioError, match=re.escape(
            "hand.toml: commodities.oil.series: series 'oil' is in pct_yoy, a rate; a commodity path needs price levels")):
        run(spec(OIL.replace('unit_en = "USD/bbl"\n', "") + BASE + SHOCK), data("pct_yoy"), "2025-12")


def test_shipped_ppi_scenarios_react_to_brent_and_keep_their_centres_at_the_reference(sample_series):
    d = {s.id: s for s in sample_series if s.id in ("ppi_mom", "ppi_yoy", "wb_crude_oil_brent", "wb_copper")}
    spec26 = load_spec("ppi_2026.toml")
    base = run(spec26, d, "2025-11", method="chained")
    # The same file with no links: identical paths (the links sit at their reference).
    raw = tomllib.loads(resolve_spec_path("ppi_2026.toml").read_text(encoding="utf-8"))
    for sc in raw["scenarios"].values():
        sc.pop("commodity", None)
    unlinked = run(spec_from_dict(raw, "ppi_2026.toml"), d, "2025-11", method="chained")
    for name in base.names:
        assert base[name].yoy.equals(unlinked[name].yoy)
    # Brent 10% above the seed's 55 USD from March 2026: each March MoM m rises by the file's fitted
    # elasticity 0.0215 x 10%, and every chained YoY from March on is (1 + y) (1 + m + 0.00215) / (1 + m) - 1
    # of the unshocked one.
    shock = run(spec26, d, "2025-11", method="chained",
                levels={"brent": {"2026-01": 55.0, "2026-02": 55.0, "2026-03": 60.5, "2026-12": 60.5}})
    for name in base.names:
        b, s = base[name], shock[name]
        assert (s.mom - b.mom)[P("2026-03")] == pytest.approx(0.00215)
        assert (s.mom - b.mom).drop(P("2026-03")).abs().max() < 1e-15
        after = b.yoy.index >= P("2026-03")
        m = b.mom[P("2026-03")]
        factor = (1 + m + 0.00215) / (1 + m)
        assert s.yoy[after].to_numpy() == pytest.approx(((1 + b.yoy[after]) * factor - 1).to_numpy())
        assert s.yoy[~after].to_numpy() == pytest.approx(b.yoy[~after].to_numpy())


def test_the_shipped_ppi_elasticities_are_the_fit_on_data_up_to_2022(sample_series):
    from macrodesk.models import commodity_elasticities

    d = {s.id: s for s in sample_series}
    fit = commodity_elasticities(d["ppi_mom"].data / 100, {"brent": d["wb_crude_oil_brent"].data,
                                                            "copper": d["wb_copper"].data}, end="2022-12")
    assert fit.sample[1] <= P("2022-12")
    links = {lk.path: lk.elasticity for sc in load_spec("ppi_2026.toml").scenarios for lk in sc.commodities}
    assert links == {"brent": round(fit.elasticities["brent"], 4), "copper": round(fit.elasticities["copper"], 4)}
    # both loadings are significant at 5% with Newey-West errors
    assert all(fit.elasticities[k] / fit.std_err[k] > 1.96 for k in ("brent", "copper"))
