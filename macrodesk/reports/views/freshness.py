"""The data-status table: each input's last period and whether it is behind the report's month.

Made from :func:`macrodesk.series.freshness.freshness`'s table; labels from :mod:`macrodesk.text`.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from macrodesk.reports.model import Table
from macrodesk.text import tr
from macrodesk.text.format import month_label

__all__ = ["data_status_table", "as_of_label"]


def as_of_label(last_period: Any, lang: str = "zh") -> str:
    """``"（截至2025年6月）"`` / ``" (to Jun 2025)"``: the mark put after a stale input's name."""
    return tr(f"（截至{month_label(last_period, 'zh')}）", f" (to {month_label(last_period, 'en')})", lang)


def data_status_table(
    table: pd.DataFrame, report_month: Any, *, name: Callable[[str], str] | None = None, lang: str = "zh"
) -> Table:
    """A :class:`Table` of the inputs: name, last period, months behind, status (stale first).

    ``table`` is :func:`~macrodesk.series.freshness.freshness`'s result; ``name`` maps an id to
    its display name (default: the id).
    """
    label = name or (lambda sid: sid)
    rows = table.sort_values(["stale", "months_behind"], ascending=[False, False], na_position="first")
    data = pd.DataFrame({
        tr("数据", "Input", lang): [label(s) for s in rows["id"]],
        tr("最新数据", "Last period", lang): [
            month_label(p, lang) if p is not None and not pd.isna(p) else "—" for p in rows["last_period"]
        ],
        tr("滞后月数", "Months behind", lang): list(rows["months_behind"]),
        tr("状态", "Status", lang): [tr("滞后", "stale", lang) if s else tr("最新", "current", lang)
                                     for s in rows["stale"]],
    })
    return Table(
        data,
        caption=tr(f"数据状态（报告月份：{month_label(report_month, 'zh')}）",
                   f"Data status (report month: {month_label(report_month, 'en')})", lang),
        formats={tr("滞后月数", "Months behind", lang): lambda v: "—" if pd.isna(v) else str(int(v))},
        index=False,
    )
