"""Small helpers shared by report recipes: the inputs a recipe asked for, the missing-inputs notice."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from macrodesk.series import MacroSeries
from macrodesk.series import units as _units
from macrodesk.text import tr

__all__ = ["Inputs", "input_status", "missing_notice", "uncovered_text"]


@dataclass
class Inputs:
    """The series a report asked for, cut at the as-of month; records which were missing.

    Reports read ``<x>_yoy`` as pct_yoy and ``<x>_mom`` as pct_mom. A vendor may publish such a
    series as an index (Wind's PPI:采掘工业:当月同比 is 上年同月=100), and the store keeps it as
    published; a ``*_yoy`` (``*_mom``) input stored in ``index_prev_year_100``
    (``index_prev_month_100``) is served converted (97.3 → −2.7). ``*_ytd_yoy`` inputs are left as
    they are (a cumulative index is not a single-month rate).
    """

    series: Mapping[str, MacroSeries]
    missing: list[str]

    def __post_init__(self) -> None:
        self.series = {k: _as_rate(k, v) for k, v in self.series.items()}

    def has(self, *ids: str) -> bool:
        return all(i in self.series and len(self.series[i]) > 0 for i in ids)

    def __getitem__(self, sid: str) -> MacroSeries:
        return self.series[sid]


def input_status(inputs: Inputs, month: Any, anchor: str) -> pd.DataFrame:
    """Each input's last period, months behind ``month``, allowed lag and staleness, with its names.

    ``anchor`` is the series whose release the report is written on (its first required
    series): inputs whose publisher releases the month later than that body may be one
    month behind (:func:`macrodesk.series.freshness.allowed_lag`).
    """
    from macrodesk.series.calendar import release_body
    from macrodesk.series.freshness import freshness

    series = {k: v for k, v in inputs.series.items()}
    table = freshness(series, month, report_body=release_body(anchor))
    table["name_zh"] = [series[i].name("zh") for i in table["id"]]
    table["name_en"] = [series[i].name("en") for i in table["id"]]
    return table


_RATE_OF_INDEX = {("_yoy", "index_prev_year_100"): "pct_yoy", ("_mom", "index_prev_month_100"): "pct_mom"}


def _as_rate(sid: str, s: MacroSeries) -> MacroSeries:
    """``s`` in the rate unit its id promises, when it is stored as the matching =100 index."""
    if sid.endswith("_ytd_yoy"):
        return s
    to = _RATE_OF_INDEX.get((sid[-4:], s.unit))
    return s.convert(to) if to is not None and _units.rate_unit_of(s.unit) == to else s


def missing_notice(missing: Iterable[str], lang: str) -> str | None:
    """The analysts' data note listing the missing input series ids (for an appendix, not the body)."""
    ids = sorted(set(missing))
    if not ids:
        return None
    joined = ", ".join(ids)
    return tr(
        f"供分析师参考：以下输入序列缺失，相应图表未生成：{joined}",
        f"For analysts: these input series are missing, so the exhibits that need them were not built: {joined}",
        lang,
    )


def uncovered_text(topics: Iterable[str], lang: str) -> str | None:
    """The body's sentence on what a report does not cover, in words (``topics`` already in ``lang``); None if nothing."""
    names = list(dict.fromkeys(topics))
    if not names:
        return None
    return tr("本期报告未覆盖" + "、".join(names) + "（所需数据暂未纳入数据库）。",
              "This issue does not cover " + ", ".join(names) + " (the data they need are not in the database yet).",
              lang)
