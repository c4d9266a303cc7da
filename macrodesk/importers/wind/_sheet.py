"""One Wind sheet, in named steps: locate the label rows, read the date column and the columns'
metadata, settle each column's frequency and unit, check the values against their grid, build.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from macrodesk._typing import FREQ_NAMES, PERIOD_FREQS, Freq
from macrodesk.exceptions import FrequencyError, MacrodeskWarning
from macrodesk.importers.mapping import Mapping
from macrodesk.importers.wind._cells import (
    BADDATE, BLANK, DATE, classify_first_column, iso, num, period_label, show,
)
from macrodesk.importers.wind._columns import Column, Where, data_bounds, label_rows, read_columns, read_units
from macrodesk.series._container import MacroSeries, SeriesMeta
from macrodesk.series.checks import find_duplicate, find_gap, on_grid, to_numbers
from macrodesk.series.frequency import infer_freq

__all__ = ["read_sheet"]

_PERIOD_NAMES = {"M": ("month", "month-end"), "Q": ("quarter", "quarter-end"), "A": ("year", "year-end")}

# read_sheet -> read_wind -> the caller: warnings point at the caller of read_wind
_STACKLEVEL = 5


@dataclass(frozen=True)
class Rows:
    """The data block: one entry per dated row, in sheet order."""

    idx: np.ndarray  # array row of each data row
    dates: np.ndarray  # datetime64[D]
    cells: np.ndarray  # the raw value cells (object), one column per sheet column after the first
    vals: np.ndarray  # floats (NaN where blank or not a number)
    nonblank: np.ndarray  # a number is there
    bad: np.ndarray  # something that is not a number is there


@dataclass(frozen=True)
class Grid:
    """The sheet's frequencies: which rows sit on each period grid, and whether the sheet is merged."""

    on: dict[str, np.ndarray]  # 'M'/'Q'/'A' -> is the row a month-/quarter-/year-end
    freqs: frozenset[str]
    period_freqs: tuple[str, ...]  # the M/Q/A frequencies present, in that order
    merged: bool  # mixed frequencies on one date column (Wind fills the gaps with 0)


def read_sheet(
    fname: str, sheet: str, arr: np.ndarray, start: tuple[int, int], mapping: Mapping | None
) -> list[tuple[MacroSeries, str]]:
    """The series of one sheet with their column letters (see :func:`macrodesk.importers.wind.read_wind`)."""
    w = Where(fname, sheet, *start)
    kinds, days = classify_first_column(arr[:, 0])
    is_date = kinds == DATE
    labels = label_rows(arr, kinds, int(np.argmax(is_date)) if is_date.any() else None)
    header_end = max(labels.values()) + 1 if labels else 0
    ds, end = data_bounds(w, arr, kinds, is_date | (kinds == BADDATE), header_end)
    rows = data_rows(w, arr, kinds, days, ds, end)
    has_data = np.asarray(rows.nonblank.any(axis=0) | rows.bad.any(axis=0), dtype=bool)
    cols = read_columns(w, arr, labels, has_data, mapping)
    check_numbers(w, rows, cols)
    if not cols:
        raise w.err("the sheet has dates but no series columns")
    grid = frequencies(w, cols, rows)
    units = read_units(w, cols, labels)
    check_grid(w, cols, rows, grid)
    check_no_skipped_period(w, rows, grid)
    return build_series(w, cols, units, rows, grid)


def data_rows(
    w: Where, arr: np.ndarray, kinds: np.ndarray, days: np.ndarray, ds: int, end: int
) -> Rows:
    """The dated rows between the header and the footer; every other row there must be blank."""
    cells = arr[ds:end, 1:]
    vals, nonblank, bad = to_numbers(cells)
    row_has_values = np.asarray(nonblank.any(axis=1) | bad.any(axis=1), dtype=bool)
    for i in range(ds, end):
        if kinds[i] == DATE:
            continue
        if kinds[i] == BLANK:
            if row_has_values[i - ds]:
                raise w.err(f"the row has values but no date in column {w.letter(0)}", i)
            continue
        raise w.err(f"{show(arr[i, 0])} is not a date", i)
    keep = kinds[ds:end] == DATE
    idx = np.flatnonzero(keep) + ds
    rows = Rows(idx, days[idx], cells[keep], vals[keep], nonblank[keep], bad[keep])
    dup = find_duplicate(rows.dates)
    if dup is not None:
        first, again = dup.positions[:2]
        raise w.err(f"duplicate date {iso(rows.dates[again])} (also in row {w.row(int(idx[first]))})", int(idx[again]))
    return rows


def check_numbers(w: Where, rows: Rows, cols: list[Column]) -> None:
    """Text in a number column is an error (the first such cell in sheet order)."""
    if not rows.bad.any():
        return
    i, k = (int(x) for x in np.argwhere(rows.bad)[0])
    sid = next((c.id for c in cols if c.k == k), None)
    r = int(rows.idx[i])
    raise w.err(
        f"cell {w.letter(k + 1)}{w.row(r)}: {show(rows.cells[i, k])} is not a number "
        "(leave a cell blank for a missing value)",
        r,
        sid,
    )


def frequencies(w: Where, cols: list[Column], rows: Rows) -> Grid:
    """Give every column a frequency (inferred from the dates where 频率 is blank) and read the grid."""
    if any(c.freq is None for c in cols):
        inferred = infer_freq(rows.dates)
        if inferred is None:
            raise w.err(
                "cannot tell the frequency: there is no 频率 row (or a 频率 cell is blank) and the "
                "dates do not follow a regular pattern; add a 频率 row (日/周/旬/月/季/年)"
            )
        for c in cols:
            if c.freq is None:
                c.freq = inferred
    di = pd.DatetimeIndex(rows.dates)
    on = {f: on_grid(di, f) for f in ("M", "Q", "A")}
    freqs = frozenset(c.freq for c in cols if c.freq is not None)
    period_freqs = tuple(f for f in ("M", "Q", "A") if f in freqs)
    merged = len(freqs) > 1 or any(not on[f].all() for f in period_freqs)
    return Grid(on, freqs, period_freqs, merged)


def check_grid(w: Where, cols: list[Column], rows: Rows, grid: Grid) -> None:
    """A monthly (quarterly, annual) value must sit on a month-end (quarter-, year-end) row.

    In a merged sheet a 0 off the grid is Wind's filler, not a value.
    """
    for f in grid.period_freqs:
        fcols = [c for c in cols if c.freq == f]
        ks = np.array([c.k for c in fcols])
        off = (~grid.on[f])[:, None] & rows.nonblank[:, ks]
        if grid.merged:
            off &= rows.vals[:, ks] != 0
        if not off.any():
            continue
        i, j = (int(x) for x in np.argwhere(off)[0])
        c, r = fcols[j], w.row(int(rows.idx[i]))
        what, end = _PERIOD_NAMES[f]
        e = FrequencyError(
            f"file '{w.file}', sheet '{w.sheet}', row {r}, series '{c.id}': "
            f"cell {c.letter}{r} holds {num(rows.vals[i, c.k])} on {iso(rows.dates[i])}, "
            f"which is not a {end}; a {FREQ_NAMES[f][1]} series ({FREQ_NAMES[f][0]}) has its "
            f"observations on {end} rows — check the date or the 频率 row"
        )
        raise w.locate(e, r, c.id)


def check_no_skipped_period(w: Where, rows: Rows, grid: Grid) -> None:
    """A monthly-, quarterly- or annual-only sheet must have a row for every period."""
    if grid.merged or len(grid.freqs) != 1 or not grid.period_freqs or len(rows.idx) < 2:
        return
    f = grid.period_freqs[0]
    order = np.argsort(rows.dates, kind="stable")
    per = pd.DatetimeIndex(rows.dates[order]).to_period(PERIOD_FREQS[f])
    gap = find_gap(per)
    if gap is None:
        return
    what = _PERIOD_NAMES[f][0]
    miss = period_label(gap.first_missing, f)
    if gap.n_missing > 1:
        miss += f" to {period_label(gap.last_missing, f)}, {gap.n_missing} {what}s,"
    ra = w.row(int(rows.idx[order[gap.position]]))
    rb_i = int(rows.idx[order[gap.position + 1]])
    raise w.err(
        f"the date column skips {miss} (between {period_label(gap.before, f)} in row {ra} and "
        f"{period_label(gap.after, f)} in row {w.row(rb_i)}); a {FREQ_NAMES[f][1]} sheet needs a row for every "
        f"{what} — re-export the full range or add the missing row with blank cells",
        rb_i,
    )


def build_series(
    w: Where, cols: list[Column], units: dict[int, str], rows: Rows, grid: Grid
) -> list[tuple[MacroSeries, str]]:
    """Each column's observations (on its grid; without merged-sheet fillers) as a MacroSeries."""
    order = np.argsort(rows.dates, kind="stable")
    dates, vals, nonblank = rows.dates[order], rows.vals[order], rows.nonblank[order]
    on = {f: g[order] for f, g in grid.on.items()}
    out: list[tuple[MacroSeries, str]] = []
    for c in cols:
        freq = cast(Freq, c.freq)
        col = vals[:, c.k]
        keep = nonblank[:, c.k]
        if freq in PERIOD_FREQS:
            keep = keep & on[freq]
        elif grid.merged:
            keep = keep & (col != 0)
        if not keep.any():
            _warn(w, c, "no values; the column is skipped")
            continue
        if grid.merged and freq in PERIOD_FREQS:
            keep = _drop_edge_fillers(col, keep)
            if not keep.any():
                _warn(w, c, "only 0 fillers; the column is skipped")
                continue
        obs = col[keep]
        if grid.merged and freq in PERIOD_FREQS and obs.size >= 2 and (obs[0] == 0 or obs[-1] == 0):
            _warn(
                w, c,
                f"starts or ends with a single 0.0 on a {_PERIOD_NAMES[freq][1]} row of a "
                "mixed-frequency sheet; it is kept as a value, but it may be a Wind filler "
                "outside the series' range — check, or export this series on its own sheet",
            )
        e = c.entry
        meta = SeriesMeta(
            id=c.id,
            unit=units[c.k],
            freq=freq,
            name_zh=(e.name_zh if e is not None and e.name_zh else c.name),
            name_en=(e.name_en if e is not None and e.name_en else _known_name_en(c.id)),
            source=(e.source if e is not None and e.source else c.source),
            origin=f"{w.file}:{w.sheet}",
            key=c.key,
        )
        out.append((MacroSeries(meta, pd.Series(obs, index=pd.DatetimeIndex(dates[keep]))), c.letter))
    return out


def _drop_edge_fillers(col: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """``keep`` without the runs of two or more 0s at either end of a period column of a merged sheet.

    Wind fills every row outside a series' range with 0, so a monthly column that starts later
    (or ends earlier) than the sheet's date grid shows a run of 0s on the month-ends before (after)
    it. Two or more 0s in a row at an edge are such fillers; a single 0.0 is kept (CPI YoY printed
    0.0 in 2023-06).
    """
    pos = np.flatnonzero(keep)
    zero = col[pos] == 0
    lead = int(np.argmin(zero)) if not zero.all() else zero.size
    trail = int(np.argmin(zero[::-1])) if not zero.all() else zero.size
    out = keep.copy()
    if lead >= 2:
        out[pos[:lead]] = False
    if trail >= 2:
        out[pos[pos.size - trail:]] = False
    return out


def _warn(w: Where, c: Column, what: str) -> None:
    warnings.warn(
        MacrodeskWarning(f"file '{w.file}', sheet '{w.sheet}', column {c.letter}, series '{c.id}': {what}"),
        stacklevel=_STACKLEVEL,
    )


def _known_name_en(sid: str) -> str:
    """The English name of a series id the catalogue of known series has, else ''."""
    from macrodesk.series.catalogue import catalogue

    cat = catalogue()
    hit = cat.loc[cat["series_id"] == sid, "name_en"]
    return str(hit.iloc[0]) if len(hit) else ""
