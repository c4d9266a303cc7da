"""Terminal APIs as sources: Wind's WindPy ``w.edb`` and iFinD's ``THS_EDB``.

Both take vendor codes; ids go through the shipped code tables
(:func:`macrodesk.importers.codes.shipped`, a user mapping laid over them wins): a macrodesk id
is fetched under the code whose entry maps to it, and a vendor code may be given directly
(stored under its mapped id, or under the code when the table does not map it). The terminals'
APIs give no unit, so each series' unit comes from its mapping entry, or from an id ending in
``_yoy``/``_mom``/``_ytd_yoy``; otherwise the fetch stops and asks for a mapping entry with
``unit``. Neither API gives release dates: ``released`` is ``NaT``.

Shapes (from the vendors' Python modules):

* ``w.edb(codes, start, end, "Fill=Previous")`` → a ``WindData`` with ``.ErrorCode`` (0 = ok;
  on error ``.Data[0][0]`` holds the message), ``.Codes`` (the codes), ``.Times`` (dates) and
  ``.Data`` (one list of values per code, aligned with ``.Times``). One call per code, so each
  series keeps its own dates.
* ``THS_EDB(indicators, "", start, end)`` (indicators joined with ``;``) → a ``THSData`` with
  ``.errorcode`` (0 = ok), ``.errmsg`` and ``.data``, a frame with columns ``time, id, value``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from macrodesk.importers.codes import for_vendor
from macrodesk.importers.mapping import Mapping, MappingEntry
from macrodesk.sources.base import COLUMNS, Progress, SourceError, empty_frame, month_span, one_line

__all__ = ["WindSource", "IFindSource"]

_SUFFIX_UNITS = (("_ytd_yoy", "pct_yoy_ytd"), ("_yoy", "pct_yoy"), ("_mom", "pct_mom"))
_EARLIEST = "1990-01-01"


class _VendorSource:
    name = ""
    vendor = ""
    label = ""

    def __init__(self, mapping: Mapping | None = None) -> None:
        self.mapping = for_vendor(self.vendor, mapping)

    def known_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.id for e in self.mapping.entries.values()))

    def resolve(self, ids: Sequence[str] | None) -> list[tuple[str, str, str]]:
        """``(code, id, unit)`` for each requested id or code (every mapped code when empty)."""
        by_id = {e.id: e for e in self.mapping.entries.values()}
        wanted = list(dict.fromkeys(ids)) if ids else list(by_id)
        out = []
        for item in wanted:
            entry: MappingEntry | None = by_id.get(item) or self.mapping.lookup(item)
            code, sid = (entry.key, entry.id) if entry is not None else (item, item)
            unit = (entry.unit if entry is not None else None) or _unit_from_id(sid)
            if unit is None:
                raise SourceError(
                    f"{self.name}: no unit for '{item}' (code {code}); the {self.label} API gives none — add "
                    f"[series.{code}] with id and unit to a mapping file (--map)"
                )
            out.append((code, sid, unit))
        return out

    def _rows(self, code: str, sid: str, unit: str, times: Sequence[Any], values: Sequence[Any]) -> pd.DataFrame:
        date = pd.to_datetime(pd.Series(list(times), dtype=object), errors="coerce")
        v = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce").to_numpy(dtype="float64")
        if len(date) != len(v):
            raise SourceError(f"{self.name}: {code}: {len(date)} dates but {len(v)} values")
        if date.isna().any():
            i = int(np.argmax(date.isna().to_numpy()))
            raise SourceError(f"{self.name}: {code}: '{times[i]}' is not a date")
        keep = ~np.isnan(v)
        return pd.DataFrame({
            "series_id": sid, "date": pd.DatetimeIndex(date)[keep].normalize(), "value": v[keep], "unit": unit,
            "source": self.label, "origin": f"{self.name}:{code}",
            "released": pd.Series(pd.NaT, index=range(int(keep.sum())), dtype="datetime64[ns]"),
        })


def _unit_from_id(sid: str) -> str | None:
    for suffix, unit in _SUFFIX_UNITS:
        if sid.endswith(suffix):
            return unit
    return None


def _dates(start: str | None, end: str | None) -> tuple[str, str]:
    lo, hi = month_span(start, end)
    return (
        (lo or pd.Timestamp(_EARLIEST)).strftime("%Y-%m-%d"),
        (hi or pd.Timestamp(_dt.date.today())).strftime("%Y-%m-%d"),
    )


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(parts, ignore_index=True)[list(COLUMNS)] if parts else empty_frame()


class WindSource(_VendorSource):
    """Wind EDB through WindPy: ``edb`` is ``w.edb`` (default: ``WindPy.w`` after ``w.start()``)."""

    name = "wind"
    vendor = "wind"
    label = "Wind"

    def __init__(self, edb: Callable[..., Any] | None = None, mapping: Mapping | None = None) -> None:
        super().__init__(mapping)
        self._edb = edb

    def _api(self) -> Callable[..., Any]:
        if self._edb is not None:
            return self._edb
        try:
            from WindPy import w
        except ImportError:
            raise SourceError(
                "WindPy is not installed: it ships with the Wind terminal (修复插件 → Python 接口), not on PyPI"
            ) from None
        if not w.isconnected():
            w.start()
        return w.edb

    def fetch(
        self, ids: Sequence[str] | None = None, start: str | None = None, end: str | None = None,
        *, progress: Progress | None = None,
    ) -> pd.DataFrame:
        targets = self.resolve(ids)
        lo, hi = _dates(start, end)
        edb = self._api()
        parts = []
        for code, sid, unit in targets:
            if progress is not None:
                progress(code)
            try:
                res = edb(code, lo, hi, "Fill=Previous")
            except Exception as exc:
                raise SourceError(f"wind: w.edb('{code}') failed: {one_line(exc)}") from None
            err = getattr(res, "ErrorCode", None)
            if err is None or not hasattr(res, "Data") or not hasattr(res, "Times"):
                raise SourceError(f"wind: w.edb('{code}') returned {type(res).__name__}, not a WindData")
            if err != 0:
                msg = res.Data[0][0] if res.Data and res.Data[0] else ""
                raise SourceError(f"wind: w.edb('{code}') failed with ErrorCode {err}{': ' + str(msg) if msg else ''}")
            codes = [str(c) for c in (res.Codes or [])]
            if len(res.Data) != 1 or (codes and codes[0] != code):
                raise SourceError(f"wind: w.edb('{code}') answered for {codes} with {len(res.Data)} data rows")
            parts.append(self._rows(code, sid, unit, res.Times, res.Data[0]))
        return _concat(parts)


class IFindSource(_VendorSource):
    """iFinD EDB through iFinDPy: ``ths_edb`` is ``THS_EDB`` (default: ``iFinDPy.THS_EDB``, logged in)."""

    name = "ifind"
    vendor = "ifind"
    label = "iFinD"

    def __init__(self, ths_edb: Callable[..., Any] | None = None, mapping: Mapping | None = None) -> None:
        super().__init__(mapping)
        self._ths_edb = ths_edb

    def _api(self) -> Callable[..., Any]:
        if self._ths_edb is not None:
            return self._ths_edb
        try:
            from iFinDPy import THS_EDB
        except ImportError:
            raise SourceError(
                "iFinDPy is not installed: it ships with the iFinD terminal (超级命令 → 工具 → 插件), not on PyPI; "
                "log in with THS_iFinDLogin before fetching"
            ) from None
        return THS_EDB

    def fetch(
        self, ids: Sequence[str] | None = None, start: str | None = None, end: str | None = None,
        *, progress: Progress | None = None,
    ) -> pd.DataFrame:
        targets = self.resolve(ids)
        lo, hi = _dates(start, end)
        api = self._api()
        codes = ";".join(c for c, _, _ in targets)
        if progress is not None:
            progress(codes)
        try:
            res = api(codes, "", lo, hi)
        except Exception as exc:
            raise SourceError(f"ifind: THS_EDB('{codes}') failed: {one_line(exc)}") from None
        err = getattr(res, "errorcode", None)
        if err is None:
            raise SourceError(f"ifind: THS_EDB returned {type(res).__name__}, not a THSData")
        if err != 0:
            raise SourceError(f"ifind: THS_EDB('{codes}') failed with errorcode {err}: {getattr(res, 'errmsg', '')}")
        data = res.data
        need = ("time", "id", "value")
        if not isinstance(data, pd.DataFrame) or any(c not in data.columns for c in need):
            seen = list(data.columns) if isinstance(data, pd.DataFrame) else type(data).__name__
            raise SourceError(f"ifind: THS_EDB data has columns {seen}; expected {', '.join(need)}")
        parts = []
        for code, sid, unit in targets:
            g = data[data["id"].astype(str) == code]
            parts.append(self._rows(code, sid, unit, list(g["time"]), list(g["value"])))
        return _concat(parts)
