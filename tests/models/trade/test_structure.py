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


def janfeb_inputs():
    v = {"2023-12": (50, 100), "2024-01": (40, 100), "2024-02": (20, 60), "2024-03": (30, 80), "2024-12": (60, 120),
         "2025-01": (30, 110), "2025-02": (34, 70), "2025-03": (36, 96)}
    parts = pd.DataFrame({"us": at({k: a for k, (a, _) in v.items()})})
    return parts, at({k: b for k, (_, b) in v.items()})


def test_janfeb_contributions_combine_january_and_february():
    parts, total = janfeb_inputs()
    c = trade_contributions(parts, total, "2025-02", janfeb=True)
    # Jan-Feb: US (30 + 34) - (40 + 20) = +4 over the total's Jan-Feb 2024 (100 + 60) = +2.5 pp;
    # total (110 + 70) / 160 - 1 = +12.5%; other = 12.5 - 2.5 = +10 pp
    assert c.table.at["us", "contribution"] == pytest.approx(4 / 160)
    assert c.total == pytest.approx(0.125)
    assert c.table.at[OTHER, "contribution"] == pytest.approx(0.10)
    # the prior of Jan-Feb is December: US (60 - 50) / 100 = +10 pp; marginal 2.5 - 10 = -7.5 pp
    assert c.prior_month == M("2024-12") and c.is_janfeb
    assert c.table.at["us", "prior"] == pytest.approx(0.10)
    assert c.table.at["us", "marginal"] == pytest.approx(4 / 160 - 0.10)
    assert np.isnan(c.history.loc[M("2025-01"), "us"])  # January is inside February
    # March: the prior is the Jan-Feb figure; US (36 - 30) / 80 = +7.5 pp
    m = trade_contributions(parts, total, "2025-03", janfeb=True)
    assert m.table.at["us", "contribution"] == pytest.approx(6 / 80)
    assert m.table.at["us", "prior"] == pytest.approx(4 / 160) and not m.is_janfeb
    # without janfeb February stands alone: (34 - 20) / 60 = +23.3 pp, prior January (30 - 40) / 100
    s = trade_contributions(parts, total, "2025-02")
    assert s.table.at["us", "contribution"] == pytest.approx(14 / 60)
    assert s.table.at["us", "prior"] == pytest.approx(-0.10)


def test_latest_month_of_partner_data():
    from macrodesk.analyses.trade.levels import latest_month

    idx = pd.period_range("2024-01", "2025-12", freq="M")
    parts = pd.DataFrame({"a": 1.0, "b": 1.0, "c": 1.0}, index=idx)
    parts.loc[parts.index > M("2025-03"), ["a", "b"]] = np.nan  # two of three end in March
    parts.loc[parts.index > M("2025-05"), "c"] = np.nan
    assert latest_month(parts, M("2025-12"), 11) == M("2025-03")
    assert latest_month(parts, M("2025-12"), 8) is None  # March is 9 months before December
    assert latest_month(parts, M("2025-02"), 0) == M("2025-02")
