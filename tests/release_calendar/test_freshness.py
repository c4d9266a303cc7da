"""Freshness of a report's inputs: last period and months behind the report's month."""

from __future__ import annotations

import pandas as pd

from macrodesk.series._container import MacroSeries, SeriesMeta
from macrodesk.series.freshness import freshness


def _monthly(sid: str, dates: list[str], values: list[float], unit: str) -> MacroSeries:
    return MacroSeries.from_observations(SeriesMeta(sid, unit, "M"), dates, values)


def test_korea_exports_to_june_are_six_months_behind_a_december_report():
    inputs = {
        # Korea's exports, USD mn (Korea Customs Service), and China CPI YoY (NBS): real values.
        "kr_exports_world": _monthly("kr_exports_world", ["2025-05", "2025-06"], [57241.164, 59801.385], "usd_mn"),
        "cpi_yoy": _monthly("cpi_yoy", ["2025-11", "2025-12"], [0.7, 0.8], "pct_yoy"),
        "empty": _monthly("empty", [], [], "pct_yoy"),
    }
    t = freshness(inputs, "2025-12").set_index("id")
    assert t.loc["kr_exports_world", "last_period"] == pd.Period("2025-06", "M")
    assert t.loc["kr_exports_world", "months_behind"] == 6
    assert bool(t.loc["kr_exports_world", "stale"]) is True
    assert t.loc["cpi_yoy", "months_behind"] == 0
    assert bool(t.loc["cpi_yoy", "stale"]) is False
    assert pd.isna(t.loc["empty", "months_behind"]) and bool(t.loc["empty", "stale"])
    # a one-month tolerance keeps November current and still flags June
    t1 = freshness({k: inputs[k] for k in ("kr_exports_world",)}, "2025-07", tolerance=1).set_index("id")
    assert t1.loc["kr_exports_world", "months_behind"] == 1 and not t1.loc["kr_exports_world", "stale"]
