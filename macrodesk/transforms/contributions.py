"""Contributions (拉动), contribution shares (贡献率) and price-vs-volume splits.

Rates, weights and contributions are fractions (a contribution of 0.003 is
0.3 percentage points). Time series are on a monthly or quarterly PeriodIndex.
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Number
from typing import Any, TypeGuard, TypeVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError
from macrodesk.transforms._frames import (
    _pindex,
    _as2d,
    _check,
    _finite,
    _like,
    _periods_per_year,
    _same_kind,
)

__all__ = [
    "contribution",
    "contribution_share",
    "marginal_change",
    "part_contribution_to_yoy",
    "price_volume",
]

Frame = TypeVar("Frame", pd.Series, pd.DataFrame)


def _inf_to_nan(x: Frame) -> Frame:
    v = x.to_numpy(dtype=float, copy=True)
    return _like(x, _finite(v.reshape(v.shape[0], -1)))


def _is_number(x: Any) -> TypeGuard[float]:
    return isinstance(x, Number) and not isinstance(x, bool)


def contribution(weight: Any, change: float | Frame) -> float | Frame:
    """Contribution (拉动) of components to an aggregate: weight × change.

    Parameters
    ----------
    weight : float, mapping, Series or DataFrame
        Weights as fractions. A number applies to everything (and with a
        number ``change`` the result is a float); a mapping or a
        Series indexed by ``change``'s column names gives fixed weights per
        component; a Series on a PeriodIndex is a time-varying weight (applied
        to every column of a DataFrame ``change``); a DataFrame is matched
        element-wise (periods and columns).
    change : float, Series or DataFrame
        Component changes (fractions), e.g. YoY of each CPI component.

    Returns
    -------
    float, Series or DataFrame
        Same type as ``change``, on the union of the time indices (NaN where a
        weight or change is missing).

    Raises
    ------
    TransformError
        If fixed weights do not cover every column of ``change``.

    Notes
    -----
    ``c_{i,t} = w_{i,t} * g_{i,t}``.
    """
    if _is_number(change):
        if not _is_number(weight):
            raise TransformError(
                f"change is a number ({change!r}) so weight must be a number too; "
                f"got {type(weight).__name__}."
            )
        return float(weight) * float(change)
    change = _check(change, "change")
    if _is_number(weight):
        return change * float(weight)
    if isinstance(weight, Mapping):
        weight = pd.Series(weight, dtype=float)
    if isinstance(weight, pd.Series) and not isinstance(weight.index, pd.PeriodIndex):
        if not isinstance(change, pd.DataFrame):  # a checked Series
            raise TransformError(
                "weight is a Series indexed by component names but change is a single "
                "Series; pass a number, or a weight Series on the same PeriodIndex."
            )
        missing = [c for c in change.columns if c not in weight.index]
        if missing:
            raise TransformError(
                f"weight has no value for columns {missing[:5]} of change; give a "
                "weight for every component."
            )
        return change.mul(weight.astype(float).reindex(change.columns), axis=1)
    if not isinstance(weight, (pd.Series, pd.DataFrame)):
        raise TransformError(
            "weight must be a number, a mapping {component: weight}, a Series or a "
            f"DataFrame; got {type(weight).__name__}."
        )
    weight = _check(weight, "weight")
    if isinstance(change, pd.DataFrame) and isinstance(weight, pd.Series):
        return change.mul(weight, axis=0)
    if isinstance(change, pd.Series) and isinstance(weight, pd.DataFrame):
        raise TransformError(
            "weight is a DataFrame but change is a Series; pass one weight Series."
        )
    return change * weight


def contribution_share(contribution: float | Frame, total_change: Any) -> float | Frame:
    """Contribution share (贡献率): a component's contribution over the total change.

    Parameters
    ----------
    contribution : float, Series or DataFrame
        Contributions (fractions, e.g. from :func:`contribution`).
    total_change : float or Series
        Change of the aggregate (fractions). A Series is aligned on the time
        index and applied to every column.

    Returns
    -------
    float, Series or DataFrame
        Same type as ``contribution``; NaN where ``total_change`` is 0.

    Notes
    -----
    ``s_{i,t} = c_{i,t} / g_t``; shares of an exhaustive set of components
    sum to 1.
    """
    if _is_number(contribution):
        if not _is_number(total_change):
            raise TransformError(
                f"contribution is a number ({contribution!r}) so total_change must be a "
                f"number too; got {type(total_change).__name__}."
            )
        total = float(total_change)
        return float(contribution) / total if total != 0.0 else float("nan")
    contribution = _check(contribution, "contribution")
    if _is_number(total_change):
        total = float(total_change)
        if total == 0.0:
            return contribution * np.nan
        return contribution / total
    if isinstance(total_change, pd.DataFrame):
        if total_change.shape[1] != 1:
            raise TransformError(
                "total_change must be a Series (the aggregate's change) or a number; "
                f"got a DataFrame with {total_change.shape[1]} columns."
            )
        total_change = total_change.iloc[:, 0]
    total = _check(total_change, "total_change")
    if isinstance(contribution, pd.DataFrame):
        out = contribution.div(total, axis=0)
    else:
        out = contribution / total
    return _inf_to_nan(out)


def part_contribution_to_yoy(parts: Frame, total: pd.Series) -> Frame:
    """Contribution of each part to the YoY growth of the total (pp, as fractions).

    Parameters
    ----------
    parts : DataFrame or Series
        Levels of the parts (one column per region/product), e.g. exports to
        the US, EU, ASEAN in USD.
    total : Series
        Level of the total (e.g. total exports), same frequency.

    Returns
    -------
    DataFrame or Series
        Same type as ``parts``; NaN for the first 12 (4 quarterly) periods and
        where the total's base is 0. If the parts are exhaustive the columns
        sum to the total's YoY.

    Notes
    -----
    ``c_{i,t} = (X_{i,t} - X_{i,t-12}) / X_{total,t-12}`` (lag 4 for
    quarterly data).
    """
    parts = _check(parts, "parts")
    if isinstance(total, pd.DataFrame):
        raise TransformError(
            "total must be a Series (the level of the aggregate); got a DataFrame."
        )
    total = _check(total, "total")
    if _pindex(parts).freqstr != _pindex(total).freqstr:
        raise TransformError(
            f"parts has frequency {_pindex(parts).freqstr!r} but total has "
            f"{_pindex(total).freqstr!r}; convert them to the same frequency first."
        )
    lag = _periods_per_year(parts)
    if len(parts) and len(total):
        lo = min(parts.index[0], total.index[0])
        hi = max(parts.index[-1], total.index[-1])
        full = pd.period_range(lo, hi, freq=_pindex(parts).freq)
        parts, total = parts.reindex(full), total.reindex(full)
    pv = _as2d(parts)
    tv = total.to_numpy(dtype=float)
    out = np.full_like(pv, np.nan)
    if len(pv) > lag:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[lag:] = (pv[lag:] - pv[:-lag]) / tv[:-lag, None]
    return _like(parts, _finite(out))


def marginal_change(contrib: Frame) -> Frame:
    """Change of a contribution versus the previous period ("边际变化").

    Parameters
    ----------
    contrib : Series or DataFrame
        Contributions (fractions), e.g. from :func:`part_contribution_to_yoy`.

    Returns
    -------
    Series or DataFrame
        Same type and index; the first value is NaN.

    Notes
    -----
    ``d_{i,t} = c_{i,t} - c_{i,t-1}``.
    """
    contrib = _check(contrib, "contrib")
    v = _as2d(contrib)
    out = np.full_like(v, np.nan)
    out[1:] = v[1:] - v[:-1]
    return _like(contrib, out)


_PV_FIELDS = ["value", "quantity", "price", "quantity_share", "price_share", "driver"]


def price_volume(value_growth: Any, quantity_growth: Any) -> pd.DataFrame:
    """Split value growth into quantity (volume) and unit-value (price) growth.

    Parameters
    ----------
    value_growth : Series or DataFrame
        Growth of the value (e.g. export value YoY), fractions.
    quantity_growth : Series or DataFrame
        Growth of the quantity (e.g. export volume YoY), same type/columns.

    Returns
    -------
    DataFrame
        For Series inputs: columns ``value, quantity, price, quantity_share,
        price_share, driver`` on the union of the indices. For DataFrame inputs:
        MultiIndex columns ``(field, series)``, so ``out['price']`` is a
        DataFrame with the input's columns (as ``out['price']`` is a Series for
        Series inputs); one series' table is
        ``out.xs(name, axis=1, level='series')``. ``driver`` (object dtype)
        is the string ``'price'`` or ``'quantity'`` (ties go to
        ``'quantity'``), ``None`` where an input is missing.

    Notes
    -----
    ``p = (1 + v) / (1 + q) - 1``, so ``ln(1 + v) = ln(1 + q) + ln(1 + p)``;
    ``quantity_share = ln(1 + q) / ln(1 + v)`` and
    ``price_share = ln(1 + p) / ln(1 + v)`` (sum to 1; NaN where ``v == 0``);
    ``driver`` is the component with the larger ``|ln(1 + .)|``.
    """
    v = _check(value_growth, "value_growth")
    q = _check(quantity_growth, "quantity_growth")
    _same_kind(v, q, "value_growth", "quantity_growth")
    if len(v) and len(q):
        lo, hi = min(v.index[0], q.index[0]), max(v.index[-1], q.index[-1])
        full = pd.period_range(lo, hi, freq=v.index.freq)
        v, q = v.reindex(full), q.reindex(full)
    vv, qv = _as2d(v), _as2d(q)
    with np.errstate(divide="ignore", invalid="ignore"):
        lv, lq = np.log1p(vv), np.log1p(qv)
        lp = _finite(lv - lq)  # ln(1+p), exact in logs (no rounding of 1+v)
        p = np.expm1(lp)
        lv = np.where(vv == 0.0, np.nan, lv)
        qs = _finite(lq / lv)
        # ln(1+p)/ln(1+v) = 1 - ln(1+q)/ln(1+v); this form keeps the sum at 1
        # even when v is tiny and the two ratios are huge and opposite
        ps = 1.0 - qs
    ok = ~(np.isnan(lq) | np.isnan(lp))
    code = (np.abs(lp) > np.abs(lq)).astype(np.intp)  # 0 quantity, 1 price
    code[~ok] = 2
    driver = np.array(["quantity", "price", None], dtype=object)[code]
    numeric = [vv, qv, p, qs, ps]
    idx = v.index
    if isinstance(v, pd.Series):
        data: dict[str, Any] = dict(zip(_PV_FIELDS[:5], (a[:, 0] for a in numeric)))
        data["driver"] = pd.Series(driver[:, 0], index=idx, dtype=object)
        return pd.DataFrame(data, index=idx)
    num = pd.DataFrame(
        np.concatenate(numeric, axis=1),  # field-major: all columns of 'value', ...
        index=idx,
        columns=pd.MultiIndex.from_product([_PV_FIELDS[:5], v.columns]),
    )
    drv = pd.DataFrame(  # one object block: far faster than 10,000 string columns
        driver, index=idx, columns=pd.MultiIndex.from_product([["driver"], v.columns]), dtype=object
    )
    out = pd.concat([num, drv], axis=1)
    out.columns.names = ["field", "series"]
    return out
