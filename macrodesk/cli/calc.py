"""``macrodesk calc TRANSFORM SERIES``: one catalogue transform on a stored series.

The command is kept free of pandas so ``macrodesk --help`` starts fast; the
transforms it runs are in :mod:`macrodesk.transforms.registry`.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from macrodesk.cli._common import JsonOpt, LangOpt, StoreOpt, console, open_store, print_json

__all__ = ["calc"]

MonthValues = Optional[list[str]]


def calc(
    transform: Annotated[str, typer.Argument(help="Transform name; `macrodesk calc list x` lists them.")],
    series_id: Annotated[str, typer.Argument(help="Stored series id.")],
    year: Annotated[Optional[int], typer.Option("--year", help="Year (carryover, newprice, decompose, cum).")] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="First period YYYY-MM of the output or window.")] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last period YYYY-MM of the output or window.")] = None,
    months: Annotated[Optional[str], typer.Option("--months", help="Calendar-month span, e.g. 1-11 (cum, seasonal-norm).")] = None,
    years: Annotated[Optional[str], typer.Option("--years", help="Window of years, e.g. 2021-2024 (seasonal-norm).")] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="Use the data up to this month only, YYYY-MM (default: all).")
    ] = None,
    assume: Annotated[
        MonthValues,
        typer.Option("--assume", help="Assumed MoM in percent for a month not yet published, e.g. 2025-12=0 "
                                      "(a published month keeps its value)."),
    ] = None,
    override: Annotated[
        MonthValues,
        typer.Option("--override", help="MoM in percent that replaces a published month, e.g. 2025-12=0 "
                                        "(flagged in the output)."),
    ] = None,
    how: Annotated[str, typer.Option("--how", help="Aggregation for resample: mean, last, sum …")] = "mean",
    store: StoreOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "zh",
) -> None:
    """Run one catalogue transform on a stored series and print the result."""
    from macrodesk.transforms.registry import TRANSFORMS, run

    if transform == "list":
        for name, spec in TRANSFORMS.items():
            console().print(f"[bold]{name:15}[/] {spec.help}")
        return
    with open_store(store, read_only=True) as st:
        s = st.get(series_id)
    result = run(
        transform, s, year=year, start=start, end=end, months=months, years=years, as_of=as_of,
        assume=assume or [], override=override or [], how=how,
    )
    if as_json:
        print_json(result.to_json())
        return
    _print_result(result, lang)


def _print_result(result, lang: str) -> None:
    import pandas as pd
    from rich.table import Table

    from macrodesk.series.units import get_unit
    from macrodesk.text.format import num

    con = console()
    u = get_unit(result.unit)
    title = f"{result.transform}({result.series_id}) — {u.zh if lang == 'zh' else u.en}"
    frame = result.data.to_frame(result.transform) if isinstance(result.data, pd.Series) else result.data
    t = Table("", *[str(c) for c in frame.columns], title=title)
    for k, row in zip(result.keys(frame.index), frame.to_numpy()):
        t.add_row(k, *["—" if pd.isna(v) else num(v, 2) for v in row])  # num: no "-0.00" for a tiny negative
    con.print(t)
    if result.note:
        con.print(result.note)
    for line in result.flags:
        con.print(line)
