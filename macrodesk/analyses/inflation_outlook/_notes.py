"""Render-time bookkeeping of the outlook report: what it could not use, and source lines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from macrodesk.reports.model import Notice
from macrodesk.text import source_line, tr

__all__ = ["_Gaps", "_marked", "_src"]


#: What a reader is told is not covered, in words, by topic of a missing input.
_TOPICS: dict[str, tuple[str, str]] = {
    "ppi": ("PPI走势", "the PPI history"),
    "cpi_components": ("CPI分项环比拆解", "the breakdown of CPI by component"),
    "ppi_mom": ("PPI环比回顾", "the review of PPI month-on-month changes"),
    "ppi_groups": ("PPI分大类环比", "PPI by major group"),
    "ppi_industries": ("PPI分行业拆解", "PPI by industry"),
    "spending": ("居民消费结构与CPI权重估算", "the household spending mix and CPI weight estimates"),
    "pork": ("猪肉价格对CPI的拉动", "pork's pull on CPI"),
    "pig_cycle": ("猪周期", "the pig cycle"),
    "ppi_carryover": ("PPI翘尾因素", "the PPI carry-over"),
    "m1": ("M1对PPI的领先关系", "M1's lead on PPI"),
    "commodity": ("商品价格因子", "the commodity price factor"),
    "inventory": ("工业库存周期", "the industrial inventory cycle"),
    "factor": ("PPI因子模型", "the PPI factor model"),
}


@dataclass
class _Gaps:
    """What the report could not use: missing inputs (the analysts' data notes), by topic (the readers' words)."""

    missing: list[str] = field(default_factory=list)
    not_computable: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

    def need(self, topic: str, label: str) -> None:
        """Record that ``label`` (series ids, for the data notes) is missing, so ``topic`` is not covered."""
        if topic not in _TOPICS:  # pragma: no cover - a recipe bug
            raise KeyError(f"unknown topic {topic!r}")
        if topic not in self.topics:
            self.topics.append(topic)
        if label not in self.missing:
            self.missing.append(label)

    def uncovered(self, lang: str) -> str | None:
        """The sentence the body prints: what this report does not cover, in words (no series ids)."""
        if not self.topics:
            return None
        names = [tr(_TOPICS[t][0], _TOPICS[t][1], lang) for t in self.topics]
        return tr("本期报告未覆盖" + "、".join(names) + "（所需数据暂未纳入数据库），相关结论以正文已覆盖内容为限。",
                  "This issue does not cover " + ", ".join(names)
                  + " (the data they need are not in the database yet); its conclusions rest on what is covered.",
                  lang)

    def lacking(self, label: str) -> None:
        """Record missing inputs (``label``: series ids and what they draw) for the data notes only."""
        if label not in self.missing:
            self.missing.append(label)

    def failed(self, text: str) -> None:
        if text not in self.not_computable:
            self.not_computable.append(text)

    def notices(self, lang: str) -> list[Notice]:
        out = []
        if self.missing:
            out.append(Notice(tr(
                "供分析师参考：以下输入序列缺失或不完整，相应图表未生成：" + "；".join(self.missing),
                "For analysts: these input series are missing or incomplete, so the exhibits that need them "
                "were not built: " + "; ".join(self.missing),
                lang,
            ), for_analysts=True))
        if self.not_computable:
            out.append(Notice(tr("未能计算：", "Not computable: ", lang) + tr("；", "; ", lang).join(self.not_computable),
                              for_analysts=True))
        return out


def _src(res: Any, ids: Iterable[str], lang: str) -> dict[str, Any]:
    """``source`` and ``inputs`` of an exhibit drawing on the series ``ids`` of ``res.inputs``.

    A series filled from its ``*_index`` twin (``cpi_<code>_mom`` from ``cpi_<code>_mom_index``)
    counts as one input ending where the later of the two ends.
    """
    S, status = res.inputs.series, getattr(res, "status", None)
    ids = [i for i in ids if i in S]
    inputs: dict[str, Any] = {}
    if status is not None:
        last = dict(zip(status["id"], status["last_period"]))
        for i in ids:
            key = i[: -len("_index")] if i.endswith("_index") and i[: -len("_index")] in ids else i
            p = last.get(i)
            if p is not None and (key not in inputs or p > inputs[key]):
                inputs[key] = p
    return {"source": source_line([S[i] for i in ids], lang), "inputs": tuple(inputs.items())}


def _marked(res: Any, ids: Iterable[str], what: tuple[str, str], text: str, lang: str) -> str:
    """A key point led by '<what>（截至2024年12月）：' when any of ``ids`` ends before the report month."""
    from macrodesk.reports.views.freshness import Staleness

    mark = Staleness(getattr(res, "status", None), res.month, lang).mark(list(ids))
    return (tr(what[0], what[1], lang) + mark + tr("：", ": ", lang) + text) if mark else text
