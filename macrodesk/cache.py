"""The results cache: expensive results kept on disk, keyed by exactly what they were computed from.

A key is a SHA-256 over the inputs a result reads (:func:`fingerprint`: series ids,
metadata, periods and values; cut-off months; options) and over the code that
computed it (:func:`code_version`: the macrodesk version and a hash of every file of
the installed package, so an edited model or template misses too). An entry is a
pickle of the result; a hit returns an equal object, so a report built from cache is
byte-for-byte the report built without it.

The cache is off unless a caller switches it on for a block of work::

    with cache.use(cache.ResultsCache("store.duckdb.cache")):
        report = build_report("inflation-outlook", store)

Library calls and tests therefore never share results by accident. The command line
switches it on beside the store (``<store>.cache/``, or where the project file says).
It is bounded: after each write the least recently used entries are removed until
the folder is under ``max_bytes``. A folder that cannot be written (a read-only
store on a read-only disk) makes the cache a no-op, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import struct
import tempfile
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from macrodesk.series import MacroSeries

__all__ = [
    "DEFAULT_MAX_BYTES", "ResultsCache", "active", "cached", "code_version", "fingerprint", "use",
]

_R = TypeVar("_R")

#: Default bound of a cache folder: 512 MB.
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
_SUFFIX = ".pkl"
_CURRENT: ContextVar["ResultsCache | None"] = ContextVar("macrodesk_results_cache", default=None)
_CODE: list[str] = []


# ---------------------------------------------------------------- keys
def code_version() -> str:
    """The macrodesk version plus a hash of every file of the package (computed once per process)."""
    if not _CODE:
        import macrodesk

        root = Path(macrodesk.__file__).parent
        h = hashlib.sha256(macrodesk.__version__.encode())
        for p in sorted(root.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"):
                h.update(p.relative_to(root).as_posix().encode() + b"\0")
                h.update(p.read_bytes())
        _CODE.append(f"{macrodesk.__version__}+{h.hexdigest()[:16]}")
    return _CODE[0]


def _feed(h: Any, obj: Any) -> None:
    """Add a canonical, type-tagged encoding of ``obj`` to the hash ``h``."""
    if obj is None or isinstance(obj, (bool, int, str)):
        h.update(f"{type(obj).__name__}:{obj!r};".encode())
    elif isinstance(obj, float):
        h.update(b"f:" + struct.pack("<d", obj))
    elif isinstance(obj, bytes):
        h.update(b"b:%d:" % len(obj) + obj)
    elif isinstance(obj, MacroSeries):
        h.update(b"MS:")
        _feed(h, repr(obj.meta))
        _feed(h, obj.data)
    elif isinstance(obj, pd.Series):
        h.update(b"S:")
        _feed(h, str(obj.dtype))
        _feed(h, obj.name)
        _feed(h, obj.index)
        _feed(h, obj.to_numpy())
    elif isinstance(obj, pd.DataFrame):
        h.update(b"DF:")
        _feed(h, list(map(str, obj.columns)))
        _feed(h, obj.index)
        for c in obj.columns:
            _feed(h, obj[c].to_numpy())
    elif isinstance(obj, (pd.PeriodIndex, pd.DatetimeIndex)):
        h.update(b"TI:")
        _feed(h, str(obj.dtype))
        _feed(h, np.asarray(obj.asi8))  # int64 ordinals / nanoseconds: exact and fast
    elif isinstance(obj, pd.Index):
        h.update(b"I:")
        _feed(h, str(obj.dtype))
        _feed(h, [str(x) for x in obj])
    elif isinstance(obj, np.ndarray):
        if obj.dtype == object:
            _feed(h, [str(x) for x in obj.tolist()])
        else:
            a = np.ascontiguousarray(obj)
            h.update(f"A:{a.dtype.str}:{a.shape};".encode())
            h.update(a.tobytes())
    elif isinstance(obj, (pd.Period, pd.Timestamp, np.generic)):
        _feed(h, f"{type(obj).__name__}:{obj}")
    elif isinstance(obj, (list, tuple)):
        h.update(f"L{len(obj)}[".encode())
        for x in obj:
            _feed(h, x)
        h.update(b"]")
    elif isinstance(obj, dict):
        h.update(f"D{len(obj)}{{".encode())
        for k in sorted(obj, key=str):
            _feed(h, str(k))
            _feed(h, obj[k])
        h.update(b"}")
    elif isinstance(obj, Path):
        _feed(h, obj.read_bytes() if obj.is_file() else str(obj))
    else:
        raise TypeError(f"cannot fingerprint a {type(obj).__name__}; pass its inputs instead")


def fingerprint(*parts: Any) -> str:
    """A hex SHA-256 of ``parts``: MacroSeries, pandas/numpy data, periods, numbers, strings, lists, dicts.

    A :class:`~pathlib.Path` to a file is hashed by its content. Anything else raises
    TypeError, so a key never silently ignores an input.
    """
    h = hashlib.sha256()
    _feed(h, list(parts))
    return h.hexdigest()


# ---------------------------------------------------------------- the cache
@dataclass
class ResultsCache:
    """Pickled results in ``directory``, one file per key, bounded to ``max_bytes`` (least recently used out).

    ``hits``/``misses``/``writes`` count this object's lookups; ``writable`` turns False
    (and the cache into a no-op for writes) when the folder cannot be written.
    """

    directory: Path
    max_bytes: int = DEFAULT_MAX_BYTES
    hits: int = field(default=0, init=False)
    misses: int = field(default=0, init=False)
    writes: int = field(default=0, init=False)
    writable: bool = field(default=True, init=False)

    def __post_init__(self) -> None:
        self.directory = Path(self.directory)

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}{_SUFFIX}"

    def get(self, key: str) -> tuple[bool, Any]:
        """``(True, value)`` for a stored key, else ``(False, None)``; an unreadable entry counts as a miss."""
        p = self._path(key)
        try:
            with open(p, "rb") as fh:
                value = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            self.misses += 1
            return False, None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(p)  # recency for the bound
        return True, value

    def put(self, key: str, value: Any) -> bool:
        """Store ``value`` under ``key`` (atomically); False when the folder cannot be written."""
        if not self.writable:
            return False
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self._path(key))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            self.writable = False
            return False
        self.writes += 1
        self.prune()
        return True

    def entries(self) -> list[Path]:
        """The entry files, oldest use first."""
        try:
            files = [p for p in self.directory.iterdir() if p.suffix == _SUFFIX]
        except OSError:
            return []
        return sorted(files, key=lambda p: p.stat().st_mtime)

    def size(self) -> int:
        """Bytes held by the entries."""
        return sum(p.stat().st_size for p in self.entries())

    def prune(self) -> int:
        """Remove least recently used entries until the folder is under ``max_bytes``; return how many."""
        files = self.entries()
        total = sum(p.stat().st_size for p in files)
        removed = 0
        for p in files:
            if total <= self.max_bytes:
                break
            total -= p.stat().st_size
            with contextlib.suppress(OSError):
                p.unlink()
                removed += 1
        return removed

    def clear(self) -> int:
        """Remove every entry (and stray temporary files); return the number of entries removed."""
        n = 0
        try:
            files = list(self.directory.iterdir())
        except OSError:
            return 0
        for p in files:
            if p.suffix in (_SUFFIX, ".tmp"):
                with contextlib.suppress(OSError):
                    p.unlink()
                    n += p.suffix == _SUFFIX
        with contextlib.suppress(OSError):
            self.directory.rmdir()  # only if now empty
        return n

    def info(self) -> dict[str, Any]:
        """Folder, entry count, bytes, bound and the age of the newest entry."""
        files = self.entries()
        newest = max((p.stat().st_mtime for p in files), default=None)
        return {
            "dir": str(self.directory),
            "entries": len(files),
            "bytes": sum(p.stat().st_size for p in files),
            "max_bytes": self.max_bytes,
            "newest_age_s": None if newest is None else round(time.time() - newest, 1),
        }


@contextlib.contextmanager
def use(cache: ResultsCache | None) -> Iterator[ResultsCache | None]:
    """Make ``cache`` the active cache inside the block (None switches caching off)."""
    token = _CURRENT.set(cache)
    try:
        yield cache
    finally:
        _CURRENT.reset(token)


def active() -> ResultsCache | None:
    """The cache switched on by :func:`use`, or None."""
    return _CURRENT.get()


def cached(kind: str, parts: tuple[Any, ...], fn: Callable[[], _R]) -> _R:
    """``fn()``, or its cached result when the active cache holds ``kind`` computed from ``parts`` by this code.

    Without an active cache this is just ``fn()``. Exceptions are not cached.
    """
    cache = _CURRENT.get()
    if cache is None:
        return fn()
    key = fingerprint(kind, code_version(), *parts)
    hit, value = cache.get(key)
    if hit:
        return value
    value = fn()
    cache.put(key, value)
    return value
