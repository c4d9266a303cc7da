"""Options and output helpers shared by the ``macrodesk`` command and its sub-apps."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer

__all__ = [
    "StoreOpt", "JsonOpt", "LangOpt", "console", "progress", "print_json", "open_store", "check_lang", "fail", "note",
    "bad_argument", "period_arg", "current_project", "resolve_store", "results_cache", "NoCacheOpt", "JobsOpt",
    "SchedulerOpt",
]

StoreOpt = Annotated[
    Optional[str],
    typer.Option("--store", help="Store: a DuckDB file or a PostgreSQL URL postgresql://user@host/db (default: "
                 "$MACRODESK_STORE, else the store of the nearest macrodesk.toml, else the user data directory)."),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Compute everything afresh: neither read nor write the results cache."),
]
JobsOpt = Annotated[int, typer.Option(
    "--jobs", min=1, help="Run on N processes (joblib: pip install \"macrodesk\\[parallel]\"); same results as 1.")]
SchedulerOpt = Annotated[Optional[str], typer.Option(
    "--scheduler", help='Run on the Dask cluster whose scheduler is at ADDRESS, e.g. tcp://10.0.0.5:8786 '
                        '(pip install "macrodesk\\[dask]"; every worker needs macrodesk); same results.')]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON (rates in percent).")]
LangOpt = Annotated[str, typer.Option("--lang", help="Label language: zh or en.")]


def console(stderr: bool = False):
    """A rich console (to stderr for progress and errors)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def progress(*columns: Any, disable: bool = False) -> Any:
    """A transient progress display on stderr, shown only on a terminal.

    Off a terminal (a log file, a pipe, a cron job) rich would leave an empty line behind, so the
    display is switched off there.
    """
    from rich.progress import Progress

    con = console(stderr=True)
    return Progress(*columns, transient=True, console=con, disable=disable or not con.is_terminal)


def _json_default(o: Any) -> Any:
    import numpy as np
    import pandas as pd

    if isinstance(o, np.floating):
        return None if math.isnan(float(o)) else float(o)
    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, (pd.Timestamp, pd.Period)):
        return str(o)
    return str(o)


def print_json(obj: Any) -> None:
    """JSON to stdout, Chinese kept readable, numpy/pandas scalars converted."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default) + "\n")


def current_project():
    """The nearest ``macrodesk.toml`` (current folder, then its parents), parsed; None when there is none."""
    from macrodesk.project import find_project, load_project

    path = find_project()
    return None if path is None else load_project(path)


def resolve_store(path: "Optional[str | Path]") -> "Path | str":
    """The store to use: ``--store``, else ``$MACRODESK_STORE``, else the project file's, else the default.

    A file path comes back as a Path, a ``postgresql://`` URL as text.
    """
    import os

    from macrodesk.series.store import ENV_VAR, default_store_path
    from macrodesk.series.store_backends import location

    if path is not None:
        return location(path)
    if os.environ.get(ENV_VAR):
        return default_store_path()
    project = current_project()
    if project is not None:
        return project.store
    return default_store_path()


def open_store(path: "Optional[str | Path]", read_only: bool = False):
    """The store at :func:`resolve_store` ``(path)``."""
    from macrodesk.series.store import Store

    return Store(resolve_store(path), read_only=read_only)


def results_cache(store: "Path | str", *, disabled: bool = False):
    """The results cache for ``store`` and the nearest project file (:func:`macrodesk.project.results_cache`)."""
    from macrodesk.project import results_cache as _cache

    return _cache(store, current_project(), disabled=disabled)


def check_lang(lang: str) -> str:
    """``lang`` if supported, else a ReportError listing the supported languages."""
    from macrodesk.text.labels import check_lang as _check

    return _check(lang)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``error: MESSAGE`` as one line on stderr and exit with ``code`` (2: the user's input)."""
    from rich.markup import escape

    console(stderr=True).print(f"[bold red]error:[/] {escape(message)}", markup=True)
    raise typer.Exit(code)


def note(message: str) -> None:
    """One informational line on stderr (stdout stays clean for --json)."""
    from rich.markup import escape

    console(stderr=True).print(escape(message))


def bad_argument(option: str, value: object, expected: str) -> NoReturn:
    """One-line error naming the option: ``--start must be a month like 2025-12; got '2025-13'``."""
    fail(f"{option} must be {expected}; got '{value}'")


def period_arg(text: Optional[str], option: str, expected: str = "a month like 2025-12 or a date") -> Optional[str]:
    """``text`` unchanged if it reads as a period or a date (or is None), else a one-line error naming ``option``."""
    if text is None:
        return None
    import pandas as pd

    try:
        pd.Period(text.strip())
    except ValueError:
        bad_argument(option, text, expected)
    return text
