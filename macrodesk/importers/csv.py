"""Tidy long CSV: ``series_id,date,value,unit,source,origin`` (extra columns ignored).

Optional columns ``freq``, ``name_zh`` and ``name_en`` set the frequency and names;
otherwise they come from the catalogue of known series
(:mod:`macrodesk.datasets`) or, for the frequency, from the dates: month-end
dates are monthly, a weekly spacing is weekly and so on. ``unit`` is required
and must be a known unit code. Accepts plain or gzip-compressed files.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from macrodesk._typing import FREQS, PERIOD_FREQS
from macrodesk.exceptions import InputFileError, UnitError
from macrodesk.series._container import MacroSeries, SeriesMeta
from macrodesk.series.units import UNITS

__all__ = ["read_csv", "infer_freq"]

REQUIRED = ("series_id", "date", "value", "unit")


def infer_freq(dates: pd.DatetimeIndex) -> str:
    """Frequency read off observation dates (used when neither file nor catalogue says)."""
    d = pd.DatetimeIndex(dates).sort_values()
    gaps = np.diff(d.values.astype("datetime64[D]").astype("int64")).astype(float) if len(d) > 1 else np.array([31.0])
    med = float(np.median(gaps))
    if med <= 3:
        return "D"
    if med <= 8:
        return "W"
    if med <= 12:
        return "X"
    if d.is_month_end.all():
        if len(d) >= 3 and d.is_quarter_end.all() and gaps.min() >= 89:
            return "Q"
        return "M"
    return "D"


def read_csv(path: str | os.PathLike, *, catalogue: pd.DataFrame | None = None) -> list[MacroSeries]:
    """Read a tidy long CSV into series; raises :class:`InputFileError` naming the row."""
    p = Path(path)
    name = p.name
    try:
        df = pd.read_csv(p, dtype=str, keep_default_na=False, skipinitialspace=True)
    except FileNotFoundError:
        raise InputFileError("file not found", file=str(p)) from None
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise InputFileError(f"not a readable CSV: {exc}", file=name) from None
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise InputFileError(
            f"missing column(s) {', '.join(missing)}; a tidy CSV needs series_id,date,value,unit "
            f"(source, origin, freq, name_zh, name_en optional)",
            file=name,
        )
    if df.empty:
        raise InputFileError("the file has a header but no rows", file=name)
    line = pd.Series(np.arange(len(df)) + 2, index=df.index)  # 1-based, header is line 1

    ids = df["series_id"].str.strip()
    bad = ids == ""
    if bad.any():
        i = bad.idxmax()
        raise InputFileError("empty series_id", file=name, row=int(line[i]))

    dates = pd.to_datetime(df["date"].str.strip(), errors="coerce", format="mixed")
    bad = dates.isna()
    if bad.any():
        i = bad.idxmax()
        raise InputFileError(
            f"'{df.at[i, 'date']}' is not a date (use YYYY-MM-DD)", file=name, row=int(line[i]),
            series_id=ids[i],
        )

    raw = df["value"].str.strip().str.replace(",", "", regex=False)
    values = pd.to_numeric(raw, errors="coerce")
    bad = values.isna() & (raw != "")
    if bad.any():
        i = bad.idxmax()
        raise InputFileError(
            f"value '{df.at[i, 'value']}' is not a number", file=name, row=int(line[i]), series_id=ids[i]
        )

    units = df["unit"].str.strip()
    unknown = ~units.isin(list(UNITS))
    if unknown.any():
        i = unknown.idxmax()
        raise UnitError(
            f"file '{name}', row {int(line[i])}, series '{ids[i]}': unknown unit '{units[i]}'; "
            f"known units: {', '.join(sorted(UNITS))}"
        )

    cat = catalogue
    if cat is None:
        from macrodesk.datasets import catalogue as _catalogue

        cat = _catalogue()
    cat = cat.set_index("series_id") if "series_id" in cat.columns else cat

    frame = pd.DataFrame({"sid": ids, "date": dates, "value": values, "unit": units, "line": line})
    for col in ("source", "origin", "freq", "name_zh", "name_en"):
        frame[col] = df[col].str.strip() if col in df.columns else ""

    out: list[MacroSeries] = []
    for sid, g in frame.groupby("sid", sort=False):
        if g["unit"].nunique() > 1:
            u = g["unit"].unique()
            j = g.index[g["unit"] != u[0]][0]
            raise UnitError(
                f"file '{name}', row {int(line[j])}, series '{sid}': unit '{u[1]}' clashes with "
                f"'{u[0]}' used on earlier rows of the same series"
            )
        freq = _first(g["freq"]) or (str(cat.at[sid, "freq"]) if sid in cat.index else "") or infer_freq(
            pd.DatetimeIndex(g["date"])
        )
        if freq not in FREQS:
            raise InputFileError(
                f"unknown frequency '{freq}'; use one of {', '.join(FREQS)}", file=name,
                row=int(g["line"].iloc[0]), series_id=sid,
            )
        keys = (
            pd.DatetimeIndex(g["date"]).to_period(PERIOD_FREQS[freq])
            if freq in PERIOD_FREQS
            else pd.DatetimeIndex(g["date"]).normalize()
        )
        dup = pd.Index(keys).duplicated(keep=False)
        if dup.any():
            rows = g["line"].to_numpy()[dup][:2]
            raise InputFileError(
                f"duplicate date {keys[dup][0]} (rows {rows[0]} and {rows[1]})", file=name,
                row=int(rows[1]), series_id=sid,
            )
        name_zh = _first(g["name_zh"]) or (_cat_str(cat, sid, "name_zh"))
        name_en = _first(g["name_en"]) or (_cat_str(cat, sid, "name_en"))
        meta = SeriesMeta(
            id=sid, unit=g["unit"].iloc[0], freq=freq, name_zh=name_zh, name_en=name_en,
            source=_first(g["source"]), origin=_origin(g["origin"], name),
        )
        out.append(MacroSeries(meta, pd.Series(g["value"].to_numpy(dtype="float64"), index=keys)))
    return out


def _first(col: pd.Series) -> str:
    vals = col[col != ""]
    return str(vals.iloc[0]) if len(vals) else ""


def _origin(col: pd.Series, file: str) -> str:
    vals = col[col != ""].unique()
    if len(vals) == 1:
        return str(vals[0])
    if len(vals) == 0:
        return file
    return f"{file} (origin column: {len(vals)} sources, one per row)"


def _cat_str(cat: pd.DataFrame, sid: str, col: str) -> str:
    if sid in cat.index and col in cat.columns:
        v = cat.at[sid, col]
        return "" if pd.isna(v) else str(v)
    return ""
