"""Scenario specifications: a TOML file read into frozen dataclasses, validated.

A scenario is data, not code. One file describes one *target* (a price index
published as MoM and YoY, e.g. CPI) over a *horizon* of months and one or more
named scenarios for it. Every rate in the file is in **percent** (as analysts
write them); the engine converts to fractions.

File layout::

    target = "cpi"                      # short name, used in labels
    name_zh = "CPI"                     # optional display names
    name_en = "CPI"
    mom = "cpi_mom"                     # series id of the MoM (pct_mom)
    yoy = "cpi_yoy"                     # series id of the published YoY (pct_yoy)
    horizon = ["2026-01", "2026-12"]    # first and last month of the scenario
    yoy_method = "published"            # or "chained" (see the engine)
    assume = { "2025-12" = 0.0 }        # MoM (percent) for months not yet published
                                        # (a published value always wins over it)
    title_zh = "…"; title_en = "…"             # optional
    source = "…"; source_en = "…"               # optional: where the assumptions come from

    [commodities.copper]                # optional commodity price paths
    series = "wb_copper"                # monthly (or daily: averaged to months) levels
    name_zh = "铜"; name_en = "Copper"
    levels = { "2026-12" = 13500.0 }    # level targets; linear from the last
                                        # observed month, flat after the last target
    reference = { "2026-12" = 13500.0 } # optional: the path the stated MoMs hold under

    [scenarios.neutral]
    label_zh = "中性"; label_en = "Neutral"
    baseline = { window = [2021, 2025], stat = "mean", window_by_month = { "12" = [2021, 2024] } }
    set = [ { mom_pct = -0.2, months = "2026Q1" } ]          # replaces the baseline
    shocks = [ { component = "pork", shock_pct = 3.0, weight_pct = 2.0,
                 months = "2026-02..2026-07" } ]             # + weight x shock
    adjust = [ { pp = -0.04, months = "2026" } ]             # + a flat pp a month
    commodity = [ { path = "copper", elasticity = 0.0141 } ] # + elasticity x (path MoM - reference MoM)

    [scenarios.optimistic]
    extends = "neutral"                 # inherit everything, then add/override

Month selectors (``months``): ``"2026-03"``, ``"2026Q1"``, ``"2026H2"``,
``"2026"``, a range ``"2026-02..2026-07"`` / ``"2026Q2..2026Q4"``, or a list of
these. Every selector must fall inside the horizon.

Linked commodities (``commodity = [...]``), two modes (``mode``):

* ``"deviation"`` (the default when the commodity has a ``reference``): the
  scenario's stated MoMs hold under the reference path; the target MoM moves by
  ``elasticity x (path MoM - reference MoM)`` month by month. With ``levels`` equal
  to ``reference`` nothing moves; raising Brent 10% from a month adds
  ``elasticity x 10%`` to that month's MoM (the level stays higher after it).
* ``"mom"`` (the default without a ``reference``): adds ``elasticity x path MoM``,
  for scenarios whose MoMs do not already embody the commodity.

A link may carry its own ``levels`` (this scenario's path, e.g. an oil shock),
which replace the file's ``levels`` for that scenario.

``extends`` copies the parent's baseline, ``set`` entries and overlays; the
child's own ``baseline`` replaces the parent's, its ``set`` entries replace the
parent's for the months they name, and its overlays are added to the parent's.

The classes here hold what the file says; :mod:`macrodesk.scenarios._parse`
reads and validates a file into them (``load_spec``, ``parse_spec``).

Every problem raises :class:`~macrodesk.exceptions.ScenarioError` naming the
file and the key (``cpi_2026.toml: scenarios.optimistic.shocks[0].weight_pct:
…``). Unknown keys are errors too, so a typo never silently drops an assumption.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from macrodesk.exceptions import ScenarioError

__all__ = [
    "Baseline",
    "Setting",
    "Shock",
    "Adjustment",
    "CommodityLink",
    "CommodityPathSpec",
    "ScenarioSpec",
    "ScenarioFile",
    "YOY_METHODS",
    "LINK_MODES",
    "BASELINE_STATS",
]

#: How a YoY path is formed from a MoM path (see :mod:`macrodesk.scenarios.engine`).
YOY_METHODS: tuple[str, ...] = ("published", "chained")
#: How a linked commodity moves the target MoM (see :class:`CommodityLink`).
LINK_MODES: tuple[str, ...] = ("deviation", "mom")
#: Statistics a seasonal baseline can use.
BASELINE_STATS: tuple[str, ...] = ("mean", "median")


@dataclass(frozen=True)
class Baseline:
    """Seasonal-norm MoM by calendar month: ``stat`` of the same month over ``window`` years.

    ``window_by_month`` overrides the window for given calendar months, e.g.
    ``((12, (2021, 2024)),)`` when December of the last window year is not yet known.
    """

    window: tuple[int, int]
    stat: str = "mean"
    window_by_month: tuple[tuple[int, tuple[int, int]], ...] = ()

    def years(self, month: int) -> tuple[int, int]:
        """The (first, last) window years used for calendar ``month``."""
        return dict(self.window_by_month).get(month, self.window)


@dataclass(frozen=True)
class Setting:
    """A MoM (percent) that replaces the baseline in ``months``."""

    mom_pct: float
    months: tuple[pd.Period, ...]
    selector: str = ""


@dataclass(frozen=True)
class Shock:
    """A component's MoM shock (percent) at a basket weight (percent): adds ``weight × shock`` to MoM.

    ``pork, shock_pct=3, weight_pct=2`` adds 3% × 2% = 0.06 pp to the headline MoM in each month.
    """

    component: str
    shock_pct: float
    weight_pct: float
    months: tuple[pd.Period, ...]
    selector: str = ""
    label_zh: str = ""
    label_en: str = ""

    @property
    def pp(self) -> float:
        """Headline MoM added each month, in percentage points."""
        return self.shock_pct * self.weight_pct / 100.0


@dataclass(frozen=True)
class Adjustment:
    """A flat addition to MoM, in percentage points a month."""

    pp: float
    months: tuple[pd.Period, ...]
    selector: str = ""
    label_zh: str = ""
    label_en: str = ""


@dataclass(frozen=True)
class CommodityLink:
    """Feeds a commodity path into the target MoM.

    ``mode == "deviation"``: adds ``elasticity × (path MoM − reference MoM)``, the
    path being ``levels`` when the link gives its own, else the file's
    ``[commodities.KEY].levels``, and the reference the file's
    ``[commodities.KEY].reference``. ``mode == "mom"``: adds
    ``elasticity × path MoM``.

    ``elasticity`` is pp of target per 1% of the commodity (a YoY-on-YoY factor
    loading such as the seed's 0.0141 for copper applies unchanged, since a YoY
    is the compound of twelve MoMs).
    """

    path: str
    elasticity: float
    label_zh: str = ""
    label_en: str = ""
    mode: str = "mom"
    levels: tuple[tuple[pd.Period, float], ...] = ()

    @property
    def deviation(self) -> bool:
        return self.mode == "deviation"


@dataclass(frozen=True)
class CommodityPathSpec:
    """What a ``[commodities.KEY]`` table says: the series and its level targets by month.

    ``reference``: level targets of the path the file's stated MoMs hold under
    (empty when the file names none); linked scenarios in ``"deviation"`` mode
    move the target by the elasticity times the path's deviation from it.

    The path itself (linear from the last observed month through the targets,
    flat after the last) is computed by :func:`macrodesk.models.factor.commodity_path`.
    """

    key: str
    series: str
    targets: tuple[tuple[pd.Period, float], ...]
    name_zh: str = ""
    name_en: str = ""
    unit_zh: str = ""
    unit_en: str = ""
    reference: tuple[tuple[pd.Period, float], ...] = ()


@dataclass(frozen=True)
class ScenarioSpec:
    """One named scenario, with ``extends`` already resolved."""

    name: str
    label_zh: str = ""
    label_en: str = ""
    baseline: Baseline | None = None
    settings: tuple[Setting, ...] = ()
    shocks: tuple[Shock, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    commodities: tuple[CommodityLink, ...] = ()
    extends: str | None = None
    note: str = ""


@dataclass(frozen=True)
class ScenarioFile:
    """A validated scenario file: the target, horizon, assumptions, commodity paths and scenarios.

    ``assume``: (month, MoM percent) for months not yet published; the engine
    uses an entry only where the month has no published MoM at the as-of month.
    """

    file: str
    target: str
    mom: str
    yoy: str
    horizon: tuple[pd.Period, pd.Period]
    scenarios: tuple[ScenarioSpec, ...]
    yoy_method: str = "published"
    assume: tuple[tuple[pd.Period, float], ...] = ()
    commodities: tuple[CommodityPathSpec, ...] = ()
    name_zh: str = ""
    name_en: str = ""
    title_zh: str = ""
    title_en: str = ""
    source: str = ""
    source_en: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.scenarios)

    def scenario(self, name: str) -> ScenarioSpec:
        for s in self.scenarios:
            if s.name == name:
                return s
        raise ScenarioError(f"{self.file}: no scenario '{name}'; the file defines: {', '.join(self.names)}")

    def commodity(self, key: str) -> CommodityPathSpec:
        for c in self.commodities:
            if c.key == key:
                return c
        raise ScenarioError(f"{self.file}: no commodity path '{key}'")

    def zero_deviation(self, lk: CommodityLink) -> bool:
        """True for a deviation link whose path is its reference, so it adds nothing whatever the data."""
        if not lk.deviation or lk.levels:
            return False
        c = next((c for c in self.commodities if c.key == lk.path), None)
        return c is not None and c.targets == c.reference

    @property
    def horizon_months(self) -> pd.PeriodIndex:
        return pd.period_range(self.horizon[0], self.horizon[1], freq="M")

    def series_ids(self) -> tuple[str, ...]:
        """Series the scenarios read: target MoM and YoY, then the commodity series."""
        ids = [self.mom, self.yoy] + [c.series for c in self.commodities]
        return tuple(dict.fromkeys(ids))

    def required_series(self) -> tuple[str, ...]:
        """Series without which no scenario runs: the target and linked commodity series.

        A deviation link whose path is its reference (no own ``levels``, the
        file's ``levels`` equal to ``reference``) moves nothing and needs no data.
        """
        linked = {lk.path for s in self.scenarios for lk in s.commodities if not self.zero_deviation(lk)}
        ids = [self.mom, self.yoy] + [c.series for c in self.commodities if c.key in linked]
        return tuple(dict.fromkeys(ids))
