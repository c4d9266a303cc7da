"""USD levels and breakdowns read from a recipe's inputs, shared by the trade flash's steps.

* :func:`usd` — a USD value series in 亿美元 (or another USD unit), any USD unit accepted.
* :func:`parts_frame` — the levels of the parts of a breakdown (regions, products, partners)
  that are present, with their labels and series.
* :func:`breakdown` — the contributions of those parts to a total's YoY, kept with the
  series they come from (for the source line), as a :class:`Breakdown`; with ``max_lag``
  they are computed at the parts' own latest month (partner data that end before the
  report month), which the views then name.
* :func:`latest_month` — that month: the last one with most parts present.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
import pandas as pd

from macrodesk.analyses._common import Inputs
from macrodesk.exceptions import UnitError
from macrodesk.models._base import is_computable
from macrodesk.models.trade import ids as I
from macrodesk.models.trade.structure import Contributions, trade_contributions
from macrodesk.series import MacroSeries

__all__ = ["Breakdown", "usd", "parts_frame", "breakdown", "latest_month"]


def usd(s: MacroSeries, unit: str = "usd_100m") -> pd.Series:
    """A USD value in ``unit`` (亿美元 by default); other units are an error naming the series."""
    if s.unit not in I.USD_LEVEL_UNITS:
        raise UnitError(
            f"series '{s.id}' has unit '{s.unit}'; the trade flash needs USD values "
            f"({', '.join(I.USD_LEVEL_UNITS)}). Re-import it with a USD unit."
        )
    bn = s.convert("usd_bn").data  # every USD unit has a conversion to usd_bn
    return bn * 10.0 if unit == "usd_100m" else bn if unit == "usd_bn" else s.convert(unit).data


def parts_frame(
    inputs: Inputs, keys: Sequence[tuple[str, str, str]], make_id: Callable[[str], str]
) -> tuple[pd.DataFrame, dict[str, tuple[str, str]], list[MacroSeries]]:
    """Levels (亿美元) of the parts present, their labels and series."""
    cols: dict[str, pd.Series] = {}
    labels: dict[str, tuple[str, str]] = {}
    used: list[MacroSeries] = []
    for k, zh, en in keys:
        sid = make_id(k)
        if inputs.has(sid):
            cols[k] = usd(inputs[sid])
            labels[k] = (zh, en)
            used.append(inputs[sid])
    return pd.DataFrame(cols), labels, used


def latest_month(parts: pd.DataFrame, month: pd.Period, max_lag: int) -> pd.Period | None:
    """The last month up to ``month`` in which at least half of the parts have a level, or None
    when that month is more than ``max_lag`` months before ``month``."""
    if not len(parts.columns) or not len(parts):
        return None
    obs = parts[parts.index <= month]
    enough = obs.notna().sum(axis=1) >= max(1, (len(parts.columns) + 1) // 2)
    hits = obs.index[enough.to_numpy()]
    if not len(hits) or hits[-1] < month - max_lag:
        return None
    last: pd.Period = hits[-1]
    return last


@dataclass(frozen=True)
class Breakdown:
    """Contributions of parts to a total's YoY (``result``) and the series behind them (``series``:
    the total first, then the parts), which a figure's source line names."""

    result: Contributions
    series: tuple[MacroSeries, ...]


def breakdown(
    inputs: Inputs,
    keys: Sequence[tuple[str, str, str]],
    make_id: Callable[[str], str],
    total: pd.Series,
    total_series: MacroSeries,
    month: pd.Period,
    *,
    name: tuple[str, str],
    what: tuple[str, str],
    missing: list[str],
    missing_id: str | None = None,
    max_lag: int | None = None,
    janfeb: bool = False,
) -> Breakdown | None:
    """The contributions of the parts present to ``total`` in ``month``; None when there are no
    parts (``missing_id``, if given, is then added to ``missing``) or when they are not computable.

    With ``max_lag`` the contributions are computed at the parts' latest month
    (:func:`latest_month`, at most ``max_lag`` months before ``month``); the result's
    ``month`` is then that month, not the report month. ``janfeb`` combines January and
    February (:func:`~macrodesk.models.trade.structure.trade_contributions`)."""
    parts, labels, used = parts_frame(inputs, keys, make_id)
    if not len(parts.columns):
        if missing_id is not None:
            missing.append(missing_id)
        return None
    if max_lag is not None:
        at = latest_month(parts, month, max_lag)
        if at is None:
            return None
        month = at
    c = trade_contributions(parts, total, month, labels=labels, name=name, what=what, janfeb=janfeb)
    if not is_computable(c):
        return None
    return Breakdown(c, (total_series, *used))
