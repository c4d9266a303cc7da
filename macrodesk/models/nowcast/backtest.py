"""Rolling real-time backtests.

For every month ``t`` from ``start`` to ``end`` the model is re-estimated on the
information set of the last day of ``t`` (:class:`~macrodesk.models.nowcast.data.InfoSet`:
official figures through ``t-1``, high-frequency data through that day) and its
nowcast of ``t`` is compared with the published figure. Next to it, over the same
months and when they are in the data: the analyst consensus (read for the
comparison only, never by the model) and a random walk (the last published YoY,
``y_{t-1}``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models.nowcast.base import TargetSpec, get_target
from macrodesk.models.nowcast.data import collect
from macrodesk.models.nowcast.results import BacktestResult
from macrodesk.models.parallel import check_jobs, parallel_map

__all__ = ["run_backtest", "month_range", "benchmark_rows"]


class _Model(Protocol):
    """What a backtest needs of a nowcaster (:class:`~macrodesk.models.nowcast.nowcaster.Nowcaster`)."""

    @property
    def name(self) -> str: ...

    @property
    def target(self) -> TargetSpec: ...

    @property
    def release_day(self) -> int: ...

    def series_ids(self) -> tuple[str, ...]: ...

    def nowcasts(self, data: Any, months: pd.PeriodIndex, *, release_day: int | None = None,
                 progress: Callable[[pd.Period], None] | None = None) -> dict[pd.Period, Any]: ...


_MONTH = re.compile(r"^\d{4}-\d{1,2}$")


def month_range(start: Any, end: Any) -> pd.PeriodIndex:
    """Months ``start..end`` inclusive ('YYYY-MM'); a clear error for bad or reversed bounds."""
    try:
        if not all(_MONTH.match(str(v).strip()) for v in (start, end)):
            raise ValueError
        s = pd.Period(str(start).strip(), freq="M")
        e = pd.Period(str(end).strip(), freq="M")
    except (ValueError, TypeError):
        raise ModelError(f"backtest months must look like 2015-01; got start={start!r}, end={end!r}") from None
    if s > e:
        raise ModelError(f"backtest start {s} is after end {e}")
    return pd.period_range(s, e, freq="M")


def benchmark_rows(data: Any, target: Any, months: pd.PeriodIndex) -> pd.DataFrame:
    """Published actual, consensus and random walk (``y_{t-1}``) in percent for ``months``."""
    spec = get_target(target)
    src = collect(data, [spec.yoy_id, spec.consensus_id])
    if spec.yoy_id not in src or len(src[spec.yoy_id]) == 0:
        raise ModelError(f"the backtest needs the published '{spec.yoy_id}'; it is not in the data")
    actual = src[spec.yoy_id].convert("pct_yoy").data if src[spec.yoy_id].unit != "pct_yoy" else src[spec.yoy_id].data
    out = pd.DataFrame(index=months)
    out["actual"] = actual.reindex(months).to_numpy()
    out["random_walk"] = actual.shift(1).reindex(months).to_numpy() if len(actual) else np.nan
    cons = src.get(spec.consensus_id)
    out["consensus"] = cons.data.reindex(months).to_numpy() if cons is not None and len(cons) else np.nan
    return out


def _chunk(job: tuple[Any, dict, pd.PeriodIndex, int | None]) -> dict[pd.Period, Any]:
    model, data, months, release_day = job
    return model.nowcasts(data, months, release_day=release_day)


def _nowcasts(model: _Model, data: dict, months: pd.PeriodIndex, release_day: int | None, progress: Any,
              jobs: int, scheduler: str | None) -> dict[pd.Period, Any]:
    """The model's nowcasts of ``months``: in this process, or split into contiguous blocks of months run
    on ``jobs`` processes or a Dask cluster (each month depends only on the data, so the result is the same)."""
    n = check_jobs(jobs)
    if (n == 1 and not scheduler) or len(months) < 2:
        return model.nowcasts(data, months, release_day=release_day, progress=progress)
    parts = min(len(months), n if not scheduler else len(months))
    blocks = [months[b[0]: b[-1] + 1] for b in np.array_split(np.arange(len(months)), parts)]

    def done(job: tuple, out: dict) -> None:
        if progress is not None:
            for t in job[2]:
                progress(t)

    out: dict[pd.Period, Any] = {}
    for part in parallel_map(_chunk, [(model, data, b, release_day) for b in blocks], jobs=n, scheduler=scheduler,
                             on_result=done):
        out.update(part)
    return out


def run_backtest(
    model: _Model,
    data: Any,
    start: Any,
    end: Any,
    *,
    release_day: int | None = None,
    progress=None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> BacktestResult:
    """Backtest ``model`` over ``start..end`` on ``data`` (a Store, or a mapping id → MacroSeries).

    ``jobs`` > 1 runs blocks of months on that many processes (joblib), ``scheduler`` (a Dask
    scheduler address) on a cluster (:func:`~macrodesk.models.parallel.parallel_map`); the result
    is identical to the serial run.
    """
    months = month_range(start, end)
    src = collect(data, list(model.series_ids()) + [model.target.consensus_id])
    bench = benchmark_rows(src, model.target, months)
    model_data = {k: v for k, v in src.items() if k != model.target.consensus_id}
    ncs = _nowcasts(model, model_data, months, release_day, progress, jobs, scheduler)
    rows = bench.copy()
    cols: dict[str, list[float]] = {k: [] for k in ("nowcast", "nowcast_unrounded", "lower", "upper", "nowcast_mom")}
    reconciled: set[pd.Period] = set()
    failed: list[str] = []
    for t in months:
        nc = ncs.get(t)
        if nc is None or not getattr(nc, "computable", False):
            for k in cols:
                cols[k].append(np.nan)
            if nc is not None:
                failed.append(f"{t}: {nc.reason}")
            continue
        lo, hi = nc.interval()
        cols["nowcast"].append(nc.yoy_print)
        cols["nowcast_unrounded"].append(nc.yoy * 100)
        cols["lower"].append(lo)
        cols["upper"].append(hi)
        cols["nowcast_mom"].append(nc.mom * 100)
        reconciled.update(nc.reconciled)
    for k, v in cols.items():
        rows[k] = v
    mom = src.get(model.target.mom_id)
    rows["actual_mom"] = mom.data.reindex(months).to_numpy() if mom is not None and len(mom) else np.nan
    rows["error"] = rows["nowcast"] - rows["actual"]
    rows.index.name = "month"
    order = ["nowcast", "actual", "error", "consensus", "random_walk", "nowcast_unrounded", "lower", "upper",
             "nowcast_mom", "actual_mom"]
    sources = tuple(
        src[k].meta for k in (model.target.yoy_id, model.target.consensus_id) if k in src and len(src[k])
    )
    return BacktestResult(
        target=model.target,
        model=model.name,
        rows=rows[order],
        reconciled=tuple(sorted(reconciled)),
        failed=tuple(failed),
        sources=sources,
        release_day=model.release_day if release_day is None else int(release_day),
        inputs=tuple(k for k, v in src.items() if len(v)),
    )

