"""CPI basket weights: drift between base years ("price method") and re-weighting at a rotation.

Between two base-period rotations the NBS lets item weights drift with relative
prices, so an item whose price falls against the whole basket loses weight
(seed 003: pork from 4.62% at its 2020 high to 1.44% in 2025)::

    w_{i,t} = w_{i,0} × (P_{i,t} / P_{i,0}) ÷ (P_{all,t} / P_{all,0})

At a rotation (every five years; the next one in January 2026 on 2025 as the
base year) category weights are re-estimated from household expenditure
shares. The seed reads the coming adjustment off the change in the shares
since the last base year (居住 24.6% → 21.6%: −3.0 pct) and compares it with
the 2016 and 2020 rotations (Table 2).

* :func:`drift_weights` / :func:`price_method_drift` — the drift formula.
* :func:`rotation` — new weights from expenditure shares vs the last rotation
  and the current weights, beside past adjustments (:class:`Rotation`).
* :func:`read_weights` — read a small weights table (TOML or CSV, percent).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import InputFileError, ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, period_arg, pindex

__all__ = [
    "PriceMethodDrift",
    "Rotation",
    "drift_weights",
    "expenditure_shares",
    "price_method_drift",
    "read_weights",
    "rotation",
]


# ---------------------------------------------------------------- reading a weights table
def read_weights(path: str | Path) -> dict[str, float]:
    """Read component weights in percent from a TOML or CSV file; returns fractions.

    TOML: a ``[weights]`` table (or top-level keys) ``component = 26.3``.
    CSV: columns ``component,weight`` (a header row; ``#`` comments allowed).
    Weights must be numbers between 0 and 100 and sum to at most 100 (a
    partial basket is allowed).
    """
    p = Path(path)
    if not p.exists():
        raise InputFileError("weights file not found", file=str(p))
    raw: dict[str, Any] = {}
    if p.suffix.lower() == ".toml":
        import tomllib

        try:
            doc = tomllib.loads(p.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputFileError(f"not valid TOML: {exc}", file=str(p)) from None
        raw = doc.get("weights", doc)
        if not isinstance(raw, dict):
            raise InputFileError("[weights] must be a table of component = percent", file=str(p))
        rows: list[tuple[str, Any, int | None]] = [(k, v, None) for k, v in raw.items()]
    elif p.suffix.lower() == ".csv":
        text = p.read_text(encoding="utf-8-sig").splitlines()
        body = [(i + 1, line) for i, line in enumerate(text) if line.strip() and not line.lstrip().startswith("#")]
        reader = csv.reader([line for _, line in body])
        header = [h.strip().lower() for h in next(reader, [])]
        if "component" not in header or "weight" not in header:
            raise InputFileError("the CSV needs a header with columns 'component' and 'weight'",
                                 file=str(p), row=body[0][0] if body else 1)
        ci, wi = header.index("component"), header.index("weight")
        rows = []
        lineno: int | None
        for (lineno, _), rec in zip(body[1:], reader):
            if len(rec) <= max(ci, wi):
                raise InputFileError("row has too few columns", file=str(p), row=lineno)
            rows.append((rec[ci].strip(), rec[wi].strip(), lineno))
    else:
        raise InputFileError("weights must be a .toml or .csv file", file=str(p))
    out: dict[str, float] = {}
    for key, val, lineno in rows:
        try:
            w = float(val)
        except (TypeError, ValueError):
            raise InputFileError(f"weight of '{key}' is not a number: {val!r}", file=str(p), row=lineno) from None
        if not 0 <= w <= 100:
            raise InputFileError(f"weight of '{key}' must be a percentage between 0 and 100, got {w}",
                                 file=str(p), row=lineno)
        if key in out:
            raise InputFileError(f"component '{key}' appears twice", file=str(p), row=lineno)
        out[key] = w / 100.0
    if not out:
        raise InputFileError("no weights found", file=str(p))
    if sum(out.values()) > 1.0 + 1e-9:
        raise InputFileError(f"weights sum to {sum(out.values()) * 100:.1f}%, more than 100%", file=str(p))
    return out


# ---------------------------------------------------------------- drift ("price method")
def _base_period(level: pd.Series | pd.DataFrame, base: Any) -> pd.Period:
    """``base`` as a period of the level's frequency; the first period by default."""
    p = period_arg(base, "base", pindex(level).freq) if base is not None else None
    return p if p is not None else pindex(level)[0]


def _relative(level: pd.Series | pd.DataFrame, base: pd.Period) -> pd.Series | pd.DataFrame:
    if base not in level.index:
        raise ModelError(f"the base period {base} is not in the price index ({level.index[0]}..{level.index[-1]}).")
    b = level.loc[base]  # type: ignore[call-overload]
    if np.any(np.asarray(pd.isna(b))):
        raise ModelError(f"the price index has no value at the base period {base}.")
    return level / b


def drift_weights(
    w0: float | Mapping[str, float] | pd.Series,
    item_level: pd.Series | pd.DataFrame,
    all_level: pd.Series | None = None,
    *,
    base: Any = None,
) -> pd.Series | pd.DataFrame:
    """Weights drifting with relative prices from a base period.

    Parameters
    ----------
    w0 : float, mapping or Series
        Base-period weight(s), fractions (a mapping/Series per column of ``item_level``).
    item_level : Series or DataFrame
        Price level of the item(s) on a PeriodIndex.
    all_level : Series, optional
        Price level of the whole basket. Without it, ``item_level`` must hold
        the whole basket and the weights are renormalised to sum to one.
    base : period-like, optional
        The base period (default: the first period of ``item_level``).

    Returns
    -------
    Series or DataFrame, like ``item_level``.

    Notes
    -----
    With ``R_{i,t} = P_{i,t}/P_{i,0}`` and ``R_{all,t} = P_{all,t}/P_{all,0}``:
    ``w_{i,t} = w_{i,0} R_{i,t} / R_{all,t}``; without ``all_level``,
    ``w_{i,t} = w_{i,0} R_{i,t} / sum_j w_{j,0} R_{j,t}`` (the same thing when
    the basket index is the weighted sum of its items).
    """
    if not isinstance(item_level, (pd.Series, pd.DataFrame)) or not isinstance(item_level.index, pd.PeriodIndex):
        raise ModelError("item_level must be a Series or DataFrame of price levels on a PeriodIndex.")
    b = _base_period(item_level, base)
    rel = _relative(item_level.astype(float), b)
    if isinstance(item_level, pd.DataFrame):
        if isinstance(w0, (int, float)):
            raise ModelError("item_level has several columns; give w0 as a mapping {item: weight}.")
        w = pd.Series(w0, dtype=float)
        missing = [c for c in item_level.columns if c not in w.index]
        if missing:
            raise ModelError(f"w0 has no weight for items {missing[:5]}.")
        num = rel.mul(w.reindex(item_level.columns), axis=1)
    else:
        if not isinstance(w0, (int, float)):
            raise ModelError("item_level is a single series; give w0 as a number (e.g. 0.0462).")
        num = rel * float(w0)
    if all_level is None:
        if isinstance(num, pd.Series):
            raise ModelError("without all_level, item_level must hold the whole basket (a DataFrame).")
        return num.div(num.sum(axis=1, min_count=num.shape[1]), axis=0)
    if not isinstance(all_level, pd.Series) or not isinstance(all_level.index, pd.PeriodIndex):
        raise ModelError("all_level must be a Series of the basket's price level on a PeriodIndex.")
    ra = _relative(all_level.astype(float), b).reindex(num.index)
    return num.div(ra, axis=0) if isinstance(num, pd.DataFrame) else num / ra


@dataclass(frozen=True)
class PriceMethodDrift(ResultsMixin):
    """Drifted weights over time (fractions), from ``base``; ``labels_zh`` gives Chinese names of the columns."""

    weights: pd.DataFrame
    base: pd.Period
    labels_zh: Mapping[str, str] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    def at(self, period: Any) -> pd.Series:
        p = period_arg(period, "period", pindex(self.weights).freq)
        return self.weights.loc[p]  # type: ignore[index]

    def to_frame(self) -> pd.DataFrame:
        """The drifted weights, one column per item (fractions)."""
        return self.weights


def price_method_drift(
    w0: float | Mapping[str, float],
    item_level: pd.Series | pd.DataFrame,
    all_level: pd.Series | None = None,
    *,
    base: Any = None,
    name: str = "item",
    name_zh: str = "",
) -> PriceMethodDrift | NotComputable:
    """:func:`drift_weights` as a results object; NotComputable if the base period has no prices.

    ``name`` names the column of a single item (``name_zh`` its Chinese name, for the text).
    """
    try:
        w = drift_weights(w0, item_level, all_level, base=base)
    except ModelError as exc:
        if "base period" in str(exc):
            return NotComputable(f"weight drift of {name}", str(exc), what_zh=f"{name_zh or name}权重漂移")
        raise
    frame = w.to_frame(name) if isinstance(w, pd.Series) else w
    b = _base_period(item_level, base)
    return PriceMethodDrift(frame, b, {name: name_zh} if name_zh and isinstance(w, pd.Series) else {})


# ---------------------------------------------------------------- rotation
def expenditure_shares(spending: Mapping[str, float] | pd.Series) -> pd.Series:
    """Shares of each category in total spending (fractions summing to one)."""
    s = pd.Series(spending, dtype=float)
    if s.isna().any() or (s < 0).any() or s.sum() <= 0:
        raise ModelError("spending must be non-negative amounts per category with a positive total.")
    return s / s.sum()


@dataclass(frozen=True)
class Rotation(ResultsMixin):
    """New category weights at a rotation and their adjustments (fractions; the table in pct).

    ``table`` columns: ``new`` (new weight), ``vs_last`` (new − the shares of
    the last base year), ``vs_current`` (new − current weights, if given) and
    one column per past rotation (its published adjustment).
    """

    table: pd.DataFrame
    new_label: str
    names: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    def adjustments(self) -> pd.Series:
        """The predicted adjustment per category (fraction): vs the last base year's shares."""
        return self.table["vs_last"]

    def to_frame(self) -> pd.DataFrame:
        """New weights and adjustments per category (fractions)."""
        return self.table


def rotation(
    new_shares: Mapping[str, float] | pd.Series,
    last_shares: Mapping[str, float] | pd.Series,
    *,
    current: Mapping[str, float] | pd.Series | None = None,
    past: Mapping[str, Mapping[str, float]] | None = None,
    label: str = "",
    names: Mapping[str, tuple[str, str]] | None = None,
) -> Rotation:
    """Category weights at a rotation from expenditure shares, and the adjustments.

    Parameters
    ----------
    new_shares : mapping or Series
        Expenditure share of each category in the new base year (fractions).
    last_shares : mapping or Series
        The shares of the last base year (e.g. 2020 for the 2021 rotation).
    current : mapping or Series, optional
        Current CPI weights (after drift), for a second comparison.
    past : mapping rotation -> {category: adjustment}, optional
        Published adjustments of earlier rotations (fractions), e.g. seed Table 2.
    label : str
        Name of the new rotation (e.g. '2025').

    Notes
    -----
    ``new_c = s_{c,new}``; ``vs_last_c = s_{c,new} - s_{c,last}`` (the seed's
    "居住 24.6% → 21.6%: −3.0 pct"); ``vs_current_c = s_{c,new} - w_c``.
    """
    new = pd.Series(new_shares, dtype=float)
    last = pd.Series(last_shares, dtype=float).reindex(new.index)
    table = pd.DataFrame({"new": new, "vs_last": new - last})
    if current is not None:
        table["vs_current"] = new - pd.Series(current, dtype=float).reindex(new.index)
    for k, adj in (past or {}).items():
        table[str(k)] = pd.Series(adj, dtype=float).reindex(new.index)
    if past:  # past rotations first, as in the seed's table
        order = [str(k) for k in past] + [c for c in table.columns if c not in {str(k) for k in past}]
        table = table[order]
    return Rotation(table, label, dict(names or {}))
