"""``macrodesk data …``: import files into the store (or preview the import), list, show, trace, remove and rename."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from macrodesk.cli._common import (
    JsonOpt, LangOpt, StoreOpt, bad_argument, check_lang, console, fail, note, open_store, period_arg, print_json,
    progress, resolve_store,
)
from macrodesk.text import tr

__all__ = ["app"]

app = typer.Typer(help="Import, list, show, remove and rename stored series.", no_args_is_help=True)


@app.command("import")
def data_import(
    paths: Annotated[list[Path], typer.Argument(help="Files (.csv, .csv.gz, .xlsx, .xls) or folders; each file's format is read from its content.")],
    store: StoreOpt = None,
    mapping: Annotated[
        Optional[Path], typer.Option("--map", help="TOML file mapping vendor codes (Wind 指标ID, Choice EMM…, NBS names) to your own ids and units.")
    ] = None,
    layout: Annotated[
        Optional[Path],
        typer.Option("--layout", help="TOML layout of a generic wide table (date column, one column per series)."),
    ] = None,
    fmt: Annotated[
        Optional[str],
        typer.Option("--format", help="Force the format instead of detecting it: csv, nbs, customs, edb or wide."),
    ] = None,
    as_json: JsonOpt = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be added and revised, and to which ids; write nothing.")
    ] = False,
) -> None:
    """Import files or folders into the store (one transaction: all or nothing)."""

    from macrodesk.importers import read_paths

    mp = None
    if mapping is not None:
        from macrodesk.importers.mapping import load_mapping

        mp = load_mapping(mapping)
    with progress(disable=as_json) as prog:
        task = prog.add_task("reading", total=None)
        series = read_paths(
            paths, mapping=mp, layout=layout, format=fmt,
            progress=lambda f: prog.update(task, description=f"reading {f.name}"),
        )
        if dry_run:
            prog.update(task, description=f"comparing {len(series)} series with the store")
            diff = _dry_run(store, series)
        else:
            prog.update(task, description=f"writing {len(series)} series")
            from macrodesk.exceptions import DataError

            with open_store(store) as st:
                try:
                    summary = st.write(series, label=", ".join(str(p) for p in paths))
                except DataError as exc:  # a clash with the stored series: say which file(s) brought it
                    fail(f"importing {', '.join(repr(Path(p).name) for p in paths)}: {exc}")
    if dry_run:
        if as_json:
            print_json(diff.to_dict())
        else:
            _print_diff(diff)
        return
    if as_json:
        print_json(summary.to_dict())
        return
    _print_summary(summary, len(series))


def _dry_run(store: Optional[str], series: Any) -> Any:
    """The store's diff for ``series``, reading only (a store that does not exist yet is empty)."""
    from macrodesk.series.store import Store
    from macrodesk.series.store_backends import exists

    path = resolve_store(store)
    if not exists(path):
        with Store.in_memory() as st:
            return st.diff(series)
    with open_store(path, read_only=True) as st:
        return st.diff(series)


def _print_diff(diff: Any, limit: int = 40) -> None:
    """The dry run: one row per series (origin, vendor key, counts), then the new values and the revisions."""
    from rich.table import Table

    con = console()
    t = diff.totals()
    con.print(
        f"Dry run (nothing written): {t['series']} series read, {t['new_series']} new; "
        f"{t['added']} observations would be added, {t['revised']} revised, "
        f"{t['released_recorded']} release dates recorded, {t['unchanged']} unchanged."
    )
    rows = [d for d in diff.series if d.changed or d.dated]
    if not rows:
        con.print("No changes: every value is already stored.")
        return
    from rich.table import Column

    tab = Table(Column("series", no_wrap=True), Column("from", overflow="fold"), "key", "new", "added", "revised",
                "released", Column("names", overflow="fold"))
    for d in rows[:limit]:
        names = "; ".join(f"{k}: {o or '–'} → {n}" for k, (o, n) in d.meta_changes.items())
        tab.add_row(d.series_id, d.origin, d.key, "yes" if d.new_series else "", str(len(d.added)),
                    str(len(d.revised)), str(len(d.dated)), names)
    con.print(tab)
    if len(rows) > limit:
        con.print(f"… and {len(rows) - limit} more series (use --json for all)")
    new = [(d.series_id, o) for d in diff.series if not d.new_series for o in d.added]
    if new:
        nt = Table("series", "period", "value", "prior", "released", title="new observations (stored series)")
        for sid, o in new[:limit]:
            prior = "" if o.prior_value is None else f"{o.prior_value:g} ({o.prior_period})"
            nt.add_row(sid, o.period, f"{o.value:g}", prior, o.released or "")
        con.print(nt)
        if len(new) > limit:
            con.print(f"… and {len(new) - limit} more new observations (use --json for all)")
    revs = [(d.series_id, r) for d in diff.series for r in d.revised]
    if revs:
        rt = Table("series", "period", "stored (vintage)", "new", title="revisions")
        for sid, r in revs[:limit]:
            rt.add_row(sid, r.period, f"{r.old_value:g} (v{r.old_vintage})", f"{r.new_value:g}")
        con.print(rt)
        if len(revs) > limit:
            con.print(f"… and {len(revs) - limit} more revisions (use --json for all)")


def _print_summary(summary: Any, n_series: int) -> None:
    from rich.table import Table

    con = console()
    if not summary.changed:
        n_dated = sum(summary.released_recorded.values())
        dated = f"; release dates recorded for {n_dated} stored values" if n_dated else ""
        con.print(f"No changes: {n_series} series already stored with identical values{dated}.")
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
        from macrodesk.series.catalogue import search

        df = search(df, contains)
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
    from rich.cells import cell_len
    from rich.markup import escape

    # one line per series, nothing cut or wrapped: the id is what the other commands take, so it must be
    # whole (a long line wraps in the terminal, and `| grep` sees it all); the name comes last
    rows = [["series_id", "unit", "freq", "first", "last", "n", tr("名称", "name", lang)]]
    for r in df.itertuples():
        name = tr(r.name_zh, r.name_en, lang) or r.name_zh or r.name_en or ""
        rows.append([r.series_id, r.unit, r.freq, _span_end(r.first, r.freq), _span_end(r.last, r.freq), str(r.n),
                     name])
    widths = [max(cell_len(row[k]) for row in rows) for k in range(len(rows[0]) - 1)]
    con = console()
    for k, row in enumerate(rows):
        line = "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(row, widths)) + "  " + row[-1]
        con.print(f"[bold]{escape(line)}[/]" if k == 0 else escape(line), crop=False, overflow="ignore")
    con.print(f"{len(df)} series")


def _span_end(day: Any, freq: str) -> str:
    """A series' first or last observation as printed: the period (2025-12, 2025Q4, 2025) or the day."""
    import pandas as pd

    from macrodesk._typing import PERIOD_FREQS

    if freq in PERIOD_FREQS:
        return str(pd.Timestamp(day).to_period(PERIOD_FREQS[freq]))
    return str(day)[:10]


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


def date_arg(text: Optional[str], option: str) -> Optional[str]:
    """An ISO date (``2025-11-09``) unchanged, or a one-line error naming ``option`` (exit 2)."""
    if text is None:
        return None
    import datetime as dt

    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        bad_argument(option, text, "a date such as 2025-11-09")
    return text.strip()


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
    known_on: Annotated[
        Optional[str],
        typer.Option("--known-on", help="Only values published by this date (YYYY-MM-DD; point-in-time, "
                                        "by release date, else import time)."),
    ] = None,
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
    check_lang(lang)
    v = vintage_arg(vintage, "--vintage")
    day = date_arg(known_on, "--known-on")
    period_arg(start, "--start")
    period_arg(end, "--end")
    with open_store(store, read_only=True) as st:
        s = st.get(series_id, start=start, end=end, vintage=v, known_on=day)
        if day is not None:
            _note_undated(s, st.get(series_id, start=start, end=end, vintage=v), day)
    if as_json:
        print_json(s.to_json_dict())
        return
    _print_series(s, lang)


def _note_undated(known: Any, stored: Any, day: str) -> None:
    """Say how many stored values ``--known-on`` left out only because their release date is unknown.

    Such a value counts as published when it was imported, so a series imported after ``day`` without a
    ``released`` column shows only the periods whose release date is known: without this note that reads
    as missing data.
    """
    import pandas as pd

    rel = stored.released_observations()
    undated = rel.index[rel.isna().to_numpy()]
    starts = undated.start_time if isinstance(undated, pd.PeriodIndex) else undated
    gone = undated[(starts <= pd.Timestamp(day)) & ~undated.isin(known.observations().index)]
    if len(gone):
        note(f"note: {len(gone)} stored value(s) of '{stored.id}' up to {day} are left out: they have no release "
             "date and were imported after that day (a `released` column in the file gives the publication days)")


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
              "label": r.label, "released": None if r.released is None or str(r.released) == "NaT" else str(r.released)[:10]}
             for r in df.itertuples()]
        )
        return
    from rich.table import Table

    t = Table("date", "value", "vintage", "imported at", "released", title=series_id)
    for r in df.itertuples():
        rel = "" if r.released is None or str(r.released) == "NaT" else str(r.released)[:10]
        t.add_row(str(r.date)[:10], f"{r.value:g}", str(r.vintage), str(r.imported_at)[:19], rel)
    console().print(t)


def _existing_store(store: Optional[str]) -> Any:
    """The store opened for writing, but only if it exists (removing from nothing is an error, not a new file)."""
    from macrodesk.series.store_backends import display, exists

    path = resolve_store(store)
    if not exists(path):
        fail(f"store '{display(path)}' does not exist; nothing to change")
    return open_store(path)


def _confirm(question: str, yes: bool) -> None:
    """Ask before a destructive change; ``--yes`` skips; without a terminal and without --yes, exit 2."""
    import sys

    if yes:
        return
    if not sys.stdin.isatty():
        fail(f"{question} needs confirmation: pass --yes (no terminal to ask on)")
    if not typer.confirm(question + "?", default=False):
        fail("cancelled; nothing changed", code=1)


@app.command("rm")
def data_rm(
    series_ids: Annotated[
        Optional[list[str]], typer.Argument(help="Series ids to delete with all their vintages.", show_default=False)
    ] = None,
    vintage_text: Annotated[
        Optional[str],
        typer.Option("--vintage", help="Undo this import instead: remove the values it added and revert the ones it "
                                       "revised (only for the ids given, if any).", show_default=False),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Delete series, or undo one import (--vintage N), in one transaction."""
    ids = list(series_ids or [])
    vintage = None
    if vintage_text is not None:
        t = vintage_text.strip()
        if not (t.isdigit() and int(t) >= 1):
            bad_argument("--vintage", vintage_text, "a vintage number such as 3 (see `data history ID`)")
        vintage = int(t)
    if vintage is None and not ids:
        fail("give the series ids to delete, or --vintage N to undo one import (see `data history ID`)")
    with _existing_store(store) as st:
        if vintage is None:
            for sid in ids:
                st.meta(sid)  # unknown ids fail before asking
            _confirm(f"delete {', '.join(ids)} with all their vintages from {st.path}", yes)
            out: dict = {"removed_series": st.remove(ids)}
            msg = f"Deleted {len(ids)} series ({sum(out['removed_series'].values())} stored values)."
        else:
            for sid in ids:
                st.meta(sid)
            scope = f" for {', '.join(ids)}" if ids else ""
            plan = st.undo_plan(vintage, ids or None)  # refusals come before the question
            _confirm(f"undo vintage {vintage}{scope} in {st.path} (remove {sum(plan['removed'].values())} values, "
                     f"revert {sum(plan['reverted'].values())})", yes)
            out = st.undo(vintage, ids or None)
            msg = (f"Undid vintage {vintage}{scope}: {sum(out['removed'].values())} values removed, "
                   f"{sum(out['reverted'].values())} reverted to their earlier value"
                   + (f"; series deleted (no values left): {', '.join(out['deleted_series'])}" if out["deleted_series"]
                      else "") + ".")
    if as_json:
        print_json(out)
    else:
        console().print(msg)


@app.command("rename")
def data_rename(
    old: Annotated[str, typer.Argument(help="Stored series id.")],
    new: Annotated[str, typer.Argument(help="New id (letters, digits, _ . : -).")],
    store: StoreOpt = None,
) -> None:
    """Give a stored series another id, keeping every vintage."""
    with _existing_store(store) as st:
        st.rename(old, new)
    console().print(f"Renamed '{old}' to '{new}' (every vintage kept).")


from macrodesk.cli.fetch import fetch as _fetch  # noqa: E402  (registered last; the command lives in fetch.py)

app.command("fetch")(_fetch)
