"""What Wind's words mean: 单位 and 频率 texts, header labels, and the unit read off a column."""

from __future__ import annotations

import re
from typing import Any

from macrodesk.series import units as _units

__all__ = ["WIND_UNITS", "WIND_FREQS", "LABELS", "UNSUPPORTED_FREQS", "interpret_unit", "norm_label"]

#: Wind 单位 text → unit code, for units that do not depend on the series name.
WIND_UNITS: dict[str, str] = {
    # money
    "亿元": "cny_100m",
    "万元": "cny_10k",
    "十亿元": "cny_bn",
    "亿美元": "usd_100m",
    "万美元": "usd_10k",
    "千美元": "usd_thousand",
    "百万美元": "usd_mn",
    "十亿美元": "usd_bn",
    "十亿日元": "jpy_bn",
    # prices
    "美元/桶": "usd_per_bbl",
    "美元/吨": "usd_per_t",
    "美元/盎司": "usd_per_oz",
    "美元/金衡盎司": "usd_per_troy_oz",
    "美元/千克": "usd_per_kg",
    "美元/公斤": "usd_per_kg",
    "美元/百万英热": "usd_per_mmbtu",
    "美元/百万英热单位": "usd_per_mmbtu",
    "美元/干吨度": "usd_per_dmtu",
    "美元/立方米": "usd_per_m3",
    "美分/张": "usc_per_sheet",
    "元/吨": "cny_per_t",
    "元/公斤": "cny_per_kg",
    "元/千克": "cny_per_kg",
    "元/美元": "cny_per_usd",
    # indices
    "点": "index",
    "指数": "index",
    "上年同月=100": "index_prev_year_100",
    "上年同期=100": "index_prev_year_100",
    "上年=100": "index_prev_year_100",
    "上月=100": "index_prev_month_100",
    "2010年=100": "index_2010_100",
    "2005年12月=100": "index_2005m12_100",
    # quantities
    "万头": "10k_head",
    "万吨": "10k_t",
    "吨": "t",
    "个": "units",
    "万个": "10k_units",
    "天": "days",
    "百分点": "pp_change",
}

#: Wind 频率 text → frequency code.
WIND_FREQS: dict[str, str] = {
    "日": "D", "日度": "D", "daily": "D",
    "周": "W", "周度": "W", "weekly": "W",
    "旬": "X", "旬度": "X",
    "月": "M", "月度": "M", "monthly": "M",
    "季": "Q", "季度": "Q", "quarterly": "Q",
    "年": "A", "年度": "A", "annual": "A", "yearly": "A",
}
UNSUPPORTED_FREQS = {"半年", "半年度", "semi-annual", "semiannual"}

# header label (normalised) → field
LABELS: dict[str, str] = {
    "指标名称": "name",
    "频率": "freq",
    "单位": "unit",
    "指标id": "id",
    "来源": "source",
    "发布方": "source",  # Choice
    "数据来源": "source2",
    "指标代码": "id",
    "indicatorname": "name",
    "frequency": "freq",
    "unit": "unit",
    "indicatorid": "id",
    "source": "source",
}


def interpret_unit(unit_text: str, name: str = "", freq: str | None = None) -> str | None:
    """The unit code for a Wind 单位 cell read with the series name, or ``None`` if unknown.

    ``%`` depends on the name: PMI → ``index_50``; 累计 (累计同比, 累计增长, 累计值) →
    ``pct_yoy_ytd``; 同比 (当月同比) → ``pct_yoy``; 环比 → ``pct_mom`` (``pct_qoq`` for a
    quarterly series); otherwise ``pct``. An empty 单位 on an index (a name with 指数, not a rate)
    is ``index``, as is 点. Other units are looked up in :data:`WIND_UNITS` (亿元 → ``cny_100m``,
    上年同月=100 → ``index_prev_year_100`` whatever the name says …). A unit code itself
    (``pct_yoy``) is accepted too.
    """
    u = _norm_unit(unit_text)
    n = name or ""
    if not u:
        if "指数" in n and not any(w in n for w in ("同比", "环比", "增速", "%")):
            return "index"
        return None
    if u in ("%", "percent", "百分比"):
        if "PMI" in n.upper():
            return "index_50"
        if "累计" in n and "环比" not in n:
            return "pct_yoy_ytd"
        if "同比" in n:
            return "pct_yoy"
        if "环比" in n:
            return "pct_qoq" if freq == "Q" else "pct_mom"
        return "pct"
    if u in WIND_UNITS:
        return WIND_UNITS[u]
    if u in _units.UNITS:
        return u
    return None


def norm_label(v: Any) -> str:
    s = re.sub(r"\s+", "", str(v)).rstrip(":：")
    return s.lower()


def _norm_unit(v: str) -> str:
    s = str(v).strip()
    for a, b in (("％", "%"), ("／", "/"), ("＝", "="), ("（", "("), ("）", ")")):
        s = s.replace(a, b)
    s = re.sub(r"\s+", "", s)
    return s.lower() if s.isascii() else s
