"""The DuckDB backend: one embedded file (or ``:memory:``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from macrodesk.exceptions import StoreError
from macrodesk.series.store_backends import store_error

__all__ = ["DuckDBConnection", "connect", "memory"]


class DuckDBConnection:
    """The store's :class:`~macrodesk.series.store_backends.Connection` over a duckdb connection."""

    Error: type[Exception] = duckdb.Error
    kind = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.raw = con

    def execute(self, sql: str, params: Any = None) -> Any:
        return self.raw.execute(sql, params) if params is not None else self.raw.execute(sql)

    def begin(self) -> None:
        self.raw.execute("BEGIN TRANSACTION")

    def register(self, name: str, frame: pd.DataFrame) -> None:
        self.raw.register(name, frame)

    def unregister(self, name: str) -> None:
        self.raw.unregister(name)

    def tables(self) -> set[str]:
        rows = self.raw.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
        return {r[0] for r in rows}

    def close(self) -> None:
        self.raw.close()


def connect(path: Path, read_only: bool) -> DuckDBConnection:
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.exists():
            raise StoreError(f"store '{path}' does not exist; import data first (macrodesk data import …)")
        return DuckDBConnection(duckdb.connect(str(path), read_only=read_only))
    except OSError as exc:
        raise StoreError(f"cannot create the folder of store '{path}': {exc.strerror or exc}") from None
    except duckdb.Error as exc:
        raise store_error(path, exc, "open") from None


def memory() -> DuckDBConnection:
    """An empty in-memory database."""
    return DuckDBConnection(duckdb.connect(":memory:"))
