"""``macrodesk nowcast …``: live CPI/PPI nowcasts and real-time backtests from the store.

A typer sub-app; the main CLI registers it with ``app.add_typer(app, name="nowcast")``.
Errors are :class:`~macrodesk.exceptions.MacrodeskError` subclasses, which the
``macrodesk`` entry point prints as one line with exit status 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from macrodesk.cli._common import (
    JobsOpt, JsonOpt, LangOpt, SchedulerOpt, StoreOpt, check_lang, console, fail, note, open_store, print_json,
    progress,
)
from macrodesk.exceptions import ModelError
from macrodesk.text import tr

app = typer.Typer(
    help="Nowcast this month's CPI/PPI YoY from high-frequency prices, and backtest the models in real time.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ModelOpt = Annotated[str, typer.Option(
    "--model",
    help="evidence (default: members weighted by their real-time wins), bridge, dfm, combo (inverse-MSE "
         "combination), sf (CPI: Spring-Festival-aware norm) or groups (PPI: bottom-up by major group).",
)]
DateOpt = Annotated[
    Optional[str],
    typer.Option("--date", help="Date of the nowcast, YYYY-MM-DD (default: the last day of the month after "
                                "the last published print in the store)."),
]
AsOfAlias = Annotated[Optional[str], typer.Option("--as-of", hidden=True, help="Deprecated: use --date.")]


def _model(name: str, target: str):
    from macrodesk.models.nowcast import make_model

    return make_model(name, target)


def _fmt(x: float, digits: int = 2, signed: bool = False) -> str:
    from macrodesk.text.format import num

    return num(x, digits, signed=signed)


# ---------------------------------------------------------------- backtest
@app.command("backtest")
def backtest(
    target: Annotated[str, typer.Option("--target", help="cpi_yoy or ppi_yoy.")] = "cpi_yoy",
    start: Annotated[str, typer.Option("--start", help="First month to nowcast, YYYY-MM.")] = "2015-01",
    end: Annotated[str, typer.Option("--end", help="Last month to nowcast, YYYY-MM.")] = "2022-12",
    model: ModelOpt = "evidence",
    store: StoreOpt = None,
    jobs: JobsOpt = 1,
    scheduler: SchedulerOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "zh",
) -> None:
    """Rolling real-time backtest: each month nowcast on its last day, against the print, consensus and random walk.

    --jobs N splits the months into N blocks run on N processes; --scheduler sends them to a Dask cluster.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn

    from macrodesk.models.nowcast import month_range

    check_lang(lang)
    m = _model(model, target)
    months = month_range(start, end)
    with open_store(store, read_only=True) as st:
        data = st.get_many(list(m.series_ids()) + [m.target.consensus_id], missing="skip")
    _check_span(months, data.get(m.target.yoy_id), m.target.yoy_id)
    with progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), disable=as_json,
    ) as prog:
        task = prog.add_task(f"{m.name} {m.target.yoy_id}", total=len(months))
        res = m.backtest(data, start, end, progress=lambda _t: prog.advance(task), jobs=jobs, scheduler=scheduler)
    if as_json:
        print_json(json.loads(res.to_json()))
        return
    _print_backtest(res, lang)


#: The most months one backtest runs (each is a real-time nowcast).
MAX_BACKTEST_MONTHS = 1200


def _check_span(months, target, target_id: str) -> None:
    """A clear error for a backtest longer than :data:`MAX_BACKTEST_MONTHS` or outside the published target."""
    if len(months) > MAX_BACKTEST_MONTHS:
        raise ModelError(
            f"the backtest {months[0]}..{months[-1]} has {len(months)} months; at most {MAX_BACKTEST_MONTHS} "
            f"(100 years): choose --start and --end within the published {target_id}"
        )
    obs = target.observations() if target is not None else None
    if obs is not None and len(obs) and (months[-1] < obs.index[0] or months[0] > obs.index[-1] + 1):
        raise ModelError(
            f"the backtest {months[0]}..{months[-1]} has no published {target_id} to compare with "
            f"(it runs {obs.index[0]}..{obs.index[-1]})"
        )


def _print_backtest(res, lang: str) -> None:
    from rich.table import Table

    from macrodesk.reports.views.nowcast import backtest_text, target_name

    con = console()
    t = Table(
        tr("月份", "month", lang), tr("预测", "nowcast", lang), tr("实际", "actual", lang),
        tr("误差", "error", lang), tr("一致预期", "consensus", lang), tr("前值", "random walk", lang),
        title=f"{target_name(res.target, lang)} · {res.model}",
    )
    for p, r in res.rows.iterrows():
        t.add_row(
            p.strftime("%Y-%m"), _fmt(r["nowcast"], 1), _fmt(r["actual"], 1), _fmt(r["error"], 1, signed=True),
            _fmt(r["consensus"], 2), _fmt(r["random_walk"], 1),
        )
    con.print(t)
    bp = res.by_period()
    s = Table(
        tr("区间", "period", lang), tr("月数", "n", lang), "MAE", "RMSE", tr("偏差", "bias", lang),
        tr("≤0.1", "within ±0.1", lang), tr("一致预期MAE", "consensus MAE", lang),
        tr("随机游走MAE", "random walk MAE", lang),
        title=tr("误差（百分点）", "Errors (pp)", lang),
    )
    for name, r in bp.iterrows():
        s.add_row(
            tr("全样本", "all", lang) if name == "all" else str(name), str(int(r["n"])), _fmt(r["mae"], 3),
            _fmt(r["rmse"], 3), _fmt(r["bias"], 3, signed=True), f"{_fmt(r['within_0_1'] * 100, 0)}%",
            _fmt(r["consensus_mae"], 3), _fmt(r["random_walk_mae"], 3),
        )
    con.print(s)
    con.print(backtest_text(res, lang))


# ---------------------------------------------------------------- live nowcasts
def _live(target: str, date: Optional[str], model: str, store: Optional[str], as_json: bool, lang: str) -> None:
    from macrodesk.exceptions import ModelError

    check_lang(lang)
    m = _model(model, target)
    with open_store(store, read_only=True) as st:
        data = st.get_many(list(m.series_ids()), missing="skip")
    when = _date_arg(date) if date is not None else _latest_date(data, m.target.yoy_id, lang)
    info = m.info_set(data, when)
    with console(stderr=True).status(f"{m.name}: {m.target.yoy_id} {info.month}", spinner="dots") if not as_json else _null():
        nc = m.predict(info)
    if not getattr(nc, "computable", False):
        raise ModelError(f"cannot nowcast {m.target.yoy_id} for {info.month} as of {info.as_of.date()}: {nc.reason}")
    if as_json:
        print_json(json.loads(nc.to_json()))
        return
    _print_nowcast(nc, lang)


def _date_arg(text: str) -> str:
    """``--date`` checked as a day ``YYYY-MM-DD`` (or a month: its last day); else a one-line error."""
    from macrodesk.exceptions import ModelError
    from macrodesk.models.nowcast.data import as_timestamp

    try:
        as_timestamp(text, "--date")
    except ModelError as exc:
        fail(str(exc))
    return text


def _latest_date(data: dict, yoy_id: str, lang: str = "zh") -> str:
    """The last day of the month after the last published ``yoy_id`` print: the latest month the store can nowcast."""
    from macrodesk.exceptions import ModelError

    s = data.get(yoy_id)
    obs = s.observations() if s is not None else None
    if obs is None or not len(obs):
        raise ModelError(f"the store has no {yoy_id} print to nowcast from; import it (macrodesk data import …)")
    month = obs.index[-1] + 1
    day = month.asfreq("D", how="end").strftime("%Y-%m-%d")
    note(tr(f"预测{yoy_id} {month}（最新公布为{obs.index[-1]}，预测其下一个月），信息截至{day}；"
            f"用 --date YYYY-MM-DD 指定其他日期",
            f"nowcasting {yoy_id} for {month} (the month after the last published print, {obs.index[-1]}), "
            f"as of {day}; pass --date YYYY-MM-DD to choose another date", lang))
    return day


def _date_opts(date: Optional[str], as_of: Optional[str]) -> Optional[str]:
    """``--date``, or its hidden old name ``--as-of`` (with a one-line note)."""
    if as_of is None:
        return date
    if date is not None:
        fail("give --date only (--as-of is its deprecated old name)")
    note("note: `nowcast --as-of` is deprecated; use --date")
    return as_of


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _print_nowcast(nc, lang: str) -> None:
    from rich.table import Table

    from macrodesk.reports.views.nowcast import input_label as _input_label
    from macrodesk.reports.views.nowcast import input_value_text, nowcast_text

    con = console()
    con.print(nowcast_text(nc, lang))
    if nc.contributions is not None:
        t = Table(
            tr("输入", "input", lang), tr("本月输入", "this month's input", lang), tr("系数", "coef", lang),
            tr("环比拉动(pp)", "MoM contribution (pp)", lang), tr("同比拉动(pp)", "YoY contribution (pp)", lang),
            title=tr("各输入的贡献", "Contribution of each input", lang),
        )
        for k, r in nc.contributions.iterrows():
            t.add_row(
                _input_label(str(k), lang), input_value_text(str(k), r["change"], nc.month, lang), _fmt(r["coef"], 4),
                _fmt(r["mom"] * 100, 3, signed=True), _fmt(r["yoy"] * 100, 3, signed=True),
            )
        t.add_row(
            tr("翘尾及前值（环比为0时的同比）", "Carry (YoY with a zero MoM)", lang), "", "", "",
            _fmt(nc.carry * 100, 3, signed=True),
        )
        t.add_row(
            tr("合计（同比预测）", "Total (YoY nowcast)", lang), "", "", _fmt(nc.mom * 100, 3, signed=True),
            _fmt(nc.yoy * 100, 3, signed=True),
        )
        con.print(t)
    if nc.weights:
        w = ", ".join(f"{k} {_fmt(v * 100, 0)}%" for k, v in nc.weights.items())
        con.print(tr("模型权重：", "Model weights: ", lang) + w)
    for note in nc.notes:
        con.print(note)
    if nc.reconciled:
        months = ", ".join(p.strftime("%Y-%m") for p in nc.reconciled)
        con.print(tr("环比缺失、由同比递推补齐的月份：", "MoM reconciled from the YoY recursion: ", lang) + months)


def _live_command(name: str, target_id: str, doc: str) -> None:
    """Register ``nowcast <name>``: the live nowcast of ``target_id`` (cpi and ppi share options and body)."""

    def command(
        date: DateOpt = None,
        model: ModelOpt = "evidence",
        store: StoreOpt = None,
        as_json: JsonOpt = False,
        lang: LangOpt = "zh",
        as_of: AsOfAlias = None,
    ) -> None:
        _live(target_id, _date_opts(date, as_of), model, store, as_json, lang)

    command.__name__ = command.__qualname__ = name
    command.__doc__ = doc
    app.command(name)(command)


_live_command(
    "cpi", "cpi_yoy",
    "Nowcast CPI YoY of the month not yet released on the date, with an interval and input contributions.",
)
_live_command(
    "ppi", "ppi_yoy",
    "Nowcast PPI YoY of the month not yet released on the date, with an interval and input contributions.",
)
