"""``macrodesk scenario …``: run scenario files on the stored data.

Registered by the main CLI with ``app.add_typer(scenario_app, name="scenario")``.
Errors are :class:`~macrodesk.exceptions.MacrodeskError` subclasses; the
``macrodesk`` entry point prints them as one line and exits with status 2.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from macrodesk.cli._common import JsonOpt, LangOpt, StoreOpt, check_lang, console, open_store, print_json, progress
from macrodesk.text import tr

__all__ = ["app"]

app = typer.Typer(
    help="Scenario files (TOML): MoM assumptions -> YoY paths, annual averages and ranges.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FileArg = Annotated[str, typer.Argument(help="Scenario file: a path, or a shipped file name such as cpi_2026.toml.")]


def _elasticities(items: list[str] | None) -> dict[str, float]:
    from macrodesk.exceptions import ScenarioError

    out: dict[str, float] = {}
    for item in items or []:
        key, sep, val = item.partition("=")
        try:
            if not sep or not key.strip():
                raise ValueError
            out[key.strip()] = float(val)
        except ValueError:
            raise ScenarioError(f"--elasticity must look like copper=0.0141, got '{item}'") from None
    return out


def _levels(items: list[str] | None) -> dict[str, dict[str, float]]:
    from macrodesk.exceptions import ScenarioError

    out: dict[str, dict[str, float]] = {}
    for item in items or []:
        key, sep, rest = item.partition(":")
        month, sep2, val = rest.partition("=")
        try:
            if not (sep and sep2 and key.strip() and month.strip()):
                raise ValueError
            out.setdefault(key.strip(), {})[month.strip()] = float(val)
        except ValueError:
            raise ScenarioError(f"--level must look like brent:2026-06=80, got '{item}'") from None
    return out


ElasticityOpt = Annotated[
    Optional[list[str]],
    typer.Option("--elasticity", help="Override a commodity elasticity, e.g. copper=0.0141 (repeatable)."),
]
LevelOpt = Annotated[
    Optional[list[str]],
    typer.Option("--level", help="Replace a commodity path's level targets, e.g. brent:2026-06=80 (repeatable; "
                                 "linked scenarios move by elasticity x the deviation from the reference path)."),
]
MethodOpt = Annotated[
    Optional[str],
    typer.Option("--method", help="YoY from MoM: 'published' (anchor on the published YoY) or 'chained' "
                                  "(index chained from MoMs). Default: the file's yoy_method."),
]


@app.command("run")
def run_cmd(
    file: FileArg,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="Information set: use data up to this month, YYYY-MM (default: latest).")
    ] = None,
    method: MethodOpt = None,
    elasticity: ElasticityOpt = None,
    level: LevelOpt = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "zh",
) -> None:
    """Run every scenario in FILE and print the monthly YoY paths, average (中枢), min and max."""

    from macrodesk.reports.views.scenarios import scenario_json
    from macrodesk.scenarios import load_spec, run

    check_lang(lang)
    spec = load_spec(file)
    elast = _elasticities(elasticity)
    levels = _levels(level)
    with progress(disable=as_json) as prog:
        task = prog.add_task(f"reading {', '.join(spec.series_ids())}", total=None)
        with open_store(store, read_only=True) as st:
            data = st.get_many(spec.series_ids(), missing="skip")
        prog.update(task, description=f"running {len(spec.scenarios)} scenarios")
        res = run(spec, data, as_of, method=method, elasticities=elast, levels=levels)
    if as_json:
        print_json(scenario_json(res))
        return
    _print_result(res, lang)


def _print_result(res, lang: str) -> None:
    from rich.table import Table

    from macrodesk.reports.views.scenarios import file_title, scenario_label, scenarios_text
    from macrodesk.text import format as F

    spec = res.spec
    title = tr(f"{file_title(spec, lang)}（{spec.file}）", f"{file_title(spec, lang)} ({spec.file})", lang)
    t = Table(title=title)
    t.add_column(tr("月份", "month", lang))
    for s in res.scenarios:
        t.add_column(scenario_label(s, lang), justify="right")
    first = res.scenarios[0]
    for p in first.yoy.index:
        mark = "" if bool(first.projected[p]) else tr("（实际）", " (actual)", lang)
        t.add_row(p.strftime("%Y-%m") + mark, *[F.num(s.yoy[p] * 100, 2, signed=True) for s in res.scenarios])
    t.add_section()
    for key, zh_label, en_label in (("mean", "全年中枢", "average"), ("min", "最低", "min"), ("max", "最高", "max")):
        t.add_row(tr(zh_label, en_label, lang),
                  *[F.num(getattr(s, key) * 100, 2, signed=True) for s in res.scenarios])
    con = console()
    con.print(t)
    con.print(scenarios_text(res, lang))
    for c in res.commodities:
        if not c.ok:
            con.print(tr("商品路径未生成：", "commodity path not built: ", lang) + f"{c.key} ({c.reason})")


@app.command("track")
def track_cmd(
    file: FileArg,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", help="The original information set, YYYY-MM "
                                                    "(default: the month before the horizon starts).")
    ] = None,
    method: MethodOpt = None,
    elasticity: ElasticityOpt = None,
    level: LevelOpt = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "zh",
) -> None:
    """Track FILE as actuals arrive: each horizon month's path vs the print and the error, and the
    annual average re-anchored on the actuals to date vs the original."""
    from macrodesk.reports.views.scenarios import track_json
    from macrodesk.scenarios import load_spec, track

    check_lang(lang)
    spec = load_spec(file)
    with open_store(store, read_only=True) as st:
        data = st.get_many(spec.series_ids(), missing="skip")
    res = track(spec, data, as_of, method=method, elasticities=_elasticities(elasticity), levels=_levels(level))
    if as_json:
        print_json(track_json(res))
        return
    _print_track(res, lang)


def _print_track(res, lang: str) -> None:
    from rich.table import Table

    from macrodesk.reports.views.scenarios import file_title, scenario_label, target_name
    from macrodesk.text import format as F

    spec, orig = res.spec, res.original
    con = console()
    nm = target_name(spec, lang)
    if not len(res.months):
        con.print(tr(f"{spec.file}：{orig.as_of.strftime('%Y-%m')}之后尚无{nm}同比公布，无可跟踪月份。",
                     f"{spec.file}: no {nm} YoY published after {orig.as_of.strftime('%Y-%m')} yet; nothing to track.",
                     lang))
        return
    t = Table(title=tr(f"{file_title(spec, lang)}：情景路径与实际（{nm}同比，%；原信息集{orig.as_of.strftime('%Y-%m')}）",
                       f"{file_title(spec, lang)}: path vs actual ({nm} YoY, %; original information set "
                       f"{orig.as_of.strftime('%Y-%m')})", lang))
    t.add_column(tr("月份", "month", lang))
    t.add_column(tr("实际", "actual", lang), justify="right")
    for s in orig.scenarios:
        t.add_column(scenario_label(s, lang), justify="right")
        t.add_column(tr("误差", "error", lang), justify="right")
    errs = {n: res.errors(n) for n in res.names}
    for p in res.months:
        cells = [F.num(res.actual_yoy[p] * 100, 2, signed=True)]
        for n in res.names:
            cells += [F.num(errs[n].at[p, "path_yoy"] * 100, 2, signed=True),
                      F.num(errs[n].at[p, "error_yoy"] * 100, 2, signed=True)]
        t.add_row(p.strftime("%Y-%m"), *cells)
    summ = res.summary()
    t.add_section()
    for key, zh, en in (("bias", "平均误差", "mean error"), ("mae", "平均绝对误差", "mean abs. error")):
        cells = [""]
        for n in res.names:
            cells += ["", F.num(summ.at[n, key] * 100, 2, signed=key == "bias")]
        t.add_row(tr(zh, en, lang), *cells)
    con.print(t)
    latest = res.latest.as_of.strftime("%Y-%m")
    c = Table(title=tr(f"全年中枢：原路径与按{latest}实际重新锚定", f"Annual average: original vs re-anchored on actuals "
                       f"to {latest}", lang))
    for h in (tr("情景", "scenario", lang), tr("原中枢", "original", lang), tr("重新锚定", "re-anchored", lang),
              tr("变化（百分点）", "change (pp)", lang)):
        c.add_column(h, justify="left" if not c.columns else "right")
    for s in orig.scenarios:
        c.add_row(scenario_label(s, lang), F.num(summ.at[s.name, "centre_original"] * 100, 2, signed=True),
                  F.num(summ.at[s.name, "centre_latest"] * 100, 2, signed=True),
                  F.num(summ.at[s.name, "centre_change"] * 100, 2, signed=True))
    con.print(c)


@app.command("list")
def list_cmd(as_json: JsonOpt = False, lang: LangOpt = "zh") -> None:
    """List the shipped scenario files with their target and scenarios."""
    from rich.table import Table

    from macrodesk.reports.views.scenarios import target_name
    from macrodesk.scenarios import load_spec, shipped_files

    check_lang(lang)
    specs = [load_spec(p.name) for p in shipped_files()]
    if as_json:
        print_json([
            {"file": s.file, "target": s.target, "mom": s.mom, "yoy": s.yoy,
             "horizon": [s.horizon[0].strftime("%Y-%m"), s.horizon[1].strftime("%Y-%m")],
             "scenarios": list(s.names)}
            for s in specs
        ])
        return
    t = Table("file", "target", "horizon", "scenarios")
    for s in specs:
        t.add_row(s.file, target_name(s, lang), f"{s.horizon[0].strftime('%Y-%m')}..{s.horizon[1].strftime('%Y-%m')}",
                  ", ".join(s.names))
    console().print(t)


@app.command("show")
def show_cmd(file: FileArg, as_json: JsonOpt = False, lang: LangOpt = "zh") -> None:
    """Validate FILE and print what each scenario assumes (no data needed)."""
    from macrodesk.reports.views.scenarios import commodity_name, file_title, scenario_describe, scenario_label
    from macrodesk.scenarios import load_spec

    check_lang(lang)
    spec = load_spec(file)
    names = {c.key: commodity_name(c, lang) for c in spec.commodities}
    if as_json:
        print_json({
            "file": spec.file, "target": spec.target, "mom": spec.mom, "yoy": spec.yoy,
            "horizon": [spec.horizon[0].strftime("%Y-%m"), spec.horizon[1].strftime("%Y-%m")],
            "yoy_method": spec.yoy_method,
            "assume": {p.strftime("%Y-%m"): v for p, v in spec.assume},
            "scenarios": {s.name: {"label": scenario_label(s, lang), "extends": s.extends,
                                   "describe": scenario_describe(s, lang, names)}
                          for s in spec.scenarios},
            "commodities": {c.key: {"series": c.series, "levels": {p.strftime("%Y-%m"): v for p, v in c.targets}}
                            for c in spec.commodities},
        })
        return
    con = console()
    con.print(f"[bold]{file_title(spec, lang)}[/] ({spec.file}): {spec.mom}, {spec.yoy}, "
              f"{spec.horizon[0].strftime('%Y-%m')}..{spec.horizon[1].strftime('%Y-%m')}, yoy_method={spec.yoy_method}")
    for p, v in spec.assume:
        con.print(f"  assume {p.strftime('%Y-%m')}: MoM {v:+.2f}%")
    for s in spec.scenarios:
        con.print(f"  [bold]{s.name}[/] {scenario_label(s, lang)}: {scenario_describe(s, lang, names)}")
    for c in spec.commodities:
        levels = ", ".join(f"{p.strftime('%Y-%m')}={v:g}" for p, v in c.targets)
        con.print(f"  commodity {c.key} ({c.series}): {levels}")
