"""Inventory-cycle phases from revenue and inventory YoY, on hand-made fixtures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models import NotComputable, inventory_cycle, inventory_panel, phases


def monthly(values, start="2025-01"):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


REV = monthly([0.10, 0.12, 0.14, 0.13, 0.11, 0.09])
INV = monthly([0.05, 0.06, 0.04, 0.03, 0.05, 0.07])


def test_phase_per_month_by_hand():
    # Feb: rev +, inv + -> active restocking; Mar: rev + (0.14 > 0.12), inv - (0.04 < 0.06) -> passive destocking;
    # Apr: -, - -> active destocking; May: -, + -> passive restocking; Jun: -, + -> passive restocking
    ph = phases(REV, INV, window=1)
    assert ph.iloc[0] is None
    assert list(ph.iloc[1:]) == ["active_restocking", "passive_destocking", "active_destocking",
                                 "passive_restocking", "passive_restocking"]


def test_window_reads_the_direction_over_several_months():
    # window 3, June: rev 0.09 vs Mar 0.14 (down), inv 0.07 vs Mar 0.04 (up) -> passive restocking
    assert phases(REV, INV, window=3).iloc[-1] == "passive_restocking"


def test_latest_phase_run_length_and_percentile_of_the_yoy():
    c = inventory_cycle(REV, INV, window=1, since="2025-01", name="电气机械")
    assert c.latest_phase == "passive_restocking"
    assert c.months_in_phase == 2
    # inventory YoY 0.07 is the highest of the six values -> 6/6
    assert c.percentile == pytest.approx(1.0)
    assert c.percentile_of == "yoy"
    assert c.change("revenue") == pytest.approx(-0.02)
    row = c.summary().iloc[0]
    assert (row["phase"], row["months_in_phase"], row["revenue_change"]) == ("passive_restocking", 2, pytest.approx(-0.02))


def test_percentile_of_the_level_when_given():
    # levels 10, 12, 11, 9, 8, 10: values <= 10 are 10, 9, 8, 10 -> 4/6
    c = inventory_cycle(REV, INV, window=1, inventory_level=monthly([10, 12, 11, 9, 8, 10]), since="2025-01")
    assert c.percentile == pytest.approx(4 / 6)
    assert c.percentile_of == "level"


def test_two_year_average_replaces_the_listed_years():
    # 2021-01: sqrt((1 + 0.5)(1 - 0.2)) - 1 = sqrt(1.2) - 1
    y = monthly([-0.2] + [0.0] * 11 + [0.5] + [0.1] * 11, "2020-01")
    c = inventory_cycle(y, y, two_year=(2021,), since="2020-01")
    assert c.revenue_yoy.loc[pd.Period("2021-01", "M")] == pytest.approx(np.sqrt(1.2) - 1)
    assert c.revenue_yoy.loc[pd.Period("2020-01", "M")] == pytest.approx(-0.2)


def test_no_overlap_is_not_computable_and_a_bad_window_raises():
    r = inventory_cycle(REV.iloc[:2], INV.iloc[4:], window=1)
    assert isinstance(r, NotComputable)
    assert r.reason == "revenue and inventory YoY do not overlap for 2 months"
    with pytest.raises(ModelError, match="window must be a positive number of months"):
        phases(REV, INV, window=0)


def test_panel_counts_phases_and_flags_high_inventories():
    panel = inventory_panel(
        {"auto": (REV, INV), "electrical_machinery": (REV, -INV), "steel": (REV.iloc[:1], INV.iloc[:1])},
        names={"auto": "汽车", "electrical_machinery": "电气机械"}, window=1, since="2025-01",
    )
    assert set(panel.cycles) == {"auto", "electrical_machinery"}
    assert set(panel.not_computable) == {"steel"}
    # auto: passive restocking; electrical: inventory falling (-0.05 -> -0.07) with revenue falling -> active destocking
    assert panel.counts().to_dict() == {"active_restocking": 0, "passive_destocking": 0,
                                        "active_destocking": 1, "passive_restocking": 1}
    frame = panel.to_frame()
    assert frame.loc["auto", "phase"] == "passive_restocking"
    assert frame.loc["auto", "percentile"] == pytest.approx(1.0)  # 0.07, the highest of six inventory YoYs
