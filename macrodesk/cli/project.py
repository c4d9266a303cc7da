"""``macrodesk init`` (write a project file) and ``macrodesk cache info/clear`` (the results cache)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from macrodesk.cli._common import JsonOpt, StoreOpt, console, fail, print_json, resolve_store, results_cache

__all__ = ["init", "cache_app"]


def init(
    folder: Annotated[Path, typer.Argument(help="Project folder (created if needed).")] = Path("."),
    store: Annotated[str, typer.Option(
        "--store", help="Store path written into the file, relative to the folder.")] = "store.duckdb",
    reports: Annotated[Optional[list[str]], typer.Option(
        "--report", help="A report the project keeps (repeat the option; default: every report).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Comma-separated report languages: zh,en.")] = "zh",
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: html,pdf,md.")] = "html,pdf,md",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing macrodesk.toml.")] = False,
) -> None:
    """Write FOLDER/macrodesk.toml: the store, the reports to build and the sources to fetch.

    Commands run in FOLDER or below it then use that store without --store, and
    `macrodesk report` with no name builds the listed reports into reports/<name>/.
    """
    from macrodesk.analyses import REPORTS
    from macrodesk.project import project_text, write_project

    names = list(dict.fromkeys(reports or REPORTS))
    unknown = [n for n in names if n not in REPORTS]
    if unknown:
        fail(f"--report: unknown report '{unknown[0]}'; available: {', '.join(REPORTS)}")
    langs = tuple(x.strip() for x in lang.split(",") if x.strip())
    formats = tuple(x.strip().lower() for x in fmt.split(",") if x.strip())
    text = project_text(store, [(n, f"reports/{n}") for n in names], langs=langs, formats=formats)
    path = write_project(folder, text, overwrite=force)  # validated: a bad --lang/--format names the key
    con = console()
    con.print(f"Wrote {path}")
    con.print(f"store   {(path.parent / store)}")
    con.print(f"reports {', '.join(names)} -> {path.parent / 'reports'}")
    con.print("Next: macrodesk data import FILES…, then macrodesk report")


cache_app = typer.Typer(no_args_is_help=True, help="The results cache beside the store: size, clearing.")


@cache_app.command("info")
def cache_info(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Where the results cache of the store is, how many entries and bytes it holds."""
    rc = results_cache(resolve_store(store))
    if rc is None:
        info: dict = {"dir": None, "entries": 0, "bytes": 0, "enabled": False}
    else:
        info = {**rc.info(), "enabled": True}
    if as_json:
        print_json(info)
        return
    if rc is None:
        console().print("results cache: off ($MACRODESK_CACHE=off or [cache] enabled = false)")
        return
    console().print(f"results cache {info['dir']}: {info['entries']} entries, {info['bytes'] / 2 ** 20:.1f} MB "
                    f"(bound {info['max_bytes'] / 2 ** 20:.0f} MB)")


@cache_app.command("clear")
def cache_clear(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Remove every entry of the store's results cache (the next builds compute afresh)."""
    rc = results_cache(resolve_store(store))
    if rc is None:
        fail("the results cache is off ($MACRODESK_CACHE=off or [cache] enabled = false); nothing to clear")
    n = rc.clear()
    if as_json:
        print_json({"dir": str(rc.directory), "removed": n})
    else:
        console().print(f"removed {n} entries from {rc.directory}")
