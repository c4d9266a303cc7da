"""The embedded DuckDB store: series metadata, observations and vintages.

One file holds everything. Each import that changes something writes a new
*vintage* (a numbered, time-stamped import); an observation row is only written
when its value is new or differs from the latest stored value, so re-importing
identical data is a no-op and a revised value sits beside the old one, which
stays readable through ``vintage=``. An import is one transaction: on any error
nothing is written. Observations are never deleted; a later file that lacks a
date leaves the stored value in place.

Tables::

    series(series_id PK, name_zh, name_en, unit, freq, source, origin,
           first_vintage, last_vintage)
    vintages(vintage PK, imported_at, label)
    observations(series_id, date, value, vintage)   PK (series_id, date, vintage)

Monthly, quarterly and annual observations are keyed by the period's last day
(2025-12 -> 2025-12-31); dated series by their observation date.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import duckdb
import numpy as np
import pandas as pd

from macrodesk._typing import PERIOD_FREQS
from macrodesk.exceptions import FrequencyError, StoreError, UnitError, UnknownSeriesError
from macrodesk.series._container import MacroSeries, SeriesMeta

__all__ = ["Store", "ImportSummary", "default_store_path"]

ENV_VAR = "MACRODESK_STORE"
_SCHEMA_VERSION = "1"
_TOL = 1e-9

_DDL = [
    "CREATE TABLE IF NOT EXISTS store_info(key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS series(
        series_id VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR, unit VARCHAR,
        freq VARCHAR, source VARCHAR, origin VARCHAR, first_vintage INTEGER, last_vintage INTEGER)""",
    "CREATE TABLE IF NOT EXISTS vintages(vintage INTEGER PRIMARY KEY, imported_at TIMESTAMP, label VARCHAR)",
    """CREATE TABLE IF NOT EXISTS observations(
        series_id VARCHAR, date DATE, value DOUBLE, vintage INTEGER,
        PRIMARY KEY (series_id, date, vintage))""",
]


def default_store_path() -> Path:
    """``$MACRODESK_STORE`` if set, else ``store.duckdb`` in the user data directory."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("macrodesk", appauthor=False)) / "store.duckdb"


@dataclass
class ImportSummary:
    """What an import did, per series: observations added and revised."""

    vintage: int | None
    added: dict[str, int] = field(default_factory=dict)
    revised: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    new_series: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.vintage is not None

    def to_dict(self) -> dict:
        return {
            "vintage": self.vintage,
            "new_series": self.new_series,
            "added": self.added,
            "revised": self.revised,
            "unchanged": self.unchanged,
        }


def _obs_frame(series: Sequence[MacroSeries]) -> pd.DataFrame:
    parts = []
    for s in series:
        obs = s.observations()
        if isinstance(obs.index, pd.PeriodIndex):
            dates = obs.index.to_timestamp(how="end").normalize()
        else:
            dates = pd.DatetimeIndex(obs.index)
        parts.append(
            pd.DataFrame({"series_id": s.id, "date": dates.date, "value": obs.to_numpy(dtype="float64")})
        )
    if not parts:
        return pd.DataFrame({"series_id": pd.Series(dtype=str), "date": pd.Series(dtype=object), "value": pd.Series(dtype=float)})
    return pd.concat(parts, ignore_index=True)


class Store:
    """A macrodesk store in one DuckDB file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            elif not self.path.exists():
                raise StoreError(f"store '{self.path}' does not exist; import data first (macrodesk data import …)")
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store '{self.path}': {exc}") from None
        if not read_only:
            for ddl in _DDL:
                self.con.execute(ddl)
            self.con.execute(
                "INSERT OR IGNORE INTO store_info VALUES ('schema_version', ?)", [_SCHEMA_VERSION]
            )

    # -- lifecycle --------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- metadata ---------------------------------------------------------
    def _meta_rows(self) -> dict[str, SeriesMeta]:
        rows = self.con.execute(
            "SELECT series_id, unit, freq, name_zh, name_en, source, origin FROM series"
        ).fetchall()
        return {r[0]: SeriesMeta(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "", r[6] or "") for r in rows}

    def meta(self, series_id: str) -> SeriesMeta:
        row = self.con.execute(
            "SELECT series_id, unit, freq, name_zh, name_en, source, origin FROM series WHERE series_id = ?",
            [series_id],
        ).fetchone()
        if row is None:
            raise UnknownSeriesError(series_id, self._suggest(series_id))
        return SeriesMeta(row[0], row[1], row[2], row[3] or "", row[4] or "", row[5] or "", row[6] or "")

    def has(self, series_id: str) -> bool:
        return (
            self.con.execute("SELECT 1 FROM series WHERE series_id = ?", [series_id]).fetchone() is not None
        )

    def _suggest(self, series_id: str) -> str:
        import difflib

        ids = [r[0] for r in self.con.execute("SELECT series_id FROM series").fetchall()]
        if not ids:
            return "the store is empty; import data first (macrodesk data import PATH, or macrodesk demo)"
        close = difflib.get_close_matches(series_id, ids, n=3, cutoff=0.6)
        if close:
            return "did you mean " + ", ".join(f"'{c}'" for c in close) + "? (macrodesk data list shows all)"
        return "macrodesk data list shows the stored series"

    def list(self) -> pd.DataFrame:
        """One row per series: id, names, unit, freq, first and last date, count, last vintage."""
        return self.con.execute(
            """
            WITH latest AS (
                SELECT series_id, date, value FROM observations
                QUALIFY row_number() OVER (PARTITION BY series_id, date ORDER BY vintage DESC) = 1)
            SELECT s.series_id, s.name_zh, s.name_en, s.unit, s.freq,
                   min(l.date) AS first, max(l.date) AS last, count(l.value) AS n,
                   s.last_vintage AS vintage, s.source
            FROM series s LEFT JOIN latest l USING (series_id)
            GROUP BY ALL ORDER BY s.series_id
            """
        ).df()

    def vintages(self) -> pd.DataFrame:
        return self.con.execute("SELECT vintage, imported_at, label FROM vintages ORDER BY vintage").df()

    # -- reading ----------------------------------------------------------
    def _vintage_limit(self, vintage: int | str | _dt.datetime | None) -> int | None:
        if vintage is None:
            return None
        if isinstance(vintage, (int, np.integer)):
            return int(vintage)
        bad = StoreError(
            f"vintage must be a vintage number or a time such as '2025-12-31' or '2025-12-31 18:00'; got {vintage!r}"
        )
        try:
            ts = pd.Timestamp(vintage)
        except (TypeError, ValueError):
            raise bad from None
        if pd.isna(ts):
            raise bad
        if len(str(vintage)) == 10:  # a plain date means the end of that day
            ts = ts + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
        row = self.con.execute(
            "SELECT max(vintage) FROM vintages WHERE imported_at <= ?", [ts.to_pydatetime()]
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def get(
        self,
        series_id: str,
        *,
        start: str | None = None,
        end: str | None = None,
        vintage: int | str | _dt.datetime | None = None,
    ) -> MacroSeries:
        """The series as stored; ``vintage`` (a vintage number, or a time) gives it as of an older import."""
        return self.get_many([series_id], start=start, end=end, vintage=vintage)[series_id]

    def get_many(
        self,
        series_ids: Iterable[str],
        *,
        start: str | None = None,
        end: str | None = None,
        vintage: int | str | _dt.datetime | None = None,
        missing: str = "raise",
    ) -> dict[str, MacroSeries]:
        """Several series at once. ``missing='skip'`` leaves unknown ids out instead of raising."""
        ids = list(dict.fromkeys(series_ids))
        metas = self._meta_rows()
        unknown = [i for i in ids if i not in metas]
        if unknown and missing == "raise":
            raise UnknownSeriesError(unknown[0], self._suggest(unknown[0]))
        ids = [i for i in ids if i in metas]
        if not ids:
            return {}
        limit = self._vintage_limit(vintage)
        sql = """
            SELECT series_id, date, value FROM observations
            WHERE series_id IN (SELECT unnest(?)) {vfilter}
            QUALIFY row_number() OVER (PARTITION BY series_id, date ORDER BY vintage DESC) = 1
            ORDER BY series_id, date
        """.format(vfilter="AND vintage <= ?" if limit is not None else "")
        params: list = [ids] + ([limit] if limit is not None else [])
        df = self.con.execute(sql, params).df()
        out: dict[str, MacroSeries] = {}
        groups = dict(tuple(df.groupby("series_id", sort=False))) if len(df) else {}
        for sid in ids:
            meta = metas[sid]
            g = groups.get(sid)
            if g is None:
                idx = pd.PeriodIndex([], freq=PERIOD_FREQS[meta.freq]) if meta.freq in PERIOD_FREQS else pd.DatetimeIndex([])
                s = MacroSeries(meta, pd.Series([], index=idx, dtype="float64"))
            else:
                s = MacroSeries(meta, pd.Series(g["value"].to_numpy(), index=pd.DatetimeIndex(g["date"])))
            if start is not None or end is not None:
                s = s.slice(start, end)
            out[sid] = s
        return out

    def history(self, series_id: str) -> pd.DataFrame:
        """Every stored value of a series with its vintage and import time (revisions included)."""
        self.meta(series_id)
        return self.con.execute(
            """SELECT o.date, o.value, o.vintage, v.imported_at, v.label
               FROM observations o JOIN vintages v USING (vintage)
               WHERE o.series_id = ? ORDER BY o.date, o.vintage""",
            [series_id],
        ).df()

    # -- writing ----------------------------------------------------------
    def check(self, series: Sequence[MacroSeries]) -> None:
        """Raise if any series clashes in unit or frequency with what is stored (writes nothing)."""
        stored = self._meta_rows()
        for s in series:
            old = stored.get(s.id)
            if old is None:
                continue
            if old.unit != s.unit:
                raise UnitError(
                    f"series '{s.id}' ({s.meta.origin or 'input'}): unit '{s.unit}' clashes with the stored "
                    f"unit '{old.unit}'; convert it or import under another id (a mapping file can set both)"
                )
            if old.freq != s.freq:
                raise FrequencyError(
                    f"series '{s.id}' ({s.meta.origin or 'input'}): frequency '{s.freq}' clashes with the "
                    f"stored frequency '{old.freq}'"
                )

    def write(self, series: Sequence[MacroSeries], *, label: str = "") -> ImportSummary:
        """Write series in one transaction; returns what was added and revised.

        Identical data is a no-op (no vintage is created). On any error the
        transaction is rolled back and the store is unchanged.
        """
        ids = [s.id for s in series]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise StoreError(f"series '{dup}' appears twice in one import; each id may appear once")
        self.check(series)
        incoming = _obs_frame(series)
        stored_meta = self._meta_rows()
        summary = ImportSummary(vintage=None)
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            con.register("incoming", incoming)
            diff = con.execute(
                f"""
                WITH latest AS (
                    SELECT series_id, date, value FROM observations
                    WHERE series_id IN (SELECT DISTINCT series_id FROM incoming)
                    QUALIFY row_number() OVER (PARTITION BY series_id, date ORDER BY vintage DESC) = 1)
                SELECT i.series_id, i.date, i.value,
                       CASE WHEN l.value IS NULL AND l.date IS NULL THEN 'added'
                            WHEN abs(i.value - l.value) > {_TOL} THEN 'revised'
                            ELSE 'unchanged' END AS status
                FROM incoming i LEFT JOIN latest l
                  ON i.series_id = l.series_id AND i.date = l.date
                """
            ).df()
            counts = diff.groupby(["series_id", "status"]).size()
            for key, n in counts.items():
                sid, status = cast(tuple[str, str], key)
                getattr(summary, status)[sid] = int(n)
            summary.new_series = [s.id for s in series if s.id not in stored_meta]
            meta_changed = [
                s for s in series if s.id in stored_meta and _meta_differs(stored_meta[s.id], s.meta)
            ]
            changes = diff[diff["status"] != "unchanged"]
            if len(changes) or summary.new_series or meta_changed:
                row = con.execute("SELECT coalesce(max(vintage), 0) + 1 FROM vintages").fetchone()
                vintage = int(row[0]) if row is not None else 1
                con.execute(
                    "INSERT INTO vintages VALUES (?, ?, ?)",
                    [vintage, _dt.datetime.now(), label[:1000]],
                )
                if len(changes):
                    con.register("changes", changes[["series_id", "date", "value"]])
                    con.execute(
                        "INSERT INTO observations SELECT series_id, date, value, ? FROM changes", [vintage]
                    )
                    con.unregister("changes")
                for s in series:
                    m = s.meta
                    if s.id in stored_meta:
                        old = stored_meta[s.id]
                        touched = s.id in summary.added or s.id in summary.revised or s in meta_changed
                        if not touched:
                            continue
                        con.execute(
                            """UPDATE series SET name_zh = ?, name_en = ?, source = ?, origin = ?,
                               last_vintage = ? WHERE series_id = ?""",
                            [m.name_zh or old.name_zh, m.name_en or old.name_en, m.source or old.source,
                             m.origin or old.origin, vintage, s.id],
                        )
                    else:
                        con.execute(
                            "INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [s.id, m.name_zh, m.name_en, m.unit, m.freq, m.source, m.origin, vintage, vintage],
                        )
                summary.vintage = vintage
            con.unregister("incoming")
            con.execute("COMMIT")
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        return summary


def _meta_differs(old: SeriesMeta, new: SeriesMeta) -> bool:
    for f in ("name_zh", "name_en", "source"):
        v = getattr(new, f)
        if v and v != getattr(old, f):
            return True
    return False
