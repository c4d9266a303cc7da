"""Scenario files: parsing, month selectors, extends, and validation errors naming file and key."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from macrodesk.exceptions import ScenarioError
from macrodesk.scenarios import load_spec, parse_months, parse_spec, resolve_spec_path, shipped_files, spec_from_dict

HEAD = """
target = "x"
mom = "x_mom"
yoy = "x_yoy"
horizon = ["2026-01", "2026-12"]
"""


def spec(body: str, file: str = "test.toml"):
    return parse_spec(HEAD + body, file)


def months(*labels):
    return tuple(pd.Period(m, freq="M") for m in labels)


# ---------------------------------------------------------------- month selectors
def test_quarter_half_year_and_range_selectors():
    assert parse_months("2026Q1") == months("2026-01", "2026-02", "2026-03")
    assert parse_months("2026H2") == months(*[f"2026-{m:02d}" for m in range(7, 13)])
    assert len(parse_months("2026")) == 12
    assert parse_months("2026-02..2026-04") == months("2026-02", "2026-03", "2026-04")
    assert parse_months("2026Q2..2026Q4")[0] == pd.Period("2026-04", freq="M")
    assert parse_months("2026Q2..2026Q4")[-1] == pd.Period("2026-12", freq="M")
    assert parse_months(["2026-01", "2026-03"]) == months("2026-01", "2026-03")


# ---------------------------------------------------------------- parsing
def test_shipped_files_parse_with_three_scenarios_each():
    names = sorted(p.name for p in shipped_files())
    assert "cpi_2026.toml" in names and "ppi_2026.toml" in names
    for f in ("cpi_2026.toml", "ppi_2026.toml"):
        s = load_spec(f)
        assert s.names == ("neutral", "optimistic", "pessimistic")
        assert s.horizon == (pd.Period("2026-01", freq="M"), pd.Period("2026-12", freq="M"))


def test_shipped_cpi_file_states_the_seed_assumptions():
    s = load_spec("cpi_2026")  # ".toml" optional for shipped files
    neutral = s.scenario("neutral")
    assert neutral.baseline.window == (2021, 2025)
    assert neutral.baseline.years(12) == (2021, 2024)  # Figure 15 note: December uses 2021-24
    assert neutral.baseline.years(1) == (2021, 2025)
    pork = s.scenario("optimistic").shocks[0]
    assert pork.pp == pytest.approx(0.06)  # 3% x 2% = 0.06 pp
    assert pork.months == months(*[f"2026-{m:02d}" for m in range(2, 8)])
    adj = s.scenario("pessimistic").adjustments[0]
    assert adj.pp == -0.04 and len(adj.months) == 12
    assert s.scenario("pessimistic").shocks == ()  # no pork upswing in the pessimistic case


def test_shipped_ppi_file_states_the_seed_assumptions():
    s = load_spec("ppi_2026.toml")
    assert s.assume == ((pd.Period("2025-12", freq="M"), 0.0),)
    by_month = {
        name: {p.strftime("%Y-%m"): st.mom_pct for st in s.scenario(name).settings for p in st.months}
        for name in s.names
    }
    assert by_month["neutral"]["2026-03"] == -0.2 and by_month["neutral"]["2026-12"] == 0.0
    assert by_month["optimistic"]["2026-01"] == -0.1
    assert by_month["optimistic"]["2026-05"] == 0.0  # Q2 inherited from neutral through extends
    assert by_month["optimistic"]["2026-07"] == 0.1
    assert by_month["pessimistic"]["2026-02"] == -0.3 and by_month["pessimistic"]["2026-10"] == -0.1
    assert {c.key for c in s.commodities} == {"brent", "copper"}
    assert s.commodity("copper").targets == ((pd.Period("2026-12", freq="M"), 13500.0),)


def test_extends_inherits_and_child_set_replaces_parent_months():
    s = spec("""
[scenarios.base]
set = [{ mom_pct = 0.1, months = "2026" }]
adjust = [{ pp = -0.01, months = "2026Q1" }]
[scenarios.child]
extends = "base"
set = [{ mom_pct = 0.5, months = "2026-03" }]
shocks = [{ component = "pork", shock_pct = 3.0, weight_pct = 2.0, months = "2026Q2" }]
""")
    child = s.scenario("child")
    per_month = {p: st.mom_pct for st in child.settings for p in st.months}
    assert per_month[pd.Period("2026-03", freq="M")] == 0.5
    assert per_month[pd.Period("2026-04", freq="M")] == 0.1
    assert len(per_month) == 12
    assert [a.pp for a in child.adjustments] == [-0.01]
    assert [k.component for k in child.shocks] == ["pork"]
    assert s.scenario("base").shocks == ()


def test_spec_from_dict_matches_toml():
    d = {"target": "x", "mom": "x_mom", "yoy": "x_yoy", "horizon": ["2026-01", "2026-03"],
         "scenarios": {"a": {"set": [{"mom_pct": 0.0, "months": "2026Q1"}]}}}
    assert spec_from_dict(d).names == ("a",)


# ---------------------------------------------------------------- validation errors
@pytest.mark.parametrize(
    "body, message",
    [
        ('[scenarios.a]\nbaselin = { window = [2021, 2025] }\n',
         "test.toml: scenarios.a.baselin: unknown key; allowed here: label_zh"),
        ('[scenarios.a]\nbaseline = { window = [2021, 2025] }\nshocks = [{ component = "pork", shock_pct = 3.0, '
         'weight_pct = "2%", months = "2026-02..2026-07" }]\n',
         "test.toml: scenarios.a.shocks[0].weight_pct: expected a number (basket weight in percent), got '2%'"),
        ('[scenarios.a]\nbaseline = { window = [2021, 2025] }\nshocks = [{ component = "pork", shock_pct = 3.0, '
         'weight_pct = 200.0, months = "2026-02" }]\n',
         "test.toml: scenarios.a.shocks[0].weight_pct: a basket weight in percent must be in (0, 100], got 200"),
        ('[scenarios.a]\nbaseline = { window = [2021, 2025] }\nadjust = [{ pp = -0.04, months = "2026Q5" }]\n',
         "test.toml: scenarios.a.adjust[0].months: cannot read '2026Q5' as months"),
        ('[scenarios.a]\nbaseline = { window = [2021, 2025] }\nadjust = [{ pp = -0.04, months = "2027-01" }]\n',
         "test.toml: scenarios.a.adjust[0].months: 2027-01 is outside the horizon 2026-01..2026-12"),
        ('[scenarios.a]\nbaseline = { window = [2025, 2021] }\n',
         "test.toml: scenarios.a.baseline.window: first year 2025 is after last year 2021"),
        ('[scenarios.a]\nbaseline = { window = [2021, 2025], stat = "mode" }\n',
         "test.toml: scenarios.a.baseline.stat: expected one of mean, median, got 'mode'"),
        ('[scenarios.a]\nbaseline = { window = [2021, 2025], window_by_month = { "13" = [2021, 2024] } }\n',
         "test.toml: scenarios.a.baseline.window_by_month.13: expected a calendar month number 1..12"),
        ('[scenarios.a]\nset = [{ mom_pct = -0.2, months = "2026Q1" }]\n',
         "test.toml: scenarios.a: no baseline and no `set` MoM for 2026-04, 2026-05"),
        ('[scenarios.a]\nset = [{ mom_pct = -0.2, months = "2026" }, { mom_pct = 0.1, months = "2026H2" }]\n',
         "test.toml: scenarios.a.set[1].months: 2026-07 is already set by scenarios.a.set[0]"),
        ('[scenarios.a]\nextends = "b"\nbaseline = { window = [2021, 2025] }\n',
         "test.toml: scenarios.a.extends: no scenario 'b' to extend; defined: a"),
        ('[scenarios.a]\nextends = "b"\n[scenarios.b]\nextends = "a"\n',
         "test.toml: scenarios.b.extends: circular extends: a -> b -> a"),
        ('[scenarios.a]\nbaseline = { window = [2021, 2025] }\ncommodity = [{ path = "oil", elasticity = 0.07 }]\n',
         "test.toml: scenarios.a.commodity[0].path: no commodity path 'oil' in [commodities] (none defined)"),
        ('yoy_method = "index"\n[scenarios.a]\nbaseline = { window = [2021, 2025] }\n',
         "test.toml: yoy_method: expected one of published, chained, got 'index'"),
        ('assume = { "2025-13" = 0.0 }\n[scenarios.a]\nbaseline = { window = [2021, 2025] }\n',
         "test.toml: assume.2025-13: expected a month 'YYYY-MM', got '2025-13'"),
        ('[commodities.cu]\nseries = "wb_copper"\nlevels = { "2026-12" = -1.0 }\n'
         '[scenarios.a]\nbaseline = { window = [2021, 2025] }\n',
         "test.toml: commodities.cu.levels.2026-12: a price level must be positive, got -1"),
        ('', "test.toml: scenarios: missing (required): at least one [scenarios.NAME] table"),
    ],
)
def test_validation_errors_name_file_and_key(body, message):
    with pytest.raises(ScenarioError, match=re.escape(message)):
        spec(body)


def test_missing_top_level_key_and_bad_horizon():
    with pytest.raises(ScenarioError, match=re.escape("f.toml: mom: missing (required)")):
        parse_spec('target = "x"\nyoy = "y"\nhorizon = ["2026-01", "2026-12"]\n', "f.toml")
    with pytest.raises(ScenarioError, match=re.escape("f.toml: horizon: starts (2026-12) after it ends (2026-01)")):
        parse_spec('target = "x"\nmom = "m"\nyoy = "y"\nhorizon = ["2026-12", "2026-01"]\n', "f.toml")


def test_invalid_toml_names_the_file():
    with pytest.raises(ScenarioError, match=r"^bad\.toml: not valid TOML: "):
        parse_spec("target = \n", "bad.toml")


def test_unknown_file_lists_the_shipped_ones(tmp_path):
    with pytest.raises(ScenarioError, match=re.escape("nope.toml: no such scenario file (shipped files: cpi_2026.toml")):
        resolve_spec_path("nope.toml")
    p = tmp_path / "mine.toml"
    p.write_text(HEAD + '[scenarios.a]\nset = [{ mom_pct = 0.0, months = "2026" }]\n', encoding="utf-8")
    assert load_spec(p).file == str(p)
    p.write_text(HEAD + '[scenarios.a]\nset = [{ mom_pct = "zero", months = "2026" }]\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match=re.escape(f"{p}: scenarios.a.set[0].mom_pct: expected a number")):
        load_spec(p)
