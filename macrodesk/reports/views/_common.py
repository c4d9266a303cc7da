"""What every view shares: the sentence for an estimate that could not be made."""

from __future__ import annotations

from typing import Any

from macrodesk.text import tr

__all__ = ["not_computable_text"]


def not_computable_text(nc: Any, lang: str = "zh") -> str:
    """"<what>无法计算：<reason>" / "<what> not computable: <reason>" for a
    :class:`~macrodesk.models._base.NotComputable` (any object with ``what``,
    ``reason``, ``what_zh`` and ``reason_zh``); the Chinese texts fall back to the English ones."""
    return tr(
        f"{nc.what_zh or nc.what}无法计算：{nc.reason_zh or nc.reason}",
        f"{nc.what} not computable: {nc.reason}",
        lang,
    )
