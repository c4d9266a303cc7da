"""Report recipes: stored data in, a :class:`~macrodesk.reports.model.Report` out.

Each recipe names the series it needs (``REQUIRED``) and those it uses when
present (``OPTIONAL``) and has a ``build(inputs, as_of, lang)`` function.
:func:`build_report` fetches them from a store or from a plain mapping of
series, cut at the as-of month (the last data month), so the recipes themselves
never touch files or the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pandas as pd

from macrodesk.exceptions import ReportError, UnknownSeriesError
from macrodesk.series import MacroSeries

__all__ = ["REPORTS", "DEMO_REPORTS", "DEMO_RUNS", "DemoRun", "build_report", "recipe_module", "report_inputs"]


@dataclass(frozen=True)
class _Recipe:
    module: str
    help: str
    help_zh: str = ""

    def load(self) -> ModuleType:
        import importlib

        return importlib.import_module(self.module)

    def describe(self, lang: str = "en") -> str:
        """The one-line description in ``lang`` (the English one where there is no Chinese)."""
        from macrodesk.text import tr

        return tr(self.help_zh, self.help, lang) or self.help


REPORTS: dict[str, _Recipe] = {
    "inflation-review": _Recipe(
        "macrodesk.analyses.inflation_review",
        "CPI/PPI review: YoY history, cumulative MoM vs seasonal norms, components, carry-over",
        "CPI/PPI回顾：同比走势、累计环比与季节性规律对比、分项、翘尾",
    ),
    "inflation-outlook": _Recipe(
        "macrodesk.analyses.inflation_outlook",
        "Annual CPI/PPI outlook: review, basket rotation, pig cycle, carry-over, M1 lead, commodity factors, "
        "inventory cycles, scenarios",
        "CPI/PPI年度展望：回顾、基期轮换、猪周期、翘尾、M1领先、大宗商品因子、库存周期、情景",
    ),
    "trade-flash": _Recipe(
        "macrodesk.analyses.trade_flash",
        "Trade data flash: exports/imports YoY, MoM vs earlier years, contributions by region/product, "
        "price vs volume, peers, high-frequency nowcast",
        "进出口数据快评：进出口同比、环比与往年对比、分地区和分产品拉动、量价拆分、同类经济体对比、高频预测",
    ),
    "cpi-ppi-flash": _Recipe(
        "macrodesk.analyses.cpi_ppi_flash",
        "CPI/PPI flash on release day (--month YYYY-MM): actual vs consensus vs nowcast vs prior, components and "
        "their pulls, carry-over vs new price, seasonal comparison, PPI groups, next month's nowcast",
        "CPI/PPI发布日快评（--month YYYY-MM）：实际值与一致预期、预测值和前值对比，分项及其拉动，翘尾与新涨价，"
        "季节性对比，PPI分类，下月预测",
    ),
}


def recipe_module(name: str) -> ModuleType:
    """The recipe module of report ``name``; a :class:`ReportError` listing the known names (and the
    closest one, for a typo) otherwise."""
    recipe = REPORTS.get(name)
    if recipe is None:
        import difflib

        close = difflib.get_close_matches(name.lower(), list(REPORTS), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise ReportError(f"unknown report '{name}'; {hint}available: {', '.join(REPORTS)}")
    return recipe.load()

#: Reports ``macrodesk demo`` builds from the bundled sample.
DEMO_REPORTS: tuple[str, ...] = ("inflation-review", "inflation-outlook", "trade-flash", "cpi-ppi-flash")


@dataclass(frozen=True)
class DemoRun:
    """One report the demo builds: recipe ``name`` at ``as_of`` (None: the latest month) into ``folder``."""

    name: str
    as_of: str | None
    folder: str


#: Every report ``macrodesk demo`` builds, in order: the four reports at the latest month, and the
#: trade flash for 2025-03, the latest month where the bundled exports by partner are complete.
DEMO_RUNS: tuple[DemoRun, ...] = (
    *(DemoRun(n, None, n) for n in DEMO_REPORTS),
    DemoRun("trade-flash", "2025-03", "trade-flash-2025-03"),
)


class _MappingSource:
    """The two store calls a recipe's inputs need, answered from ``{id: MacroSeries}``."""

    def __init__(self, series: Mapping[str, MacroSeries]) -> None:
        for key, value in series.items():
            if not isinstance(value, MacroSeries):
                raise ReportError(
                    f"series '{key}' is a {type(value).__name__}; build_report takes MacroSeries "
                    "(macrodesk.MacroSeries, or macrodesk.load_sample() / read_csv())"
                )
        self._series = dict(series)

    def has(self, series_id: str) -> bool:
        return series_id in self._series

    def get_many(self, ids: Iterable[str], *, missing: str = "skip") -> dict[str, MacroSeries]:
        return {i: self._series[i] for i in ids if i in self._series}


def _source(data: Any) -> Any:
    if isinstance(data, Mapping):
        return _MappingSource(data)
    if hasattr(data, "get_many") and hasattr(data, "has"):
        return data  # a Store
    raise ReportError(
        f"build_report takes a Store or a mapping {{series_id: MacroSeries}}; got {type(data).__name__}"
    )


def report_inputs(store, required, optional, as_of: str | None, *, lookahead: dict[str, int] | None = None):
    """Fetch a recipe's series from ``store``, cut at ``as_of`` (YYYY-MM); returns (Inputs, as_of Period).

    ``lookahead`` maps a series id to months it may run past ``as_of`` (a high-frequency
    indicator read for the first days of the next month by a nowcast).
    """
    from macrodesk.analyses._common import Inputs

    end = None
    if as_of is not None:
        try:
            end = pd.Period(as_of, freq="M")
        except ValueError:
            raise ReportError(f"--as-of (--month) must be a month like 2025-12, got '{as_of}'") from None
    missing_req = [i for i in required if not store.has(i)]
    if missing_req:
        raise UnknownSeriesError(
            missing_req[0],
            f"the report needs {', '.join(required)}; import them first (macrodesk data import …)",
        )
    series = store.get_many(list(required) + list(optional), missing="skip")
    if end is not None:
        la = lookahead or {}
        series = {k: v.slice(None, str(end + la.get(k, 0))) for k, v in series.items()}
    missing = [i for i in optional if i not in series or len(series[i]) == 0]
    first = series[required[0]].observations()
    if len(first) == 0:
        raise ReportError(f"series '{required[0]}' has no data up to {as_of}")
    return Inputs(series, missing), (end or first.index[-1])


def build_report(name: str, data: Any, *, as_of: str | None = None, lang: str = "zh"):
    """Build report ``name`` from ``data``: a :class:`~macrodesk.series.store.Store` or ``{id: MacroSeries}``.

    ``as_of`` (``"YYYY-MM"``) is the last data month: every input is cut there;
    by default the latest month of the report's first required series. Unknown
    names raise ReportError listing the known ones.
    """
    store = _source(data)
    mod = recipe_module(name)
    lookahead = {i: getattr(mod, "HF_LOOKAHEAD_MONTHS", 0) for i in getattr(mod, "HF_IDS", ())}
    inputs, end = report_inputs(store, mod.REQUIRED, mod.OPTIONAL, as_of, lookahead=lookahead)
    from macrodesk.reports import rendering_batch

    with rendering_batch():
        return mod.build(inputs, end, lang=lang)
