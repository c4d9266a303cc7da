"""``macrodesk data …``: import files into the store, list, show and trace the stored series."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from macrodesk.cli._common import (
    JsonOpt, LangOpt, StoreOpt, bad_argument, console, fail, note, open_store, period_arg, print_json,
)
from macrodesk.text import tr

__all__ = ["app"]

app = typer.Typer(help="Import, list and show stored series.", no_args_is_help=True)


@app.command("import")
def data_import(
    paths: Annotated[list[Path], typer.Argument(help="Files (.csv, .csv.gz, .xlsx, .xls) or folders.")],
    store: StoreOpt = None,
    mapping: Annotated[
        Optional[Path], typer.Option("--map", help="TOML file mapping Wind 指标ID to your own ids and units.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import files or folders into the store (one transaction: all or nothing)."""
    from rich.progress import Progress

    from macrodesk.importers import read_paths

    mp = None
    if mapping is not None:
        from macrodesk.importers.mapping import load_mapping

        mp = load_mapping(mapping)
    with Progress(transient=True, console=console(stderr=True), disable=as_json) as prog:
        task = prog.add_task("reading", total=None)
        series = read_paths(paths, mapping=mp, progress=lambda f: prog.update(task, description=f"reading {f.name}"))
        prog.update(task, description=f"writing {len(series)} series")
        with open_store(store) as st:
            summary = st.write(series, label=", ".join(str(p) for p in paths))
    if as_json:
        print_json(summary.to_dict())
        return
    _print_summary(summary, len(series))


def _print_summary(summary: Any, n_series: int) -> None:
    from rich.table import Table

    con = console()
    if not summary.changed:
        con.print(f"No changes: {n_series} series already stored with identical values.")
        return
    con.print(
        f"Vintage {summary.vintage}: {len(summary.new_series)} new series, "
        f"{sum(summary.added.values())} observations added, {sum(summary.revised.values())} revised."
    )
    rows = sorted(set(summary.added) | set(summary.revised))
    if not rows:
        return
    t = Table("series", "added", "revised")
    for sid in rows[:40]:
        t.add_row(sid, str(summary.added.get(sid, 0)), str(summary.revised.get(sid, 0)))
    con.print(t)
    if len(rows) > 40:
        con.print(f"… and {len(rows) - 40} more series (use --json for all)")


@app.command("list")
def data_list(
    store: StoreOpt = None,
    contains: Annotated[Optional[str], typer.Option("--contains", help="Only ids or names containing this text.")] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "zh",
) -> None:
    """List the stored series with unit, frequency and span."""
    with open_store(store, read_only=True) as st:
        df = st.list()
    if contains:
        mask = df["series_id"].str.contains(contains, case=False, regex=False) | df["name_zh"].fillna("").str.contains(
            contains, regex=False
        ) | df["name_en"].fillna("").str.contains(contains, case=False, regex=False)
        df = df[mask]
    if as_json:
        print_json(
            [
                {
                    "series_id": r.series_id, "name_zh": r.name_zh, "name_en": r.name_en, "unit": r.unit,
                    "freq": r.freq, "first": str(r.first)[:10], "last": str(r.last)[:10], "n": int(r.n),
                }
                for r in df.itertuples()
            ]
        )
        return
    from rich.table import Table

    t = Table("series_id", tr("名称", "name", lang), "unit", "freq", "first", "last", "n")
    for r in df.itertuples():
        name = tr(r.name_zh, r.name_en, lang) or r.name_zh or r.name_en or ""
        t.add_row(r.series_id, name, r.unit, r.freq, str(r.first)[:10], str(r.last)[:10], str(r.n))
    console().print(t)
    console().print(f"{len(df)} series")


def vintage_arg(text: Optional[str], option: str = "--vintage") -> int | str | None:
    """A vintage number (``3``) as an int, a time (``2025-12-31``, ``2025-12-31 18:00``) as text; else exit 2."""
    if text is None:
        return None
    t = text.strip()
    if t.isdigit() and len(t) < 6:
        return int(t)
    import pandas as pd

    try:
        ok = not pd.isna(pd.Timestamp(t))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        bad_argument(option, text, "a vintage number (see `data history`) or a time such as 2025-12-31")
    return t


@app.command("show")
def data_show(
    series_id: Annotated[str, typer.Argument(help="Series id, e.g. cpi_yoy.")],
    start: Annotated[Optional[str], typer.Option("--start", help="First period, YYYY-MM (or a date).")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last period, YYYY-MM (or a date).")] = None,
    vintage: Annotated[
        Optional[str],
        typer.Option("--vintage", help="Show the data as stored in this vintage number, or at this time (YYYY-MM-DD)."),
    ] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", hidden=True, help="Deprecated: use --vintage.")] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "zh",
) -> None:
    """Show one series' observations."""
    if as_of is not None:
        if vintage is not None:
            fail("give --vintage only (--as-of is its deprecated old name)")
        note("note: `data show --as-of` is deprecated; use --vintage")
        vintage = as_of
    v = vintage_arg(vintage, "--vintage")
    period_arg(start, "--start")
    period_arg(end, "--end")
    with open_store(store, read_only=True) as st:
        s = st.get(series_id, start=start, end=end, vintage=v)
    if as_json:
        print_json(s.to_json_dict())
        return
    _print_series(s, lang)


def _print_series(s: Any, lang: str, title: str | None = None) -> None:
    from rich.table import Table

    from macrodesk.series import period_key
    from macrodesk.series.units import get_unit

    u = get_unit(s.unit)
    obs = s.observations()
    t = Table("date", f"{s.name(lang)} ({u.zh if lang == 'zh' else u.en})", title=title or s.id)
    for k, v in zip(period_key(obs.index), obs.to_numpy()):
        t.add_row(k, f"{v:,.4g}" if abs(v) >= 1e4 else f"{v:.2f}")
    console().print(t)


@app.command("history")
def data_history(
    series_id: Annotated[str, typer.Argument(help="Series id.")],
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every stored value of a series with its vintage (shows revisions)."""
    with open_store(store, read_only=True) as st:
        df = st.history(series_id)
    if as_json:
        print_json(
            [{"date": str(r.date)[:10], "value": r.value, "vintage": int(r.vintage), "imported_at": str(r.imported_at),
              "label": r.label} for r in df.itertuples()]
        )
        return
    from rich.table import Table

    t = Table("date", "value", "vintage", "imported at", title=series_id)
    for r in df.itertuples():
        t.add_row(str(r.date)[:10], f"{r.value:g}", str(r.vintage), str(r.imported_at)[:19])
    console().print(t)


from macrodesk.cli.fetch import fetch as _fetch  # noqa: E402  (registered last; the command lives in fetch.py)

app.command("fetch")(_fetch)
