"""Units of measurement and the explicit conversions between them.

A unit is a short code (``pct_yoy``, ``index_prev_year_100``, ``usd_bn`` …) stored
with every series. Rates are stored in percent, as published; analyses convert
to fractions with :func:`to_fraction`. Conversions are explicit: an
``index_prev_year_100`` of 97.3 becomes a ``pct_yoy`` of −2.7 only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from macrodesk.exceptions import UnitError

__all__ = ["Unit", "UNITS", "BOUNDS", "get_unit", "convert", "to_fraction", "is_rate", "rate_unit_of"]


@dataclass(frozen=True)
class Unit:
    """A unit code with its kind and labels.

    ``kind`` is one of ``rate`` (percent values), ``index`` (index points),
    ``level`` (money or quantity stocks and flows), ``price``, ``count`` or
    ``ratio`` (a plain ratio of two prices, e.g. the hog-grain price ratio).
    """

    code: str
    kind: str
    zh: str
    en: str


_DEFS: list[tuple[str, str, str, str]] = [
    # rates, stored in percent
    ("pct_yoy", "rate", "%，同比", "% YoY"),
    ("pct_mom", "rate", "%，环比", "% MoM"),
    ("pct_yoy_ytd", "rate", "%，累计同比", "% YoY YTD"),
    ("pct_qoq", "rate", "%，环比", "% QoQ"),
    ("pct", "rate", "%", "%"),
    ("pp_change", "rate", "百分点", "pp"),
    # indices
    ("index_prev_year_100", "index", "上年同月=100", "same month last year = 100"),
    ("index_prev_month_100", "index", "上月=100", "previous month = 100"),
    ("index_50", "index", "荣枯线=50", "50 = no change"),
    ("index", "index", "点", "index points"),
    ("index_2010_100", "index", "2010年=100", "2010 = 100"),
    ("index_2005m12_100", "index", "2005年12月=100", "Dec 2005 = 100"),
    # money levels
    ("usd_bn", "level", "十亿美元", "USD bn"),
    ("usd_100m", "level", "亿美元", "USD 100m"),
    ("usd_mn", "level", "百万美元", "USD mn"),
    ("usd_10k", "level", "万美元", "USD 10k"),
    ("usd_thousand", "level", "千美元", "USD thousand"),
    ("cny_bn", "level", "十亿元", "CNY bn"),
    ("cny_100m", "level", "亿元", "CNY 100m"),
    ("cny_10k", "level", "万元", "CNY 10k"),
    ("jpy_bn", "level", "十亿日元", "JPY bn"),
    # prices
    ("usd_per_bbl", "price", "美元/桶", "USD/bbl"),
    ("usd_per_t", "price", "美元/吨", "USD/t"),
    ("usd_per_oz", "price", "美元/盎司", "USD/oz"),
    ("usd_per_troy_oz", "price", "美元/金衡盎司", "USD/troy oz"),
    ("usd_per_kg", "price", "美元/千克", "USD/kg"),
    ("usd_per_mmbtu", "price", "美元/百万英热", "USD/mmbtu"),
    ("usd_per_dmtu", "price", "美元/干吨度", "USD/dmtu"),
    ("usd_per_m3", "price", "美元/立方米", "USD/m3"),
    ("usc_per_sheet", "price", "美分/张", "US cents/sheet"),
    ("usd_per_dmt", "price", "美元/干吨", "USD/dmt"),  # copper concentrate treatment charge (TC)
    ("usc_per_lb", "price", "美分/磅", "US cents/lb"),  # copper refining charge (RC)
    ("cny_per_t", "price", "元/吨", "CNY/t"),
    ("cny_per_kg", "price", "元/公斤", "CNY/kg"),
    ("cny_per_usd", "price", "元/美元", "CNY per USD"),
    ("cny_per_head", "level", "元/人（头）", "CNY per head"),  # per person (surveys) or per animal (hog profit)
    # counts and physical quantities
    ("10k_head", "count", "万头", "10k head"),
    ("10k_t", "count", "万吨", "10k t"),
    ("t", "count", "吨", "t"),
    ("units", "count", "个", "units"),
    ("10k_units", "count", "万个", "10k units"),
    ("days", "count", "天", "days"),
    ("mb_per_d", "count", "百万桶/日", "mb/d"),  # oil and liquid fuels, million barrels a day
    # plain ratios
    ("ratio", "ratio", "比值", "ratio"),
]

UNITS: dict[str, Unit] = {c: Unit(c, k, zh, en) for c, k, zh, en in _DEFS}

#: The largest magnitude a value of each kind of unit can plausibly have; a larger one is a broken cell,
#: not data. Generous on purpose: the largest in the shared real data are a YTD growth rate of 8,773%
#: (a tiny base), an index of 4,324 points and a level of 6.2e7 (USD thousand).
BOUNDS: dict[str, float] = {
    "rate": 1e7,  # percent: ten million percent
    "index": 1e7,
    "ratio": 1e7,
    "price": 1e9,
    "count": 1e13,
    "level": 1e15,
}

# Linear conversions: (from, to) -> (scale, offset); to = from * scale + offset.
_LINEAR: dict[tuple[str, str], tuple[float, float]] = {
    ("index_prev_year_100", "pct_yoy"): (1.0, -100.0),
    ("index_prev_month_100", "pct_mom"): (1.0, -100.0),
    ("usd_100m", "usd_bn"): (0.1, 0.0),
    ("usd_mn", "usd_bn"): (0.001, 0.0),
    ("usd_10k", "usd_bn"): (1e-5, 0.0),
    ("usd_thousand", "usd_bn"): (1e-6, 0.0),
    ("usd_thousand", "usd_mn"): (0.001, 0.0),
    ("usd_10k", "usd_mn"): (0.01, 0.0),
    ("usd_100m", "usd_mn"): (100.0, 0.0),
    ("cny_100m", "cny_bn"): (0.1, 0.0),
    ("cny_10k", "cny_100m"): (1e-4, 0.0),
    ("cny_10k", "cny_bn"): (1e-5, 0.0),
}
for (_a, _b), (_s, _o) in list(_LINEAR.items()):
    _LINEAR[(_b, _a)] = (1.0 / _s, -_o / _s)


def get_unit(code: str) -> Unit:
    """Return the :class:`Unit` for ``code``; :class:`UnitError` if unknown."""
    try:
        return UNITS[code]
    except KeyError:
        known = ", ".join(sorted(UNITS))
        raise UnitError(f"unknown unit '{code}'; known units: {known}") from None


def is_rate(code: str) -> bool:
    """True if the unit is a rate stored in percent."""
    return get_unit(code).kind == "rate"


def rate_unit_of(code: str) -> str | None:
    """The rate unit an index unit converts to (``index_prev_year_100`` → ``pct_yoy``)."""
    return {"index_prev_year_100": "pct_yoy", "index_prev_month_100": "pct_mom"}.get(code)


def convert(values: pd.Series | np.ndarray | float, from_unit: str, to_unit: str):
    """Convert values between units, explicitly.

    Raises :class:`UnitError` if there is no defined conversion (for instance
    from a YoY rate to a level).
    """
    get_unit(from_unit)
    get_unit(to_unit)
    if from_unit == to_unit:
        return values
    try:
        scale, offset = _LINEAR[(from_unit, to_unit)]
    except KeyError:
        raise UnitError(
            f"no conversion from unit '{from_unit}' to '{to_unit}'"
        ) from None
    return values * scale + offset


def to_fraction(values: pd.Series | pd.DataFrame | np.ndarray | float, unit: str):
    """Rates as fractions: ``pct_*`` / 100; ``index_prev_*_100`` → (x − 100) / 100.

    Other units have no fractional form and raise :class:`UnitError`.
    """
    u = get_unit(unit)
    if u.kind == "rate":
        return values / 100.0
    rate = rate_unit_of(unit)
    if rate is not None:
        return (values - 100.0) / 100.0
    raise UnitError(
        f"unit '{unit}' is not a rate; compute a growth rate first (e.g. `macrodesk calc yoy`)"
    )
