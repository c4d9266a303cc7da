"""``macrodesk report`` and ``macrodesk demo``: build the reports from the store (or the bundled sample)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from macrodesk.cli._common import JsonOpt, LangOpt, StoreOpt, console, fail, open_store, print_json

__all__ = ["report", "demo"]


def _formats(value: str) -> tuple[str, ...]:
    fmts = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in fmts if f not in ("html", "pdf", "md")]
    if bad:
        fail(f"unknown format '{bad[0]}'; choose from html, pdf, md (comma-separated)")
    return fmts


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


def _build(
    name: str, st: Any, as_of: Optional[str], out: Path, formats: tuple[str, ...], lang: str, quiet: bool = False
) -> dict[str, Path]:
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
    con.print(f"\nTo run the everyday commands on this store: export MACRODESK_STORE={path} (or pass --store {path})")
