"""Small helpers shared by report recipes: bilingual text, source lines, inputs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from macrodesk.series import MacroSeries

__all__ = ["tr", "source_line", "Inputs", "missing_notice"]

# Publishers as they are written in a Chinese source line.
_SOURCE_ZH = {
    "NBS": "国家统计局",
    "GACC": "海关总署",
    "PBoC": "中国人民银行",
    "MOF": "财政部",
    "SAFE": "国家外汇管理局",
    "MOA": "农业农村部",
    "LME": "LME",
    "Wind consensus": "Wind一致预期",
    "CRB": "CRB",
    "World Bank Pink Sheet": "世界银行",
}


def tr(zh: str, en: str, lang: str) -> str:
    """Pick the text for ``lang``."""
    return zh if lang == "zh" else en


def _publisher(source: str) -> str:
    base = source.split("(")[0].strip()
    return base or source


def source_line(series: Iterable[MacroSeries], lang: str) -> str:
    """'国家统计局、macrodesk计算' from the series' publishers (first-seen order)."""
    names: list[str] = []
    for s in series:
        p = _publisher(s.meta.source) if s.meta.source else ""
        if not p:
            continue
        label = _SOURCE_ZH.get(p, p) if lang == "zh" else p
        if label not in names:
            names.append(label)
    names.append("macrodesk计算" if lang == "zh" else "macrodesk calculations")
    return ("、" if lang == "zh" else ", ").join(names)


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


def last_period(s: pd.Series) -> pd.Period:
    return s.dropna().index[-1]
