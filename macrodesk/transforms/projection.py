"""YoY projection from assumed month-on-month changes, and the YoY recursion's residual.

Rates are fractions. Both rest on the identity
``(1 + y_t) = (1 + y_{t-1}) (1 + m_t) / (1 + m_{t-12})`` (lag 4 for quarterly data).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from macrodesk.exceptions import TransformError
from macrodesk.transforms._frames import Frame, _as2d, _check, _finite, _label, _like, _periods_per_year, _same_kind

__all__ = ["project_yoy", "yoy_recursion_residual"]


def project_yoy(yoy_hist: Frame, mom_hist: Frame, mom_path: Frame) -> Frame:
    """Project YoY forward from a MoM path, anchored on the last published YoY.

    Parameters
    ----------
    yoy_hist : Series or DataFrame
        Published YoY history (fractions). The anchor is the last period with a
        value (for a DataFrame: the last row with any value; every column must
        have a value there).
    mom_hist : Series or DataFrame
        Published MoM history (fractions); must cover month ``t-12`` of every
        projected month ``t`` that falls on or before the anchor period. Values
        after the anchor are ignored (``mom_path`` is used instead).
    mom_path : Series or DataFrame
        Assumed MoM for the projected months; must start the period after the
        anchor and have no missing values.

    Returns
    -------
    Series or DataFrame
        Projected YoY on the index of ``mom_path``.

    Raises
    ------
    TransformError
        Mismatched types/columns/frequency, a path that does not start right
        after the anchor, a missing path value, or a missing ``m_{t-12}``
        (the message names the month).

    Notes
    -----
    ``(1 + y_t) = (1 + y_{t-1}) (1 + m_t) / (1 + m_{t-12})``, so with anchor
    ``T``: ``1 + y_t = (1 + y_T) prod_{k=T+1..t} (1 + m_k) / (1 + m_{k-12})``.
    For quarterly data the lag is 4 instead of 12. Because the recursion starts
    from the *published* YoY, rounding differences between published YoY and
    MoM are not propagated into a chained index (see
    :func:`yoy_recursion_residual` to inspect them).
    """
    yh = _check(yoy_hist, "yoy_hist")
    mh = _check(mom_hist, "mom_hist")
    mp = _check(mom_path, "mom_path")
    _same_kind(yh, mh, "yoy_hist", "mom_hist")
    _same_kind(yh, mp, "yoy_hist", "mom_path")
    lag = _periods_per_year(yh)
    yv = _as2d(yh)
    has = ~np.isnan(yv)
    rows = np.nonzero(has.any(axis=1))[0]
    if len(rows) == 0:
        raise TransformError(
            "yoy_hist has no published value to anchor the projection on; "
            "pass the published YoY history."
        )
    t_row = int(rows[-1])
    anchor_period = yh.index[t_row]
    anchor = yv[t_row]
    if np.isnan(anchor).any():
        bad = [yh.columns[i] for i in np.nonzero(np.isnan(anchor))[0][:5]]
        raise TransformError(
            f"yoy_hist has no value at the anchor period {anchor_period} for columns "
            f"{bad}; every column must be published up to the same period. "
            "Project those columns separately."
        )
    if len(mp) == 0:
        raise TransformError("mom_path is empty; pass at least one projected MoM.")
    expected = anchor_period + 1
    if mp.index[0] != expected:
        raise TransformError(
            f"mom_path must start at {expected}, the period after the last published "
            f"YoY ({anchor_period}); it starts at {mp.index[0]}. Trim or extend "
            "mom_path (or yoy_hist) so they meet."
        )
    pv = _as2d(mp)
    if np.isnan(pv).any():
        r, c = np.nonzero(np.isnan(pv))
        raise TransformError(
            f"mom_path{_label(mp, int(c[0]))} is missing at {mp.index[int(r[0])]}; "
            "a projection needs an assumed MoM for every projected period."
        )
    # m_{t-lag}: from the history up to the anchor, from the path after it
    need = mp.index - lag
    hist = mh.loc[:anchor_period]
    combined = pd.concat([hist, mp]) if len(hist) else mp
    prev = _as2d(combined.reindex(need))
    if np.isnan(prev).any():
        r, c = np.nonzero(np.isnan(prev))
        i = int(r.min())
        col = int(c[r == i][0])
        raise TransformError(
            f"mom_hist{_label(mh, col)} is missing at {need[i]}, needed (as m_t-{lag}) to "
            f"project {mp.index[i]}; mom_hist must cover the {lag} periods before each "
            "projected period."
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (1.0 + pv) / (1.0 + prev)
        out = (1.0 + anchor) * np.cumprod(ratio, axis=0) - 1.0
    return _like(mp, _finite(out))


def yoy_recursion_residual(yoy: Frame, mom: Frame) -> Frame:
    """Where published YoY and MoM disagree: residual of the YoY recursion.

    Parameters
    ----------
    yoy : Series or DataFrame
        Published YoY (fractions).
    mom : Series or DataFrame
        Published MoM (fractions), same type (and columns) as ``yoy``.

    Returns
    -------
    Series or DataFrame
        Residual on the union of both indices; NaN where an input is missing.
        Values of the order of the rounding of the published figures (e.g.
        ~0.001 for one-decimal percent) are rounding; larger ones are
        revisions or base changes.

    Notes
    -----
    ``r_t = (1 + y_t) - (1 + y_{t-1}) (1 + m_t) / (1 + m_{t-12})``
    (lag 4 for quarterly data).
    """
    y = _check(yoy, "yoy")
    m = _check(mom, "mom")
    _same_kind(y, m, "yoy", "mom")
    lag = _periods_per_year(y)
    if len(y) and len(m):
        lo, hi = min(y.index[0], m.index[0]), max(y.index[-1], m.index[-1])
        full = pd.period_range(lo, hi, freq=y.index.freq)
        y, m = y.reindex(full), m.reindex(full)
    yv, mv = _as2d(y), _as2d(m)
    out = np.full_like(yv, np.nan)
    if len(yv) > lag:
        with np.errstate(divide="ignore", invalid="ignore"):
            out[lag:] = (1.0 + yv[lag:]) - (1.0 + yv[lag - 1 : -1]) * (1.0 + mv[lag:]) / (
                1.0 + mv[:-lag]
            )
    return _like(y, _finite(out))
