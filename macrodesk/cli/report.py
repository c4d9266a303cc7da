"""``macrodesk report`` and ``macrodesk demo``: build the reports from the store (or the bundled sample).

``report NAME`` builds one report; ``report`` with no name builds every report the
project file (``macrodesk.toml``) lists, each with its as-of rule, folder, languages
and formats. Builds go through the results cache (:mod:`macrodesk.cache`): the
expensive model results and the written files are kept keyed by the exact inputs,
the options and the code, so an unchanged report is rewritten from the cache.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from macrodesk.cli._common import (
    JobsOpt, JsonOpt, NoCacheOpt, StoreOpt, check_lang, console, current_project, fail, open_store, print_json,
    progress, resolve_store, results_cache,
)

__all__ = ["report", "demo", "report_key"]

_DEFAULT_FORMATS = ("html", "pdf", "md")
_ALL_FORMATS = ("html", "pdf", "md", "xlsx", "docx")


def _formats(value: str) -> tuple[str, ...]:
    fmts = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in fmts if f not in _ALL_FORMATS]
    if bad:
        fail(f"unknown format '{bad[0]}'; choose from {', '.join(_ALL_FORMATS)} (comma-separated)")
    _check_extras(fmts)
    return fmts


_EXTRAS = {"xlsx": ("xlsxwriter", "excel"), "docx": ("docx", "word")}


#: The built-in reports, for the help text (``macrodesk.analyses.REPORTS`` is not imported to show help).
REPORT_NAMES = ("inflation-review", "inflation-outlook", "trade-flash", "cpi-ppi-flash")


def _check_extras(fmts: tuple[str, ...]) -> None:
    """Stop before building when a requested format's optional package is missing."""
    import importlib.util
    import sys

    for f in fmts:
        if f in _EXTRAS:
            module, extra = _EXTRAS[f]
            if sys.modules.get(module, "") is None or (module not in sys.modules
                                                       and importlib.util.find_spec(module) is None):
                fail(f'--format {f} needs the "{extra}" extra: pip install "macrodesk[{extra}]"')


def report(
    name: Annotated[
        Optional[str],
        typer.Argument(help=f"Report name: {', '.join(REPORT_NAMES)}; or 'custom' followed by a report file "
                            "(TOML). Without it: every report of the project file (macrodesk.toml), as configured "
                            "there."),
    ] = None,
    file: Annotated[
        Optional[Path],
        typer.Argument(help="With 'custom': the report file — own figures, built-in exhibits and sections of "
                            "built-in reports (see the README, Custom reports)."),
    ] = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", "--month", help="Latest month to use, YYYY-MM (default: the project file's rule, "
                                                "else the latest data)."),
    ] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", help="Output folder (default: the project file's, else macrodesk-report).")] = None,
    fmt: Annotated[Optional[str], typer.Option(
        "--format", help="Comma-separated: html,pdf,md,xlsx (数据底稿: data and native charts),docx (Word) "
                         "(default: the project file's, else html,pdf,md).")] = None,
    store: StoreOpt = None,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", help="Label language: zh or en (default: the project file's languages, else zh).")] = None,
    style: Annotated[Optional[Path], typer.Option(
        "--style", help="House style file (TOML: institution, analysts, disclaimer, colours, logo; default: the "
                        "project file's 'style'). Without one the report is labelled an internal research draft.")] = None,
    no_cache: NoCacheOpt = False,
    n_jobs: JobsOpt = 1,
    as_json: JsonOpt = False,
) -> None:
    """Build a report (or all the project's reports) from the stored data as HTML, PDF and Markdown.

    --jobs N builds the reports (and languages) on N processes; the files are the same.
    """
    formats = _formats(fmt) if fmt is not None else None
    langs = (check_lang(lang),) if lang is not None else None
    if name == "custom" or file is not None:
        if name != "custom" or file is None:
            fail("a report file goes with 'custom': macrodesk report custom my_report.toml")
        _custom(file, as_of, out, formats or _DEFAULT_FORMATS, langs or ("zh",), store, style, no_cache, as_json)
        return
    project = current_project()
    if name is None:
        if project is None:
            fail("give a report name (see macrodesk report --help), or run it in a folder with a macrodesk.toml "
                 "(macrodesk init) to build the project's reports")
        if not project.reports:
            fail(f"the project file '{project.file}' lists no [[report]] to build")
        jobs = [(r.name, as_of or r.as_of, out / r.name if out else r.out, formats or r.formats,
                 langs or r.langs) for r in project.reports]
    else:
        entry = project.report(name) if project is not None else None
        jobs = [(name, as_of or (entry.as_of if entry else None),
                 out or (entry.out if entry else Path("macrodesk-report")),
                 formats or (entry.formats if entry else _DEFAULT_FORMATS),
                 langs or (entry.langs if entry else ("zh",)))]
    from macrodesk.reports.style import load_style

    style_file = style or (project.style if project is not None else None)
    house = load_style(style_file) if style_file is not None else None
    path = resolve_store(store)
    written: dict[str, dict[str, str]] = {}
    builds = [(rname, r_as_of, r_out, r_formats, lg, rname if len(r_langs) == 1 else f"{rname}-{lg}")
              for rname, r_as_of, r_out, r_formats, r_langs in jobs for lg in r_langs]
    if n_jobs > 1 and len(builds) > 1:
        from macrodesk.models.parallel import parallel_map

        def shown(item: tuple, paths: dict[str, str]) -> None:
            if not as_json:
                for k, v in paths.items():
                    console().print(f"{k:5} {v}")

        here = Path.cwd()  # a pooled worker may have been started in another folder
        done = parallel_map(_build_one, [(here, path, no_cache, house, b) for b in builds], jobs=n_jobs,
                            on_result=shown)
        written = {b[-1]: paths for b, paths in zip(builds, done)}
    else:
        rcache = results_cache(path, disabled=no_cache)
        with open_store(path, read_only=True) as st:
            for rname, r_as_of, r_out, r_formats, lg, base in builds:
                paths = _build(rname, st, r_as_of, r_out, r_formats, lg, quiet=as_json, basename=base,
                               rcache=rcache, style=house)
                written[base] = {k: str(v) for k, v in paths.items()}
    if as_json:
        # one report in one language: {format: path}, as before; several: {basename: {format: path}}
        print_json(next(iter(written.values())) if name is not None and len(written) == 1 else written)


def _custom(file: Path, as_of: Optional[str], out: Optional[Path], formats: tuple[str, ...], langs: tuple[str, ...],
            store: Optional[str], style: Optional[Path], no_cache: bool, as_json: bool) -> None:
    """``report custom FILE``: check the file, then build it from the store in each language."""
    from macrodesk import cache
    from macrodesk.analyses.custom import build_custom, load_custom
    from macrodesk.reports import render
    from macrodesk.reports.style import load_style

    spec = load_custom(file)  # a malformed file stops here, before the store is opened
    project = current_project()
    style_file = style or (project.style if project is not None else None)
    house = load_style(style_file) if style_file is not None else None
    path = resolve_store(store)
    rcache = results_cache(path, disabled=no_cache)
    written: dict[str, dict[str, str]] = {}
    with open_store(path, read_only=True) as st:
        for lg in langs:
            base = file.stem if len(langs) == 1 else f"{file.stem}-{lg}"
            with cache.use(rcache):
                rep = build_custom(spec, st, as_of=as_of, lang=lg)
            paths = render(rep, out or Path("macrodesk-report"), formats=formats, basename=base, style=house)
            written[base] = {k: str(v) for k, v in paths.items()}
            if not as_json:
                for k, v in paths.items():
                    console().print(f"{k:5} {v}")
    if as_json:
        print_json(next(iter(written.values())) if len(written) == 1 else written)


def _build_one(job: tuple) -> dict[str, str]:
    """One report build in a worker process: its own read-only store connection and the same results cache."""
    here, path, no_cache, house, (rname, r_as_of, r_out, r_formats, lg, base) = job
    import os

    before = os.getcwd()
    os.chdir(here)  # relative paths (and the project file) as in the parent: a pooled worker may sit elsewhere
    try:
        with open_store(path, read_only=True) as st:
            paths = _build(rname, st, r_as_of, r_out, r_formats, lg, quiet=True, basename=base,
                           rcache=results_cache(path, disabled=no_cache), style=house)
    finally:
        os.chdir(before)
    return {k: str(v) for k, v in paths.items()}


# ---------------------------------------------------------------- one build, through the cache
def report_key(name: str, st: Any, as_of: Optional[str], formats: tuple[str, ...], lang: str,
               basename: Optional[str] = None, style: Any = None) -> tuple[str, Any]:
    """``(key, end month)`` of building report ``name`` now (:func:`macrodesk.analyses.files.report_key`)."""
    from macrodesk.analyses.files import report_key as _key

    return _key(name, st, as_of, formats, lang, basename, style=style)


def _build(
    name: str, st: Any, as_of: Optional[str], out: Path, formats: tuple[str, ...], lang: str, quiet: bool = False,
    basename: Optional[str] = None, rcache: Any = None, style: Any = None,
) -> dict[str, Path]:

    from macrodesk.analyses.files import write_report

    with progress(disable=quiet) as prog:
        task = prog.add_task(f"building {name}", total=None)
        paths = write_report(name, st, as_of, out, formats, lang, basename=basename, rcache=rcache, style=style,
                             progress=lambda text: prog.update(task, description=text))
    if not quiet:
        for k, v in paths.items():
            console().print(f"{k:5} {v}")
    return paths


# ---------------------------------------------------------------- demo
def demo(
    out: Annotated[Path, typer.Option("--out", help="Output folder for the reports.")] = Path("macrodesk-demo"),
    store: Annotated[
        Optional[Path], typer.Option("--store", help="Store file for the demo (default: OUT/demo.duckdb, made fresh).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Comma-separated: html,pdf,md,xlsx,docx.")] = "html,pdf,md",
    lang: Annotated[str, typer.Option("--lang", help="Label language: zh or en.")] = "zh",
    no_cache: NoCacheOpt = False,
) -> None:
    """Load the bundled sample into a fresh store, write OUT/macrodesk.toml and build the reports."""
    from macrodesk.analyses import DEMO_RUNS
    from macrodesk.cache import ResultsCache
    from macrodesk.datasets import load
    from macrodesk.importers import merge_series, with_release_dates
    from macrodesk.project import project_text, write_project

    formats = _formats(fmt)
    lang = check_lang(lang)
    out.mkdir(parents=True, exist_ok=True)
    path = store or (out / "demo.duckdb")
    if store is None:
        for p in (path, Path(str(path) + ".wal")):
            if p.exists():
                p.unlink()
        ResultsCache(Path(str(path) + ".cache")).clear()  # a fresh store starts a fresh cache
    store_entry = path.name if store is None else str(path.resolve())
    project = write_project(out, project_text(store_entry, [(r.name, r.folder, r.as_of) for r in DEMO_RUNS], langs=(lang,),
                                              formats=formats), overwrite=True)
    con = console()
    with con.status("loading the bundled sample data"):
        series = [with_release_dates(s) for s in merge_series(load())]  # the release days the calendar knows
        with open_store(path) as st:
            summary = st.write(series, label="bundled sample")
    con.print(f"Store {path}: {len(series)} series, {sum(summary.added.values())} observations loaded.")
    rcache = results_cache(path, disabled=no_cache)
    with open_store(path, read_only=True) as st:
        for run in DEMO_RUNS:
            _build(run.name, st, run.as_of, out / run.folder, formats, lang, rcache=rcache)
    from macrodesk.cli._builds import record_builds
    from macrodesk.project import load_project

    record_builds(load_project(project), path)  # the first `update` finds them up to date
    con.print(f"\nProject file {project}. In {out} the everyday commands need no --store:\n"
              f"  cd {out} && macrodesk data list && macrodesk report")
