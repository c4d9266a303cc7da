"""The ``macrodesk`` command line: a thin layer over the store, transforms and reports.

Every command that prints data takes ``--json``; errors a user can cause print one
clear line and exit with status 2 without a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from macrodesk._cli_common import JsonOpt, LangOpt, StoreOpt, console, open_store, print_json

app = typer.Typer(
    name="macrodesk",
    help="China macro research engine: import data once, rebuild the analysis and report with one command.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
data_app = typer.Typer(help="Import, list and show stored series.", no_args_is_help=True)
app.add_typer(data_app, name="data")


def _add_subapps() -> None:
    from macrodesk.scenarios._cli import app as scenario_app

    from macrodesk.models.nowcast._cli import app as nowcast_app

    app.add_typer(scenario_app, name="scenario", help="Run CPI/PPI scenarios written as TOML files.")
    app.add_typer(nowcast_app, name="nowcast", help="Nowcast CPI/PPI from high-frequency prices; real-time backtests.")


_add_subapps()

def _fail(message: str, code: int = 2) -> None:
    from rich.markup import escape

    console(stderr=True).print(f"[bold red]error:[/] {escape(message)}", markup=True)
    raise typer.Exit(code)


# ---------------------------------------------------------------- data
@data_app.command("import")
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


def _print_summary(summary, n_series: int) -> None:
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


@data_app.command("list")
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

    t = Table("series_id", "名称" if lang == "zh" else "name", "unit", "freq", "first", "last", "n")
    for r in df.itertuples():
        name = (r.name_zh if lang == "zh" else r.name_en) or r.name_zh or r.name_en or ""
        t.add_row(r.series_id, name, r.unit, r.freq, str(r.first)[:10], str(r.last)[:10], str(r.n))
    console().print(t)
    console().print(f"{len(df)} series")


@data_app.command("show")
def data_show(
    series_id: Annotated[str, typer.Argument(help="Series id, e.g. cpi_yoy.")],
    start: Annotated[Optional[str], typer.Option("--start", help="First period, YYYY-MM (or a date).")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last period, YYYY-MM (or a date).")] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="Show the data as stored at this time or vintage number.")
    ] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "zh",
) -> None:
    """Show one series' observations."""
    vintage = int(as_of) if as_of is not None and as_of.isdigit() and len(as_of) < 6 else as_of
    with open_store(store, read_only=True) as st:
        s = st.get(series_id, start=start, end=end, as_of=vintage)
    if as_json:
        print_json(s.to_json_dict())
        return
    _print_series(s, lang)


def _print_series(s, lang: str, title: str | None = None) -> None:
    from rich.table import Table

    from macrodesk.series import period_key
    from macrodesk.series.units import get_unit

    u = get_unit(s.unit)
    obs = s.observations()
    t = Table("date", f"{s.name(lang)} ({u.zh if lang == 'zh' else u.en})", title=title or s.id)
    for k, v in zip(period_key(obs.index), obs.to_numpy()):
        t.add_row(k, f"{v:,.4g}" if abs(v) >= 1e4 else f"{v:.2f}")
    console().print(t)


@data_app.command("history")
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


# ---------------------------------------------------------------- calc
@app.command("calc", context_settings={"help_option_names": ["-h", "--help"]})
def calc(
    transform: Annotated[str, typer.Argument(help="Transform name; `macrodesk calc list x` lists them.")],
    series_id: Annotated[str, typer.Argument(help="Stored series id.")],
    year: Annotated[Optional[int], typer.Option("--year", help="Year (carryover, newprice, decompose, cum).")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="First period YYYY-MM of the output or window.")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last period YYYY-MM of the output or window.")] = None,
    months: Annotated[Optional[str], typer.Option("--months", help="Calendar-month span, e.g. 1-11 (cum, seasonal-norm).")] = None,
    years: Annotated[Optional[str], typer.Option("--years", help="Window of years, e.g. 2021-2024 (seasonal-norm).")] = None,
    assume: Annotated[
        Optional[list[str]], typer.Option("--assume", help="Assumed MoM in percent for a missing month, e.g. 2025-12=0.")
    ] = None,
    how: Annotated[str, typer.Option("--how", help="Aggregation for resample: mean, last, sum …")] = "mean",
    store: StoreOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "zh",
) -> None:
    """Run one catalogue transform on a stored series and print the result."""
    from macrodesk.calc import TRANSFORMS, run

    if transform == "list":
        for name, spec in TRANSFORMS.items():
            console().print(f"[bold]{name:15}[/] {spec.help}")
        return
    with open_store(store, read_only=True) as st:
        s = st.get(series_id)
    result = run(
        transform, s, year=year, start=start, end=end, months=months, years=years, assume=assume or [], how=how
    )
    if as_json:
        print_json(result.to_json())
        return
    result.print(console(), lang)


# ---------------------------------------------------------------- reports
def _formats(value: str) -> tuple[str, ...]:
    fmts = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in fmts if f not in ("html", "pdf", "md")]
    if bad:
        _fail(f"unknown format '{bad[0]}'; choose from html, pdf, md (comma-separated)")
    return fmts


@app.command("report")
def report(
    name: Annotated[str, typer.Argument(help="Report name, e.g. inflation-review.")],
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", "--month", help="Latest month to use, YYYY-MM (default: the latest data)."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("macrodesk-report"),
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: html,pdf,md.")] = "html,pdf,md",
    store: StoreOpt = None,
    lang: LangOpt = "zh",
    as_json: JsonOpt = False,
) -> None:
    """Build a report from the stored data and write it as HTML, PDF and Markdown."""
    formats = _formats(fmt)
    with open_store(store, read_only=True) as st:
        paths = _build(name, st, as_of, out, formats, lang, quiet=as_json)
    if as_json:
        print_json({k: str(v) for k, v in paths.items()})


def _build(name, st, as_of, out, formats, lang, quiet=False):
    from rich.progress import Progress

    from macrodesk.analyses import build_report
    from macrodesk.reports import render

    with Progress(transient=True, console=console(stderr=True), disable=quiet) as prog:
        task = prog.add_task(f"building {name}", total=None)
        rep = build_report(name, st, as_of=as_of, lang=lang)
        prog.update(task, description=f"rendering {name} ({', '.join(formats)})")
        paths = render(rep, out, formats=formats, basename=name)
    if not quiet:
        for k, v in paths.items():
            console().print(f"{k:5} {v}")
    return paths


@app.command("demo")
def demo(
    out: Annotated[Path, typer.Option("--out", help="Output folder for the reports.")] = Path("macrodesk-demo"),
    store: Annotated[
        Optional[Path], typer.Option("--store", help="Store file for the demo (default: OUT/demo.duckdb, made fresh).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: html,pdf,md.")] = "html,pdf,md",
    lang: LangOpt = "zh",
) -> None:
    """Load the bundled sample into a fresh store and build the reports from it."""
    from macrodesk.analyses import DEMO_REPORTS
    from macrodesk.datasets import load
    from macrodesk.importers import merge_series

    formats = _formats(fmt)
    out.mkdir(parents=True, exist_ok=True)
    path = store or (out / "demo.duckdb")
    if store is None:
        for p in (path, Path(str(path) + ".wal")):
            if p.exists():
                p.unlink()
    con = console()
    with con.status("loading the bundled sample data"):
        series = merge_series(load())
        with open_store(path) as st:
            summary = st.write(series, label="bundled sample")
    con.print(f"Store {path}: {len(series)} series, {sum(summary.added.values())} observations loaded.")
    with open_store(path, read_only=True) as st:
        for name in DEMO_REPORTS:
            _build(name, st, None, out / name, formats, lang)


@app.command("version")
def version() -> None:
    """Print the macrodesk version."""
    from importlib.metadata import version as _v

    typer.echo(_v("macrodesk"))


def main() -> None:
    """Console entry point: runs the app; macrodesk errors print one line and exit with status 2."""
    from macrodesk.exceptions import MacrodeskError

    try:
        app()  # standalone: usage errors print and exit 2, --help exits 0
    except MacrodeskError as exc:
        from rich.markup import escape

        console(stderr=True).print(f"[bold red]error:[/] {escape(str(exc))}", markup=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
