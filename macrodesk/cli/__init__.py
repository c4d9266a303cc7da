"""The ``macrodesk`` command line: a thin layer over the store, transforms, reports, scenarios and nowcasts.

One module per command group: :mod:`~macrodesk.cli.data` (``data import/list/show/history``),
:mod:`~macrodesk.cli.calc`, :mod:`~macrodesk.cli.report` (``report``, ``demo``),
:mod:`~macrodesk.cli.project` (``init``, ``cache info/clear``),
:mod:`~macrodesk.cli.scenario`, :mod:`~macrodesk.cli.nowcast`, :mod:`~macrodesk.cli.store` (``store copy``)
and :mod:`~macrodesk.cli.serve` (the web desk); shared options and output
helpers are in :mod:`~macrodesk.cli._common`. Modules import their heavy dependencies inside
the commands, so ``macrodesk --help`` does not load pandas or matplotlib.

Every command that prints data takes ``--json``; errors a user can cause print one
clear line and exit with status 2 without a traceback.
"""

from __future__ import annotations

import sys

import typer

from macrodesk.cli import calc as _calc
from macrodesk.cli import calendar as _calendar
from macrodesk.cli import data as _data
from macrodesk.cli import nowcast as _nowcast
from macrodesk.cli import project as _project
from macrodesk.cli import report as _report
from macrodesk.cli import scenario as _scenario
from macrodesk.cli import serve as _serve
from macrodesk.cli import store as _store
from macrodesk.cli import update as _update
from macrodesk.cli._common import console

__all__ = ["app", "main"]

app = typer.Typer(
    name="macrodesk",
    help="China macro research engine: import data once, rebuild the analysis and report with one command.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def version() -> None:
    """Print the macrodesk version."""
    from importlib.metadata import version as _v

    typer.echo(_v("macrodesk"))


app.command("calc", context_settings={"help_option_names": ["-h", "--help"]})(_calc.calc)
app.command("report")(_report.report)
app.command("demo")(_report.demo)
app.command("init")(_project.init)
app.command("update")(_update.update)
app.command("version")(version)
app.command("calendar")(_calendar.calendar)
app.command("serve")(_serve.serve)
app.add_typer(_data.app, name="data")
app.add_typer(_scenario.app, name="scenario", help="Run CPI/PPI scenarios written as TOML files.")
app.add_typer(_project.cache_app, name="cache")
app.add_typer(_store.app, name="store", help="Stores: copy one between a DuckDB file and PostgreSQL.")
app.add_typer(_nowcast.app, name="nowcast", help="Nowcast CPI/PPI from high-frequency prices; real-time backtests.")


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
