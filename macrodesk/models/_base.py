"""What every model family shares: the results mixin, the "not computable" value and input checks.

A model function takes pandas objects (rates as fractions, levels as published)
and returns a frozen, language-free results object: statistics as attributes,
``to_frame()``, ``to_json()`` and ``summary()`` (a statistics table), see
:class:`ResultsMixin`. Sentences and charts come from ``macrodesk.reports.views``.
When the data do not allow the estimate (too short an overlap, a missing month
in a span, a degenerate design) it returns :class:`NotComputable` instead of
raising, so one bad input does not stop a whole report. Arguments that are
wrong in kind (not a Series, a bad option) still raise :class:`ModelError`.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, cast

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.series.checks import check_periodic, period_freq_code

__all__ = ["NotComputable", "ResultsMixin", "is_computable", "to_json_value"]


@dataclass(frozen=True)
class NotComputable:
    """An estimate that could not be made, and why.

    ``what`` names the estimate ("lead-lag m1_yoy → ppi_yoy"); ``reason`` says
    what was missing, naming the series and periods. ``what_zh`` and
    ``reason_zh`` are the Chinese texts (each falls back to the English one);
    the sentence is :func:`macrodesk.reports.views._common.not_computable_text`.
    """

    what: str
    reason: str
    what_zh: str = ""
    reason_zh: str = ""
    computable: ClassVar[bool] = False


def is_computable(result: Any) -> bool:
    """True for a results object, False for :class:`NotComputable` (or None)."""
    return result is not None and bool(getattr(result, "computable", False))


# ---------------------------------------------------------------- results as JSON
def to_json_value(x: Any) -> Any:
    """``x`` as plain JSON values: NaN → null, Period → "2025-12", Timestamp → "2025-12-31",
    Series → {period: value}, DataFrame → {column: {period: value}}, dataclasses → their fields."""
    if x is None or x is pd.NaT or x is pd.NA:
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, str):
        return x
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return float(x) if math.isfinite(float(x)) else None
    if isinstance(x, pd.Period):
        return str(x)
    if isinstance(x, pd.Timestamp):
        return x.strftime("%Y-%m-%d") if x == x.normalize() else x.isoformat()
    if isinstance(x, pd.Series):
        return {str(to_json_value(k)): to_json_value(v) for k, v in x.items()}
    if isinstance(x, pd.DataFrame):
        return {str(c): to_json_value(x[c]) for c in x.columns}
    if isinstance(x, (np.ndarray, pd.Index)):
        return [to_json_value(v) for v in x.tolist()]
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: to_json_value(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, Mapping):
        return {str(to_json_value(k)): to_json_value(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, set, frozenset)):
        return [to_json_value(v) for v in x]
    return str(x)


class ResultsMixin:
    """``to_json()`` and ``summary()`` for a frozen results dataclass.

    ``to_json()`` serialises ``to_dict()`` (by default the dataclass fields) with
    :func:`to_json_value`; ``summary()`` is the statistics table, by default ``to_frame()``.
    """

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    def to_frame(self) -> pd.DataFrame:
        raise NotImplementedError

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON (rates stay fractions; NaN is ``null``)."""
        return json.dumps(to_json_value(self.to_dict()), ensure_ascii=False)

    def summary(self) -> pd.DataFrame:
        """The statistics table; by default :meth:`to_frame`."""
        return self.to_frame()


# ---------------------------------------------------------------- input checks
_HINT = "Pass MacroSeries.to_fraction() for rates or MacroSeries.data for levels."


def check_series(x: Any, name: str, *, freqs: tuple[str, ...] = ("M",)) -> pd.Series:
    """A float Series on a PeriodIndex of an allowed frequency, completed (gaps as NaN)."""
    return check_periodic(x, name, freqs=freqs, kinds=(pd.Series,), error=ModelError, hint=_HINT)


def check_frame(x: Any, name: str, *, freqs: tuple[str, ...] = ("M",)) -> pd.DataFrame:
    """A float DataFrame on a complete PeriodIndex (one column per series; a Series becomes one column)."""
    if isinstance(x, pd.Series):
        x = x.to_frame()
    return check_periodic(x, name, freqs=freqs, kinds=(pd.DataFrame,), error=ModelError, hint=_HINT)


def pindex(x: pd.Series | pd.DataFrame) -> pd.PeriodIndex:
    """The PeriodIndex of a checked Series or DataFrame (typed as such)."""
    return cast(pd.PeriodIndex, x.index)


def freq_code(idx: pd.PeriodIndex) -> str:
    """'M', 'Q' or 'A' for a PeriodIndex (its freqstr otherwise)."""
    return period_freq_code(idx)


def months_per_period(idx: pd.PeriodIndex) -> int:
    return {"M": 1, "Q": 3, "A": 12}.get(freq_code(idx), 1)


def period_arg(value: Any, name: str, freq: Any, how: str = "start") -> pd.Period | None:
    """``None`` or a Period of ``freq`` from 'YYYY-MM', 'YYYY', a Period or a date.

    A coarser period is taken at its start (``how='start'``) or end (``how='end'``).
    """
    from macrodesk.series.periods import parse_period

    if value is None:
        return None
    return parse_period(value, freq, name=name, how="end" if how == "end" else "start", error=ModelError)


def periods_text(periods: list[pd.Period], limit: int = 4) -> str:
    shown = ", ".join(str(p) for p in periods[:limit])
    return shown + (f" (+{len(periods) - limit} more)" if len(periods) > limit else "")
