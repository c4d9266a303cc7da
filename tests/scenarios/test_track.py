"""`track`: a 2025 scenario file re-run month by month on the bundled sample, against the NBS prints by hand."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from macrodesk.exceptions import ScenarioError
from macrodesk.scenarios import parse_spec, track

P = lambda s: pd.Period(s, freq="M")  # noqa: E731
MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]

# NBS prints (percent), as in the shared data's cpi.csv, ppi.csv and nbs_releases.csv.
CPI_MOM_2024 = [0.3, 1.0, -1.0, 0.1, -0.1, -0.2, 0.5, 0.4, 0.0, -0.3, -0.6, 0.0]
CPI_MOM_2025 = [0.7, -0.2, -0.4, 0.1, -0.2, -0.1, 0.4, 0.0, 0.1, 0.2, -0.1, 0.2]
CPI_YOY_2024_12 = 0.1
CPI_YOY_2025 = [0.5, -0.7, -0.1, -0.1, -0.1, 0.1, 0.0, -0.4, -0.3, 0.2, 0.7, 0.8]
PPI_MOM_2024 = [-0.2, -0.2, -0.1, -0.2, 0.2, -0.2, -0.2, -0.7, -0.6, -0.1, 0.1, -0.1]
PPI_YOY_2024_12 = -2.3
PPI_YOY_2025 = [-2.3, -2.2, -2.5, -2.7, -3.3, -3.6, -3.6, -2.9, -2.3, -2.1, -2.2, -1.9]

CPI_2025 = """
target = "cpi"
mom = "cpi_mom"
yoy = "cpi_yoy"
horizon = ["2025-01", "2025-12"]
[scenarios.up]
set = [{ mom_pct = 0.1, months = "2025" }]
[scenarios.flat]
set = [{ mom_pct = 0.0, months = "2025" }]
"""
PPI_2025 = """
target = "ppi"
mom = "ppi_mom"
yoy = "ppi_yoy"
horizon = ["2025-01", "2025-12"]
[scenarios.down]
set = [{ mom_pct = -0.1, months = "2025" }]
"""


def by_hand(y0, mom_prev_year, mom):
    """(1 + y_t) = (1 + y_{t-1}) (1 + m) / (1 + m_{t-12}), percent in and out."""
    out, y = [], 1 + y0 / 100
    for m12 in mom_prev_year:
        y = y * (1 + mom / 100) / (1 + m12 / 100)
        out.append((y - 1) * 100)
    return out


@pytest.fixture(scope="module")
def data(sample_series):
    ids = ("cpi_mom", "cpi_yoy", "ppi_mom", "ppi_yoy")
    return {s.id: s for s in sample_series if s.id in ids}


@pytest.fixture(scope="module")
def cpi_track(data):
    return track(parse_spec(CPI_2025, "cpi_2025.toml"), data)


def test_cpi_path_minus_print_month_by_month(cpi_track):
    tr = cpi_track
    assert tr.original.as_of == P("2024-12") and tr.original.anchor == P("2024-12")
    assert [p.strftime("%Y-%m") for p in tr.months] == MONTHS
    for name, mom in (("up", 0.1), ("flat", 0.0)):
        path = by_hand(CPI_YOY_2024_12, CPI_MOM_2024, mom)
        e = tr.errors(name)
        assert (e["path_yoy"] * 100).tolist() == pytest.approx(path)
        assert (e["actual_yoy"] * 100).tolist() == pytest.approx(CPI_YOY_2025)
        assert (e["error_yoy"] * 100).tolist() == pytest.approx([p - a for p, a in zip(path, CPI_YOY_2025)])
        assert (e["error_mom"] * 100).tolist() == pytest.approx([mom - a for a in CPI_MOM_2025])
        s = tr.summary().loc[name]
        assert s["mae"] * 100 == pytest.approx(sum(abs(p - a) for p, a in zip(path, CPI_YOY_2025)) / 12)
        assert s["centre_original"] * 100 == pytest.approx(sum(path) / 12)
    # "up", January: (1.001)(1.001)/(1.003) - 1 = -0.0996%, against the 0.5% print.
    assert tr.errors("up").at[P("2025-01"), "error_yoy"] * 100 == pytest.approx(-0.0996 - 0.5, abs=1e-4)


def test_cpi_centre_reanchored_on_actuals_to_date(cpi_track):
    tr = cpi_track
    # As of June: the six prints, then the path rolled from June's 0.1% with MoM 0.1% on 2024's Jul-Dec MoMs.
    rest = by_hand(CPI_YOY_2025[5], CPI_MOM_2024[6:], 0.1)
    assert tr.centres.at[P("2025-06"), "up"] * 100 == pytest.approx((sum(CPI_YOY_2025[:6]) + sum(rest)) / 12)
    # With every print out, the centre is the average of the twelve prints, 0.05%.
    assert tr.latest is not None and tr.latest.as_of == P("2025-12")
    assert tr.summary().loc["up", "centre_latest"] * 100 == pytest.approx(sum(CPI_YOY_2025) / 12)
    paths = tr.paths("up")
    assert (paths["reanchored"] * 100).tolist() == pytest.approx(CPI_YOY_2025)
    assert (paths["original"] * 100).tolist() == pytest.approx(by_hand(CPI_YOY_2024_12, CPI_MOM_2024, 0.1))


def test_ppi_path_minus_print(data):
    tr = track(parse_spec(PPI_2025, "ppi_2025.toml"), data)
    path = by_hand(PPI_YOY_2024_12, PPI_MOM_2024, -0.1)
    e = tr.errors("down")
    assert (e["error_yoy"] * 100).tolist() == pytest.approx([p - a for p, a in zip(path, PPI_YOY_2025)])
    assert tr.summary().loc["down", "bias"] * 100 == pytest.approx(sum(path) / 12 - sum(PPI_YOY_2025) / 12)


def test_track_from_a_later_information_set_and_refusals(data):
    spec = parse_spec(CPI_2025, "cpi_2025.toml")
    tr = track(spec, data, "2025-09")
    assert [p.strftime("%Y-%m") for p in tr.months] == ["2025-10", "2025-11", "2025-12"]
    # As of September the path for October is rolled from September's -0.3% print.
    oct_ = by_hand(CPI_YOY_2025[8], CPI_MOM_2024[9:10], 0.1)[0]
    assert tr.errors("up").at[P("2025-10"), "error_yoy"] * 100 == pytest.approx(oct_ - 0.2)
    with pytest.raises(ScenarioError, match=re.escape("cpi_2025.toml: the original information set 2025-12 must be "
                                                      "before the end of the horizon 2025-12")):
        track(spec, data, "2025-12")
    nothing = track(parse_spec(CPI_2025.replace("2025-01", "2026-01").replace("2025-12", "2026-12")
                               .replace('"2025"', '"2026"'), "cpi_2026x.toml"), data, "2025-12")
    assert len(nothing.months) == 0 and nothing.latest is None
    assert json.loads(nothing.to_json())["months"] == []
