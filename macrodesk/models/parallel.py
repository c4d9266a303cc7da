"""Independent pieces of work on several cores (joblib) or on a Dask cluster.

:func:`parallel_map` runs ``fn(item)`` for every item and returns the results in the
items' order, whichever way they ran, so a parallel run gives exactly what the serial
run gives. ``jobs=1`` (the default) runs in this process; ``jobs=N`` uses N joblib worker
processes (optional extra ``parallel``); ``scheduler="tcp://host:8786"`` sends the work to a
running Dask scheduler and its workers (optional extra ``dask``): start one with
``dask scheduler`` and ``dask worker tcp://host:8786`` on each machine, each with
macrodesk installed. ``fn`` and the items must be picklable (module-level functions,
plain data).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from macrodesk.exceptions import ModelError

__all__ = ["DASK_HINT", "JOBLIB_HINT", "check_jobs", "parallel_map"]

JOBLIB_HINT = 'running on several cores (--jobs) needs joblib: pip install "macrodesk[parallel]"'
DASK_HINT = 'running on a Dask cluster (--scheduler) needs dask.distributed: pip install "macrodesk[dask]"'

_I = TypeVar("_I")
_R = TypeVar("_R")


def check_jobs(jobs: Any) -> int:
    """``jobs`` as a whole number of at least 1, else a ModelError saying so."""
    try:
        n = int(jobs)
        if n != jobs and str(n) != str(jobs).strip():
            raise ValueError
    except (TypeError, ValueError):
        raise ModelError(f"jobs must be a whole number of at least 1; got {jobs!r}") from None
    if n < 1:
        raise ModelError(f"jobs must be a whole number of at least 1; got {jobs!r}")
    return n


def parallel_map(
    fn: Callable[[_I], _R],
    items: Iterable[_I],
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    on_result: Callable[[_I, _R], None] | None = None,
) -> list[_R]:
    """``[fn(x) for x in items]``, on ``jobs`` processes or on the Dask ``scheduler``; ``on_result`` per item, in order."""
    todo = list(items)
    n = check_jobs(jobs)
    if scheduler:
        results = _dask(fn, todo, scheduler)
    elif n > 1 and len(todo) > 1:
        try:
            from joblib import Parallel, delayed
        except ImportError:
            raise ModelError(JOBLIB_HINT) from None
        results = []
        run = Parallel(n_jobs=min(n, len(todo)), return_as="generator")
        for x, r in zip(todo, run(delayed(fn)(x) for x in todo)):
            results.append(r)
            if on_result is not None:
                on_result(x, r)
        return results
    else:
        results = []
        for x in todo:
            r = fn(x)
            results.append(r)
            if on_result is not None:
                on_result(x, r)
        return results
    if on_result is not None:
        for x, r in zip(todo, results):
            on_result(x, r)
    return results


def _dask(fn: Callable[[Any], Any], todo: list, scheduler: str) -> list:
    try:
        from distributed import Client
    except ImportError:
        raise ModelError(DASK_HINT) from None
    try:
        client = Client(scheduler, timeout=30, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ModelError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from None
    try:
        futures = client.map(fn, todo, pure=False)
        return list(client.gather(futures))
    finally:
        client.close()
