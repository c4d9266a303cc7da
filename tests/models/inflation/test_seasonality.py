"""Monthly seasonal norms with the Spring Festival split, on a hand-made fixture."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.models import NotComputable, seasonality


def fixture():
    # 2023 (Spring Festival 22 Jan): Jan +2%, Feb 0, other months +0.1%;
    # 2024 (Spring Festival 10 Feb): Jan 0, Feb +1%, other months +0.3%
    y23 = [0.02, 0.0] + [0.001] * 10
    y24 = [0.0, 0.01] + [0.003] * 10
    return pd.Series(y23 + y24 + [0.005], index=pd.period_range("2023-01", periods=25, freq="M"))


def test_norm_band_by_hand():
    s = seasonality(fixture(), [2023, 2024], highlight_year=2025, outlook_year=2026)
    assert s.norm.loc[1, "mean"] == pytest.approx(0.01)
    assert (s.norm.loc[1, "min"], s.norm.loc[1, "max"]) == (0.0, 0.02)
    assert s.norm.loc[3, "mean"] == pytest.approx(0.002)
    assert s.highlight.loc[1] == 0.005 and np.isnan(s.highlight.loc[2])


def test_spring_festival_split_by_hand():
    s = seasonality(fixture(), [2023, 2024])
    assert s.by_festival.loc[1, "jan"] == pytest.approx(0.02)  # 2023 only
    assert s.by_festival.loc[2, "jan"] == pytest.approx(0.0)
    assert s.by_festival.loc[1, "feb"] == pytest.approx(0.0)  # 2024 only
    assert s.by_festival.loc[2, "feb"] == pytest.approx(0.01)


def test_festival_dates():
    s = seasonality(fixture(), [2023, 2024], outlook_year=2026)
    # 2026: 17 February; 2025: 29 January (lunar calendar)
    assert (s.festival(2026).month, s.festival(2026).day) == (2, 17)
    assert (s.festival(2025).month, s.festival(2025).day) == (1, 29)


def test_incomplete_window_is_not_computable():
    s = seasonality(fixture(), [2022, 2023])
    assert isinstance(s, NotComputable)
    assert s.reason == "incomplete years in the window: 2022"
