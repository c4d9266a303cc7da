"""Small helpers shared by report recipes: the inputs a recipe asked for, the missing-inputs notice."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


from macrodesk.series import MacroSeries
from macrodesk.series import units as _units
from macrodesk.text import tr

__all__ = ["Inputs", "missing_notice"]


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


_RATE_OF_INDEX = {("_yoy", "index_prev_year_100"): "pct_yoy", ("_mom", "index_prev_month_100"): "pct_mom"}


def _as_rate(sid: str, s: MacroSeries) -> MacroSeries:
    """``s`` in the rate unit its id promises, when it is stored as the matching =100 index."""
    if sid.endswith("_ytd_yoy"):
        return s
    to = _RATE_OF_INDEX.get((sid[-4:], s.unit))
    return s.convert(to) if to is not None and _units.rate_unit_of(s.unit) == to else s


def missing_notice(missing: Iterable[str], lang: str) -> str | None:
    ids = sorted(set(missing))
    if not ids:
        return None
    joined = ", ".join(ids)
    return tr(
        f"以下输入数据缺失，相应内容未生成（导入后重新运行即可）：{joined}",
        f"Missing inputs, the sections that need them were skipped (import them and re-run): {joined}",
        lang,
    )
