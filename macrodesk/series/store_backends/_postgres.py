"""The PostgreSQL backend (psycopg 3, optional extra ``postgres``).

The store's SQL uses ``?`` placeholders and ``unnest(?)`` over a list of ids; here they
become psycopg's ``%s`` and ``unnest(%s::varchar[])``. A write transaction takes a
transaction-scoped advisory lock first, so two writers (two analysts, a nightly job)
run one after the other and each sees what the other committed: nothing is lost and
vintage numbers stay consecutive. Readers are never blocked (MVCC). A store opened
read-only runs every transaction read-only. Data frames are registered as temporary
tables filled with COPY.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from macrodesk.exceptions import StoreError
from macrodesk.series.store_backends import display

__all__ = ["INSTALL_HINT", "PostgresConnection", "connect"]

INSTALL_HINT = 'a PostgreSQL store needs psycopg 3: pip install "macrodesk[postgres]"'
#: The advisory lock every write transaction holds (one per database: its stores' writers queue on it).
WRITE_LOCK = 0x6D6163726F  # "macro"

# type oids: date, timestamp, timestamptz; int2, int4, int8; float4, float8; bool
_DATES = {1082, 1114, 1184}
_INTS = {21: "Int16", 23: "Int32", 20: "Int64"}
_FLOATS = {700, 701}
_BOOL = 16


def _sql(sql: str) -> str:
    return sql.replace("%", "%%").replace("unnest(?)", "unnest(?::varchar[])").replace("?", "%s")


def _column(values: list, oid: int) -> pd.Series:
    if oid in _DATES:
        return pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype="datetime64[us]")
    if oid in _INTS:
        nullable = _INTS[oid]
        if any(v is None for v in values):
            return pd.Series(values, dtype=nullable)
        return pd.Series(values, dtype=nullable.lower())
    if oid in _FLOATS:
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if oid == _BOOL and not any(v is None for v in values):
        return pd.Series(values, dtype=bool)
    return pd.Series(values) if values else pd.Series(values, dtype=str)


class _Result:
    def __init__(self, cursor: Any) -> None:
        self.description = cursor.description
        self.rows = cursor.fetchall() if cursor.description is not None else []

    def fetchone(self) -> Any:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[Any]:
        return list(self.rows)

    def df(self) -> pd.DataFrame:
        cols = [d.name for d in self.description or []]
        data = {c: _column([r[i] for r in self.rows], d.type_code) for i, (c, d) in enumerate(zip(cols, self.description or []))}
        return pd.DataFrame(data, columns=cols)


def _pg_type(s: pd.Series) -> str:
    if pd.api.types.is_datetime64_any_dtype(s):
        return "TIMESTAMP"
    if pd.api.types.is_bool_dtype(s):
        return "BOOLEAN"
    if pd.api.types.is_integer_dtype(s):
        return "BIGINT"
    if pd.api.types.is_float_dtype(s):
        return "DOUBLE PRECISION"
    return "VARCHAR"


def _python(s: pd.Series) -> list:
    if pd.api.types.is_datetime64_any_dtype(s):
        return [None if pd.isna(v) else v.to_pydatetime() for v in s]
    return [None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else v for v in s.tolist()]


class PostgresConnection:
    """The store's :class:`~macrodesk.series.store_backends.Connection` over a psycopg connection."""

    kind = "postgresql"

    def __init__(self, con: Any, error: type[Exception]) -> None:
        self.raw = con
        self.Error: type[Exception] = error

    def execute(self, sql: str, params: Any = None) -> _Result:
        cur = self.raw.cursor()
        try:
            if params is None:
                cur.execute(sql)
            else:
                cur.execute(_sql(sql), list(params))
            return _Result(cur)
        finally:
            cur.close()

    def begin(self) -> None:
        self.raw.execute("BEGIN")
        self.raw.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])

    def register(self, name: str, frame: pd.DataFrame) -> None:
        from psycopg import sql

        cols = [str(c) for c in frame.columns]
        ident = sql.Identifier(name)
        self.raw.execute(sql.SQL("CREATE TEMPORARY TABLE {} ({})").format(
            ident, sql.SQL(", ").join(sql.SQL("{} " + _pg_type(frame[c])).format(sql.Identifier(c)) for c in cols)))
        columns = [_python(frame[c]) for c in cols]
        with self.raw.cursor() as cur:
            with cur.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(
                    ident, sql.SQL(", ").join(sql.Identifier(c) for c in cols))) as copy:
                for row in zip(*columns):
                    copy.write_row(row)

    def unregister(self, name: str) -> None:
        from psycopg import sql

        self.raw.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(name)))

    def tables(self) -> set[str]:
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
        return {r[0] for r in rows}

    def close(self) -> None:
        self.raw.close()


def connect(url: str, read_only: bool) -> PostgresConnection:
    try:
        import psycopg
    except ImportError:
        raise StoreError(f"cannot open store '{display(url)}': {INSTALL_HINT}") from None
    try:
        kwargs: dict[str, Any] = {"autocommit": True, "connect_timeout": 10}
        if read_only:  # added to the URL's own options (e.g. -csearch_path=…)
            given = psycopg.conninfo.conninfo_to_dict(url).get("options") or ""
            kwargs["options"] = f"{given} -c default_transaction_read_only=on".strip()
        con = psycopg.connect(url, **kwargs)
    except psycopg.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise StoreError(f"cannot open store '{display(url)}': {first}") from None
    return PostgresConnection(con, psycopg.Error)
