"""The store: series metadata, observations, vintages and release dates.

One DuckDB file (the default) or one PostgreSQL database (``postgresql://user@host/db``)
holds everything; the two backends (:mod:`macrodesk.series.store_backends`) share the
tables and the SQL below and behave the same. Each import that changes something writes a new
*vintage* (a numbered, time-stamped import); an observation row is only written
when its value is new or differs from the latest stored value, so re-importing
identical data is a no-op and a revised value sits beside the old one, which
stays readable through ``vintage=``. An import is one transaction: on any error
nothing is written. A later file that lacks a date leaves the stored value in
place. :meth:`Store.diff` says what an import would do without writing;
:meth:`Store.write` writes exactly that diff.

Release dates (point-in-time). An observation may carry the day it was
published (``released``). ``get(..., known_on=DATE)`` gives, per period, the
latest stored value that was public on that day: its release date is on or
before DATE, or, where the release date is unknown, its vintage was imported by
the end of that day (ALFRED-style). A release date arriving for a stored value
that had none (same value) is recorded on that stored row in place: it is not a
revision and creates no vintage (the summary counts it as ``released_recorded``).
A different release date for a value whose release date is already known is
ignored (the first one recorded stands); a revised value stores its own date.

Undo and removal. ``remove`` deletes series with all their vintages;
``undo(N)`` removes the rows vintage N wrote, so every value it added is gone
and every value it revised reads as before; it refuses when a later vintage
revised one of those values (undo that one first). Values that a later import
repeated unchanged were never stored again (a no-op), so they go with N.
Metadata (names, source) is not versioned and stays as it is. The undone
vintage keeps its number, marked ``[undone]`` in its label; numbers are never reused.

Tables (schema version 2; a version-1 file is migrated when opened writable and
read with unknown release dates when opened read-only)::

    store_info(key PK, value)                 schema_version
    series(series_id PK, name_zh, name_en, unit, freq, source, origin,
           first_vintage, last_vintage, key)  key: the vendor code read from
    vintages(vintage PK, imported_at, label)
    observations(series_id, date, value, vintage, released)   PK (series_id, date, vintage)

Monthly, quarterly and annual observations are keyed by the period's last day
(2025-12 -> 2025-12-31); dated series by their observation date.
"""

from __future__ import annotations

import builtins
import dataclasses
import datetime as _dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from macrodesk._typing import PERIOD_FREQS
from macrodesk.exceptions import DataError, FrequencyError, StoreError, UnitError, UnknownSeriesError
from macrodesk.series._container import MacroSeries, SeriesMeta, check_id
from macrodesk.series.periods import read_period_text
from macrodesk.series.store_backends import Connection, Location, connect, display, is_url, location, store_error

__all__ = [
    "Store", "ImportSummary", "ImportDiff", "SeriesDiff", "NewObservation", "Revision", "ReleaseDate",
    "default_store_path",
]

ENV_VAR = "MACRODESK_STORE"
_SCHEMA_VERSION = 2
_TOL = 1e-9
_T = TypeVar("_T")

_DDL = [
    "CREATE TABLE IF NOT EXISTS store_info(key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS series(
        series_id VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR, unit VARCHAR,
        freq VARCHAR, source VARCHAR, origin VARCHAR, first_vintage INTEGER, last_vintage INTEGER,
        key VARCHAR DEFAULT '')""",
    "CREATE TABLE IF NOT EXISTS vintages(vintage INTEGER PRIMARY KEY, imported_at TIMESTAMP, label VARCHAR)",
    """CREATE TABLE IF NOT EXISTS observations(
        series_id VARCHAR, date DATE, value DOUBLE PRECISION, vintage INTEGER, released DATE,
        PRIMARY KEY (series_id, date, vintage))""",
]
_MIGRATE_1_TO_2 = [
    "ALTER TABLE series ADD COLUMN key VARCHAR DEFAULT ''",
    "ALTER TABLE observations ADD COLUMN released DATE",
]


def default_store_path() -> Location:
    """``$MACRODESK_STORE`` if set (a file, or a ``postgresql://`` URL), else ``store.duckdb`` in the user data directory."""
    env = os.environ.get(ENV_VAR)
    if env:
        return location(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("macrodesk", appauthor=False)) / "store.duckdb"


def _iso(d: Any) -> str | None:
    return None if d is None or pd.isna(d) else str(pd.Timestamp(d).date())


def _isos(dates: pd.Series) -> list[str | None]:
    """:func:`_iso` of each date in a column (None where missing), at column speed."""
    d = pd.DatetimeIndex(dates)
    return [None if missing else t for t, missing in zip(d.strftime("%Y-%m-%d").tolist(), d.isna().tolist())]


@dataclass(frozen=True)
class NewObservation:
    """A period not stored before: its value and the series' previous observation (stored or incoming)."""

    period: str
    value: float
    prior_period: str | None
    prior_value: float | None
    released: str | None = None

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Revision:
    """A stored value that changes: the latest stored value with its vintage, and the new one."""

    period: str
    old_value: float
    old_vintage: int
    new_value: float
    old_released: str | None = None
    released: str | None = None

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class ReleaseDate:
    """A release date recorded for a stored value that had none (same value: not a revision)."""

    period: str
    value: float
    vintage: int
    released: str

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass
class SeriesDiff:
    """What an import would change in one series."""

    series_id: str
    new_series: bool
    unit: str
    freq: str
    name_zh: str = ""
    name_en: str = ""
    source: str = ""
    origin: str = ""
    key: str = ""
    meta_changes: dict[str, tuple[str, str]] = field(default_factory=dict)
    added: list[NewObservation] = field(default_factory=list)
    revised: list[Revision] = field(default_factory=list)
    dated: list[ReleaseDate] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        """True if writing it needs a new vintage (new series, new or revised values, new names)."""
        return bool(self.new_series or self.added or self.revised or self.meta_changes)

    def to_dict(self) -> dict:
        return {
            "series_id": self.series_id, "new_series": self.new_series, "unit": self.unit, "freq": self.freq,
            "name_zh": self.name_zh, "name_en": self.name_en, "source": self.source, "origin": self.origin,
            "key": self.key,
            "meta_changes": {k: {"old": o, "new": n} for k, (o, n) in self.meta_changes.items()},
            "added": [o.to_dict() for o in self.added],
            "revised": [r.to_dict() for r in self.revised],
            "released_recorded": [r.to_dict() for r in self.dated],
            "unchanged": self.unchanged,
        }


@dataclass
class ImportDiff:
    """What writing some series would do, per series; :meth:`Store.write` writes exactly this."""

    series: list[SeriesDiff] = field(default_factory=list)
    _rows: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False, compare=False)
    _dated: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False, compare=False)

    @property
    def changed(self) -> bool:
        return any(d.changed for d in self.series)

    def get(self, series_id: str) -> SeriesDiff:
        for d in self.series:
            if d.series_id == series_id:
                return d
        raise KeyError(series_id)

    def totals(self) -> dict[str, int]:
        return {
            "series": len(self.series),
            "new_series": sum(d.new_series for d in self.series),
            "added": sum(len(d.added) for d in self.series),
            "revised": sum(len(d.revised) for d in self.series),
            "released_recorded": sum(len(d.dated) for d in self.series),
            "unchanged": sum(d.unchanged for d in self.series),
            "meta_changed": sum(bool(d.meta_changes) for d in self.series),
        }

    def to_dict(self) -> dict:
        return {"totals": self.totals(), "series": [d.to_dict() for d in self.series]}


@dataclass
class ImportSummary:
    """What an import did, per series: observations added and revised, release dates recorded."""

    vintage: int | None
    added: dict[str, int] = field(default_factory=dict)
    revised: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    new_series: list[str] = field(default_factory=list)
    released_recorded: dict[str, int] = field(default_factory=dict)
    diff: ImportDiff | None = field(default=None, repr=False, compare=False)

    @property
    def changed(self) -> bool:
        return self.vintage is not None

    @classmethod
    def from_diff(cls, diff: ImportDiff, vintage: int | None) -> "ImportSummary":
        def counts(attr: str) -> dict[str, int]:
            return {d.series_id: len(getattr(d, attr)) for d in diff.series if getattr(d, attr)}

        return cls(
            vintage=vintage, added=counts("added"), revised=counts("revised"),
            unchanged={d.series_id: d.unchanged for d in diff.series if d.unchanged},
            new_series=[d.series_id for d in diff.series if d.new_series],
            released_recorded=counts("dated"), diff=diff,
        )

    def to_dict(self) -> dict:
        return {
            "vintage": self.vintage,
            "new_series": self.new_series,
            "added": self.added,
            "revised": self.revised,
            "unchanged": self.unchanged,
            "released_recorded": self.released_recorded,
        }


def _obs_frame(series: Sequence[MacroSeries]) -> pd.DataFrame:
    ids: list[np.ndarray] = []
    dates: list[np.ndarray] = []
    values: list[np.ndarray] = []
    released: list[np.ndarray] = []
    for s in series:  # arrays per series, one frame at the end (a frame per series is slow for a big import)
        obs = s.observations()
        rel = s.released_observations()
        if isinstance(obs.index, pd.PeriodIndex):  # the period's last day (numpy floor: no frequency inference)
            d = obs.index.to_timestamp(how="end").to_numpy().astype("datetime64[D]")
        else:
            d = pd.DatetimeIndex(obs.index).to_numpy()
        ids.append(np.full(len(obs), s.id, dtype=object))
        dates.append(d.astype("datetime64[ns]"))
        values.append(obs.to_numpy(dtype="float64"))
        released.append(pd.DatetimeIndex(rel.to_numpy()).as_unit("ns").to_numpy())
    if not ids:
        return pd.DataFrame({
            "series_id": pd.Series(dtype=str), "date": pd.Series(dtype="datetime64[ns]"),
            "value": pd.Series(dtype=float), "released": pd.Series(dtype="datetime64[ns]"),
        })
    return pd.DataFrame({
        "series_id": pd.Series(np.concatenate(ids), dtype=str),
        "date": np.concatenate(dates).astype("datetime64[ns]"),
        "value": np.concatenate(values),
        "released": np.concatenate(released).astype("datetime64[ns]"),
    })


def _keys(dates: pd.Series, freqs: pd.Series) -> np.ndarray:
    """Period keys as in :func:`period_key` ('2025-12', '2025Q4', '2025', or an ISO date) for dates by freq."""
    d = pd.DatetimeIndex(dates)
    out = np.asarray(d.strftime("%Y-%m-%d"), dtype=object)
    f = freqs.to_numpy()
    for code, fmt in (("M", "%Y-%m"), ("A", "%Y")):
        m = f == code
        if m.any():
            out[m] = np.asarray(d[m].strftime(fmt), dtype=object)
    q = f == "Q"
    if q.any():
        out[q] = [f"{y}Q{n}" for y, n in zip(d[q].year, d[q].quarter)]
    return out


def _as_date(text: object, what: str) -> _dt.date:
    bad = StoreError(f"{what} must be a date such as 2025-11-09; got {text!r}")
    try:
        ts = pd.Timestamp(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise bad from None
    if pd.isna(ts):
        raise bad
    return ts.date()


class Store:
    """A macrodesk store: a DuckDB file, or a PostgreSQL database given as a ``postgresql://`` URL.

    Use as a context manager or call :meth:`close`. ``path`` is the file (a Path) or, for
    PostgreSQL, the URL with its password masked (for messages).
    """

    con: Connection

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False) -> None:
        loc = location(path) if path is not None else default_store_path()
        self.location = loc
        self.path: Path | str = display(loc) if is_url(loc) else Path(loc)
        self.con = connect(loc, read_only)
        try:
            self.schema_version = self._open_schema(read_only)
        except BaseException:
            self.con.close()
            raise

    @classmethod
    def in_memory(cls) -> "Store":
        """An empty store that lives in memory only (e.g. to diff against nothing without creating a file)."""
        st = cls.__new__(cls)
        from macrodesk.series.store_backends._duckdb import memory

        st.path = st.location = Path(":memory:")
        st.con = memory()
        st.schema_version = st._open_schema(False)
        return st

    def _open_schema(self, read_only: bool) -> int:
        """The file's schema version: checked, created or migrated (writable only)."""
        tables = self.con.tables()
        version: int | None = None
        if "store_info" in tables:
            row = self.con.execute("SELECT value FROM store_info WHERE key = 'schema_version'").fetchone()
            if row is not None:
                try:
                    version = int(row[0])
                except (TypeError, ValueError):
                    raise StoreError(f"store '{self.path}' has an unreadable schema version {row[0]!r}") from None
        if version is not None and version > _SCHEMA_VERSION:
            raise StoreError(
                f"store '{self.path}' was written by a newer macrodesk (store schema {version}; this version "
                f"reads up to {_SCHEMA_VERSION}); upgrade macrodesk (pip install -U macrodesk)"
            )
        if read_only:
            if version is None:
                raise StoreError(f"'{self.path}' is not a macrodesk store (no store_info table)")
            return version
        if version is None:
            self._transaction(self._create)
        elif version < _SCHEMA_VERSION:
            self._transaction(lambda: self._migrate(version))
        return _SCHEMA_VERSION

    def _create(self) -> None:
        for ddl in _DDL:
            self.con.execute(ddl)
        self.con.execute(
            """INSERT INTO store_info VALUES ('schema_version', ?)
               ON CONFLICT (key) DO UPDATE SET value = excluded.value""", [str(_SCHEMA_VERSION)]
        )

    def _migrate(self, version: int) -> None:
        if version < 2:
            for sql in _MIGRATE_1_TO_2:
                self.con.execute(sql)
        self.con.execute("UPDATE store_info SET value = ? WHERE key = 'schema_version'", [str(_SCHEMA_VERSION)])

    @property
    def _rel(self) -> str:
        """The observations' release-date column (unknown in a version-1 file opened read-only)."""
        return "o.released" if self.schema_version >= 2 else "CAST(NULL AS DATE)"

    @property
    def _key(self) -> str:
        return "coalesce(key, '')" if self.schema_version >= 2 else "''"

    def _transaction(self, fn: Callable[[], _T]) -> _T:
        """``fn()`` in one transaction: all of it is written, or (on any error) nothing."""
        con = self.con
        try:
            con.begin()
            out = fn()
            con.execute("COMMIT")
        except BaseException as exc:
            try:
                con.execute("ROLLBACK")
            except con.Error:
                pass
            if isinstance(exc, con.Error):  # a folder that cannot be written, a full disk …
                raise store_error(self.path, exc, "write") from None
            raise
        return out

    # -- lifecycle --------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- metadata ---------------------------------------------------------
    def _meta_sql(self) -> str:
        return f"SELECT series_id, unit, freq, name_zh, name_en, source, origin, {self._key} FROM series"

    @staticmethod
    def _meta_of(r: tuple) -> SeriesMeta:
        return SeriesMeta(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "", r[6] or "", r[7] or "")

    def _meta_rows(self) -> dict[str, SeriesMeta]:
        return {r[0]: self._meta_of(r) for r in self.con.execute(self._meta_sql()).fetchall()}

    def meta(self, series_id: str) -> SeriesMeta:
        row = self.con.execute(self._meta_sql() + " WHERE series_id = ?", [series_id]).fetchone()
        if row is None:
            raise UnknownSeriesError(series_id, self._suggest(series_id))
        return self._meta_of(row)

    def has(self, series_id: str) -> bool:
        return (
            self.con.execute("SELECT 1 FROM series WHERE series_id = ?", [series_id]).fetchone() is not None
        )

    def _suggest(self, series_id: str) -> str:
        import difflib

        ids = [r[0] for r in self.con.execute("SELECT series_id FROM series").fetchall()]
        if not ids:
            return "the store is empty; import data first (macrodesk data import PATH, or macrodesk demo)"
        # ids are lower case: CPI_YOY finds cpi_yoy
        lower = {i.lower(): i for i in ids}
        close = [lower[c] for c in difflib.get_close_matches(series_id.lower(), list(lower), n=3, cutoff=0.6)]
        if close:
            return "did you mean " + ", ".join(f"'{c}'" for c in close) + "? (macrodesk data list shows all)"
        return "macrodesk data list shows the stored series"

    def list(self) -> pd.DataFrame:
        """One row per series: id, names, unit, freq, first and last date, count, last vintage."""
        return self.con.execute(
            """
            WITH latest AS (
                SELECT DISTINCT ON (series_id, date) series_id, date, value FROM observations
                ORDER BY series_id, date, vintage DESC)
            SELECT s.series_id, s.name_zh, s.name_en, s.unit, s.freq,
                   min(l.date) AS first, max(l.date) AS last, count(l.value) AS n,
                   s.last_vintage AS vintage, s.source
            FROM series s LEFT JOIN latest l USING (series_id)
            GROUP BY s.series_id, s.name_zh, s.name_en, s.unit, s.freq, s.last_vintage, s.source
            ORDER BY s.series_id
            """
        ).df()

    def digest(self, series_ids: Iterable[str]) -> str:
        """A short text that changes whenever anything stored for ``series_ids`` changes.

        It covers every stored row of those series (values, dates, vintages, release
        dates, all revisions) and their metadata, hashed by the database without
        reading the data out: a cheap "has anything changed since" check. Two digests
        can only be equal for different contents by a 64-bit hash collision.
        """
        ids = sorted(dict.fromkeys(series_ids))
        obs = self.con.execute(
            """SELECT count(*), coalesce(sum(hash(series_id, date, value, vintage, released)), 0)
               FROM observations WHERE series_id IN (SELECT unnest(?))""", [ids]).fetchone()
        meta = self.con.execute(
            """SELECT count(*), coalesce(sum(hash(series_id, name_zh, name_en, unit, freq, source, origin,
                                                   first_vintage, last_vintage, key)), 0)
               FROM series WHERE series_id IN (SELECT unnest(?))""", [ids]).fetchone()
        return f"{len(ids)}:{obs[0] if obs else 0}:{obs[1] if obs else 0}:{meta[0] if meta else 0}:{meta[1] if meta else 0}"

    def vintages(self) -> pd.DataFrame:
        return self.con.execute("SELECT vintage, imported_at, label FROM vintages ORDER BY vintage").df()

    # -- reading ----------------------------------------------------------
    def _vintage_number(self, number: int) -> int:
        """``number`` if the store has had that many imports; a :class:`StoreError` for one it never had."""
        row = self.con.execute("SELECT max(vintage) FROM vintages").fetchone()
        last = int(row[0]) if row and row[0] is not None else 0
        if number > last:
            raise StoreError(f"no vintage {number}: the store's imports are numbered 1..{last} "
                             "(macrodesk data history ID shows each value's vintage)")
        return number

    def _vintage_limit(self, vintage: int | str | _dt.datetime | None) -> int | None:
        if vintage is None:
            return None
        if isinstance(vintage, (int, np.integer)):
            return self._vintage_number(int(vintage))
        bad = StoreError(
            f"vintage must be a vintage number or a time such as '2025-12-31' or '2025-12-31 18:00'; got {vintage!r}"
        )
        text = str(vintage).strip()
        if isinstance(vintage, str) and text.isdigit() and len(text) < 8:
            return self._vintage_number(int(text))
        try:
            day = read_period_text(text) if isinstance(vintage, str) else None
        except ValueError:
            raise bad from None
        if isinstance(vintage, str) and (day is None or day.freqstr[0] != "D" or not 1000 <= day.year <= 9999):
            raise bad  # not 'today', 'now', a month or year 0
        try:
            ts = pd.Timestamp(vintage)
        except (TypeError, ValueError, OverflowError):
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
        known_on: str | _dt.date | None = None,
    ) -> MacroSeries:
        """The series as stored; ``vintage`` (a vintage number, or a time) gives it as of an older import.

        ``known_on`` (a date) gives what was published by that day: per period the latest
        value released on or before it (where the release date is unknown: imported by then).
        """
        return self.get_many([series_id], start=start, end=end, vintage=vintage, known_on=known_on)[series_id]

    def get_many(
        self,
        series_ids: Iterable[str],
        *,
        start: str | None = None,
        end: str | None = None,
        vintage: int | str | _dt.datetime | None = None,
        known_on: str | _dt.date | None = None,
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
        day = _as_date(known_on, "known_on") if known_on is not None else None
        where = ""
        params: builtins.list[Any] = [ids]
        if limit is not None:
            where += " AND o.vintage <= ?"
            params.append(limit)
        if day is not None:
            where += f" AND coalesce({self._rel}, CAST(v.imported_at AS DATE)) <= ?"
            params.append(day)
        sql = f"""
            SELECT DISTINCT ON (o.series_id, o.date) o.series_id, o.date, o.value, {self._rel} AS released
            FROM observations o {"JOIN vintages v USING (vintage)" if day is not None else ""}
            WHERE o.series_id IN (SELECT unnest(?)) {where}
            ORDER BY o.series_id, o.date, o.vintage DESC
        """
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
                dates = pd.DatetimeIndex(g["date"])
                rel = pd.Series(pd.to_datetime(g["released"]).to_numpy(), index=dates)
                s = MacroSeries(meta, pd.Series(g["value"].to_numpy(), index=dates), rel)
            if start is not None or end is not None:
                s = s.slice(start, end)
            out[sid] = s
        return out

    def history(self, series_id: str) -> pd.DataFrame:
        """Every stored value of a series with its vintage, import time and release date (revisions included)."""
        self.meta(series_id)
        return self.con.execute(
            f"""SELECT o.date, o.value, o.vintage, v.imported_at, v.label, {self._rel} AS released
               FROM observations o JOIN vintages v USING (vintage)
               WHERE o.series_id = ? ORDER BY o.date, o.vintage""",
            [series_id],
        ).df()

    def changes(self, vintage: int) -> pd.DataFrame:
        """What import ``vintage`` wrote, one row per value: ``series_id``, ``period``, ``value``, ``released``
        (ISO date or None), the value it replaced (``old_value``, ``old_vintage``; NaN for a new period),
        the series' previous period and its value as of that import (``prior_period``, ``prior_value``).
        Only series stored before that import are listed (a first import is
        history, not news: :meth:`new_series` names the series it brought). Empty for an unknown vintage."""
        v = int(vintage)
        df = self.con.execute(
            f"""WITH touched AS (SELECT series_id FROM series WHERE series_id IN
                                 (SELECT series_id FROM observations WHERE vintage = ?) AND first_vintage < ?),
                cur AS (SELECT DISTINCT ON (o.series_id, o.date) o.series_id, o.date, o.value, o.vintage
                        FROM observations o
                        WHERE o.vintage <= ? AND o.series_id IN (SELECT series_id FROM touched)
                        ORDER BY o.series_id, o.date, o.vintage DESC),
                lagged AS (SELECT series_id, date, vintage,
                                  lag(date) OVER (PARTITION BY series_id ORDER BY date) AS prior_date,
                                  lag(value) OVER (PARTITION BY series_id ORDER BY date) AS prior_value FROM cur),
                old AS (SELECT DISTINCT ON (o.series_id, o.date) o.series_id, o.date, o.value, o.vintage
                        FROM observations o
                        WHERE o.vintage < ? AND o.series_id IN (SELECT series_id FROM touched)
                        ORDER BY o.series_id, o.date, o.vintage DESC)
                SELECT n.series_id, n.date, n.value, {"n.released" if self.schema_version >= 2 else "CAST(NULL AS DATE)"} AS released,
                       old.value AS old_value, old.vintage AS old_vintage, l.prior_date, l.prior_value, s.freq
                FROM observations n JOIN series s USING (series_id)
                JOIN touched t ON t.series_id = n.series_id
                JOIN lagged l ON l.series_id = n.series_id AND l.date = n.date AND l.vintage = n.vintage
                LEFT JOIN old ON old.series_id = n.series_id AND old.date = n.date
                WHERE n.vintage = ? ORDER BY n.series_id, n.date""",
            [v, v, v, v, v],
        ).df()
        cols = ["series_id", "period", "value", "released", "old_value", "old_vintage", "prior_period",
                "prior_value"]
        if df.empty:
            return pd.DataFrame(columns=cols)
        df["period"] = _keys(df["date"], df["freq"])
        has_prior = df["prior_date"].notna()
        df["prior_period"] = None
        if has_prior.any():
            df.loc[has_prior, "prior_period"] = _keys(df.loc[has_prior, "prior_date"], df.loc[has_prior, "freq"])
        df["released"] = [_iso(d) for d in df["released"]]
        return df[cols]

    def new_series(self, vintage: int) -> "builtins.list[str]":
        """The ids of the series import ``vintage`` brought."""
        return [r[0] for r in self.con.execute(
            "SELECT series_id FROM series WHERE first_vintage = ? ORDER BY series_id", [int(vintage)]).fetchall()]

    def last_vintage(self) -> int | None:
        """The latest import that is not undone (None for an empty store)."""
        row = self.con.execute(
            "SELECT max(vintage) FROM vintages WHERE coalesce(label, '') NOT LIKE '[undone]%'"
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def last_released(self, series_ids: Iterable[str]) -> "dict[str, tuple[_dt.date, _dt.date | None]]":
        """Per series, its last observed date and that value's release date (None where unknown), in
        one query: what a release calendar needs without reading whole series. Unknown ids are left out."""
        ids = [i for i in dict.fromkeys(series_ids)]
        if not ids:
            return {}
        rows = self.con.execute(
            f"""WITH latest AS (
                    SELECT o.series_id, o.date, o.value, {self._rel} AS released FROM observations o
                    WHERE o.series_id IN (SELECT unnest(?))
                    QUALIFY row_number() OVER (PARTITION BY o.series_id, o.date ORDER BY o.vintage DESC) = 1)
                SELECT series_id, date, released FROM latest WHERE value IS NOT NULL
                QUALIFY row_number() OVER (PARTITION BY series_id ORDER BY date DESC) = 1""", [ids]).fetchall()
        return {str(sid): (pd.Timestamp(d).date(), None if r is None else pd.Timestamp(r).date()) for sid, d, r in rows}

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

    def diff(self, series: Sequence[MacroSeries]) -> ImportDiff:
        """What :meth:`write` would do with ``series``, per series (writes nothing).

        Raises as ``write`` would (an id twice, a unit or frequency clash).
        """
        ids = [s.id for s in series]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise StoreError(f"series '{dup}' appears twice in one import; each id may appear once")
        stored_meta = self._meta_rows()
        self.check(series)
        incoming = _obs_frame(series)
        stored = self.con.execute(
            f"""SELECT DISTINCT ON (o.series_id, o.date) o.series_id, o.date, o.value, o.vintage,
                       {self._rel} AS released FROM observations o
                WHERE o.series_id IN (SELECT unnest(?))
                ORDER BY o.series_id, o.date, o.vintage DESC""",
            [ids],
        ).df()
        stored["date"] = pd.to_datetime(stored["date"]).astype("datetime64[ns]")
        stored["released"] = pd.to_datetime(stored["released"]).astype("datetime64[ns]")
        freq_of = {s.id: s.freq for s in series}
        m = incoming.merge(stored, on=["series_id", "date"], how="left", suffixes=("", "_old"), indicator=True)
        is_new = (m["_merge"] == "left_only").to_numpy()
        revised = ~is_new & ((m["value"] - m["value_old"]).abs() > _TOL).to_numpy()
        same = ~is_new & ~revised
        dated = same & m["released"].notna().to_numpy() & m["released_old"].isna().to_numpy()
        m["period"] = _keys(m["date"], m["series_id"].map(freq_of)) if len(m) else []

        # the previous observation of each new one, in the stored values overlaid with the incoming
        both = pd.concat([stored[["series_id", "date", "value"]], incoming[["series_id", "date", "value"]]])
        both = both.drop_duplicates(["series_id", "date"], keep="last").sort_values(["series_id", "date"])
        both["prior_date"] = both.groupby("series_id")["date"].shift()
        both["prior_value"] = both.groupby("series_id")["value"].shift()
        new = m[is_new].merge(both[["series_id", "date", "prior_date", "prior_value"]], on=["series_id", "date"],
                              how="left")
        new["prior_period"] = _keys(new["prior_date"].fillna(new["date"]), new["series_id"].map(freq_of)) \
            if len(new) else []

        out = ImportDiff()
        by_id: dict[str, SeriesDiff] = {}
        for s in series:
            old = stored_meta.get(s.id)
            mt = s.meta
            d = SeriesDiff(
                s.id, old is None, s.unit, s.freq, mt.name_zh or (old.name_zh if old else ""),
                mt.name_en or (old.name_en if old else ""), mt.source or (old.source if old else ""),
                mt.origin, mt.key or (old.key if old else ""),
            )
            if old is not None:
                d.meta_changes = _meta_changes(old, mt)
            by_id[s.id] = d
            out.series.append(d)
        # column lists, not row dicts: a first import of the whole sample adds 200,000 observations
        has_prior = new["prior_date"].notna().to_numpy()
        for sid, period, value, prior_period, prior_value, prior, released in zip(
                new["series_id"].tolist(), new["period"].tolist(), new["value"].tolist(),
                new["prior_period"].tolist(), new["prior_value"].tolist(), has_prior.tolist(),
                _isos(new["released"])):
            by_id[sid].added.append(NewObservation(
                period, float(value), prior_period if prior else None, float(prior_value) if prior else None,
                released,
            ))
        rev = m[revised]
        for sid, period, old_value, vintage, value, released_old, released in zip(
                rev["series_id"].tolist(), rev["period"].tolist(), rev["value_old"].tolist(),
                rev["vintage"].tolist(), rev["value"].tolist(), _isos(rev["released_old"]),
                _isos(rev["released"])):
            by_id[sid].revised.append(Revision(
                period, float(old_value), int(vintage), float(value), released_old, released,
            ))
        dat = m[dated]
        for sid, period, value, vintage, released in zip(
                dat["series_id"].tolist(), dat["period"].tolist(), dat["value"].tolist(), dat["vintage"].tolist(),
                _isos(dat["released"])):
            by_id[sid].dated.append(ReleaseDate(period, float(value), int(vintage), str(released)))
        for sid, n in m[same].groupby("series_id").size().items():
            by_id[str(sid)].unchanged = int(n)
        out._rows = m[is_new | revised][["series_id", "date", "value", "released"]].reset_index(drop=True)
        out._dated = m[dated][["series_id", "date", "vintage", "released"]].reset_index(drop=True)
        return out

    def write(self, series: Sequence[MacroSeries], *, label: str = "") -> ImportSummary:
        """Write series in one transaction; returns what was added and revised (with the diff it wrote).

        Identical data is a no-op (no vintage is created). On any error the
        transaction is rolled back and the store is unchanged.
        """
        return self._transaction(lambda: self._write(series, label))

    def _write(self, series: Sequence[MacroSeries], label: str) -> ImportSummary:
        con = self.con
        diff = self.diff(series)
        vintage = None
        if diff.changed:
            row = con.execute("SELECT coalesce(max(vintage), 0) + 1 FROM vintages").fetchone()
            vintage = int(row[0]) if row is not None else 1
            con.execute("INSERT INTO vintages VALUES (?, ?, ?)", [vintage, _dt.datetime.now(), label[:1000]])
            if len(diff._rows):
                con.register("changes", diff._rows)
                con.execute(
                    """INSERT INTO observations (series_id, date, value, vintage, released)
                       SELECT series_id, CAST(date AS DATE), value, ?, CAST(released AS DATE) FROM changes""",
                    [vintage],
                )
                con.unregister("changes")
            metas = {s.id: s.meta for s in series}
            fresh = [metas[d.series_id] for d in diff.series if d.changed and d.new_series]
            if fresh:  # one statement for all new series (a first import may bring hundreds)
                cols = ("series_id", "name_zh", "name_en", "unit", "freq", "source", "origin", "key")
                rows = pd.DataFrame({c: pd.Series([str(getattr(m, "id" if c == "series_id" else c) or "")
                                                   for m in fresh], dtype=object) for c in cols})
                con.register("new_series", rows)
                con.execute(
                    """INSERT INTO series (series_id, name_zh, name_en, unit, freq, source, origin,
                       first_vintage, last_vintage, key)
                       SELECT series_id, name_zh, name_en, unit, freq, source, origin, ?, ?, key FROM new_series""",
                    [vintage, vintage],
                )
                con.unregister("new_series")
            for d in diff.series:
                if not d.changed or d.new_series:
                    continue
                m = metas[d.series_id]
                con.execute(
                    """UPDATE series SET name_zh = ?, name_en = ?, source = ?, key = ?,
                       origin = coalesce(nullif(?, ''), origin), last_vintage = ? WHERE series_id = ?""",
                    [d.name_zh, d.name_en, d.source, d.key, m.origin, vintage, d.series_id],
                )
        if len(diff._dated):
            con.register("dated", diff._dated)
            con.execute(
                """UPDATE observations AS o SET released = CAST(x.released AS DATE) FROM dated x
                   WHERE o.series_id = x.series_id AND o.date = CAST(x.date AS DATE) AND o.vintage = x.vintage"""
            )
            con.unregister("dated")
        return ImportSummary.from_diff(diff, vintage)

    # -- removing, renaming, undoing ----------------------------------------
    def _known(self, series_ids: Iterable[str]) -> "builtins.list[str]":
        ids = list(dict.fromkeys(series_ids))
        for sid in ids:
            if not self.has(sid):
                raise UnknownSeriesError(sid, self._suggest(sid))
        return ids

    def remove(self, series_ids: Iterable[str]) -> dict[str, int]:
        """Delete series with every vintage of their values (one transaction); returns rows deleted per id."""
        ids = self._known(series_ids)
        if not ids:
            raise StoreError("give at least one series id to remove")

        def run() -> dict[str, int]:
            counts = dict(self.con.execute(
                "SELECT series_id, count(*) FROM observations WHERE series_id IN (SELECT unnest(?)) GROUP BY 1",
                [ids],
            ).fetchall())
            self.con.execute("DELETE FROM observations WHERE series_id IN (SELECT unnest(?))", [ids])
            self.con.execute("DELETE FROM series WHERE series_id IN (SELECT unnest(?))", [ids])
            return {sid: int(counts.get(sid, 0)) for sid in ids}

        return self._transaction(run)

    def rename(self, old: str, new: str) -> None:
        """Give series ``old`` the id ``new``, keeping every vintage (one transaction)."""
        self._known([old])
        try:
            check_id(new, "the new id")
        except DataError as exc:
            raise StoreError(str(exc)) from None
        if self.has(new):
            raise StoreError(f"series '{new}' already exists; remove it first or choose another id")

        def run() -> None:
            self.con.execute("UPDATE observations SET series_id = ? WHERE series_id = ?", [new, old])
            self.con.execute("UPDATE series SET series_id = ? WHERE series_id = ?", [new, old])

        self._transaction(run)

    def undo_plan(self, vintage: int, series_ids: Iterable[str] | None = None) -> dict:
        """What :meth:`undo` would do (same checks and errors; writes nothing)."""
        return {k: v for k, v in self._undo_plan(vintage, series_ids).items() if not k.startswith("_")}

    def _undo_plan(self, vintage: int, series_ids: Iterable[str] | None) -> dict:
        v = int(vintage)
        row = self.con.execute("SELECT label FROM vintages WHERE vintage = ?", [v]).fetchone()
        if row is None:
            last = self.con.execute("SELECT max(vintage) FROM vintages").fetchone()
            have = f"vintages are 1..{last[0]}" if last and last[0] else "the store has no vintages"
            raise StoreError(f"no vintage {v} in the store ({have}; macrodesk data history ID shows them)")
        label = row[0] or ""
        if label.startswith("[undone]"):
            raise StoreError(f"vintage {v} was already undone")
        ids = self._known(series_ids) if series_ids is not None else None
        scope = "" if ids is None else " AND series_id IN (SELECT unnest(?))"
        scoped: list = [ids] if ids is not None else []
        rows = self.con.execute(
            f"""SELECT n.series_id, n.date, min(l.vintage) AS later, bool_or(e.vintage IS NOT NULL) AS had_older
                FROM (SELECT series_id, date FROM observations WHERE vintage = ?{scope}) n
                LEFT JOIN observations l ON l.series_id = n.series_id AND l.date = n.date AND l.vintage > ?
                LEFT JOIN observations e ON e.series_id = n.series_id AND e.date = n.date AND e.vintage < ?
                GROUP BY n.series_id, n.date ORDER BY n.series_id, n.date""",
            [v, *scoped, v, v],
        ).df()
        blocked = rows[rows["later"].notna()]
        if len(blocked):
            b = blocked.iloc[0]
            freq = self.meta(str(b.series_id)).freq
            period = _keys(pd.Series([pd.Timestamp(b.date)]), pd.Series([freq]))[0]
            raise StoreError(
                f"vintage {v} cannot be undone: vintage {int(b.later)} revised series '{b.series_id}' "
                f"{period} after it ({len(blocked)} value(s) in all); undo vintage {int(b.later)} first"
            )
        touched = self.con.execute(
            f"SELECT series_id FROM series WHERE (first_vintage = ? OR last_vintage = ?){scope}", [v, v, *scoped]
        ).fetchall()
        older = rows["had_older"].astype(bool)
        return {
            "vintage": v,
            "removed": {str(k): int(n) for k, n in rows[~older].groupby("series_id").size().items()},
            "reverted": {str(k): int(n) for k, n in rows[older].groupby("series_id").size().items()},
            "_ids": ids, "_scope": scope, "_scoped": scoped, "_label": label,
            "_affected": sorted(set(rows["series_id"]) | {r[0] for r in touched}),
        }

    def undo(self, vintage: int, series_ids: Iterable[str] | None = None) -> dict:
        """Undo import ``vintage`` (for ``series_ids`` only, if given): its added values go, its revisions revert.

        Refuses (StoreError, nothing changed) if a later vintage revised a value this one wrote,
        or the vintage is unknown or already undone. Returns ``{"vintage", "removed", "reverted",
        "deleted_series"}`` (per series: values removed that were new, values reverted to an older one;
        series that had no values left and were deleted).
        """
        plan = self._undo_plan(vintage, series_ids)
        v, ids, scope = plan["vintage"], plan["_ids"], plan["_scope"]

        def run() -> "builtins.list[str]":
            con = self.con
            con.execute(f"DELETE FROM observations WHERE vintage = ?{scope}", [v, *plan["_scoped"]])
            deleted = []
            for sid in plan["_affected"]:
                span = con.execute(
                    "SELECT min(vintage), max(vintage) FROM observations WHERE series_id = ?", [sid]
                ).fetchone()
                if span is None or span[0] is None:
                    con.execute("DELETE FROM series WHERE series_id = ?", [sid])
                    deleted.append(sid)
                else:
                    con.execute(
                        "UPDATE series SET first_vintage = ?, last_vintage = ? WHERE series_id = ?",
                        [span[0], span[1], sid],
                    )
            left = con.execute("SELECT count(*) FROM observations WHERE vintage = ?", [v]).fetchone()
            partial = ids is not None and bool(left and left[0])
            mark = "[undone for " + ", ".join(ids) + "] " if partial and ids else "[undone] "
            con.execute("UPDATE vintages SET label = ? WHERE vintage = ?", [(mark + plan["_label"])[:1000], v])
            return deleted

        deleted = self._transaction(run)
        return {"vintage": v, "removed": plan["removed"], "reverted": plan["reverted"], "deleted_series": deleted}


def _meta_changes(old: SeriesMeta, new: SeriesMeta) -> dict[str, tuple[str, str]]:
    """Names, source and vendor key that an import would change (an empty incoming value changes nothing)."""
    out = {}
    for f in ("name_zh", "name_en", "source", "key"):
        v = getattr(new, f)
        if v and v != getattr(old, f):
            out[f] = (getattr(old, f), v)
    return out
