"""Bilingual text: the one language switch, the fixed strings, the month-name table.

Everything macrodesk prints in two languages goes through here:

* :func:`tr` picks the Chinese or the English text of a pair (strings, lists,
  any value) — the only ``lang`` switch in the package;
* :data:`LABELS` / :func:`label` hold the fixed strings a report or chart
  prints ("数据来源：" / "Source: ", figure numbering, legend words);
* :data:`MONTHS_EN` is the one table of English month abbreviations.

An unknown language or key raises :class:`ReportError` naming what is supported.
"""

from __future__ import annotations

from typing import TypeVar

from macrodesk.exceptions import ReportError

_T = TypeVar("_T")

__all__ = ["LABELS", "MONTHS_EN", "SUPPORTED_LANGS", "caption_label", "check_lang", "label", "tr"]

#: English month abbreviations, January first.
MONTHS_EN: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Languages a report can be written in.
SUPPORTED_LANGS: tuple[str, ...] = ("zh", "en")

#: key -> {lang -> text}. Prefix/suffix strings carry their own spacing and
#: punctuation ("数据来源：" vs "Source: ") so callers just concatenate.
LABELS: dict[str, dict[str, str]] = {
    # numbering of figures and tables
    "figure": {"zh": "图", "en": "Figure"},
    "table": {"zh": "表", "en": "Table"},
    "number_sep": {"zh": "", "en": " "},  # between "图"/"Figure" and the number
    "caption_sep": {"zh": "：", "en": ": "},
    # lines under figures and tables
    "source": {"zh": "数据来源：", "en": "Source: "},
    "note": {"zh": "注：", "en": "Note: "},
    "source_note_sep": {"zh": "；", "en": "; "},
    # report furniture
    "contents": {"zh": "目录", "en": "Contents"},
    "key_points": {"zh": "要点", "en": "Key points"},
    "disclaimer": {"zh": "免责声明", "en": "Disclaimer"},
    "notice": {"zh": "提示：", "en": "Notice: "},
    "author": {"zh": "分析师：", "en": "Analyst: "},
    "date": {"zh": "报告日期：", "en": "Date: "},
    "page": {"zh": "第 {page} 页 / 共 {total} 页", "en": "Page {page} of {total}"},
    # chart legends
    "right_axis": {"zh": "（右轴）", "en": " (RHS)"},
    "total": {"zh": "合计", "en": "Total"},
    "carryover": {"zh": "翘尾因素", "en": "Carry-over effect"},
    "new_price": {"zh": "新涨价因素", "en": "New-price effect"},
    "yoy": {"zh": "同比", "en": "YoY"},
    "mean": {"zh": "均值", "en": "Mean"},
    "range": {"zh": "区间（最小值-最大值）", "en": "Range (min–max)"},
    "history": {"zh": "历史", "en": "History"},
    "forecast": {"zh": "预测", "en": "Forecast"},
    "month_suffix": {"zh": "月", "en": ""},
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported, else raise :class:`ReportError` listing the supported ones."""
    if lang not in SUPPORTED_LANGS:
        raise ReportError(
            f"unsupported report language {lang!r}; supported languages: {', '.join(SUPPORTED_LANGS)}"
        )
    return lang


def tr(zh: _T, en: _T, lang: str) -> _T:
    """The Chinese or the English one of a pair, for ``lang`` ("zh" or "en").

    >>> tr("同比", "YoY", "en")
    'YoY'
    """
    return zh if check_lang(lang) == "zh" else en


def label(key: str, lang: str = "zh") -> str:
    """The fixed string ``key`` in ``lang`` ("zh" or "en").

    >>> label("source", "zh")
    '数据来源：'
    >>> label("figure", "en")
    'Figure'
    """
    check_lang(lang)
    try:
        return LABELS[key][lang]
    except KeyError:
        raise ReportError(f"unknown report label {key!r}; known labels: {', '.join(sorted(LABELS))}") from None


def caption_label(kind: str, number: int, text: str, lang: str = "zh") -> str:
    """A numbered caption: ``"图1：text"`` (zh) or ``"Figure 1: text"`` (en).

    ``kind`` is "figure" or "table".
    """
    if kind not in ("figure", "table"):
        raise ReportError(f"unknown caption kind {kind!r}; expected 'figure' or 'table'")
    return f"{label(kind, lang)}{label('number_sep', lang)}{number}{label('caption_sep', lang)}{text}"
