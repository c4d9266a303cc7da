"""Contributions of parts to a total's YoY, on hand-made levels (expected numbers by hand)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models.trade import OTHER, trade_contributions
from tests.models.trade.test_headline import M, at


def contribution_inputs():
    months = ["2023-11", "2023-12", "2024-11", "2024-12", "2025-11", "2025-12"]
    total = at(dict(zip(months, [180, 190, 200, 200, 210, 220])))
    parts = pd.DataFrame(
        {
            "us": at(dict(zip(months, [45, 40, 50, 50, 50, 45]))),
            "eu": at(dict(zip(months, [50, 55, 60, 60, 63, 70]))),
            "asean": at(dict(zip(months, [30, 35, 40, 40, 44, 55]))),
        }
    )
    labels = {"us": ("美国", "US"), "eu": ("欧盟", "EU"), "asean": ("东盟", "ASEAN")}
    return parts, total, labels


def many_parts():
    """12 parts; part i grows by i units a year from a base of 10: the 8 largest movers are p4..p11."""
    idx = pd.period_range("2024-01", "2025-12", freq="M")
    parts = pd.DataFrame({f"p{i}": [10.0 + i * (p.year - 2024) for p in idx] for i in range(12)}, index=idx)
    return parts, parts.sum(axis=1) + 20.0


def test_region_contributions_add_up_to_the_total_yoy():
    parts, total, labels = contribution_inputs()
    c = trade_contributions(parts, total, "2025-12", labels=labels)
    # base: total Dec 2024 = 200. US (45 - 50) / 200 = -2.5 pp, EU (70 - 60) / 200 = +5 pp,
    # ASEAN (55 - 40) / 200 = +7.5 pp; total 220 / 200 - 1 = +10%; other = 10 - 10 = 0 pp.
    assert c.contribution["us"] == pytest.approx(-0.025)
    assert c.contribution["eu"] == pytest.approx(0.05)
    assert c.contribution["asean"] == pytest.approx(0.075)
    assert c.contribution[OTHER] == pytest.approx(0.0)
    assert c.total == pytest.approx(0.10)
    assert c.contribution.sum() == pytest.approx(c.total)
    # November: total 210 / 200 - 1 = 5%; US 0, EU 3 / 200 = 1.5 pp, ASEAN 4 / 200 = 2 pp, other 1.5 pp
    assert c.table.loc["eu", "prior"] == pytest.approx(0.015)
    assert c.table.loc[OTHER, "prior"] == pytest.approx(0.015)
    # marginal: US -2.5, EU +3.5, ASEAN +5.5, other -1.5 pp
    assert c.marginal["us"] == pytest.approx(-0.025)
    assert c.marginal["eu"] == pytest.approx(0.035)
    assert c.marginal["asean"] == pytest.approx(0.055)
    assert c.marginal[OTHER] == pytest.approx(-0.015)
    # two-year growth: US sqrt(45 / 40) - 1, prior sqrt(50 / 45) - 1; share a year ago 50 / 200
    assert c.table.loc["us", "cagr2y"] == pytest.approx(np.sqrt(45 / 40) - 1)
    assert c.table.loc["us", "cagr2y_prior"] == pytest.approx(np.sqrt(50 / 45) - 1)
    assert c.table.loc["us", "share"] == pytest.approx(0.25)
    assert c.to_frame().loc["asean", "contribution"] == pytest.approx(0.075)
    data = json.loads(c.to_json())
    assert data["month"] == "2025-12" and data["table"]["contribution"]["eu"] == pytest.approx(0.05)


def test_overlapping_parts_are_an_error():
    parts, total, _ = contribution_inputs()
    parts["apec"] = at({"2025-12": 150.0})
    with pytest.raises(ModelError, match=r"the parts add up to 320\.0 in 2025-12, more than the total 220\.0: they overlap"):
        trade_contributions(parts, total, "2025-12")


def test_a_part_missing_in_a_month_is_absorbed_by_other():
    parts, total, _ = contribution_inputs()
    parts.loc[M("2024-12"), "us"] = np.nan  # not reported: no US contribution, other takes it
    c = trade_contributions(parts, total, "2025-12")
    assert np.isnan(c.contribution["us"])
    # other = 10 - (5 + 7.5) = -2.5 pp
    assert c.contribution[OTHER] == pytest.approx(-0.025)
    assert c.contribution.sum() == pytest.approx(0.10)
