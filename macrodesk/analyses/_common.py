"""Small helpers shared by report recipes: the inputs a recipe asked for, the missing-inputs notice."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


from macrodesk.series import MacroSeries
from macrodesk.text import tr

__all__ = ["Inputs", "missing_notice"]


@dataclass
class Inputs:
    """The series a report asked for, cut at the as-of month; records which were missing."""

    series: Mapping[str, MacroSeries]
    missing: list[str]

    def has(self, *ids: str) -> bool:
        return all(i in self.series and len(self.series[i]) > 0 for i in ids)

    def __getitem__(self, sid: str) -> MacroSeries:
        return self.series[sid]


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
