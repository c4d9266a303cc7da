"""The fuzz harness: a seeded store, a canonical dump of it, and one in-process CLI run per case.

Each case is (name, files, args): ``files`` maps a file name to bytes written into a fresh
folder; ``args`` is the command line, where ``{f}`` stands for that folder and ``{store}`` for a
private copy of the seeded store. A case passes when the command exits non-zero, prints no
traceback, names the file it was given (when it was given one) and leaves the store's content
exactly as it was.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import duckdb

HEADER = "series_id,date,value,unit,source,origin\n"
# Real NBS CPI prints for 2025 (percent), as in the shared data's cpi.csv.
CPI_YOY_2025 = [0.5, -0.7, -0.1, -0.1, -0.1, 0.1, 0.0, -0.4, -0.3, 0.2, 0.7, 0.8]
CPI_MOM_2025 = [0.7, -0.2, -0.4, 0.1, -0.2, -0.1, 0.4, 0.0, 0.1, 0.2, -0.1, 0.2]
MONTH_ENDS_2025 = ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30",
                   "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31"]


def seed_csv() -> str:
    rows = [f"cpi_yoy,{d},{v},pct_yoy,NBS,seed\n" for d, v in zip(MONTH_ENDS_2025, CPI_YOY_2025)]
    rows += [f"cpi_mom,{d},{v},pct_mom,NBS,seed\n" for d, v in zip(MONTH_ENDS_2025, CPI_MOM_2025)]
    return HEADER + "".join(rows)


def dump(path: Path) -> list:
    """Every table's rows, sorted: the store's content independent of its file layout."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = []
        tables = sorted(r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema='main'").fetchall())
        for t in tables:
            rows = con.execute(f'SELECT * FROM "{t}"').fetchall()
            out.append((t, sorted(map(repr, rows))))
        return out
    finally:
        con.close()


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    crashed: str  # the exception's traceback when one escaped main()


_COMMAND: list = []


def _main(args: list[str]) -> None:
    """What :func:`macrodesk.cli.main` does, on a click command built once (typer rebuilds it per call)."""
    import typer

    from macrodesk.cli import app, console
    from macrodesk.exceptions import MacrodeskError

    if not _COMMAND:
        _COMMAND.append(typer.main.get_command(app))
    try:
        _COMMAND[0].main(args, prog_name="macrodesk")
    except MacrodeskError as exc:
        from rich.markup import escape

        console(stderr=True).print(f"[bold red]error:[/] {escape(str(exc))}", markup=True)
        sys.exit(2)


def run_cli(args: list[str]) -> Outcome:
    """``macrodesk ARGS`` in-process, with :func:`macrodesk.cli.main`'s error handling."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.argv
    sys.argv = ["macrodesk", *args]
    code, crashed = 0, ""
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                _main(args)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - the corpus records what escaped
        crashed = traceback.format_exc()
        code = -1
    finally:
        sys.argv = old
    return Outcome(code, out.getvalue(), err.getvalue(), crashed)


@dataclass
class Case:
    name: str
    args: list[str]
    files: dict[str, bytes]
    names: str | None = None  # the text the message must hold (default: the first file's name)
    says: str | None = None  # and, where given, what it must say (so a case cannot pass for the wrong reason)
    family: str = ""  # which generator made it (csv, excel, nbs, customs, wide, toml, args, drawn)


def check(case: Case, seeded: Path, tmp: Path, seeded_dump: list | None = None) -> list[str]:
    """The promises ``case`` breaks (empty when it is rejected cleanly)."""
    folder = tmp / "in"
    folder.mkdir()
    for n, b in case.files.items():
        (folder / n).write_bytes(b)
    store = tmp / "store.duckdb"
    shutil.copy(seeded, store)
    before = seeded_dump if seeded_dump is not None else dump(store)
    raw = store.read_bytes()
    args = [a.replace("{f}", str(folder)).replace("{store}", str(store)) for a in case.args]
    o = run_cli(args)
    broken = []
    if o.crashed or "Traceback" in o.err:
        broken.append("traceback: " + (o.crashed or o.err)[-600:])
    elif o.code == 0:
        broken.append("exit 0: " + (o.out + o.err)[-300:])
    want = case.names if case.names is not None else (next(iter(case.files)) if case.files else None)
    if want and not o.crashed and want not in o.err:
        broken.append(f"message does not name {want!r}: {o.err.strip()[-300:]!r}")
    if case.says and not o.crashed and case.says not in " ".join(o.err.split()):
        broken.append(f"message does not say {case.says!r}: {o.err.strip()[-300:]!r}")
    touched = not store.exists() or store.read_bytes() != raw or Path(str(store) + ".wal").exists()
    if touched and store.exists() and dump(store) != before:
        broken.append("store changed")
    return broken
