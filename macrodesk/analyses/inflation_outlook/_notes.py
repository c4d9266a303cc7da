"""Render-time bookkeeping of the outlook report: what it could not use, and source lines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from macrodesk.reports.model import Notice
from macrodesk.series import MacroSeries
from macrodesk.text import source_line, tr

__all__ = ["_Gaps", "_sources"]


@dataclass
class _Gaps:
    """What the report could not use: missing inputs (one notice line) and results not computable."""

    missing: list[str] = field(default_factory=list)
    not_computable: list[str] = field(default_factory=list)

    def need(self, label: str) -> None:
        if label not in self.missing:
            self.missing.append(label)

    def failed(self, text: str) -> None:
        if text not in self.not_computable:
            self.not_computable.append(text)

    def notices(self, lang: str) -> list[Notice]:
        out = []
        if self.missing:
            out.append(Notice(tr(
                "以下输入数据缺失或不完整，相应内容未生成（导入后重新运行即可）：" + "；".join(self.missing),
                "Missing or incomplete inputs, the sections that need them were skipped (import them and re-run): "
                + "; ".join(self.missing),
                lang,
            )))
        if self.not_computable:
            out.append(Notice(tr("未能计算：", "Not computable: ", lang) + tr("；", "; ", lang).join(self.not_computable)))
        return out


def _sources(S: Mapping[str, MacroSeries], ids: Iterable[str], lang: str) -> str:
    """The source line of the series ``ids`` present in ``S``."""
    return source_line([S[i] for i in ids if i in S], lang)
