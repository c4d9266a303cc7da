"""AKShare as a live source: its China macro functions mapped to macrodesk ids.

Two families of functions (read from AKShare's ``akshare/economic/macro_china.py``):

* **EastMoney-backed** (``macro_china_cpi``, ``macro_china_ppi``, ``macro_china_pmi``,
  ``macro_china_money_supply``, ``macro_china_hgjck``): one row per month, the month in
  ``月份`` as ``2025年12月份``, no release date.
* **jin10-backed** (``macro_china_cpi_yearly``, ``macro_china_cpi_monthly``,
  ``macro_china_ppi_yearly``, ``macro_china_exports_yoy``, ``macro_china_imports_yoy``,
  ``macro_china_pmi_yearly``, ``macro_china_non_man_pmi``, ``macro_china_m2_yearly``,
  ``macro_china_industrial_production_yoy``, ``macro_china_cx_pmi_yearly``): columns
  ``商品, 日期, 今值, 预测值, 前值``, one row per release. ``今值`` (actual) is stored under
  the id, ``预测值`` (consensus) under ``<id>_consensus``; ``日期`` is the release date and
  goes to ``released``. The period is the month before the release month (CPI, PPI, M2,
  trade and industry are published in the following month); for PMIs, published on the last
  day of the month or in the first days of the next, a release from the 20th on is that
  month's and an earlier one the previous month's.

When two functions give the same id (``cpi_yoy`` from ``macro_china_cpi`` and from
``macro_china_cpi_yearly``), the EastMoney value wins for each month and the jin10 row
supplies its release date. AKShare renames columns by position, so every frame's columns
are checked against the expected ones; a drift is a :class:`SourceError` naming the
function and the columns seen and expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from macrodesk.series.periods import read_period_text
from macrodesk.series.units import convert
from macrodesk.sources.base import COLUMNS, Progress, SourceError, empty_frame, month_span, one_line

__all__ = ["AkshareSource", "FUNCTIONS", "AkFunction", "Output", "INSTALL_HINT"]

INSTALL_HINT = 'AKShare is not installed; install the optional extra: pip install "macrodesk[akshare]"'

Kind = Literal["eastmoney", "jin10"]
PeriodRule = Literal["previous_month", "pmi"]


@dataclass(frozen=True)
class Output:
    """One column of a function's frame stored as one series (converted from ``from_unit`` if given)."""

    column: str
    id: str
    unit: str
    from_unit: str | None = None


@dataclass(frozen=True)
class AkFunction:
    """One AKShare function: its expected columns and the series it gives."""

    name: str
    kind: Kind
    columns: tuple[str, ...]
    outputs: tuple[Output, ...]
    source: str
    period: PeriodRule = "previous_month"

    def ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.outputs)


_JIN10_COLUMNS = ("商品", "日期", "今值", "预测值", "前值")


def _jin10(name: str, sid: str, unit: str, source: str, period: PeriodRule = "previous_month") -> AkFunction:
    return AkFunction(
        name, "jin10", _JIN10_COLUMNS,
        (Output("今值", sid, unit), Output("预测值", f"{sid}_consensus", unit)), source, period,
    )


def _side(prefix: str, flow: str) -> tuple[Output, ...]:
    return (
        Output(f"当月{prefix}额-金额", f"{flow}_usd_level", "usd_bn", "usd_thousand"),
        Output(f"当月{prefix}额-同比增长", f"{flow}_usd_yoy", "pct_yoy"),
        Output(f"累计{prefix}额-金额", f"{flow}_usd_ytd_level", "usd_bn", "usd_thousand"),
        Output(f"累计{prefix}额-同比增长", f"{flow}_usd_ytd_yoy", "pct_yoy_ytd"),
    )


# EastMoney functions first: for an id given by several functions, the first one's value wins.
FUNCTIONS: tuple[AkFunction, ...] = (
    AkFunction(
        "macro_china_cpi", "eastmoney",
        ("月份", "全国-当月", "全国-同比增长", "全国-环比增长", "全国-累计", "城市-当月", "城市-同比增长",
         "城市-环比增长", "城市-累计", "农村-当月", "农村-同比增长", "农村-环比增长", "农村-累计"),
        (Output("全国-同比增长", "cpi_yoy", "pct_yoy"), Output("全国-环比增长", "cpi_mom", "pct_mom")),
        "NBS (akshare/EastMoney)",
    ),
    AkFunction(
        "macro_china_ppi", "eastmoney", ("月份", "当月", "当月同比增长", "累计"),
        (Output("当月同比增长", "ppi_yoy", "pct_yoy"),), "NBS (akshare/EastMoney)",
    ),
    AkFunction(
        "macro_china_pmi", "eastmoney", ("月份", "制造业-指数", "制造业-同比增长", "非制造业-指数", "非制造业-同比增长"),
        (Output("制造业-指数", "pmi_mfg", "index_50"), Output("非制造业-指数", "pmi_nonmfg", "index_50")),
        "NBS/CFLP (akshare/EastMoney)",
    ),
    AkFunction(
        "macro_china_money_supply", "eastmoney",
        ("月份", "货币和准货币(M2)-数量(亿元)", "货币和准货币(M2)-同比增长", "货币和准货币(M2)-环比增长",
         "货币(M1)-数量(亿元)", "货币(M1)-同比增长", "货币(M1)-环比增长", "流通中的现金(M0)-数量(亿元)",
         "流通中的现金(M0)-同比增长", "流通中的现金(M0)-环比增长"),
        (Output("货币和准货币(M2)-数量(亿元)", "m2_level", "cny_100m"),
         Output("货币和准货币(M2)-同比增长", "m2_yoy", "pct_yoy"),
         Output("货币和准货币(M2)-环比增长", "m2_mom", "pct_mom"),
         Output("货币(M1)-数量(亿元)", "m1_level", "cny_100m"),
         Output("货币(M1)-同比增长", "m1_yoy", "pct_yoy"),
         Output("货币(M1)-环比增长", "m1_mom", "pct_mom"),
         Output("流通中的现金(M0)-数量(亿元)", "m0_level", "cny_100m"),
         Output("流通中的现金(M0)-同比增长", "m0_yoy", "pct_yoy")),
        "PBoC (akshare/EastMoney)",
    ),
    AkFunction(
        "macro_china_hgjck", "eastmoney",
        ("月份", "当月出口额-金额", "当月出口额-同比增长", "当月出口额-环比增长", "当月进口额-金额",
         "当月进口额-同比增长", "当月进口额-环比增长", "累计出口额-金额", "累计出口额-同比增长",
         "累计进口额-金额", "累计进口额-同比增长"),
        _side("出口", "exports") + _side("进口", "imports"),
        "GACC (akshare/EastMoney)",
    ),
    _jin10("macro_china_cpi_yearly", "cpi_yoy", "pct_yoy", "NBS (akshare/jin10)"),
    _jin10("macro_china_cpi_monthly", "cpi_mom", "pct_mom", "NBS (akshare/jin10)"),
    _jin10("macro_china_ppi_yearly", "ppi_yoy", "pct_yoy", "NBS (akshare/jin10)"),
    _jin10("macro_china_pmi_yearly", "pmi_mfg", "index_50", "NBS/CFLP (akshare/jin10)", "pmi"),
    _jin10("macro_china_non_man_pmi", "pmi_nonmfg", "index_50", "NBS/CFLP (akshare/jin10)", "pmi"),
    _jin10("macro_china_cx_pmi_yearly", "pmi_mfg_caixin", "index_50", "Caixin/S&P Global (akshare/jin10)", "pmi"),
    _jin10("macro_china_m2_yearly", "m2_yoy", "pct_yoy", "PBoC (akshare/jin10)"),
    _jin10("macro_china_exports_yoy", "exports_usd_yoy_headline", "pct_yoy", "GACC (akshare/jin10)"),
    _jin10("macro_china_imports_yoy", "imports_usd_yoy_headline", "pct_yoy", "GACC (akshare/jin10)"),
    _jin10("macro_china_industrial_production_yoy", "industrial_va_yoy", "pct_yoy", "NBS (akshare/jin10)"),
)

_BY_NAME = {f.name: f for f in FUNCTIONS}
_MONTH_SUFFIX = re.compile(r"份\s*$")


class AkshareSource:
    """AKShare's macro functions as a :class:`~macrodesk.sources.base.Source`.

    ``functions`` maps a function name to a callable returning its frame; by default they
    are looked up in the installed ``akshare`` package (a missing package is a
    :class:`SourceError` with the install hint). Tests inject fakes here.
    """

    name = "akshare"

    def __init__(self, functions: Mapping[str, Callable[[], pd.DataFrame]] | None = None) -> None:
        self._functions = functions

    # ------------------------------------------------------------------ the table
    def known_ids(self) -> tuple[str, ...]:
        """Every id some function gives, in table order."""
        return tuple(dict.fromkeys(sid for f in FUNCTIONS for sid in f.ids()))

    def functions_for(self, ids: Sequence[str] | None) -> list[AkFunction]:
        """The functions to call for ``ids`` (all when empty), in table order; unknown ids are an error."""
        known = self.known_ids()
        wanted = list(dict.fromkeys(ids)) if ids else list(known)
        unknown = [i for i in wanted if i not in known]
        if unknown:
            raise SourceError(
                f"akshare does not know {', '.join(repr(u) for u in unknown)}; known ids: {', '.join(known)}"
            )
        return [f for f in FUNCTIONS if set(f.ids()) & set(wanted)]

    # ------------------------------------------------------------------ fetching
    def fetch(
        self, ids: Sequence[str] | None = None, start: str | None = None, end: str | None = None,
        *, progress: Progress | None = None,
    ) -> pd.DataFrame:
        """Tidy rows of ``ids`` (every known id when empty) whose month lies in ``start``..``end``."""
        lo, hi = month_span(start, end)
        funcs = self.functions_for(ids)
        wanted = set(ids) if ids else set(self.known_ids())
        table = self._table(funcs)
        parts = []
        for f in funcs:
            if progress is not None:
                progress(f.name)
            try:
                raw = table[f.name]()
            except SourceError:
                raise
            except Exception as exc:  # akshare raises whatever requests/json raise
                raise SourceError(f"akshare.{f.name} failed: {one_line(exc)}") from None
            rows = tidy(f, raw)
            parts.append(rows[rows["series_id"].isin(wanted)])
        out = _merge(parts)
        if lo is not None:
            out = out[out["date"] >= lo]
        if hi is not None:
            out = out[out["date"] <= hi]
        return out.reset_index(drop=True)

    def _table(self, funcs: Sequence[AkFunction]) -> Mapping[str, Callable[[], pd.DataFrame]]:
        if self._functions is not None:
            missing = [f.name for f in funcs if f.name not in self._functions]
            if missing:
                raise SourceError(f"akshare: no function {', '.join(missing)} in the function table given")
            return self._functions
        return installed_functions([f.name for f in funcs])


def installed_functions(names: Sequence[str]) -> dict[str, Callable[[], pd.DataFrame]]:
    """``names`` looked up in the installed ``akshare`` (missing package: the install hint)."""
    try:
        import akshare as ak
    except ImportError:
        raise SourceError(INSTALL_HINT) from None
    table = {}
    for name in names:
        fn = getattr(ak, name, None)
        if fn is None:
            raise SourceError(
                f"akshare {getattr(ak, '__version__', '?')} has no function {name}; "
                f'upgrade it: pip install -U "macrodesk[akshare]"'
            )
        table[name] = fn
    return table


# ---------------------------------------------------------------------- one function's frame
def tidy(f: AkFunction, raw: pd.DataFrame) -> pd.DataFrame:
    """One function's frame as tidy rows (shape checked first)."""
    _check_shape(f, raw)
    if f.kind == "eastmoney":
        return _eastmoney(f, raw)
    return _jin10_rows(f, raw)


def _check_shape(f: AkFunction, raw: object) -> None:
    if not isinstance(raw, pd.DataFrame):
        raise SourceError(f"akshare.{f.name} returned {type(raw).__name__}, not a DataFrame")
    seen = tuple(str(c) for c in raw.columns)
    if seen != f.columns:
        missing = [c for c in f.columns if c not in seen]
        extra = [c for c in seen if c not in f.columns]
        detail = []
        if missing:
            detail.append(f"missing {', '.join(missing)}")
        if extra:
            detail.append(f"unexpected {', '.join(extra)}")
        raise SourceError(
            f"akshare.{f.name} changed shape ({'; '.join(detail) or 'columns reordered'}): "
            f"saw {len(seen)} columns [{', '.join(seen)}], expected {len(f.columns)} [{', '.join(f.columns)}]; "
            f"macrodesk's AKShare table needs updating for this akshare version"
        )


def _month_end(p: pd.Period) -> pd.Timestamp:
    return p.asfreq("M").end_time.normalize()


def _eastmoney(f: AkFunction, raw: pd.DataFrame) -> pd.DataFrame:
    dates = []
    for i, text in enumerate(raw["月份"]):
        p = None
        try:
            p = read_period_text(_MONTH_SUFFIX.sub("", str(text)))
        except ValueError:
            pass
        if p is None or p.freqstr not in ("M",):
            raise SourceError(f"akshare.{f.name}: row {i + 1}: 月份 '{text}' is not a month like 2025年12月份")
        dates.append(_month_end(p))
    date = pd.DatetimeIndex(dates)
    return _outputs(f, raw, date, pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]"))


def _jin10_rows(f: AkFunction, raw: pd.DataFrame) -> pd.DataFrame:
    empty = raw[["今值", "预测值"]].apply(pd.to_numeric, errors="coerce").isna().all(axis=1)
    raw = raw[~(raw["日期"].isna() & empty)].reset_index(drop=True)  # a row with no date and no value says nothing
    released = pd.to_datetime(raw["日期"], errors="coerce")
    bad = released.isna().to_numpy()
    if bad.any():
        i = int(np.argmax(bad))
        raise SourceError(f"akshare.{f.name}: row {i + 1}: 日期 '{raw['日期'].iloc[i]}' is not a date")
    rel = pd.DatetimeIndex(released).normalize()
    months = rel.to_period("M")
    if f.period == "pmi":
        periods = pd.PeriodIndex([m if d >= 20 else m - 1 for m, d in zip(months, rel.day)], freq="M")
    else:
        periods = months - 1
    date = periods.to_timestamp(how="end").normalize()
    rows = _outputs(f, raw, pd.DatetimeIndex(date), pd.Series(rel, index=raw.index))
    # two releases for one month: the period rule does not fit this function's history
    actual = rows[rows["series_id"] == f.outputs[0].id]
    dup = actual["date"].duplicated(keep=False)
    if dup.any():
        d = actual[dup].sort_values("released")
        first, second = d.iloc[0], d.iloc[1]
        raise SourceError(
            f"akshare.{f.name}: releases on {first['released']:%Y-%m-%d} and {second['released']:%Y-%m-%d} both "
            f"fall on {first['date']:%Y-%m}; fetch a later span with --start"
        )
    return rows


def _outputs(f: AkFunction, raw: pd.DataFrame, date: pd.DatetimeIndex, released: pd.Series) -> pd.DataFrame:
    parts = []
    for o in f.outputs:
        values = pd.to_numeric(raw[o.column], errors="coerce").to_numpy(dtype="float64")
        if o.from_unit is not None:
            values = np.asarray(convert(values, o.from_unit, o.unit), dtype="float64")
        keep = ~np.isnan(values)
        source = "jin10 consensus (akshare)" if o.column == "预测值" else f.source
        parts.append(pd.DataFrame({
            "series_id": o.id, "date": date[keep], "value": values[keep], "unit": o.unit, "source": source,
            "origin": f"akshare.{f.name} [{o.column}]", "released": released.to_numpy()[keep],
        }))
    return pd.concat(parts, ignore_index=True) if parts else empty_frame()


def _merge(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Rows of all functions; for an (id, month) given twice the first function's value, the first known release."""
    if not parts:
        return empty_frame()
    rows = pd.concat(parts, ignore_index=True)
    rows["released"] = pd.to_datetime(rows["released"])
    rows["_order"] = np.arange(len(rows))
    first = rows.sort_values("_order").groupby(["series_id", "date"], sort=False, as_index=False)
    out = first.first()  # first non-null per column: the value of the first function, any known release
    out = out.sort_values(["_order"]).drop(columns="_order")
    return out[list(COLUMNS)].sort_values(["series_id", "date"], kind="stable").reset_index(drop=True)
