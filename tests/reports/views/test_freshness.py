"""The data-status table and the as-of mark, from a hand-made freshness table."""

from __future__ import annotations

import pandas as pd

from macrodesk.reports.views.freshness import as_of_label, data_status_table


def _table() -> pd.DataFrame:
    t = pd.DataFrame({
        "id": ["cpi_yoy", "kr_exports_world"],
        "last_period": [pd.Period("2025-12", "M"), pd.Period("2025-06", "M")],
        "months_behind": pd.array([0, 6], dtype="Int64"),
        "stale": [False, True],
    })
    return t


def test_as_of_label():
    assert as_of_label(pd.Period("2025-06", "M")) == "（截至2025年6月）"
    assert as_of_label("2025-06", lang="en") == " (to Jun 2025)"


def test_data_status_table_lists_stale_inputs_first():
    tab = data_status_table(_table(), "2025-12", name={"kr_exports_world": "韩国出口", "cpi_yoy": "CPI同比"}.get)
    assert tab.caption == "数据状态（报告月份：2025年12月）"
    assert list(tab.data["数据"]) == ["韩国出口", "CPI同比"]
    assert list(tab.data["最新数据"]) == ["2025年6月", "2025年12月"]
    assert list(tab.data["状态"]) == ["滞后", "最新"]
    en = data_status_table(_table(), "2025-12", lang="en")
    assert list(en.data["Status"]) == ["stale", "current"] and list(en.data["Input"])[0] == "kr_exports_world"
