"""Lead-lag by cross-correlation, on hand-made series, and the seed's M1 -> PPI lead on the bundled data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models import NotComputable, lead_lag


def monthly(values, start="2020-01", freq="M"):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq=freq), dtype=float)


X = [1.0, 4.0, 2.0, 8.0, 5.0, 7.0, 3.0, 6.0, 9.0, 0.0, 2.0, 5.0, 1.0, 7.0, 4.0, 8.0]


def test_a_pure_shift_is_found_with_correlation_one():
    # y_t = x_{t-3} + 10: corr(x_{t-3}, y_t) = 1 exactly, at lead 3 only
    x = monthly(X)
    y = monthly([np.nan] * 3 + [v + 10 for v in X[:-3]])
    r = lead_lag(x, y, max_lead=6, min_obs=5)
    assert r.best_lead == 3
    assert r.best_corr == pytest.approx(1.0)
    assert r.best_lead_months == 3
    assert r.n == len(X) - 3


def test_negative_sign_finds_the_inverse_lead():
    # y_t = -2 x_{t-2}: corr = -1 at lead 2
    x = monthly(X)
    y = monthly([np.nan] * 2 + [-2 * v for v in X[:-2]])
    r = lead_lag(x, y, max_lead=5, sign="negative", min_obs=5)
    assert r.best_lead == 2
    assert r.best_corr == pytest.approx(-1.0)


def test_correlation_at_lead_zero_by_hand():
    # x = 1, 2, 3; y = 1, 3, 2: deviations (-1, 0, 1) and (-1, 1, 0); sum of products 1,
    # sums of squares 2 and 2 -> r = 1 / 2 = 0.5
    r = lead_lag(monthly([1, 2, 3]), monthly([1, 3, 2]), max_lead=0, min_obs=3)
    assert r.correlations.loc[0] == pytest.approx(0.5)
    assert int(r.nobs.loc[0]) == 3


def test_quarterly_lead_is_reported_in_months_and_x_is_shifted_forward():
    x = monthly(X, "2020Q1", freq="Q")
    y = monthly([np.nan] + [v * 3 for v in X[:-1]], "2020Q1", freq="Q")
    r = lead_lag(x, y, max_lead=3, min_obs=5)
    assert (r.best_lead, r.best_lead_months) == (1, 3)
    sh = r.shifted()
    # the last x (2023Q4) is drawn one quarter ahead, at 2024Q1, past y's end
    assert sh.index[-1] == pd.Period("2024Q1", freq="Q")
    assert sh["x_shifted"].iloc[-1] == X[-1]


def test_too_little_overlap_is_not_computable():
    r = lead_lag(monthly(X[:6]), monthly(X[:6]), max_lead=2, min_obs=12)
    assert isinstance(r, NotComputable)
    assert "overlapping observations" in r.reason


def test_mixed_frequencies_and_bad_options_raise():
    with pytest.raises(ModelError, match="bring both to one frequency"):
        lead_lag(monthly(X), monthly(X, "2020Q1", freq="Q"))
    with pytest.raises(ModelError, match="sign must be one of"):
        lead_lag(monthly(X), monthly(X), sign="up")
    with pytest.raises(ModelError, match="must be a pandas Series"):
        lead_lag(list(X), monthly(X))


def test_m1_leads_ppi_by_about_nine_months(sample_series):
    # Seed 003, Figure 16: "M1同比领先PPI同比约9个月". PBoC M1 YoY and NBS PPI YoY, 2001-2025.
    by = {s.id: s for s in sample_series}
    r = lead_lag(by["m1_yoy"].to_fraction(), by["ppi_yoy"].to_fraction(), max_lead=18, sign="positive")
    assert r.best_lead == 9
    assert r.summary().iloc[0]["best_lead_months"] == 9
