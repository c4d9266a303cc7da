"""Work in forked processes: the same code on the same state, so the same results as running it inline.

Two tools, both falling back to running inline (one process) when ``fork`` is not
available, when :func:`workers` is 1, or when a child fails for any reason:

* :func:`fork_map` — ``[fn(i) for i in range(n)]`` in up to ``workers`` forked processes;
  the children inherit the parent's objects (nothing is pickled on the way in, only the
  results on the way back).
* :func:`background` — start ``fn()`` in one forked child and carry on; ``.result()``
  waits for it (``.ready()`` tells whether it would wait, ``.discard()`` drops it). A child
  that raises is not trusted: the parent runs ``fn()`` itself, so the exception (or the
  value) is exactly the inline one.

``MACRODESK_WORKERS`` sets the number of processes (``1`` switches both off); the default
is ``min(2, CPUs)``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["WORKERS_ENV", "workers", "fork_map", "background", "Background"]

#: Environment variable: the number of processes (1: everything inline).
WORKERS_ENV = "MACRODESK_WORKERS"

_T = TypeVar("_T")


def workers() -> int:
    """Processes to use: :data:`WORKERS_ENV` if set to a whole number, else ``min(2, CPUs)``."""
    env = os.environ.get(WORKERS_ENV, "").strip()
    if env:
        try:
            return max(1, int(env))
        except ValueError:
            return 1
    return max(1, min(2, os.cpu_count() or 1))


def _fork_context() -> Any:
    import multiprocessing as mp

    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None


_job: Callable[[int], Any] | None = None  # what a forked fork_map worker runs (inherited, never pickled)


def _run_job(i: int) -> Any:
    assert _job is not None
    return _job(i)


def fork_map(fn: Callable[[int], _T], n: int, processes: int | None = None) -> list[_T]:
    """``[fn(i) for i in range(n)]``, in up to ``processes`` (default :func:`workers`) forked processes."""
    global _job
    k = workers() if processes is None else max(1, int(processes))
    ctx = _fork_context()
    if k > 1 and n > 1 and ctx is not None and _job is None:
        _job = fn
        try:
            with ctx.Pool(min(k, n)) as pool:
                return list(pool.map(_run_job, range(n), chunksize=1))
        except Exception:  # a child died or a result did not pickle: do it here
            pass
        finally:
            _job = None
    return [fn(i) for i in range(n)]


class Background(Generic[_T]):
    """``fn()`` running in a forked child (or not started, when inline); :meth:`result` gives its value."""

    def __init__(self, fn: Callable[[], _T], processes: int | None = None) -> None:
        self._fn = fn
        self._proc: Any = None
        self._conn: Any = None
        k = workers() if processes is None else max(1, int(processes))
        ctx = _fork_context()
        if k > 1 and ctx is not None:
            recv, send = ctx.Pipe(duplex=False)
            try:
                self._proc = ctx.Process(target=_child, args=(fn, send), daemon=True)
                self._proc.start()
            except Exception:  # pragma: no cover - no fork available after all
                self._proc = None
                recv.close()
            else:
                self._conn = recv
            finally:
                send.close()

    def result(self) -> _T:
        """The value of ``fn()``: the child's, or computed here when there is no child or it failed."""
        if self._proc is not None:
            try:
                ok, value = self._conn.recv()
            except Exception:  # the child died before sending, or the value did not unpickle
                ok, value = False, None
            finally:
                self._conn.close()
                self._proc.join()
                self._proc = None
            if ok:
                return value
        return self._fn()

    def ready(self) -> bool:
        """Whether :meth:`result` would return without waiting for the child (always, when inline)."""
        if self._proc is None:
            return True
        try:
            return bool(self._conn.poll()) or not self._proc.is_alive()
        except (OSError, ValueError):  # pragma: no cover - the pipe is gone
            return True

    def discard(self) -> None:
        """Not wanted after all: let a running child finish (its writes are whole) and drop its value.

        The value is read and thrown away rather than the pipe closed unread: a child whose value
        exceeds the pipe's buffer blocks on writing it, and closing this end does not free it when
        another forked process inherited the read end, so the join would wait for ever.
        """
        if self._proc is not None:
            try:
                self._conn.recv()
            except Exception:  # the child died before sending, or the value did not unpickle
                pass
            finally:
                self._conn.close()
                self._proc.join()
                self._proc = None


def _child(fn: Callable[[], Any], conn: Any) -> None:
    try:
        value = fn()
    except BaseException:
        conn.send((False, None))
    else:
        try:
            conn.send((True, value))
        except Exception:
            conn.send((False, None))
    finally:
        conn.close()


def background(fn: Callable[[], _T], processes: int | None = None) -> Background[_T]:
    """Start ``fn()`` in a forked child (see :class:`Background`)."""
    return Background(fn, processes)
