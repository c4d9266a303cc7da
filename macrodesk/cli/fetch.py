"""``macrodesk data fetch SOURCE [ids…]``: fetch series from a live source into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from macrodesk.cli._common import JsonOpt, StoreOpt, console, fail, open_store, print_json, progress

__all__ = ["fetch"]


def fetch(
    source: Annotated[str, typer.Argument(help="akshare, wind (WindPy w.edb) or ifind (iFinD THS_EDB).")],
    ids: Annotated[
        Optional[list[str]],
        typer.Argument(help="Series ids (or vendor codes for wind/ifind); default: every id the source knows."),
    ] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="First month, YYYY-MM.")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last month, YYYY-MM.")] = None,
    mapping: Annotated[
        Optional[Path], typer.Option("--map", help="TOML mapping of vendor codes to ids and units (wind, ifind).")
    ] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Fetch series from a live source and write them to the store (one transaction: all or nothing).

    With akshare, the jin10 functions' consensus goes to `<id>_consensus`, with release dates.

    A network failure names the function and leaves the store untouched.
    """

    from macrodesk.importers import read_source_frame
    from macrodesk.sources import get
    from macrodesk.sources.base import month_span

    month_span(start, end)  # a bad --start/--end is an error before anything is fetched
    options = {}
    if mapping is not None:
        if source.strip().lower() == "akshare":
            fail("--map applies to wind and ifind only")
        from macrodesk.importers.mapping import load_mapping

        options["mapping"] = load_mapping(mapping)
    src = get(source, **options)
    with progress(disable=as_json) as prog:
        task = prog.add_task(f"{src.name}", total=None)
        frame = src.fetch(ids or None, start, end,
                          progress=lambda call: prog.update(task, description=f"{src.name}: {call}"))
        if frame.empty:
            fail(f"{src.name} returned no observations for the span asked")
        series = read_source_frame(frame, src.name)  # with the release days the calendar knows
        prog.update(task, description=f"writing {len(series)} series")
        with open_store(store) as st:
            summary = st.write(series, label=f"fetch {src.name} {' '.join(ids or [])}".strip())
    latest = _latest_release(series)
    if as_json:
        d = summary.to_dict()
        d["released"] = {sid: f"{day:%Y-%m-%d}" for sid, day in latest.items()}
        print_json(d)
        return
    _print(summary, latest, len(series))


def _latest_release(series) -> dict:
    """Each series' latest known release day (from the source, else the calendar's known day), by id."""
    out = {}
    for s in series:
        rel = s.released_observations().dropna()
        if not rel.empty:
            out[s.id] = rel.max()
    return out


def _print(summary, latest: dict, n_series: int) -> None:
    """What was added and revised per series, with the latest release date where one is known."""
    from rich.table import Table

    con = console()
    if not summary.changed:
        con.print(f"No changes: {n_series} series already stored with identical values.")
        return
    con.print(
        f"Vintage {summary.vintage}: {len(summary.new_series)} new series, "
        f"{sum(summary.added.values())} observations added, {sum(summary.revised.values())} revised."
    )
    t = Table("series", "added", "revised", "latest release")
    for sid in sorted(set(summary.added) | set(summary.revised)):
        rel = latest.get(sid)
        t.add_row(sid, str(summary.added.get(sid, 0)), str(summary.revised.get(sid, 0)),
                  "" if rel is None else f"{rel:%Y-%m-%d}")
    con.print(t)
