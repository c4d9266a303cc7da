"""Backtest results and the report blocks made from them.

:class:`BacktestResult` holds one row per month (percent, as published): the
nowcast as it would print (rounded to 0.1), the actual, the error, the
consensus, the random walk (``y_{t-1}``), the unrounded nowcast with its 80%
interval and the MoM nowcast. Statistics (pp): MAE, RMSE, bias (mean of
nowcast − actual) and the share of months within ±0.1 pp; the same for the
consensus and the random walk over the months where each exists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from macrodesk.models.nowcast.base import TargetSpec
from macrodesk.series._container import SeriesMeta

__all__ = ["BacktestResult", "error_stats", "backtest_blocks", "MODEL_LABELS"]

#: Display names of the models.
MODEL_LABELS: dict[str, tuple[str, str]] = {
    "bridge": ("桥接模型", "Bridge model"),
    "dfm": ("动态因子模型", "Dynamic factor model"),
    "combo": ("组合模型", "Combination"),
    "consensus": ("Wind一致预期", "Wind consensus"),
    "random_walk": ("随机游走（前值）", "Random walk (previous print)"),
}

_TOL = 1e-9


def error_stats(err: pd.Series | np.ndarray) -> dict[str, float]:
    """``n``, ``mae``, ``rmse``, ``bias`` and ``within_0_1`` (share with ``|e| <= 0.1``) of errors in pp."""
    e = np.asarray(err, dtype=float)
    e = e[np.isfinite(e)]
    if e.size == 0:
        return {"n": 0, "mae": np.nan, "rmse": np.nan, "bias": np.nan, "within_0_1": np.nan}
    return {
        "n": int(e.size),
        "mae": float(np.mean(np.abs(e))),
        "rmse": float(np.sqrt(np.mean(e**2))),
        "bias": float(np.mean(e)),
        "within_0_1": float(np.mean(np.abs(e) <= 0.1 + _TOL)),
    }


def _label(key: str, lang: str) -> str:
    zh, en = MODEL_LABELS.get(key, (key, key))
    return zh if lang == "zh" else en


@dataclass(frozen=True, eq=False)
class BacktestResult:
    """A rolling real-time backtest of one model on one target (see the module docstring)."""

    target: TargetSpec
    model: str
    rows: pd.DataFrame
    reconciled: tuple[pd.Period, ...] = ()
    failed: tuple[str, ...] = ()
    sources: tuple[SeriesMeta, ...] = ()
    release_day: int = 15
    computable: ClassVar[bool] = True

    # -- statistics ---------------------------------------------------------------------
    def _slice(self, start: Any = None, end: Any = None) -> pd.DataFrame:
        r = self.rows
        if start is not None:
            r = r[r.index >= pd.Period(str(start), freq="M")]
        if end is not None:
            r = r[r.index <= pd.Period(str(end), freq="M")]
        return r

    def stats(self, start: Any = None, end: Any = None) -> dict[str, Any]:
        """Model, consensus and random-walk statistics over ``start..end`` (default: all months).

        The consensus and the random walk are scored on the months where the model
        has a nowcast and they exist, so the three are compared on the same months
        (``consensus_n`` says how many).
        """
        r = self._slice(start, end)
        has = r["nowcast"].notna() & r["actual"].notna()
        model = error_stats(r.loc[has, "error"])
        cmask = has & r["consensus"].notna()
        cons = error_stats((r["consensus"] - r["actual"])[cmask])
        rw = error_stats((r["random_walk"] - r["actual"])[has & r["random_walk"].notna()])
        unr = error_stats((r["nowcast_unrounded"] - r["actual"])[has])
        out: dict[str, Any] = dict(model)
        out["mae_unrounded"] = unr["mae"]
        out["model_mae_on_consensus_months"] = error_stats(r.loc[cmask, "error"])["mae"]
        for k, v in cons.items():
            out[f"consensus_{k}"] = v
        for k, v in rw.items():
            out[f"random_walk_{k}"] = v
        return out

    @property
    def mae(self) -> float:
        return self.stats()["mae"]

    @property
    def rmse(self) -> float:
        return self.stats()["rmse"]

    @property
    def bias(self) -> float:
        return self.stats()["bias"]

    @property
    def within(self) -> float:
        """Share of months whose printed nowcast is within ±0.1 pp of the actual."""
        return self.stats()["within_0_1"]

    @property
    def consensus_mae(self) -> float:
        return self.stats()["consensus_mae"]

    @property
    def random_walk_mae(self) -> float:
        return self.stats()["random_walk_mae"]

    @property
    def start(self) -> pd.Period:
        return self.rows.index[0]

    @property
    def end(self) -> pd.Period:
        return self.rows.index[-1]

    def by_period(self, periods: Mapping[str, tuple[Any, Any]] | None = None) -> pd.DataFrame:
        """One row per period (default: each calendar year, then the whole sample).

        Columns: n, MAE, RMSE, bias, within ±0.1, consensus MAE, random-walk MAE (pp).
        """
        if periods is None:
            years = sorted({p.year for p in self.rows.index})
            periods = {str(y): (f"{y}-01", f"{y}-12") for y in years}
        table = {}
        for name, (a, b) in periods.items():
            table[name] = self.stats(a, b)
        table["all"] = self.stats()
        cols = ["n", "mae", "rmse", "bias", "within_0_1", "consensus_mae", "random_walk_mae"]
        return pd.DataFrame(table).T[cols]

    # -- presentation -----------------------------------------------------------------
    def summary(self, lang: str = "zh") -> str:
        from macrodesk.text import format as F

        st = self.stats()
        span = tr_(
            f"{F.month_label(self.start, 'zh')}至{F.month_label(self.end, 'zh')}",
            f"{F.month_label(self.start, 'en')}–{F.month_label(self.end, 'en')}",
            lang,
        )
        model = _label(self.model, lang)
        if lang == "zh":
            text = (
                f"{span}{self.target.name_zh}实时回测（{st['n']}个月）：{model}平均绝对误差"
                f"{F.num(st['mae'], 3)}个百分点，均方根误差{F.num(st['rmse'], 3)}，偏差{F.num(st['bias'], 3, signed=True)}，"
                f"{F.num(st['within_0_1'] * 100, 0)}%的月份误差不超过0.1个百分点"
            )
            if st["consensus_n"] and st["consensus_n"] < st["n"]:
                text += (
                    f"；在Wind一致预期可得的{st['consensus_n']}个月中，模型平均绝对误差"
                    f"{F.num(st['model_mae_on_consensus_months'], 3)}个百分点，一致预期{F.num(st['consensus_mae'], 3)}个百分点"
                )
            elif st["consensus_n"]:
                text += f"；同期Wind一致预期平均绝对误差{F.num(st['consensus_mae'], 3)}个百分点"
            if st["random_walk_n"]:
                text += f"，随机游走（前值）{F.num(st['random_walk_mae'], 3)}个百分点"
            text += "。"
        else:
            text = (
                f"Real-time backtest of {self.target.name_en}, {span} ({st['n']} months): {model} MAE "
                f"{F.num(st['mae'], 3)} pp, RMSE {F.num(st['rmse'], 3)}, bias {F.num(st['bias'], 3, signed=True)}, "
                f"{F.num(st['within_0_1'] * 100, 0)}% of months within ±0.1 pp"
            )
            if st["consensus_n"] and st["consensus_n"] < st["n"]:
                text += (
                    f"; over the {st['consensus_n']} months with a Wind consensus, model MAE "
                    f"{F.num(st['model_mae_on_consensus_months'], 3)} pp vs consensus {F.num(st['consensus_mae'], 3)} pp"
                )
            elif st["consensus_n"]:
                text += f"; Wind consensus MAE {F.num(st['consensus_mae'], 3)} pp over the same months"
            if st["random_walk_n"]:
                text += f", random walk (previous print) {F.num(st['random_walk_mae'], 3)} pp"
            text += "."
        if self.reconciled:
            months = ", ".join(p.strftime("%Y-%m") for p in self.reconciled)
            text += tr_(
                f"环比缺失的月份由同比递推补齐：{months}。",
                f" MoM missing and reconciled from the YoY recursion: {months}.",
                lang,
            )
        if self.failed:
            text += tr_(
                f"{len(self.failed)}个月无法预测（数据不足）。",
                f" {len(self.failed)} months could not be nowcast (too little data).",
                lang,
            )
        return text

    def table(self, lang: str = "zh", periods: Mapping[str, tuple[Any, Any]] | None = None) -> pd.DataFrame:
        """The error table (pp) as shown in reports."""
        bp = self.by_period(periods)
        names = _table_names(lang)
        out = bp.copy()
        out["within_0_1"] = out["within_0_1"] * 100
        out["n"] = out["n"].astype(int)
        out = out.rename(columns=names)
        out.index = [tr_("全样本", "All", lang) if i == "all" else i for i in out.index]
        out.index.name = tr_("区间", "Period", lang)
        return out

    def chart(self, lang: str = "zh"):
        """Nowcast vs actual vs consensus (percent), with :func:`macrodesk.reports.charts.line_chart`."""
        from macrodesk.plotting import charts

        df = pd.DataFrame(
            {
                tr_(f"{self.target.name_zh}实际值", f"{self.target.name_en} actual", lang): self.rows["actual"],
                tr_(f"{_label(self.model, lang)}预测", f"{_label(self.model, lang)} nowcast", lang): self.rows["nowcast"],
            }
        )
        if self.rows["consensus"].notna().any():
            df[_label("consensus", lang)] = self.rows["consensus"]
        return charts.line_chart(df, ylabel="%", lang=lang, colors=["#1F3864", "#C00000", "#7F7F7F"])

    def to_json(self, digits: int = 4) -> dict[str, Any]:
        """``{"target", "model", "rows": [{"month", "nowcast", "actual", …}], "mae", "rmse", "bias", …}``."""

        def val(x: Any) -> float | None:
            return None if x is None or not np.isfinite(x) else round(float(x), digits)

        st = self.stats()
        rows = [
            {
                "month": p.strftime("%Y-%m"),
                "nowcast": val(r["nowcast"]),
                "actual": val(r["actual"]),
                "error": val(r["error"]),
                "consensus": val(r["consensus"]),
                "random_walk": val(r["random_walk"]),
                "nowcast_unrounded": val(r["nowcast_unrounded"]),
                "interval_80": [val(r["lower"]), val(r["upper"])],
                "nowcast_mom": val(r["nowcast_mom"]),
                "actual_mom": val(r["actual_mom"]),
            }
            for p, r in self.rows.iterrows()
        ]
        out: dict[str, Any] = {
            "target": self.target.yoy_id,
            "model": self.model,
            "start": self.start.strftime("%Y-%m"),
            "end": self.end.strftime("%Y-%m"),
            "rows": rows,
            "n": st["n"],
            "mae": val(st["mae"]),
            "rmse": val(st["rmse"]),
            "bias": val(st["bias"]),
            "within_0_1": val(st["within_0_1"]),
            "mae_unrounded": val(st["mae_unrounded"]),
            "consensus_mae": val(st["consensus_mae"]),
            "consensus_n": st["consensus_n"],
            "random_walk_mae": val(st["random_walk_mae"]),
            "random_walk_n": st["random_walk_n"],
            "by_year": {
                k: {c: (int(v) if c == "n" else val(v)) for c, v in row.items()}
                for k, row in self.by_period().drop(index="all").iterrows()
            },
        }
        if self.reconciled:
            out["reconciled_mom"] = [p.strftime("%Y-%m") for p in self.reconciled]
        if self.failed:
            out["not_computable"] = list(self.failed)
        return out

    def source_line(self, lang: str = "zh") -> str:
        from macrodesk.text import source_line

        return source_line([SimpleNamespace(meta=m) for m in self.sources], lang)  # type: ignore[list-item]


def tr_(zh: str, en: str, lang: str) -> str:
    return zh if lang == "zh" else en


def _table_names(lang: str) -> dict[str, str]:
    return {
        "n": tr_("月数", "Months", lang),
        "mae": tr_("模型MAE", "MAE", lang),
        "rmse": tr_("模型RMSE", "RMSE", lang),
        "bias": tr_("偏差", "Bias", lang),
        "within_0_1": tr_("误差≤0.1占比(%)", "Within ±0.1 (%)", lang),
        "consensus_mae": tr_("一致预期MAE", "Consensus MAE", lang),
        "random_walk_mae": tr_("随机游走MAE", "Random walk MAE", lang),
    }


def backtest_blocks(
    results: BacktestResult | Sequence[BacktestResult],
    lang: str = "zh",
    *,
    periods: Mapping[str, tuple[Any, Any]] | None = None,
) -> list:
    """Report blocks for one or more backtests: per result a paragraph, a chart and an error table.

    Drop them into any :class:`~macrodesk.reports.model.Section`; figures and
    tables are numbered by the report. ``periods`` maps a label to ``(start, end)``
    for the table rows (default: calendar years).
    """
    from macrodesk.text import format as F
    from macrodesk.reports.model import Figure, Paragraph, Table

    if isinstance(results, BacktestResult):
        results = [results]
    blocks: list = []
    for res in results:
        src = res.source_line(lang)
        name = res.target.name(lang)
        model = _label(res.model, lang)
        blocks.append(Paragraph(res.summary(lang)))
        blocks.append(
            Figure(
                res.chart(lang),
                tr_(f"{name}：{model}实时预测、实际值与一致预期", f"{name}: real-time {model.lower()} nowcast, actual and consensus", lang),
                source=src,
                note=tr_(
                    "预测在每月最后一天做出，只使用当日可得的数据；一致预期仅用于比较，不作为模型输入。",
                    "Each nowcast is made on the last day of the month with the data available that day; "
                    "the consensus is shown for comparison only and is not a model input.",
                    lang,
                ),
            )
        )
        tbl = res.table(lang, periods)
        names = _table_names(lang)
        fmt = {
            names["n"]: lambda v: F.num(v, 0),
            names["mae"]: lambda v: F.num(v, 3),
            names["rmse"]: lambda v: F.num(v, 3),
            names["bias"]: lambda v: F.num(v, 3, signed=True),
            names["within_0_1"]: lambda v: F.num(v, 0),
            names["consensus_mae"]: lambda v: F.num(v, 3),
            names["random_walk_mae"]: lambda v: F.num(v, 3),
        }
        blocks.append(
            Table(
                tbl,
                tr_(f"{name}实时回测误差（百分点）", f"{name} real-time backtest errors (pp)", lang),
                source=src,
                formats=fmt,
            )
        )
    return blocks
