"""Where a store lives, and the one connection interface the store's SQL runs on.

:class:`~macrodesk.series.store.Store` writes its SQL once, in the dialect both
backends share (``DISTINCT ON``, ``ON CONFLICT``, ``?`` placeholders, data frames
registered by name); each backend module turns that into calls of its driver:

- :mod:`._duckdb`: an embedded DuckDB file (the default; one writer at a time).
- :mod:`._postgres`: a PostgreSQL database (``postgresql://user@host/db``, psycopg 3;
  writers are serialised by a transaction-scoped advisory lock, readers never wait).

Only these modules import ``duckdb`` or ``psycopg``; SQL text never comes from user input
(values are always bound parameters).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from macrodesk.exceptions import StoreError

__all__ = ["Connection", "Location", "connect", "display", "exists", "is_url", "location", "store_error"]

#: A store's location: a DuckDB file path, or a PostgreSQL URL (kept as text).
Location = Path | str

_URL = re.compile(r"^(postgresql|postgres)://", re.IGNORECASE)


def is_url(where: object) -> bool:
    """True for a PostgreSQL URL (``postgresql://…`` or ``postgres://…``)."""
    return isinstance(where, str) and bool(_URL.match(where.strip()))


def location(where: str | os.PathLike) -> Location:
    """A PostgreSQL URL as text (stripped), anything else as an expanded file path."""
    if isinstance(where, str) and is_url(where):
        return where.strip()
    return Path(where).expanduser()


def display(where: Location) -> str:
    """``where`` for messages: a URL with its password replaced by ``***``."""
    text = str(where)
    if is_url(text):
        return re.sub(r"^([^:/]+://[^:/@]*):[^@]*@", r"\1:***@", text)
    return text


class Result(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def df(self) -> pd.DataFrame: ...


class Connection(Protocol):
    """What the store needs of a database connection (both backends provide it)."""

    kind: str

    @property
    def Error(self) -> type[Exception]:
        """The driver's base error class."""

    def execute(self, sql: str, params: Any = None) -> Result: ...

    def begin(self) -> None:
        """Start a write transaction; a second writer waits until this one commits or rolls back."""

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Make ``frame`` readable as table ``name`` until :meth:`unregister` (inside a transaction)."""

    def unregister(self, name: str) -> None: ...

    def tables(self) -> set[str]:
        """The names of the tables in the store's schema."""

    def close(self) -> None: ...


def store_error(path: Any, exc: Exception, doing: str) -> StoreError:
    """A database error on the store as a :class:`StoreError` that says what to do: another process holds the file
    (busy: retry), the file or its folder is read-only, the disk is full; else the database's own words."""
    text = str(exc)
    low = text.lower()
    if "could not set lock" in low or "conflicting lock" in low:
        return StoreError(
            f"store '{path}' is busy: another macrodesk command is using it (an import, or a reader while this "
            "command writes); retry when it has finished"
        )
    if "permission denied" in low or "operation not permitted" in low or "read-only file system" in low:
        return StoreError(
            f"cannot {doing} store '{path}': the file or its folder is read-only ({_short(text)}); nothing was "
            "written. Make both writable, or read with commands that only read (data show, data list)"
        )
    if "no space left" in low or "file too large" in low or "disk is full" in low:
        return StoreError(f"cannot {doing} store '{path}': the disk is full ({_short(text)}); nothing was written")
    return StoreError(f"cannot {doing} store '{path}': {_short(text)}")


def _short(text: str, n: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


def connect(where: Location, read_only: bool) -> Connection:
    """A connection to the store at ``where`` (raises StoreError naming it when it cannot be opened)."""
    if isinstance(where, str) and is_url(where):
        from macrodesk.series.store_backends._postgres import connect as _pg

        return _pg(where, read_only)
    from macrodesk.series.store_backends._duckdb import connect as _duck

    return _duck(Path(where), read_only)


def exists(where: Location) -> bool:
    """True if a store is there: the file exists, or the database holds the store's tables."""
    if isinstance(where, str) and is_url(where):
        con = connect(where, read_only=True)
        try:
            return "store_info" in con.tables()
        finally:
            con.close()
    return Path(where).expanduser().exists()
