"""The one container for a time series in macrodesk.

Guarantees of :class:`MacroSeries` (checked when it is built, never later):

* ``meta`` is a frozen :class:`SeriesMeta`: id, Chinese and English name, unit
  (a code from :mod:`macrodesk.series.units`), frequency (``D`` daily, ``W``
  weekly, ``X`` 10-day/旬, ``M`` monthly, ``Q`` quarterly, ``A`` annual), source
  and origin (the file, sheet or repository the values came from), and ``key``,
  the vendor code the series was read from (e.g. a Wind 指标ID; empty if none).
* ``data`` is a float64 ``pd.Series`` named by the series id.
* Monthly, quarterly and annual data have a ``PeriodIndex`` of that frequency
  that is *complete* from the first to the last observation: a missing period is
  present as NaN, so ``shift(12)`` is always "the same month last year". The
  first and last values are never NaN.
* Daily, weekly and 10-day data keep their observation dates as a
  ``DatetimeIndex`` (no filling, no NaN).
* The index is sorted and unique. A duplicate date is an error at construction.
* ``released`` is ``None`` (no release dates known) or a datetime64 ``pd.Series``
  aligned with ``data`` (same index): the day each value was published, NaT
  where unknown. :meth:`MacroSeries.with_data`, :meth:`MacroSeries.slice` and
  :meth:`MacroSeries.convert` keep it aligned.
* Values are as published, in ``meta.unit`` (rates in percent). Use
  :meth:`MacroSeries.to_fraction` for analyses and
  :meth:`MacroSeries.convert` for an explicit unit change.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from macrodesk._typing import FREQS, PERIOD_FREQS, DateLike, Freq
from macrodesk.exceptions import DataError, FrequencyError
from macrodesk.series import units as _units
from macrodesk.series.checks import check_series
from macrodesk.series.periods import How, parse_period

__all__ = ["SeriesMeta", "MacroSeries", "period_key", "check_id"]

_ID = re.compile(r"[\w.:\-]{1,200}")


def check_id(text: str, what: str = "series id") -> str:
    """``text`` if it is a usable new series id (letters, digits, ``_ . : -``; at most 200), else DataError."""
    if not isinstance(text, str) or not _ID.fullmatch(text) or not text.strip("."):
        raise DataError(
            f"{what} {text!r} is not a valid id: use letters, digits and _ . : - only (e.g. cpi_yoy), at most 200"
        )
    return text


@dataclass(frozen=True)
class SeriesMeta:
    """What a series is: identity, labels, unit, frequency and provenance."""

    id: str
    unit: str
    freq: Freq
    name_zh: str = ""
    name_en: str = ""
    source: str = ""
    origin: str = ""
    key: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise DataError(f"a series id must be a non-empty string, got {self.id!r}")
        if self.freq not in FREQS:
            raise FrequencyError(
                f"series '{self.id}': unknown frequency '{self.freq}'; use one of {', '.join(FREQS)}"
            )
        _units.get_unit(self.unit)

    def name(self, lang: str = "zh") -> str:
        """The label to show: the name in ``lang``, falling back to the other, then the id."""
        first, second = (self.name_zh, self.name_en) if lang == "zh" else (self.name_en, self.name_zh)
        return first or second or self.id

    def replace(self, **changes: Any) -> "SeriesMeta":
        return dataclasses.replace(self, **changes)


def period_key(idx: pd.Index) -> list[str]:
    """JSON keys for an index: 'YYYY-MM' monthly, 'YYYYQn' quarterly, 'YYYY' annual, ISO dates otherwise."""
    if isinstance(idx, pd.PeriodIndex):
        if idx.freqstr.startswith("M"):
            return [p.strftime("%Y-%m") for p in idx]
        return [str(p) for p in idx]
    return [d.strftime("%Y-%m-%d") for d in pd.DatetimeIndex(idx)]


_KEEP: Any = object()  # with_data's default: keep the release dates


class MacroSeries:
    """A series with its metadata. See the module docstring for the guarantees."""

    __slots__ = ("meta", "data", "released")

    def __init__(self, meta: SeriesMeta, data: pd.Series, released: pd.Series | None = None) -> None:
        self.meta = meta
        self.data = self._normalise(meta, data)
        self.released = self._aligned_released(meta, self.data, released)

    # -- construction -----------------------------------------------------
    @staticmethod
    def _normalise(meta: SeriesMeta, data: pd.Series) -> pd.Series:
        return check_series(data, meta.freq, name=meta.id)

    @staticmethod
    def _aligned_released(meta: SeriesMeta, data: pd.Series, released: pd.Series | None) -> pd.Series | None:
        """``released`` on ``data``'s index (NaT where unknown or padded), or None if no date is known.

        The dates go through the same index check as the values (as days since 1970),
        so a release series indexed by dates or periods lines up exactly as the data does.
        """
        if released is None:
            return None
        if not isinstance(released, pd.Series):
            raise DataError(f"series '{meta.id}': released must be a pandas Series, got {type(released).__name__}")
        try:
            dates = pd.DatetimeIndex(pd.to_datetime(released.to_numpy(), errors="raise")).normalize()
        except (TypeError, ValueError) as exc:
            raise DataError(f"series '{meta.id}': a release date is not a date ({exc})") from None
        days = (dates - pd.Timestamp("1970-01-01")).days.to_numpy(dtype="float64")
        on_grid = check_series(pd.Series(days, index=released.index), meta.freq, name=meta.id).reindex(data.index)
        on_grid[data.isna()] = np.nan
        if on_grid.isna().all():
            return None
        out = pd.to_datetime(on_grid.to_numpy(), unit="D", origin="unix")
        return pd.Series(out, index=data.index, name="released").astype("datetime64[ns]")

    @classmethod
    def from_observations(
        cls, meta: SeriesMeta, dates: Any, values: Any
    ) -> "MacroSeries":
        """Build from parallel date and value sequences (dates as ISO strings, dates or periods)."""
        vals = pd.to_numeric(pd.Series(list(values)), errors="raise")
        idx: pd.Index
        if meta.freq in PERIOD_FREQS:
            pfreq = PERIOD_FREQS[meta.freq]
            idx = pd.PeriodIndex([parse_period(d, pfreq, name="date") for d in dates], freq=pfreq)
        else:
            idx = pd.DatetimeIndex(pd.to_datetime(list(dates)))
        return cls(meta, pd.Series(vals.to_numpy(dtype="float64"), index=idx))

    # -- properties -------------------------------------------------------
    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def unit(self) -> str:
        return self.meta.unit

    @property
    def freq(self) -> str:
        return self.meta.freq

    def name(self, lang: str = "zh") -> str:
        return self.meta.name(lang)

    def __len__(self) -> int:
        return int(self.data.notna().sum())

    def __repr__(self) -> str:
        n = len(self)
        span = f"{self.data.index[0]}..{self.data.index[-1]}" if n else "empty"
        return f"MacroSeries('{self.id}', unit='{self.unit}', freq='{self.freq}', n={n}, {span})"

    # -- views ------------------------------------------------------------
    def observations(self) -> pd.Series:
        """The observed values only (NaN padding dropped)."""
        return self.data.dropna()

    def released_observations(self) -> pd.Series:
        """The release date of each observed value (NaT where unknown), on :meth:`observations`' index."""
        obs = self.data.dropna()
        if self.released is None:
            return pd.Series(pd.NaT, index=obs.index, dtype="datetime64[ns]", name="released")
        return self.released[obs.index]

    def with_data(self, data: pd.Series, released: Any = _KEEP, **meta_changes: Any) -> "MacroSeries":
        """A new series with other values (and optionally changed metadata).

        ``released`` defaults to this series' release dates, kept for the periods
        (dates) present in both; pass a series of dates, or None to drop them.
        """
        meta = self.meta.replace(**meta_changes) if meta_changes else self.meta
        if released is _KEEP:
            released = self.released
            if released is not None:
                new = MacroSeries(meta, data)
                return MacroSeries(meta, new.data, released.reindex(new.data.index))
        return MacroSeries(meta, data, released)

    def slice(self, start: DateLike | None = None, end: DateLike | None = None) -> "MacroSeries":
        """The part between ``start`` and ``end`` inclusive ('YYYY-MM' or a date)."""
        s = self.data
        if self.freq in PERIOD_FREQS:
            if start is not None:
                s = s[s.index >= parse_period(start, self.freq, name="start")]
            if end is not None:
                s = s[s.index <= parse_period(end, self.freq, name="end", how="end")]
        else:
            if start is not None:
                s = s[s.index >= _instant(start, "start")]
            if end is not None:
                s = s[s.index <= _instant(end, "end")]
        rel = None if self.released is None else self.released.reindex(s.index)
        return MacroSeries(self.meta, s, rel)

    def convert(self, unit: str) -> "MacroSeries":
        """Explicit unit conversion (e.g. ``index_prev_year_100`` → ``pct_yoy``)."""
        return MacroSeries(self.meta.replace(unit=unit), _units.convert(self.data, self.unit, unit), self.released)

    def to_fraction(self) -> pd.Series:
        """Rates as fractions (0.007 for 0.7%); index-style rates converted. Raises UnitError otherwise."""
        return _units.to_fraction(self.data, self.unit)

    def to_json_dict(self, digits: int | None = None) -> dict[str, Any]:
        """``{"series_id", "unit", "freq", "values": {"2025-12": 0.8, ...}}``; NaN padding omitted."""
        obs = self.observations()
        vals = [float(round(v, digits)) if digits is not None else float(v) for v in obs.to_numpy()]
        return {
            "series_id": self.id,
            "unit": self.unit,
            "freq": self.freq,
            "values": dict(zip(period_key(obs.index), vals)),
        }

    def equals(self, other: "MacroSeries") -> bool:
        same_released = (self.released is None and other.released is None) or (
            self.released is not None and other.released is not None and self.released.equals(other.released)
        )
        return self.meta == other.meta and self.data.equals(other.data) and same_released


def _instant(date: DateLike, how: How) -> pd.Timestamp:
    """The first (``how='start'``) or last instant of a date, a month ('YYYY-MM') or a year ('YYYY')."""
    if isinstance(date, str):
        date = parse_period(date, "D", name=how, how=how)
    if isinstance(date, pd.Period):
        return date.start_time if how == "start" else date.end_time
    return pd.Timestamp(date)  # a dated series' index is normalised, so its own day is inside
