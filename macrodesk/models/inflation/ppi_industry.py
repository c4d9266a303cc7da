"""PPI review by major group and by industry, with weights estimated from revenue.

Seed 003: MoM by major group (Figure 3); cumulative MoM by industry against
its weight (Figure 4, a labelled scatter); weights estimated from each
industry's share of industrial revenue (Table 4: "根据2024营收估计各行业在PPI
中的权重"); the pull of an industry on PPI is ``weight × cumulative change``
(ferrous smelting 5.9% × −4.8% ≈ −0.28 pp); and a price assumption for an
industry chain becomes a PPI impact the same way (non-ferrous chain 6.5% ×
+15% ≈ +1.0 pp, oil chain 11.8% × −10% ≈ −1.2 pp).

Series ids: ``ppi_<group>_mom`` (pct_mom) for the groups of :data:`PPI_GROUPS`;
``ppi_<code>_mom`` (pct_mom) per industry and ``industry_revenue_<code>``
(cny_100m; annual, or monthly year-to-date as NBS publishes it — the December
value is the year) for the codes of :data:`INDUSTRIES`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
import pandas as pd

from macrodesk.exceptions import ModelError
from macrodesk.models._base import NotComputable, ResultsMixin, check_frame, freq_code, periods_text

__all__ = [
    "INDUSTRIES",
    "PPI_GROUPS",
    "ChainImpact",
    "PPIGroupReview",
    "PPIIndustryReview",
    "annual_value",
    "chain_impact",
    "ppi_group_review",
    "ppi_industry_review",
    "revenue_weights",
]

#: Major PPI groups: code -> (Chinese, English).
PPI_GROUPS: dict[str, tuple[str, str]] = {
    "mining": ("采掘工业", "Mining"),
    "raw_materials": ("原材料工业", "Raw materials"),
    "processing": ("加工工业", "Processing"),
    "consumer_goods": ("生活资料", "Consumer goods"),
}

#: The 41 NBS industries (国民经济行业分类, B06–D46): code -> (Chinese, English).
INDUSTRIES: dict[str, tuple[str, str]] = {
    "coal_mining": ("煤炭开采和洗选业", "Coal mining"),
    "oil_gas_extraction": ("石油和天然气开采业", "Oil & gas extraction"),
    "ferrous_mining": ("黑色金属矿采选业", "Ferrous metal mining"),
    "nonferrous_mining": ("有色金属矿采选业", "Non-ferrous metal mining"),
    "nonmetal_mining": ("非金属矿采选业", "Non-metal mining"),
    "mining_support": ("开采专业及辅助性活动", "Mining support"),
    "other_mining": ("其他采矿业", "Other mining"),
    "agri_food_processing": ("农副食品加工业", "Agri-food processing"),
    "food_mfg": ("食品制造业", "Food manufacturing"),
    "beverages": ("酒、饮料和精制茶制造业", "Beverages"),
    "tobacco": ("烟草制品业", "Tobacco"),
    "textiles": ("纺织业", "Textiles"),
    "apparel": ("纺织服装、服饰业", "Apparel"),
    "leather": ("皮革、毛皮、羽毛及其制品和制鞋业", "Leather & footwear"),
    "wood": ("木材加工和木、竹、藤、棕、草制品业", "Wood products"),
    "furniture": ("家具制造业", "Furniture"),
    "paper": ("造纸和纸制品业", "Paper"),
    "printing": ("印刷和记录媒介复制业", "Printing"),
    "culture_sports": ("文教、工美、体育和娱乐用品制造业", "Culture & sports goods"),
    "petroleum_coal_processing": ("石油、煤炭及其他燃料加工业", "Petroleum & coal processing"),
    "chemical_materials": ("化学原料和化学制品制造业", "Chemical materials"),
    "pharma": ("医药制造业", "Pharmaceuticals"),
    "chemical_fibers": ("化学纤维制造业", "Chemical fibres"),
    "rubber_plastics": ("橡胶和塑料制品业", "Rubber & plastics"),
    "nonmetallic_minerals": ("非金属矿物制品业", "Non-metallic mineral products"),
    "ferrous_smelting": ("黑色金属冶炼和压延加工业", "Ferrous smelting & rolling"),
    "nonferrous_smelting": ("有色金属冶炼和压延加工业", "Non-ferrous smelting & rolling"),
    "metal_products": ("金属制品业", "Metal products"),
    "general_equipment": ("通用设备制造业", "General equipment"),
    "special_equipment": ("专用设备制造业", "Special equipment"),
    "auto": ("汽车制造业", "Automobiles"),
    "transport_equipment": ("铁路、船舶、航空航天和其他运输设备制造业", "Other transport equipment"),
    "electrical_machinery": ("电气机械和器材制造业", "Electrical machinery"),
    "computer_electronics": ("计算机、通信和其他电子设备制造业", "Computers & electronics"),
    "instruments": ("仪器仪表制造业", "Instruments"),
    "other_mfg": ("其他制造业", "Other manufacturing"),
    "waste_resources": ("废弃资源综合利用业", "Waste resources"),
    "repair": ("金属制品、机械和设备修理业", "Equipment repair"),
    "power_heat": ("电力、热力生产和供应业", "Power & heat"),
    "gas": ("燃气生产和供应业", "Gas supply"),
    "water": ("水的生产和供应业", "Water supply"),
}


# ---------------------------------------------------------------- weights
def annual_value(s: pd.Series, year: int) -> float:
    """The value for calendar ``year`` of an annual series, or the December value of a monthly YTD series."""
    if not isinstance(s, pd.Series) or not isinstance(s.index, pd.PeriodIndex):
        raise ModelError("expected a Series on a PeriodIndex (annual, or monthly year-to-date).")
    code = freq_code(s.index)
    if code == "A":
        p = pd.Period(year=int(year), freq=s.index.freqstr)
    elif code == "M":
        p = pd.Period(year=int(year), month=12, freq="M")
    else:
        raise ModelError(f"revenue must be annual or monthly year-to-date; got frequency {s.index.freqstr}.")
    v = s.get(p, np.nan)
    return float(v) if v is not None else float("nan")


def revenue_weights(revenue: Mapping[str, float] | pd.Series, *, total: float | None = None) -> pd.Series:
    """PPI weights estimated from revenue: each industry's share of total revenue.

    Parameters
    ----------
    revenue : mapping or Series
        Revenue per industry code for one year (any currency unit).
    total : float, optional
        Total industrial revenue. Default: the sum of ``revenue`` (then the
        weights of a partial list of industries are overstated).

    Notes
    -----
    ``w_i = R_i / R_total``.
    """
    r = pd.Series(revenue, dtype=float).dropna()
    if r.empty:
        raise ModelError("revenue is empty; give revenue for at least one industry.")
    if (r < 0).any():
        raise ModelError(f"revenue must not be negative; got {r[r < 0].index[0]} = {float(r[r < 0].iloc[0])}.")
    tot = float(r.sum()) if total is None else float(total)
    if tot <= 0 or tot < float(r.sum()) - 1e-9:
        raise ModelError(f"total revenue ({tot}) must be positive and at least the sum of the industries ({float(r.sum())}).")
    return (r / tot).rename("weight")


# ---------------------------------------------------------------- groups
@dataclass(frozen=True)
class PPIGroupReview(ResultsMixin):
    """MoM by major group (fractions) and cumulative changes where the span is complete."""

    mom: pd.DataFrame
    year: int
    end_month: int
    cumulative: pd.Series
    not_computable: Mapping[str, str] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    def to_frame(self) -> pd.DataFrame:
        """MoM by group over the window (fractions)."""
        return self.mom

    def summary(self) -> pd.DataFrame:
        """Latest MoM and the cumulative change per group (fractions)."""
        last = {g: self.mom[g].dropna() for g in self.mom.columns}
        return pd.DataFrame({
            "month": [str(s.index[-1]) if len(s) else None for s in last.values()],
            "mom": [float(s.iloc[-1]) if len(s) else np.nan for s in last.values()],
            "cumulative": self.cumulative.reindex(list(last)).to_numpy(),
        }, index=pd.Index(list(last), name="group"))


def ppi_group_review(mom: pd.DataFrame, year: int, end_month: int, *, months: int = 24) -> PPIGroupReview | NotComputable:
    """PPI MoM by major group over the last ``months`` months, and the cumulative change Jan–``end_month``.

    ``mom`` has one column per group code (fractions). Groups missing a month
    of the span get no cumulative change (listed in ``not_computable``).
    """
    df = check_frame(mom, "mom").dropna(how="all", axis=1)
    if df.empty or df.dropna(how="all").empty:
        return NotComputable("PPI by major group", "no group MoM data", what_zh="PPI分大类", reason_zh="没有分大类环比数据")
    end = pd.Period(year=int(year), month=int(end_month), freq="M")
    span = pd.period_range(f"{year}-01", end, freq="M")
    block = df.reindex(span)
    ok = block.notna().all(axis=0)
    good = [g for g in df.columns if ok[g]]
    cum = pd.Series(np.prod(1.0 + block[good].to_numpy(), axis=0) - 1.0, index=good, dtype=float)
    bad = {str(g): f"no MoM for {periods_text(list(block.index[block[g].isna().to_numpy()]))}" for g in df.columns[~ok.to_numpy()]}
    window = df[(df.index > end - months) & (df.index <= end)]
    return PPIGroupReview(window, int(year), int(end_month), cum, bad)


# ---------------------------------------------------------------- industries
@dataclass(frozen=True)
class PPIIndustryReview(ResultsMixin):
    """Cumulative MoM by industry against its weight; contribution = weight × change (fractions)."""

    year: int
    end_month: int
    table: pd.DataFrame
    total_change: float | None = None
    not_computable: Mapping[str, str] = field(default_factory=dict)
    computable: ClassVar[bool] = True

    def to_frame(self) -> pd.DataFrame:
        """Weight, cumulative change and contribution per industry (fractions)."""
        return self.table


def ppi_industry_review(
    mom: pd.DataFrame,
    weights: Mapping[str, float] | pd.Series,
    year: int,
    end_month: int,
    *,
    start_month: int = 1,
    total_change: float | None = None,
) -> PPIIndustryReview | NotComputable:
    """Cumulative MoM of each industry over a span, with ``weight × change``.

    Parameters
    ----------
    mom : DataFrame
        Monthly MoM (fractions), one column per industry code.
    weights : mapping or Series
        Industry weights (fractions), e.g. from :func:`revenue_weights`.
    total_change : float, optional
        The PPI's own cumulative change over the span, shown for comparison.

    Notes
    -----
    ``C_i = prod_{k}(1 + m_{i,k}) - 1``; ``contribution_i = w_i C_i``.
    """
    df = check_frame(mom, "mom")
    w = pd.Series(weights, dtype=float)
    span = pd.period_range(f"{year}-{start_month:02d}", f"{year}-{end_month:02d}", freq="M")
    block = df.reindex(span)
    ok = block.notna().all(axis=0)
    bad = {str(c): f"no MoM for {periods_text(list(block.index[block[c].isna().to_numpy()]))}" for c in df.columns[~ok.to_numpy()]}
    good = [c for c in df.columns if ok[c]]
    for c in good:
        if c not in w.index or not np.isfinite(w[c]):
            bad[str(c)] = "no weight"
    good = [c for c in good if str(c) not in bad]
    if not good:
        return NotComputable(
            f"PPI by industry {year}", "no industry has both a weight and every month of the span",
            what_zh=f"{year}年PPI分行业", reason_zh="没有行业同时具备权重与完整的环比数据",
        )
    cum = np.prod(1.0 + block[good].to_numpy(), axis=0) - 1.0
    table = pd.DataFrame({"weight": w.reindex(good).to_numpy(), "cumulative": cum}, index=pd.Index(good, name="industry"))
    table["contribution"] = table["weight"] * table["cumulative"]
    return PPIIndustryReview(int(year), int(end_month), table,
                             None if total_change is None else float(total_change), bad)


# ---------------------------------------------------------------- chains (seed Table 4)
@dataclass(frozen=True)
class ChainImpact(ResultsMixin):
    """Assumed price changes of industry chains and their pull on PPI (fractions)."""

    table: pd.DataFrame
    computable: ClassVar[bool] = True

    @property
    def total(self) -> float:
        return float(self.table["impact"].sum())

    def to_frame(self) -> pd.DataFrame:
        """Weight, assumed change and impact per chain (fractions)."""
        return self.table


def chain_impact(
    weights: Mapping[str, float] | pd.Series,
    chains: Mapping[str, Sequence[str]],
    changes: Mapping[str, float],
) -> ChainImpact:
    """Pull on PPI of assumed price changes by industry chain: ``(sum of member weights) × change``.

    Parameters
    ----------
    weights : mapping or Series
        Industry weights (fractions).
    chains : mapping chain -> industry codes
        E.g. ``{'有色金属链': ['nonferrous_smelting', 'nonferrous_mining']}``.
    changes : mapping chain -> price change (fraction)
        E.g. ``{'有色金属链': 0.15}``.

    Notes
    -----
    ``impact_c = (sum_{i in c} w_i) × g_c``; seed: 6.5% × 15% ≈ 1.0 pp.
    """
    w = pd.Series(weights, dtype=float)
    rows = {}
    for chain, members in chains.items():
        if chain not in changes:
            raise ModelError(f"no price change given for chain '{chain}'.")
        missing = [m for m in members if m not in w.index]
        if missing:
            raise ModelError(f"chain '{chain}': no weight for {missing}.")
        cw = float(w.reindex(list(members)).sum())
        g = float(changes[chain])
        rows[chain] = {"weight": cw, "change": g, "impact": cw * g}
    return ChainImpact(pd.DataFrame.from_dict(rows, orient="index"))

