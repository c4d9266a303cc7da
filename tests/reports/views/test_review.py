"""Views of the year's review: seasonal comparison and carry-over sentences, tables and charts."""

from __future__ import annotations

import pandas as pd

from macrodesk.models.inflation.review import carryover_review, seasonal_review
from macrodesk.reports.views import review as V


def monthly(values, start):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


def test_seasonal_review_text_by_hand():
    # Jan-Mar 2023: -0.01%; 2021-2022 mean of (1.001^3 - 1, 1.002^3 - 1) = 0.45%
    mom = monthly([0.001] * 12 + [0.002] * 12 + [0.01, 0.0, -0.01], "2021-01")
    r = seasonal_review(mom, 2023, 3, windows={"2021-2022": [2021, 2022]})
    assert "低于2021-2022年同期均值+0.5%" in V.seasonal_review_text(r, "zh")
    t = V.seasonal_review_table(r, "en")
    assert list(t.index) == ["2023", "2022", "2021-2022 mean"]
    assert list(t.columns) == ["Cumulative (%)", "Gap: 2023 − row (pp)"]


def test_a_review_without_norm_windows_words_a_fall_and_charts_one_bar():
    # 2023: MoM -0.5% in Jan and Feb: 0.995^2 - 1 = -0.9975%; no window has data.
    mom = monthly([-0.005, -0.005], "2023-01")
    r = seasonal_review(mom, 2023, 2, windows={"2015-2019": range(2015, 2020)}, name="PPI")
    assert V.seasonal_review_text(r, "en").startswith("In Jan–Feb 2023, PPI fell 1.0% cumulatively (MoM)")
    fig = V.seasonal_review_chart(r, "en")
    assert len(fig.axes[0].patches) == 1


def test_next_year_carryover_text_notes_the_assumed_months():
    # 2025 MoM: 1% in Jan, 0 to Nov, Dec assumed 0 -> 2026 carry-over: 0 in every month
    mom = monthly([0.0] * 12 + [0.01] + [0.0] * 10, "2024-01")
    co = carryover_review(mom, monthly([0.0] * 11, "2025-01"), 2025, assume={"2025-12": 0.0})
    text = V.next_year_carryover_text(co, [pd.Period("2025-12", "M")], "zh")
    assert text.startswith("按2025年各月环比推算，2026年CPI全年平均翘尾约0.00%")
    assert text.endswith("；2025年12月环比假设为0。")
    assert V.assumed_note([], "en") is None
