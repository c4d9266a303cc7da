"""What :func:`macrodesk.scenarios.run` returns: frozen, language-free results (rates as fractions).

Sentences, tables with labels, charts and report blocks for these come from
:mod:`macrodesk.reports.views.scenarios`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import pandas as pd

from macrodesk.models._base import ResultsMixin
from macrodesk.models.factor import CommodityPath
from macrodesk.scenarios.spec import CommodityPathSpec, ScenarioFile, ScenarioSpec
from macrodesk.series import SeriesMeta

__all__ = ["CommodityResult", "ScenarioResult", "ScenarioSetResult"]

_STATS = ("mean", "min", "max", "argmin", "argmax", "end", "mean_alt", "carryover_mean", "new_price_mean")


def _empty() -> pd.Series:
    return pd.Series([], index=pd.PeriodIndex([], freq="M"), dtype=float)


def _set(obj: object, **values: object) -> None:
    for k, v in values.items():
        object.__setattr__(obj, k, v)


@dataclass(frozen=True)
class CommodityResult(ResultsMixin):
    """One ``[commodities.KEY]`` path of a run: the file's targets and the path built from the data.

    ``path`` is the :class:`~macrodesk.models.factor.CommodityPath` (levels
    observed up to ``last_observed``, then the path; its MoM and YoY); it is
    None with ``reason`` set when the path could not be built, e.g. the series
    is not in the data or stops before the as-of month. ``mean_level``,
    ``mean_yoy`` (fraction) and ``end_yoy`` are over the horizon months.
    ``reference``: the path through ``spec.reference`` on the same history
    (None when the file gives no reference).
    """

    spec: CommodityPathSpec
    horizon: tuple[pd.Period, pd.Period]
    path: CommodityPath | None = None
    reason: str = ""
    meta: SeriesMeta | None = None
    reference: CommodityPath | None = None
    mean_level: float = field(init=False)
    mean_yoy: float = field(init=False)
    end_yoy: float = field(init=False)

    def __post_init__(self) -> None:
        if not self.ok:
            _set(self, mean_level=float("nan"), mean_yoy=float("nan"), end_yoy=float("nan"))
            return
        yoy = self.in_horizon(self.yoy)
        _set(self, mean_level=float(self.in_horizon(self.levels).mean()), mean_yoy=float(yoy.mean()),
             end_yoy=float(yoy.iloc[-1]) if len(yoy) else float("nan"))

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def series_id(self) -> str:
        return self.spec.series

    @property
    def ok(self) -> bool:
        return self.path is not None and not self.reason

    @property
    def levels(self) -> pd.Series:
        return self.path.level if self.path is not None else _empty()

    @property
    def mom(self) -> pd.Series:
        return self.path.mom if self.path is not None else _empty()

    @property
    def yoy(self) -> pd.Series:
        return self.path.yoy if self.path is not None else _empty()

    @property
    def last_observed(self) -> pd.Period | None:
        return self.path.last_observed if self.path is not None else None

    def in_horizon(self, s: pd.Series) -> pd.Series:
        return s[(s.index >= self.horizon[0]) & (s.index <= self.horizon[1])]

    def to_frame(self) -> pd.DataFrame:
        """Levels, MoM and YoY by month (empty when the path was not built)."""
        return pd.DataFrame({"level": self.levels, "mom": self.mom, "yoy": self.yoy})


@dataclass(frozen=True)
class ScenarioResult(ResultsMixin):
    """One scenario's paths (fractions).

    ``mom``: MoM from the month after the anchor to the end of the horizon.
    ``source``: per month of ``mom``, 'published', 'assumed' or 'scenario'.
    ``components``: the pieces of ``mom`` (column 'baseline' = seasonal norm or
    `set` MoM, then one column per overlay; rows sum to ``mom`` where source is
    'scenario'); ``component_kinds`` maps each column to the overlay it comes
    from in ``spec``: ('baseline', 0), ('shock', i), ('adjust', i) or ('commodity', i).
    ``yoy``: YoY over the horizon, published where the month is already out,
    projected after (``projected`` marks which). ``yoy_alt``: the same with the
    other ``yoy_method``. ``decomposition``: carry-over, new-price and implied
    YoY by horizon month (None with ``decomposition_reason`` if not computable).

    Statistics of ``yoy`` over the horizon: ``mean`` (the annual average, 中枢),
    ``min`` / ``argmin``, ``max`` / ``argmax``, ``end`` (last month),
    ``mean_alt`` (of ``yoy_alt``), ``carryover_mean`` and ``new_price_mean``.
    """

    name: str
    label_zh: str
    label_en: str
    mom: pd.Series
    source: pd.Series
    components: pd.DataFrame
    component_kinds: Mapping[str, tuple[str, int]]
    yoy: pd.Series
    yoy_alt: pd.Series | None
    projected: pd.Series
    decomposition: pd.DataFrame | None
    decomposition_reason: str = ""
    spec: ScenarioSpec | None = None
    mean: float = field(init=False)
    min: float = field(init=False)
    max: float = field(init=False)
    argmin: pd.Period = field(init=False)
    argmax: pd.Period = field(init=False)
    end: float = field(init=False)
    mean_alt: float = field(init=False)
    carryover_mean: float = field(init=False)
    new_price_mean: float = field(init=False)

    def __post_init__(self) -> None:
        y, dec = self.yoy, self.decomposition
        _set(
            self,
            mean=float(y.mean()), min=float(y.min()), max=float(y.max()),
            argmin=y.idxmin(), argmax=y.idxmax(), end=float(y.iloc[-1]),
            mean_alt=float(self.yoy_alt.mean()) if self.yoy_alt is not None else float("nan"),
            carryover_mean=float(dec["carryover"].mean()) if dec is not None else float("nan"),
            new_price_mean=float(dec["new_price"].mean()) if dec is not None else float("nan"),
        )

    def to_frame(self) -> pd.DataFrame:
        """By month: YoY (and the other method's), projected flag, MoM and its source, carry-over split."""
        cols: dict[str, pd.Series] = {"yoy": self.yoy}
        if self.yoy_alt is not None:
            cols["yoy_alt"] = self.yoy_alt
        cols.update(projected=self.projected, mom=self.mom, mom_source=self.source)
        if self.decomposition is not None:
            cols.update({c: self.decomposition[c] for c in self.decomposition.columns})
        return pd.DataFrame(cols)

    def summary(self) -> pd.DataFrame:
        """The statistics of the YoY path, one row."""
        return pd.DataFrame([{k: getattr(self, k) for k in _STATS}], index=pd.Index([self.name], name="scenario"))


@dataclass(frozen=True)
class ScenarioSetResult(ResultsMixin):
    """All scenarios of one file, run on one information set.

    ``anchor``: the last month with a published YoY at or before ``as_of``;
    ``anchor_yoy`` its value (fraction). ``anchor_chained``: the YoY of the
    index chained from published MoMs at the anchor; ``anchor_gap`` =
    ``anchor_yoy - anchor_chained`` (what separates the two ``yoy_method`` s).
    ``assumed``: the ``assume`` entries actually used (month -> MoM fraction),
    i.e. those for months without a published MoM at ``as_of``.
    ``history``: published YoY up to the anchor (fractions).
    """

    spec: ScenarioFile
    as_of: pd.Period
    method: str
    anchor: pd.Period
    anchor_yoy: float
    anchor_chained: float
    history: pd.Series
    scenarios: tuple[ScenarioResult, ...]
    commodities: tuple[CommodityResult, ...] = ()
    assumed: Mapping[pd.Period, float] = field(default_factory=dict)
    elasticities: Mapping[str, float] = field(default_factory=dict)
    inputs: tuple[SeriesMeta, ...] = ()
    anchor_gap: float = field(init=False)

    def __post_init__(self) -> None:
        _set(self, anchor_gap=self.anchor_yoy - self.anchor_chained)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.scenarios)

    def __getitem__(self, name: str) -> ScenarioResult:
        for s in self.scenarios:
            if s.name == name:
                return s
        raise KeyError(f"no scenario '{name}'; scenarios: {', '.join(self.names)}")

    def __iter__(self) -> Iterator[ScenarioResult]:
        return iter(self.scenarios)

    def __len__(self) -> int:
        return len(self.scenarios)

    @property
    def horizon(self) -> tuple[pd.Period, pd.Period]:
        return self.spec.horizon

    def commodity(self, key: str) -> CommodityResult | None:
        """The commodity path ``key`` of the file (None if the file has none of that name)."""
        return next((c for c in self.commodities if c.key == key), None)

    def to_frame(self) -> pd.DataFrame:
        """YoY paths (fractions): horizon months x scenario names."""
        return pd.DataFrame({s.name: s.yoy for s in self.scenarios})

    def summary(self) -> pd.DataFrame:
        """The statistics of each scenario's YoY path (rows: scenarios)."""
        return pd.concat([s.summary() for s in self.scenarios]) if self.scenarios else pd.DataFrame(columns=list(_STATS))

