"""``macrodesk store``: move a store between a DuckDB file and a PostgreSQL database."""

from __future__ import annotations

from typing import Annotated

import typer

from macrodesk.cli._common import JsonOpt, console, print_json

__all__ = ["app"]

app = typer.Typer(no_args_is_help=True, help="Stores: copy one between a DuckDB file and PostgreSQL.")


@app.command("copy")
def copy(
    source: Annotated[str, typer.Argument(help="The store to copy: a DuckDB file or postgresql://user@host/db.")],
    target: Annotated[str, typer.Argument(help="An empty or new store: a DuckDB file or postgresql://user@host/db.")],
    as_json: JsonOpt = False,
) -> None:
    """Copy every series, vintage, value and release date from SOURCE into the empty store TARGET.

    One transaction: on any error TARGET is left as it was. The copy is checked row for row.
    """
    from macrodesk.exceptions import StoreError
    from macrodesk.series.store import Store
    from macrodesk.series.store_copy import copy_store, dump

    with Store(source, read_only=True) as src, Store(target) as dst:
        if str(src.path) == str(dst.path):
            raise StoreError("SOURCE and TARGET are the same store")
        counts = copy_store(src, dst)
        if dump(src) != dump(dst):  # pragma: no cover - a backend bug, not the user's input
            raise StoreError(f"the copy in '{dst.path}' differs from '{src.path}'")
        shown = {"source": str(src.path), "target": str(dst.path), "rows": counts}
    if as_json:
        print_json(shown)
        return
    console().print(f"Copied {counts['series']} series, {counts['vintages']} vintages and {counts['observations']} "
                    f"stored values from {shown['source']} to {shown['target']} (checked row for row).")
