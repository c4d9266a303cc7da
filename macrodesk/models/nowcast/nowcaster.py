"""The base class of every nowcaster: ``fit(info)``, ``predict(info)``, ``nowcasts`` and ``backtest``.

A model reads an :class:`~macrodesk.models.nowcast.data.InfoSet` (what was
observable on the as-of date) and returns a frozen fit with ``predict()``, or
:class:`~macrodesk.models._base.NotComputable`. Its real-time backtest origin for
month ``t`` is :meth:`Nowcaster.origin` (by default the last day of ``t``), and the
information set is built with the model's own release day and publication lags
(:meth:`Nowcaster.info_set`), so the live nowcast and every backtest month see the
data the same way.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable
from macrodesk.models.nowcast.backtest import run_backtest
from macrodesk.models.nowcast.base import TargetSpec, get_target
from macrodesk.models.nowcast.data import RELEASE_DAY, InfoSet, as_timestamp, collect
from macrodesk.models.nowcast.results import BacktestResult

__all__ = ["Nowcaster", "Progress"]

Progress = Callable[[pd.Period], None]


class Nowcaster(ABC):
    """Base class of the nowcasting models (one instance per target).

    Subclasses implement :meth:`series_ids` and :meth:`fit`; :meth:`predict`,
    :meth:`nowcasts` and :meth:`backtest` are shared. ``release_day`` is the day of
    month ``m+1`` from which the target of month ``m`` counts as published;
    ``lags`` the publication delays (days) of dated inputs beyond the defaults of
    :data:`~macrodesk.models.nowcast.data.PUBLICATION_LAGS`.
    """

    name: ClassVar[str] = "nowcaster"
    release_day: ClassVar[int] = RELEASE_DAY
    lags: Mapping[str, int] = {}

    def __init__(self, target: str | TargetSpec = "cpi_yoy") -> None:
        self.target = get_target(target)

    def __repr__(self) -> str:
        return f"{type(self).__name__}('{self.target.yoy_id}')"

    @abstractmethod
    def series_ids(self) -> tuple[str, ...]:
        """Every series id the model may read (target and inputs)."""

    @abstractmethod
    def fit(self, info: InfoSet) -> Any:
        """Estimate on the information set; returns a frozen fit with ``predict()`` or NotComputable."""

    def info_set(self, data: Any, as_of: Any, *, release_day: int | None = None,
                 ids: Iterable[str] | None = None) -> InfoSet:
        """``data`` cut at ``as_of`` with this model's release day and publication lags."""
        rd = self.release_day if release_day is None else int(release_day)
        return InfoSet.build(data, as_of, release_day=rd, lags=self.lags, ids=ids)

    def origin(self, month: pd.Period, release_day: int | None = None) -> pd.Timestamp:
        """The date on which a real-time backtest nowcasts ``month``: its last day."""
        return as_timestamp(month)

    def predict(self, info: InfoSet) -> Any:
        """The nowcast of ``info.month`` (fit + predict)."""
        fit = self.fit(info)
        if not getattr(fit, "computable", False):
            return fit
        return fit.predict()

    def _predictor(self, src: Mapping[str, Any]) -> Callable[[InfoSet], Any]:
        """What :meth:`nowcasts` calls for each information set cut from ``src``: :meth:`predict`.

        A model may return one that reuses work across the refits (the same numbers).
        """
        return self.predict

    def nowcasts(
        self,
        data: Any,
        months: pd.PeriodIndex,
        *,
        release_day: int | None = None,
        progress: Progress | None = None,
    ) -> dict[pd.Period, Any]:
        """Real-time nowcasts for each month, each from the information set of its :meth:`origin`."""
        src = collect(data, self.series_ids())
        predict = self._predictor(src)
        out: dict[pd.Period, Any] = {}
        for t in months:
            info = self.info_set(src, self.origin(t, release_day), release_day=release_day)
            try:
                out[t] = predict(info)
            except ModelError as exc:
                out[t] = NotComputable(f"{self.name} nowcast of {self.target.yoy_id} for {t}", str(exc))
            if progress is not None:
                progress(t)
        return out

    def backtest(
        self,
        data: Any,
        start: Any,
        end: Any,
        *,
        release_day: int | None = None,
        progress: Progress | None = None,
        jobs: int = 1,
        scheduler: str | None = None,
    ) -> BacktestResult:
        """Rolling real-time backtest over ``start..end`` (months); returns a :class:`BacktestResult`.

        ``jobs`` (processes) or ``scheduler`` (a Dask scheduler address) run blocks of months in
        parallel; the result is identical to the serial run.
        """
        return run_backtest(self, data, start, end, release_day=release_day, progress=progress, jobs=jobs,
                            scheduler=scheduler)
