"""Latest investment readings and the year-to-date sum of a monthly loan flow."""

from __future__ import annotations

import numpy as np
import pandas as pd

from macrodesk.models.inflation.demand import latest_reading, loan_flow


def _m(start: str, values: list[float]) -> pd.Series:
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"))


def test_latest_reading_stops_at_the_cut_off_and_keeps_the_print_before():
    s = _m("2025-02", [-9.0, -9.5, np.nan, -10.1])  # Apr missing: May's print follows Mar's
    r = latest_reading(s, pd.Period("2025-05", freq="M"), "Property", "房地产")
    assert (r.month, r.value, r.previous, r.previous_month) == (pd.Period("2025-05", "M"), -10.1, -9.5,
                                                                pd.Period("2025-03", "M"))
    r = latest_reading(s, pd.Period("2025-03", freq="M"), "Property", "房地产")
    assert (r.month, r.value, r.previous) == (pd.Period("2025-03", "M"), -9.5, -9.0)
    assert latest_reading(s, pd.Period("2025-01", freq="M"), "P", "P") is None
    assert latest_reading(None, pd.Period("2025-01", freq="M"), "P", "P") is None


def test_loan_flow_sums_january_to_the_latest_month_against_a_year_earlier():
    s = _m("2024-01", [100.0, 20.0, 30.0] + [5.0] * 9 + [80.0, 10.0, 40.0])
    f = loan_flow(s, pd.Period("2025-12", freq="M"))
    assert (f.month, f.total, f.prior) == (pd.Period("2025-03", "M"), 80 + 10 + 40, 100 + 20 + 30)
    f = loan_flow(s, pd.Period("2025-02", freq="M"))
    assert (f.total, f.prior) == (90.0, 120.0)
    assert loan_flow(s.drop(pd.Period("2025-02", "M")), pd.Period("2025-03", freq="M")) is None  # a gap this year
    f = loan_flow(s.drop(pd.Period("2024-02", "M")), pd.Period("2025-03", freq="M"))
    assert (f.total, f.prior) == (130.0, None)  # the year before incomplete
