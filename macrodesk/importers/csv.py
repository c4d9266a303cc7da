"""Tidy long CSV: ``series_id,date,value,unit,source,origin`` (extra columns ignored).

Optional columns ``freq``, ``name_zh`` and ``name_en`` set the frequency and names;
``released`` is the day each value was published (ISO date; empty where unknown),
kept as the series' release dates for point-in-time reads;
otherwise they come from the catalogue of known series
(:mod:`macrodesk.series.catalogue`) or, for the frequency, from the dates
(:func:`macrodesk.series.frequency.infer_freq`, lenient: month-end dates are
monthly, year-end dates annual, a weekly spacing weekly, and dates that follow no
pattern daily). An empty ``source`` is the publisher the catalogue gives. ``unit`` is
required and must be a known unit code; an id the catalogue declares for import
(``importable.toml``) must come in its unit or one that converts to it. Accepts plain
or gzip-compressed files.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from macrodesk._typing import FREQS, PERIOD_FREQS, Freq
from macrodesk.exceptions import DataError, InputFileError, UnitError
from macrodesk.series._container import MacroSeries, SeriesMeta
from macrodesk.series.catalogue import catalogue as _catalogue
from macrodesk.series._container import check_id
from macrodesk.series.checks import find_duplicate, implausible, implausible_message, on_grid, to_numbers
from macrodesk.series.periods import read_period_text
from macrodesk.series.frequency import infer_freq
from macrodesk.series.units import UNITS, convert, get_unit

__all__ = ["read_csv", "read_frame"]

REQUIRED = ("series_id", "date", "value", "unit")
OPTIONAL = ("source", "origin", "freq", "name_zh", "name_en", "released")


def read_csv(path: str | os.PathLike[str], *, catalogue: pd.DataFrame | None = None) -> list[MacroSeries]:
    """Read a tidy long CSV into series; raises :class:`InputFileError` naming the row.

    ``catalogue`` (columns series_id, freq, name_zh, name_en) defaults to the
    catalogue of known series.
    """
    p = Path(path)
    return _from_strings(_read_table(p), p.name, catalogue)


def read_frame(df: pd.DataFrame, name: str, *, catalogue: pd.DataFrame | None = None) -> list[MacroSeries]:
    """Tidy rows (the CSV's columns, any dtypes) into series, checked exactly as a file would be.

    ``name`` stands for the file in error messages (e.g. ``"akshare:macro_china_cpi"``);
    rows are numbered as in a CSV whose header is line 1, unless a ``line`` column gives each row's
    line in the file it was read from (an importer of another layout passes it, so messages point
    at the right row). Dates may be timestamps.
    """
    text = pd.DataFrame(index=df.index)
    for col in df.columns:
        v = df[col]
        if pd.api.types.is_datetime64_any_dtype(v):
            text[col] = v.dt.strftime("%Y-%m-%d").fillna("")
        else:
            text[col] = ["" if x is None or (isinstance(x, float) and np.isnan(x)) else str(x) for x in v]
    return _from_strings(text, name, catalogue)


def _from_strings(df: pd.DataFrame, name: str, catalogue: pd.DataFrame | None) -> list[MacroSeries]:
    frame = _rows(_checked(df, name), name)
    cat = _catalogue() if catalogue is None else catalogue
    cat = cat.set_index("series_id") if "series_id" in cat.columns else cat
    return [_series(str(sid), g, cat, name) for sid, g in frame.groupby("sid", sort=False)]


def _read_table(p: Path) -> pd.DataFrame:
    """The file as a frame of strings; :class:`InputFileError` if it is not a readable CSV."""
    try:
        return pd.read_csv(p, dtype=str, keep_default_na=False, skipinitialspace=True)
    except FileNotFoundError:
        raise InputFileError("file not found", file=str(p)) from None
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise InputFileError(f"not a readable CSV: {exc}", file=p.name) from None


def _checked(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Lower-case column names; the required columns and at least one row checked."""
    df.columns = pd.Index([str(c).strip().lower() for c in df.columns])
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise InputFileError(
            f"missing column(s) {', '.join(missing)}; a tidy CSV needs series_id,date,value,unit "
            f"(source, origin, freq, name_zh, name_en, released optional)",
            file=name,
        )
    if df.empty:
        raise InputFileError("the file has a header but no rows", file=name)
    return df


def _rows(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Parsed rows: sid, date, value, unit, line (1-based, the header is line 1) and the optional columns."""
    line = df["line"].astype(int).to_numpy() if "line" in df.columns else np.arange(len(df)) + 2
    ids = df["series_id"].str.strip().to_numpy(dtype=object)
    if (ids == "").any():
        raise InputFileError("empty series_id", file=name, row=int(line[np.argmax(ids == "")]))
    for sid in pd.unique(ids):
        try:
            check_id(str(sid))
        except DataError as exc:
            raise InputFileError(str(exc), file=name, row=int(line[int(np.argmax(ids == sid))])) from None

    dates = _dates(df["date"].str.strip())
    if dates.isna().any():
        i = int(np.argmax(dates.isna().to_numpy()))
        raise InputFileError(
            f"'{df['date'].iloc[i]}' is not a date (use YYYY-MM-DD)", file=name, row=int(line[i]),
            series_id=str(ids[i]),
        )

    raw = df["value"].str.strip().to_numpy(dtype=object)
    comma = np.array([isinstance(v, str) and "," in v for v in raw], dtype=bool)
    if comma.any():
        i = int(np.argmax(comma))
        raise InputFileError(
            f"value '{df['value'].iloc[i]}' holds a comma; write numbers with a dot as the decimal point and "
            "no thousands separator (1.5, 1234)", file=name, row=int(line[i]), series_id=str(ids[i])
        )
    values, _, bad = to_numbers(raw)
    if bad.any():
        i = int(np.argmax(bad))
        raise InputFileError(
            f"value '{df['value'].iloc[i]}' is not a number", file=name, row=int(line[i]),
            series_id=str(ids[i])
        )

    units = df["unit"].str.strip().to_numpy(dtype=object)
    unknown = ~np.isin(units, list(UNITS))
    if unknown.any():
        i = int(np.argmax(unknown))
        raise UnitError(
            f"file '{name}', row {int(line[i])}, series '{ids[i]}': unknown unit '{units[i]}'; "
            f"known units: {', '.join(sorted(UNITS))}"
        )
    huge = np.zeros(len(units), dtype=bool)
    for u in pd.unique(units):
        at = units == u
        huge[at] = implausible(values[at], str(u))
    if huge.any():
        i = int(np.argmax(huge))
        raise InputFileError(implausible_message(float(values[i]), str(units[i])), file=name, row=int(line[i]),
                             series_id=str(ids[i]))
    frame = pd.DataFrame({"sid": ids, "date": dates.to_numpy(), "value": values, "unit": units, "line": line})
    for col in OPTIONAL:
        frame[col] = df[col].str.strip().to_numpy(dtype=object) if col in df.columns else ""
    frame["released"] = _released(frame, name)
    return frame


def _released(frame: pd.DataFrame, name: str) -> pd.Series:
    """The ``released`` column as dates (NaT where empty); an unreadable date is an error naming the row."""
    text = frame["released"]
    if not (text != "").any():
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    got = _dates(text.where(text != "", "2000-01-01")).where(text != "")
    bad = (text != "") & got.isna()
    if bad.any():
        i = int(np.argmax(bad.to_numpy()))
        raise InputFileError(
            f"released '{text.iloc[i]}' is not a date (use YYYY-MM-DD, or leave it empty if unknown)",
            file=name, row=int(frame["line"].iloc[i]), series_id=str(frame["sid"].iloc[i]),
        )
    return got.dt.normalize().astype("datetime64[ns]")


def _dates(text: pd.Series) -> pd.Series:
    """Each text as a date (NaT where it is not one): only what the period parser reads as a day or a
    month of years 1000..9999 (no 'today', 'Jan', year 0)."""
    # each distinct text once: a file of many series repeats the same dates on every series
    codes, distinct = pd.factorize(text.astype(object).map(str), use_na_sentinel=False)
    ok_distinct = np.zeros(len(distinct), dtype=bool)
    for i, t in enumerate(distinct):
        try:
            p = read_period_text(str(t))
        except ValueError:
            p = None
        ok_distinct[i] = p is not None and p.freqstr[0] in "DM" and 1000 <= p.year <= 9999
    parsed = pd.to_datetime(pd.Series(distinct, dtype=object).where(ok_distinct), errors="coerce", format="mixed")
    got = pd.Series(parsed.to_numpy()[codes], index=text.index).where(ok_distinct[codes])
    return got


def _series(sid: str, g: pd.DataFrame, cat: pd.DataFrame, name: str) -> MacroSeries:
    """One series from its rows: one unit, a known frequency, unique dates."""
    if g["unit"].nunique() > 1:
        u = g["unit"].unique()
        j = int(np.argmax((g["unit"] != u[0]).to_numpy()))
        raise UnitError(
            f"file '{name}', row {int(g['line'].iloc[j])}, series '{sid}': unit '{u[1]}' clashes with "
            f"'{u[0]}' used on earlier rows of the same series"
        )
    declared = _cat_str(cat, sid, "unit")  # an importable series' unit (macrodesk/series/importable.toml)
    unit = str(g["unit"].iloc[0])
    if declared and unit != declared:
        try:
            convert(1.0, unit, declared)
        except UnitError:
            raise UnitError(
                f"file '{name}', row {int(g['line'].iloc[0])}, series '{sid}': unit '{unit}', but the reports read "
                f"'{sid}' in '{declared}' ({get_unit(declared).zh}); convert the values or give the unit '{declared}'"
            ) from None
    dates = pd.DatetimeIndex(g["date"])
    freq = _first(g["freq"]) or _cat_str(cat, sid, "freq") or infer_freq(dates, lenient=True) or "D"
    if freq not in FREQS:
        raise InputFileError(
            f"unknown frequency '{freq}'; use one of {', '.join(FREQS)}", file=name,
            row=int(g["line"].iloc[0]), series_id=sid,
        )
    if freq in PERIOD_FREQS:
        day = np.asarray(dates.day)
        off = ~on_grid(dates, freq) & ~((day == 1) & (freq == "M"))
        if off.any():
            j = int(np.argmax(off))
            raise InputFileError(
                f"date {dates[j].date()} is not the end of a period of this {freq} series (use its last day, "
                "e.g. 2025-06-30, or the month as 2025-06)", file=name, row=int(g["line"].iloc[j]), series_id=sid,
            )
    keys = dates.to_period(PERIOD_FREQS[freq]) if freq in PERIOD_FREQS else dates.normalize()
    dup = find_duplicate(keys)
    if dup is not None:
        a, b = (int(g["line"].iloc[i]) for i in dup.positions[:2])
        raise InputFileError(f"duplicate date {dup.key} (rows {a} and {b})", file=name, row=b, series_id=sid)
    meta = SeriesMeta(
        id=sid, unit=str(g["unit"].iloc[0]), freq=cast(Freq, freq),
        name_zh=_first(g["name_zh"]) or _cat_str(cat, sid, "name_zh"),
        name_en=_first(g["name_en"]) or _cat_str(cat, sid, "name_en"),
        source=_first(g["source"]) or _cat_str(cat, sid, "source"), origin=_origin(g["origin"], name),
    )
    released = None
    if g["released"].notna().any():
        released = pd.Series(g["released"].to_numpy(), index=keys)
    return MacroSeries(meta, pd.Series(g["value"].to_numpy(dtype="float64"), index=keys), released)


def _first(col: pd.Series) -> str:
    for v in col.to_numpy(dtype=object):  # plain values: a pandas mask per call is slow for many series
        if v != "":
            return str(v)
    return ""


def _origin(col: pd.Series, file: str) -> str:
    vals = list(dict.fromkeys(v for v in col.to_numpy(dtype=object) if v != ""))
    if len(vals) == 1:
        return str(vals[0])
    if len(vals) == 0:
        return file
    return f"{file} (origin column: {len(vals)} sources, one per row)"


def _cat_str(cat: pd.DataFrame, sid: str, col: str) -> str:
    if sid in cat.index and col in cat.columns:
        v: Any = cat.at[sid, col]
        return "" if pd.isna(v) else str(v)
    return ""
