"""Which terminal an EDB-style workbook came from: Wind (万得), Choice (东方财富) or iFinD (同花顺).

The three terminals export the same shape (label rows in column A — 指标名称, 频率, 单位, 指标ID … —
then one dated row per observation), so one reader serves all three; the vendor only decides which
shipped code table (:mod:`macrodesk.importers.codes`) maps the file's 指标ID to macrodesk ids.
It is told from the file itself, strongest evidence first:

1. a footer or title naming the terminal (``数据来源：东方财富Choice数据``, ``数据来源：同花顺iFinD``,
   ``数据来源：Wind``);
2. the shape of the 指标ID codes: Choice ``EMM00072301`` (EM + letter + 8 digits) or ``E1000180``;
   iFinD ``M001620326`` (letter + 9 digits); Wind ``M0000612`` (letter + 7 digits);
3. Choice's 发布方 label row.

Without any of these the file is read as a Wind export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from macrodesk.importers.wind._words import norm_label

__all__ = ["VENDORS", "detect_vendor"]

#: Vendor code → display name.
VENDORS = {"wind": "Wind", "choice": "Choice", "ifind": "iFinD"}

_NAMED = (
    ("choice", re.compile(r"东方财富|choice", re.IGNORECASE)),
    ("ifind", re.compile(r"同花顺|ifind", re.IGNORECASE)),
    ("wind", re.compile(r"万得|wind", re.IGNORECASE)),
)
_IDS = (
    ("choice", re.compile(r"^(EM[A-Z]\d{8}|E\d{7})$")),
    ("ifind", re.compile(r"^[A-Z]\d{9}$")),
    ("wind", re.compile(r"^[A-Z]\d{7}$")),
)
_ID_LABELS = {"指标id", "指标代码", "indicatorid"}


def detect_vendor(sheets: Iterable[np.ndarray]) -> str:
    """``"wind"``, ``"choice"`` or ``"ifind"`` for the used areas of a workbook's sheets."""
    named: list[str] = []
    ids: dict[str, int] = {}
    choice_label = False
    for arr in sheets:
        for i, v in enumerate(arr[:, 0]):
            if not isinstance(v, str) or not v.strip():
                continue
            label = norm_label(v)
            if label == "发布方":
                choice_label = True
            if label in _ID_LABELS:
                for cell in arr[i, 1:]:
                    code = str(cell).strip() if cell is not None else ""
                    for vendor, pat in _IDS:
                        if pat.match(code):
                            ids[vendor] = ids.get(vendor, 0) + 1
                            break
                continue
            if label.startswith(("数据来源", "来源", "资料来源", "source")) or i == 0:
                named.extend(vendor for vendor, pat in _NAMED if pat.search(v))
    if named:
        return named[0]
    if ids:
        return max(ids, key=lambda k: ids[k])
    return "choice" if choice_label else "wind"
