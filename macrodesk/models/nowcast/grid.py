"""Backtest grids: models × targets × windows × release days, run serially, on processes or on Dask.

:func:`backtest_grid` runs each :class:`GridCell` as one task (the cell's months serially inside it)
through :func:`~macrodesk.models.parallel.parallel_map`; the results come back in the cells' order
and equal the serial run's, cell for cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from macrodesk.models.nowcast.data import collect
from macrodesk.models.nowcast.registry import make_model
from macrodesk.models.nowcast.results import BacktestResult
from macrodesk.models.parallel import parallel_map

__all__ = ["GridCell", "backtest_grid"]


@dataclass(frozen=True)
class GridCell:
    """One backtest of a grid: a model (``make_model`` name) for a target over ``start..end``."""

    model: str
    target: str
    start: str
    end: str
    release_day: int | None = None


def _cell(job: tuple[GridCell, dict]) -> BacktestResult:
    cell, data = job
    return make_model(cell.model, cell.target).backtest(data, cell.start, cell.end, release_day=cell.release_day)


def backtest_grid(data: Any, cells: Iterable[GridCell], *, jobs: int = 1, scheduler: str | None = None,
                  progress: Callable[[GridCell], None] | None = None) -> list[BacktestResult]:
    """Backtest every cell (models × targets × windows × release days), in the cells' order.

    Each cell runs serially inside one task; ``jobs``/``scheduler`` spread the cells over processes or
    a Dask cluster. The results equal those of the serial run, cell for cell.
    """
    todo = list(cells)
    ids: list[str] = []
    for c in todo:
        m = make_model(c.model, c.target)
        ids += [*m.series_ids(), m.target.consensus_id]
    src = collect(data, list(dict.fromkeys(ids)))
    return parallel_map(_cell, [(c, src) for c in todo], jobs=jobs, scheduler=scheduler,
                        on_result=(lambda job, _r: progress(job[0])) if progress is not None else None)
