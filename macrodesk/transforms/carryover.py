"""Carry-over (翘尾) and new-price (新涨价) effects of a YoY rate.

For month ``m`` of year ``Y``, the YoY change of a price index splits into the
part already "locked in" by last year's month-on-month moves (carry-over) and
the part created by this year's moves (new price)::

    c_{Y,m} = prod_{k=m+1..12} (1 + m_{Y-1,k}) - 1
    n_{Y,m} = prod_{k=1..m}    (1 + m_{Y,k})   - 1
    1 + y_{Y,m} = (1 + c_{Y,m}) (1 + n_{Y,m})

Rates are fractions. Inputs are monthly MoM Series or DataFrames on a
PeriodIndex; a DataFrame is processed column-wise in one vectorised step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError
from macrodesk.transforms.growth import _as2d, _check, _label, _period_arg

__all__ = ["carryover", "carryover_average", "decompose_yoy", "new_price"]

Frame = TypeVar("Frame", pd.Series, pd.DataFrame)


def _year_arg(year: Any) -> int:
    if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
        raise TransformError(
            f"year must be an integer calendar year such as 2026; got {year!r}."
        )
    return int(year)


def _year_block(mom: pd.Series | pd.DataFrame, year: int) -> tuple[pd.PeriodIndex, np.ndarray]:
    """The 12 monthly periods of ``year`` and the (12, n_columns) MoM values."""
    months = pd.period_range(f"{year}-01", f"{year}-12", freq="M")
    return months, _as2d(mom.reindex(months))


def _month_map(arg: Mapping[Any, float] | None, name: str, years: tuple[int, ...]) -> dict[pd.Period, float]:
    """``{month: MoM fraction}`` from an ``assume``/``override`` mapping, validated."""
    if arg is None:
        return {}
    if not isinstance(arg, Mapping):
        raise TransformError(
            f"{name} must be a mapping of period -> MoM fraction, e.g. "
            f"{{'{years[0]}-12': 0.0}}; got {type(arg).__name__}."
        )
    out: dict[pd.Period, float] = {}
    for key, val in arg.items():
        try:
            p = _period_arg(key, f"{name} key", "M")
            raw = key if isinstance(key, pd.Period) else pd.Period(str(key).strip())
            if raw.freqstr[0] in "YAQ":  # a year or quarter is not a month
                raise TransformError("not a month")
        except (TransformError, ValueError):
            raise TransformError(
                f"{name} key {key!r} is not a month; use 'YYYY-MM' or pd.Period(..., 'M')."
            ) from None
        if p.year not in years:
            where = (f"{years[0]}, the year before the carry-over year; only last year's months "
                     "can be given" if len(years) == 1 else " or ".join(map(str, years)))
            raise TransformError(f"{name} key {p} is not in {where}.")
        try:
            out[p] = float(val)
        except (TypeError, ValueError):
            raise TransformError(
                f"{name}[{key!r}] must be a MoM fraction (e.g. 0.0 or -0.002); got {val!r}."
            ) from None
    return out


def _inputs(
    assume: Mapping[Any, float] | None, override: Mapping[Any, float] | None, years: tuple[int, ...]
) -> tuple[dict[pd.Period, float], dict[pd.Period, float]]:
    """Validated ``assume`` and ``override`` maps; a month may be in only one of them."""
    a = _month_map(assume, "assume", years)
    o = _month_map(override, "override", years)
    both = sorted(set(a) & set(o))
    if both:
        raise TransformError(
            f"{both[0]} is in both assume and override; assume fills an unpublished month, "
            "override replaces a published one — give the month in one of them."
        )
    return a, o


def _apply_inputs(
    values: np.ndarray, months: pd.PeriodIndex, assume: dict[pd.Period, float], override: dict[pd.Period, float]
) -> np.ndarray:
    """``values`` with ``override`` months replaced and missing ``assume`` months filled.

    ``assume`` never changes a published (non-missing) value; ``override`` always does.
    """
    values = values.copy()
    year = months[0].year
    for p, fval in assume.items():
        if p.year == year:
            row = values[p.month - 1]
            values[p.month - 1] = np.where(np.isnan(row), fval, row)
    for p, fval in override.items():
        if p.year == year:
            values[p.month - 1] = fval
    return values


def _carry_values(
    mom: pd.Series | pd.DataFrame,
    year: int,
    assume: dict[pd.Period, float],
    override: dict[pd.Period, float],
) -> tuple[pd.PeriodIndex, np.ndarray]:
    prev_months, prev = _year_block(mom, year - 1)
    prev = _apply_inputs(prev, prev_months, assume, override)
    needed = prev[1:]  # February..December of Y-1 (January never enters)
    if np.isnan(needed).any():
        r, c = np.nonzero(np.isnan(needed))
        i = int(r.min())
        col = int(c[r == i][0])
        missing = prev_months[i + 1]
        raise TransformError(
            f"mom{_label(mom, col)} has no value for {missing}, needed for the "
            f"{year} carry-over; pass assume={{'{missing}': 0.0}} (or another "
            "assumed MoM) or supply the data."
        )
    g = 1.0 + needed  # (11, n): factors for k = 2..12
    suffix = np.cumprod(g[::-1], axis=0)[::-1]  # suffix[j] = prod_{k=j+2..12}
    ones = np.ones((1, g.shape[1]))
    carry = np.vstack([suffix, ones]) - 1.0  # row m-1 -> prod_{k=m+1..12}
    months = pd.period_range(f"{year}-01", f"{year}-12", freq="M")
    return months, carry


def _wrap(mom: Frame, values: np.ndarray, index: pd.PeriodIndex) -> Frame:
    if isinstance(mom, pd.Series):
        return pd.Series(values.reshape(-1), index=index, name=mom.name)
    return pd.DataFrame(values, index=index, columns=mom.columns)


def carryover(
    mom: Frame,
    year: int,
    assume: Mapping[Any, float] | None = None,
    override: Mapping[Any, float] | None = None,
) -> Frame:
    """Carry-over (翘尾) effect for each month of ``year``.

    Parameters
    ----------
    mom : Series or DataFrame
        Monthly MoM (fractions); must cover February..December of ``year - 1``.
    year : int
        The year whose YoY is decomposed.
    assume : mapping, optional
        ``{period or 'YYYY-MM': MoM fraction}`` used for months of ``year - 1``
        that are missing in ``mom`` (e.g. ``{'2025-12': 0.0}`` before December
        is published). A published value is never replaced: ``assume`` only
        fills. For a DataFrame the value fills that month in every column where
        it is missing.
    override : mapping, optional
        ``{period or 'YYYY-MM': MoM fraction}`` that REPLACES the value of a
        month of ``year - 1``, published or not (e.g. to ask "what if December
        had been 0"). A month may be in ``assume`` or ``override``, not both.

    Returns
    -------
    Series or DataFrame
        Indexed by the 12 monthly periods of ``year``; December is 0.

    Raises
    ------
    TransformError
        If a needed month of ``year - 1`` is missing and not in ``assume``
        (the message names the month), ``assume``/``override`` name another
        year, or one month is in both.

    Notes
    -----
    ``c_{Y,m} = prod_{k=m+1..12} (1 + m_{Y-1,k}) - 1`` for ``m = 1..12``
    (an empty product for ``m = 12`` gives 0). January of ``Y-1`` never enters.
    """
    mom = _check(mom, "mom", freqs=("M",))
    year = _year_arg(year)
    a, o = _inputs(assume, override, (year - 1,))
    months, carry = _carry_values(mom, year, a, o)
    return _wrap(mom, carry, months)


def new_price(mom: Frame, year: int) -> Frame:
    """New-price (新涨价) effect for each month of ``year``.

    Parameters
    ----------
    mom : Series or DataFrame
        Monthly MoM (fractions).
    year : int
        The year whose YoY is decomposed.

    Returns
    -------
    Series or DataFrame
        Indexed by the 12 monthly periods of ``year``; NaN from the first month
        of ``year`` whose MoM is missing onwards (not yet published).

    Notes
    -----
    ``n_{Y,m} = prod_{k=1..m} (1 + m_{Y,k}) - 1``.
    """
    mom = _check(mom, "mom", freqs=("M",))
    year = _year_arg(year)
    months, cur = _year_block(mom, year)
    return _wrap(mom, np.cumprod(1.0 + cur, axis=0) - 1.0, months)


def decompose_yoy(
    mom: Frame,
    year: int,
    assume: Mapping[Any, float] | None = None,
    override: Mapping[Any, float] | None = None,
) -> pd.DataFrame:
    """YoY of each month of ``year`` split into carry-over and new-price effects.

    Parameters
    ----------
    mom : Series or DataFrame
        Monthly MoM (fractions) covering ``year - 1`` (February on) and the
        available months of ``year``.
    year : int
        The year whose YoY is decomposed.
    assume : mapping, optional
        Assumed MoM for missing (unpublished) months of ``year - 1`` or
        ``year``; published values are kept. See :func:`carryover`.
    override : mapping, optional
        MoM that replaces the value of a month of ``year - 1`` or ``year``,
        published or not. See :func:`carryover`.

    Returns
    -------
    DataFrame
        Index: the 12 monthly periods of ``year``. For a Series input, columns
        ``carryover``, ``new_price``, ``yoy_implied``. For a DataFrame input,
        MultiIndex columns ``(component, series)``, so ``out['carryover']`` is
        a DataFrame with the input's columns (as :func:`carryover` returns);
        one series' table is ``out.xs(name, axis=1, level='series')``.

    Notes
    -----
    ``yoy_implied = (1 + c_{Y,m}) (1 + n_{Y,m}) - 1``, with ``c`` from
    :func:`carryover` and ``n`` from :func:`new_price`. It equals the YoY of
    the chained MoM index exactly; it differs from *published* YoY only by
    rounding of the published MoMs.
    """
    mom = _check(mom, "mom", freqs=("M",))
    year = _year_arg(year)
    a, o = _inputs(assume, override, (year - 1, year))
    months, c = _carry_values(mom, year, a, o)
    _, cur = _year_block(mom, year)
    cur = _apply_inputs(cur, months, a, o)
    n = np.cumprod(1.0 + cur, axis=0) - 1.0
    y = (1.0 + c) * (1.0 + n) - 1.0
    comps = ["carryover", "new_price", "yoy_implied"]
    if isinstance(mom, pd.Series):
        return pd.DataFrame({"carryover": c[:, 0], "new_price": n[:, 0], "yoy_implied": y[:, 0]},
                            index=months)
    stacked = np.stack([c, n, y], axis=1).reshape(12, -1)  # (12, 3*ncol), component-major
    cols = pd.MultiIndex.from_product([comps, mom.columns], names=["component", "series"])
    return pd.DataFrame(stacked, index=months, columns=cols)


def carryover_average(
    mom: pd.Series | pd.DataFrame,
    year: int,
    assume: Mapping[Any, float] | None = None,
    override: Mapping[Any, float] | None = None,
) -> float | pd.Series:
    """Average carry-over effect over the 12 months of ``year``.

    Parameters
    ----------
    mom : Series or DataFrame
        Monthly MoM (fractions); see :func:`carryover`.
    year : int
        The year.
    assume, override : mapping, optional
        Assumed MoM for unpublished months of ``year - 1``, and MoM replacing
        published ones; see :func:`carryover`.

    Returns
    -------
    float or Series
        A float for a Series input, a Series indexed by column for a DataFrame.

    Notes
    -----
    ``cbar_Y = (1/12) sum_{m=1..12} c_{Y,m}`` — the contribution of last year's
    moves to this year's average YoY (the "翘尾" headline figure).
    """
    mom = _check(mom, "mom", freqs=("M",))
    year = _year_arg(year)
    a, o = _inputs(assume, override, (year - 1,))
    _, c = _carry_values(mom, year, a, o)
    avg = c.mean(axis=0)
    if isinstance(mom, pd.Series):
        return float(avg[0])
    return pd.Series(avg, index=mom.columns)
