"""Tracking a scenario file as actuals arrive: the path it gave vs the prints, and the re-anchored path.

:func:`track` runs the file once on the information set before its horizon
(the *original* run, as of the month before the horizon starts unless told),
then once more as of each horizon month the data already publish::

    from macrodesk.scenarios import load_spec, track

    tr = track(load_spec("cpi_2025.toml"), data)     # data: the target MoM/YoY (and commodities)
    tr.errors("neutral")        # by month: path YoY, actual YoY, error = path - actual; same for MoM
    tr.summary()                # by scenario: mean error, mean absolute error, centre then and now

Errors are ``path - actual`` in fractions (the path unrounded, the print as
published). ``centres`` holds each scenario's annual average (中枢) re-anchored
on the actuals to each month; ``latest`` is the run on all actuals to date,
whose YoY path (published months, then the projection) is set against the
original's in :meth:`TrackResult.paths`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.exceptions import ScenarioError
from macrodesk.models._base import ResultsMixin
from macrodesk.scenarios._inputs import as_of_month, rate
from macrodesk.scenarios.engine import run
from macrodesk.scenarios.results import ScenarioSetResult
from macrodesk.scenarios.spec import ScenarioFile

__all__ = ["TrackResult", "track"]


@dataclass(frozen=True)
class TrackResult(ResultsMixin):
    """A scenario file re-run month by month as actuals arrive (rates as fractions).

    ``original``: the run on the information set ``original.as_of``.
    ``months``: the horizon months after it that the data publish (YoY), in order.
    ``actual_yoy`` / ``actual_mom``: the prints for ``months``.
    ``centres``: months x scenarios, each scenario's annual average re-anchored on the
    actuals to that month. ``latest``: the run as of the last of ``months`` (None if
    no month is out yet).
    """

    spec: ScenarioFile
    original: ScenarioSetResult
    months: pd.PeriodIndex
    actual_yoy: pd.Series
    actual_mom: pd.Series
    centres: pd.DataFrame
    latest: ScenarioSetResult | None

    @property
    def names(self) -> tuple[str, ...]:
        return self.original.names

    def errors(self, name: str) -> pd.DataFrame:
        """By tracked month: the original path's YoY and MoM, the prints, errors (path - actual), the centre to date."""
        s = self.original[name]
        path_yoy = s.yoy.reindex(self.months)
        path_mom = s.mom.reindex(self.months)
        return pd.DataFrame({
            "path_yoy": path_yoy, "actual_yoy": self.actual_yoy, "error_yoy": path_yoy - self.actual_yoy,
            "path_mom": path_mom, "actual_mom": self.actual_mom, "error_mom": path_mom - self.actual_mom,
            "centre": self.centres[name] if name in self.centres else pd.Series(np.nan, index=self.months),
        }, index=self.months)

    def paths(self, name: str) -> pd.DataFrame:
        """Horizon months: the original YoY path, the path re-anchored on actuals to date, and the actuals."""
        s = self.original[name]
        cols = {"original": s.yoy, "reanchored": self.latest[name].yoy if self.latest is not None else s.yoy,
                "actual": self.actual_yoy.reindex(s.yoy.index)}
        return pd.DataFrame(cols, index=s.yoy.index)

    def to_frame(self) -> pd.DataFrame:
        """Every scenario's :meth:`errors`, stacked with a ``scenario`` level."""
        if not self.names:
            return pd.DataFrame()
        return pd.concat({n: self.errors(n) for n in self.names}, names=["scenario", "month"])

    def summary(self) -> pd.DataFrame:
        """By scenario: months tracked, mean error and mean absolute error of the YoY, centre then and now."""
        rows = []
        for n in self.names:
            e = self.errors(n)["error_yoy"].dropna()
            latest = self.latest[n].mean if self.latest is not None else float("nan")
            rows.append({"months": len(e), "bias": float(e.mean()) if len(e) else float("nan"),
                         "mae": float(e.abs().mean()) if len(e) else float("nan"),
                         "centre_original": self.original[n].mean, "centre_latest": latest,
                         "centre_change": latest - self.original[n].mean})
        return pd.DataFrame(rows, index=pd.Index(list(self.names), name="scenario"))


def track(
    spec: ScenarioFile,
    data: Mapping[str, Any],
    as_of: pd.Period | str | None = None,
    *,
    method: str | None = None,
    elasticities: Mapping[str, float] | None = None,
    levels: Mapping[str, Mapping[Any, float]] | None = None,
) -> TrackResult:
    """Run ``spec`` as of ``as_of`` (default: the month before its horizon), then as of each horizon month out.

    Parameters are those of :func:`~macrodesk.scenarios.run`; ``as_of`` is the
    original information set and must lie before the last month of the horizon.

    Raises
    ------
    ScenarioError
        ``as_of`` at or after the end of the horizon, or any error of ``run``.
    UnknownSeriesError
        The target MoM or YoY is not in ``data``.
    """
    yoy_all, _ = rate(data, spec.yoy, spec.file, "target YoY")
    mom_all, _ = rate(data, spec.mom, spec.file, "target MoM")
    start = as_of_month(as_of, yoy_all, spec.file, spec.yoy) if as_of is not None else spec.horizon[0] - 1
    if start >= spec.horizon[1]:
        raise ScenarioError(f"{spec.file}: the original information set {start.strftime('%Y-%m')} must be before the "
                            f"end of the horizon {spec.horizon[1].strftime('%Y-%m')} to track it")
    kw: dict[str, Any] = {"method": method, "elasticities": elasticities, "levels": levels}
    original = run(spec, data, start, **kw)
    hz = spec.horizon_months
    out = yoy_all.reindex(hz).dropna()
    months = pd.PeriodIndex([p for p in out.index if p > start], freq="M")
    runs = [run(spec, data, m, **kw) for m in months]
    centres = pd.DataFrame({n: [r[n].mean for r in runs] for n in original.names}, index=months, dtype=float)
    return TrackResult(spec, original, months, yoy_all.reindex(months), mom_all.reindex(months), centres,
                       runs[-1] if runs else None)
