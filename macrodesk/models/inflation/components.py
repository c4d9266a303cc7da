"""CPI review by component: cumulative MoM against seasonal norms, weight × change.

Seed 003, Table 1 and Figures 1–2: for each CPI component, the cumulative MoM
from January to the latest month of the review year, the same span's mean
over 2021–2024 and 2015–2019, the super-seasonal gap (actual − 2021–2024
mean), and the contribution ``weight × cumulative change`` (拉动, pp) with its
share of the headline change (贡献率).

Series ids (monthly): ``cpi_<code>_mom`` (pct_mom) or
``cpi_<code>_mom_index`` (index_prev_month_100), and the weights
``cpi_weight_<code>`` (pct; the latest value is used), with the codes of
:data:`CPI_COMPONENTS`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_frame, periods_text

__all__ = ["CPI_COMPONENTS", "CPI_CATEGORIES", "ComponentReview", "component_review"]

#: code -> (Chinese name, English name, parent code or None). The eight
#: categories have no parent; the items are those the seed's Table 1 shows.
CPI_COMPONENTS: dict[str, tuple[str, str, str | None]] = {
    "food_tobacco_liquor": ("食品烟酒", "Food, tobacco & liquor", None),
    "livestock_meat": ("畜肉类", "Livestock meat", "food_tobacco_liquor"),
    "pork": ("猪肉", "Pork", "livestock_meat"),
    "mutton": ("羊肉", "Mutton", "livestock_meat"),
    "beef": ("牛肉", "Beef", "livestock_meat"),
    "fresh_veg": ("鲜菜", "Fresh vegetables", "food_tobacco_liquor"),
    "fresh_fruit": ("鲜果", "Fresh fruit", "food_tobacco_liquor"),
    "edible_oil": ("食用油", "Edible oil", "food_tobacco_liquor"),
    "liquor": ("酒类", "Liquor", "food_tobacco_liquor"),
    "eggs": ("蛋类", "Eggs", "food_tobacco_liquor"),
    "housing": ("居住", "Housing", None),
    "edu_culture": ("教育文化和娱乐", "Education, culture & recreation", None),
    "transport_comm": ("交通和通信", "Transport & communication", None),
    "vehicle_fuel": ("交通工具用燃料", "Vehicle fuel", "transport_comm"),
    "healthcare": ("医疗保健", "Healthcare", None),
    "tcm": ("中药", "Traditional Chinese medicine", "healthcare"),
    "medical_services": ("医疗服务", "Medical services", "healthcare"),
    "clothing": ("衣着", "Clothing", None),
    "household_goods_services": ("生活用品及服务", "Household goods & services", None),
    "household_appliances": ("家用器具", "Household appliances", "household_goods_services"),
    "other_goods_services": ("其他用品和服务", "Other goods & services", None),
}

#: The eight CPI categories, in the NBS order.
CPI_CATEGORIES: tuple[str, ...] = (
    "food_tobacco_liquor", "clothing", "housing", "household_goods_services",
    "transport_comm", "edu_culture", "healthcare", "other_goods_services",
)

DEFAULT_WINDOWS: dict[str, range] = {"2021-2024": range(2021, 2025), "2015-2019": range(2015, 2020)}


@dataclass(frozen=True)
class ComponentReview(ResultsMixin):
    """Per-component cumulative MoM vs norms and contributions (fractions).

    ``table`` rows are components (codes) with columns ``weight``, ``actual``,
    one ``norm:<window>`` per window, ``gap`` (actual − first window's norm),
    ``contribution`` (weight × actual) and ``share`` (contribution / total
    change). ``not_computable`` maps a component to the reason it is absent.
    """

    year: int
    start_month: int
    end_month: int
    table: pd.DataFrame
    windows: tuple[str, ...]
    total_change: float | None = None
    not_computable: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    def to_frame(self) -> pd.DataFrame:
        """The per-component table (fractions)."""
        return self.table


def component_review(
    mom: pd.DataFrame,
    year: int,
    end_month: int,
    *,
    start_month: int = 1,
    weights: Mapping[str, float] | pd.Series | None = None,
    total_change: float | None = None,
    windows: Mapping[str, Sequence[int]] | None = None,
    names: Mapping[str, tuple[str, str]] | None = None,
) -> ComponentReview | NotComputable:
    """Cumulative MoM of each component over a span, against norms, with contributions.

    Parameters
    ----------
    mom : DataFrame
        Monthly MoM (fractions), one column per component code.
    year, end_month : int
        The review year and the last month of the span (e.g. 2025 and 11).
    weights : mapping or Series, optional
        Component weights (fractions) — user input, e.g. the seed's Table 1.
        Components without a weight get no contribution.
    total_change : float, optional
        The headline's cumulative change over the span (fraction), for shares.
    windows : mapping label -> years
        Norm windows, default 2021–2024 and 2015–2019.

    Returns
    -------
    ComponentReview (components lacking a month of the span are listed in
    ``not_computable``), or NotComputable if no component has the whole span.

    Notes
    -----
    ``C_i = prod_{k=start..end}(1 + m_{i,k}) - 1``; ``norm_i = mean_{Y in window} C_{i,Y}``;
    ``gap_i = C_i - norm_i`` (first window); ``contribution_i = w_i C_i``;
    ``share_i = contribution_i / C_total``.
    """
    df = check_frame(mom, "mom")
    if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
        raise ModelError(f"year must be an integer such as 2025; got {year!r}.")
    windows = dict(windows or DEFAULT_WINDOWS)
    span = pd.period_range(f"{year}-{start_month:02d}", f"{year}-{end_month:02d}", freq="M")
    block = df.reindex(span)
    complete = block.notna().all(axis=0)
    bad: dict[str, str] = {}
    for c in df.columns[~complete.to_numpy()]:
        gaps = list(block.index[block[c].isna().to_numpy()])
        bad[str(c)] = f"no MoM for {periods_text(gaps)}"
    good = [c for c in df.columns if complete[c]]
    if not good:
        return NotComputable(
            f"CPI components {year} months {start_month}-{end_month}",
            "no component has every month of the span: " + "; ".join(f"{k}: {v}" for k, v in list(bad.items())[:4]),
            what_zh=f"{year}年{_span_zh(start_month, end_month)}CPI分项",
            reason_zh="没有分项覆盖整个区间",
        )
    d = df[good]
    cum = T.cumulative(d, start_month, end_month).loc[year]
    table = pd.DataFrame(index=pd.Index(good, name="component"))
    w = pd.Series(weights if weights is not None else {}, dtype=float)
    table["weight"] = w.reindex(good)
    table["actual"] = cum
    for label, yrs in windows.items():
        table[f"norm:{label}"] = T.span_norm(d, list(yrs), start_month, end_month, stats=("mean",)).loc["mean"]
    first = next(iter(windows)) if windows else None
    table["gap"] = table["actual"] - table[f"norm:{first}"] if first else np.nan
    table["contribution"] = table["weight"] * table["actual"]
    tot = float(total_change) if total_change is not None else np.nan
    table["share"] = table["contribution"] / tot if np.isfinite(tot) and tot != 0 else np.nan
    return ComponentReview(int(year), int(start_month), int(end_month), table, tuple(windows),
                           None if total_change is None else float(total_change), bad, dict(names or {}))


def _span_zh(start_month: int, end_month: int) -> str:
    """"1-11月" (or "11月" for one month), for the Chinese reason of a NotComputable."""
    return f"{end_month}月" if start_month == end_month else f"{start_month}-{end_month}月"
