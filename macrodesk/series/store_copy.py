"""Moving a store between backends (a DuckDB file, a PostgreSQL database) without losing anything.

:func:`copy_store` copies every table row for row (series metadata, vintages with their
import times and labels, every vintage of every value with its release date) into an empty
store in one transaction; :func:`dump` is the canonical content of a store (rows in key
order), so ``dump(a) == dump(b)`` says two stores hold the same thing whatever their backend.
"""

from __future__ import annotations

from typing import Any

from macrodesk.exceptions import StoreError
from macrodesk.series.store import Store

__all__ = ["TABLES", "copy_store", "dump"]

#: The store's tables with their columns; the first columns are the primary key (the dump's order).
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "series": (("series_id",), ("name_zh", "name_en", "unit", "freq", "source", "origin", "first_vintage",
                                "last_vintage", "key")),
    "vintages": (("vintage",), ("imported_at", "label")),
    "observations": (("series_id", "date", "vintage"), ("value", "released")),
}
_CASTS = {"date": "CAST(date AS DATE)", "released": "CAST(released AS DATE)", "imported_at": "CAST(imported_at AS TIMESTAMP)",
          "first_vintage": "CAST(first_vintage AS INTEGER)", "last_vintage": "CAST(last_vintage AS INTEGER)",
          "vintage": "CAST(vintage AS INTEGER)", "value": "CAST(value AS DOUBLE PRECISION)"}


def _select(table: str) -> str:
    key, rest = TABLES[table]
    return f"SELECT {', '.join(key + rest)} FROM {table} ORDER BY {', '.join(key)}"


def _current(store: Store) -> None:
    if store.schema_version < 2:
        raise StoreError(f"store '{store.path}' has store schema {store.schema_version}; open it writable once "
                         "(any macrodesk data command) to migrate it, then copy")


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (and the schema version), in key order: equal dumps mean equal stores."""
    _current(store)
    out = {t: [tuple(r) for r in store.con.execute(_select(t)).fetchall()] for t in TABLES}
    out["store_info"] = [tuple(r) for r in store.con.execute("SELECT key, value FROM store_info ORDER BY key").fetchall()]
    return out


def copy_store(source: Store, target: Store) -> dict[str, int]:
    """Copy everything in ``source`` into the empty store ``target`` (one transaction); rows copied per table.

    Refuses (StoreError, nothing written) when ``target`` already holds series or vintages.
    """
    _current(source)
    held = {t: target.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("series", "vintages")}
    if any(held.values()):
        raise StoreError(f"target store '{target.path}' is not empty ({held['series']} series, {held['vintages']} "
                         "vintages); copy into a new file or an empty database")

    def run() -> dict[str, int]:
        counts = {}
        for table, (key, rest) in TABLES.items():
            cols = key + rest
            frame = source.con.execute(_select(table)).df()
            target.con.register("copied_rows", frame)
            target.con.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(_CASTS.get(c, c) for c in cols)} "
                "FROM copied_rows"
            )
            target.con.unregister("copied_rows")
            counts[table] = len(frame)
        return counts

    return target._transaction(run)
