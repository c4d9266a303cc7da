"""What the ``inflation-outlook`` report reads: series ids by section, and small input helpers."""

from __future__ import annotations

import pandas as pd

from macrodesk.analyses._common import Inputs
from macrodesk.models.inflation.components import CPI_CATEGORIES, CPI_COMPONENTS
from macrodesk.models.inflation.ppi_industry import INDUSTRIES, PPI_GROUPS
from macrodesk.reports.exhibits import exhibit_ids
from macrodesk.series import MacroSeries
from macrodesk.series.catalogue import catalogue

__all__ = ["FACTOR_START", "NOWCAST_MONTHS", "NOWCAST_TARGETS", "OPTIONAL", "OUTLOOK_EXHIBITS", "PASSTHROUGH_START",
           "REQUIRED", "SECTION_INPUTS", "TURNOVER_CODES", "SAMPLE_INDUSTRY_CODES", "inventory_ids"]

#: Series the report cannot do without.
REQUIRED = ("cpi_yoy", "cpi_mom")

_FACTORS: dict[str, tuple[str, str, str]] = {  # factor -> (series id, Chinese, English)
    "coal": ("thermal_coal_qhd_q5500_cny", "动力煤", "Thermal coal"),
    "rebar": ("rebar_hrb_25mm_cny", "螺纹钢", "Rebar"),
    "diesel": ("diesel_0_cny", "柴油", "Diesel"),
    "copper": ("copper_lme_usd", "铜", "Copper"),
}
_OIL_FALLBACK = ("brent_usd", "原油", "Crude oil")

#: Section -> the series ids (or id patterns, ``<code>`` from the model catalogues) it uses, with units.
SECTION_INPUTS: dict[str, list[tuple[str, str]]] = {
    "review: CPI and PPI against seasonal norms": [("cpi_mom", "pct_mom"), ("cpi_yoy", "pct_yoy"),
                                                   ("ppi_mom", "pct_mom"), ("ppi_yoy", "pct_yoy")],
    "review: CPI by component": [("cpi_<code>_mom", "pct_mom"), ("cpi_<code>_mom_index", "index_prev_month_100"),
                                 ("cpi_weight_<code>", "pct")],
    "review: PPI by group": [("ppi_<group>_mom", "pct_mom")],
    "review: PPI by industry": [("ppi_<code>_mom", "pct_mom"), ("industry_revenue_<code>", "cny_100m"),
                                ("industry_revenue_total", "cny_100m")],
    "CPI outlook: basket rotation": [("hh_spending_share_<category>", "pct"), ("cpi_weight_<category>", "pct")],
    "CPI outlook: pork weight drift": [("cpi_weight_pork", "pct"), ("cpi_pork_mom", "pct_mom"), ("cpi_mom", "pct_mom")],
    "CPI outlook: pig cycle": [("hog_spot_price_index_zhuyi", "index"), ("pork_wholesale_cny", "cny_per_kg"),
                               ("cpi_pork_mom", "pct_mom"),
                               ("cpi_pork_yoy", "pct_yoy"), ("breeding_sow_inventory", "10k_head"),
                               ("breeding_sow_inventory_q", "10k_head")],
    "CPI outlook: seasonality, carry-over": [("cpi_mom", "pct_mom"), ("cpi_yoy", "pct_yoy")],
    "PPI outlook: carry-over": [("ppi_mom", "pct_mom"), ("ppi_yoy", "pct_yoy")],
    "PPI outlook: M1 lead": [("m1_yoy", "pct_yoy"), ("ppi_yoy", "pct_yoy")],
    "PPI outlook: CRB pass-through": [("crb_spot_index", "index"), ("ppi_yoy", "pct_yoy")],
    "PPI outlook: factor model": [(sid, "cny_per_t" if sid.endswith("cny") else "usd_per_t")
                                  for sid, _, _ in _FACTORS.values()] + [("brent_usd", "usd_per_bbl")],
    "PPI outlook: inventory cycles": [("industry_revenue_yoy_<code>", "pct_yoy"),
                                      ("industry_inventory_yoy_<code>", "pct_yoy"),
                                      ("industry_inventory_<code>", "cny_100m"),
                                      ("industry_revenue_ytd_yoy_<code>", "pct_yoy_ytd"),
                                      ("industry_finished_goods_inventory_yoy_<code>", "pct_yoy"),
                                      ("industry_finished_goods_inventory_<code>", "cny_100m")],
}

#: Built-in exhibits (``macrodesk/reports/exhibits.toml``) the outlook draws, by the section they go in.
#: An exhibit whose required series are not in the store is left out and its ids go to the analysts' notes.
OUTLOOK_EXHIBITS: dict[str, tuple[str, ...]] = {
    "rotation": ("consumption_structure", "engel_coefficient", "gold_jewellery", "central_bank_gold"),
    "pig_cycle": ("hog_profit",),
    "imported": ("dollar_index", "eia_liquids_balance", "copper_global_pmi", "copper_tc_rc", "copper_balance"),
    "demand": ("property_infra_fai", "steel_demand_exports", "mlt_loans_mfg_fai", "capacity_utilisation"),
    "inventory": ("fg_turnover_days", "sw_inventory_turnover"),
}

_FG = "industry_finished_goods_inventory_"
_AGGREGATES = ("industry_total", "manufacturing", "mining", "utilities")
#: Industry codes of the NBS finished-goods inventory and revenue tables (the sample's catalogue).
TURNOVER_CODES: tuple[str, ...] = tuple(
    sid[len(_FG):] for sid in catalogue()["series_id"]
    if sid.startswith(_FG) and "_yoy_" not in sid and sid[len(_FG):] not in _AGGREGATES
)

#: :data:`~macrodesk.models.inflation.ppi_industry.INDUSTRIES` code -> the code of the same industry in the
#: NBS industrial-enterprise tables of the sample (``industry_revenue_ytd_yoy_<code>``, ``{_FG}<code>``).
SAMPLE_INDUSTRY_CODES: dict[str, str] = {
    **{c: c for c in INDUSTRIES if c in TURNOVER_CODES},
    "ferrous_mining": "ferrous_ore_mining", "nonferrous_mining": "nonferrous_ore_mining",
    "nonmetal_mining": "nonmetal_ore_mining", "food_mfg": "food_manufacturing", "leather": "leather_footwear",
    "wood": "wood_processing", "culture_sports": "culture_sports_goods", "chemical_materials": "chemicals",
    "pharma": "pharmaceuticals", "auto": "autos", "transport_equipment": "other_transport_equipment",
    "computer_electronics": "computers_electronics", "other_mfg": "other_manufacturing",
    "waste_resources": "waste_recycling", "repair": "equipment_repair", "gas": "gas_supply", "water": "water_supply",
}


def inventory_ids(inputs: Inputs, code: str) -> tuple[str, str, str | None] | None:
    """(revenue YoY, inventory YoY, inventory level or None) ids of industry ``code`` for the inventory cycle.

    Single-month ``industry_revenue_yoy_<code>`` / ``industry_inventory_yoy_<code>`` when imported;
    else the sample's NBS tables: year-to-date revenue YoY ``industry_revenue_ytd_yoy_<code>`` (as
    published, on a comparable sample of firms) and finished-goods inventory YoY; None without either pair."""
    if inputs.has(f"industry_revenue_yoy_{code}", f"industry_inventory_yoy_{code}"):
        lv = f"industry_inventory_{code}"
        return f"industry_revenue_yoy_{code}", f"industry_inventory_yoy_{code}", lv if inputs.has(lv) else None
    a = SAMPLE_INDUSTRY_CODES.get(code)
    if a is not None and inputs.has(f"industry_revenue_ytd_yoy_{a}", f"{_FG}yoy_{a}"):
        lv = f"{_FG}{a}"
        return f"industry_revenue_ytd_yoy_{a}", f"{_FG}yoy_{a}", lv if inputs.has(lv) else None
    return None


SECTION_INPUTS.update({
    "CPI outlook: household spending, Engel coefficient": [("hh_consumption_pc_ytd_<category>", "cny_per_head"),
                                                           ("hh_consumption_pc_ytd_total", "cny_per_head")],
    "CPI outlook: hog-farm profit": [("hog_profit_scale_farm_per_head", "cny_per_head"),
                                     ("hog_profit_backyard_per_head", "cny_per_head"), ("hog_grain_price_ratio", "ratio")],
    "PPI outlook: the dollar": [("dxy_month_end_close", "index")],
    "PPI outlook: property, infrastructure, MLT loans": [
        ("fai_realestate_ytd_yoy", "pct_yoy_ytd"), ("fai_transport_storage_post_ytd_yoy", "pct_yoy_ytd"),
        ("fai_utilities_ytd_yoy", "pct_yoy_ytd"), ("fai_water_environment_public_facilities_ytd_yoy", "pct_yoy_ytd"),
        ("new_loans_corporate_mlt", "cny_100m"), ("fai_manufacturing_ytd_yoy", "pct_yoy_ytd")],
    "PPI outlook: finished-goods turnover": [(f"{_FG}industry_total", "cny_100m"),
                                             ("industry_revenue_ytd_industry_total", "cny_100m")],
})
SECTION_INPUTS["PPI outlook: turnover percentiles by industry"] = [
    (f"{_FG}<code>", "cny_100m"), ("industry_revenue_ytd_<code>", "cny_100m")]

#: Nowcast targets whose real-time backtest goes into the report, and its length in months.
NOWCAST_TARGETS = ("cpi_yoy", "ppi_yoy")
NOWCAST_MONTHS = 96


def _nowcast_ids(target: str) -> tuple[str, ...]:
    """Series the bridge nowcaster of ``target`` reads, plus the consensus it is compared with."""
    from macrodesk.models.nowcast import make_model

    return (*make_model("bridge", target).series_ids(), f"{target}_consensus")


#: Series used when present.
OPTIONAL: tuple[str, ...] = tuple(dict.fromkeys(
    ["ppi_yoy", "ppi_mom", "m1_yoy", "crb_spot_index", "hog_spot_price_index_zhuyi", "breeding_sow_inventory",
     "breeding_sow_inventory_q", "cpi_pork_mom", "cpi_pork_yoy", "pork_wholesale_cny", "industry_revenue_total", "brent_usd",
     "wb_crude_oil_brent", "wb_copper"]
    + [sid for sid, _, _ in _FACTORS.values()]
    + [f"cpi_{c}_mom" for c in CPI_COMPONENTS] + [f"cpi_{c}_mom_index" for c in CPI_COMPONENTS]
    + [f"cpi_weight_{c}" for c in CPI_COMPONENTS]
    + [f"hh_spending_share_{c}" for c in CPI_CATEGORIES]
    + [f"ppi_{g}_mom" for g in PPI_GROUPS]
    + [f"ppi_{c}_mom" for c in INDUSTRIES] + [f"industry_revenue_{c}" for c in INDUSTRIES]
    + [f"industry_revenue_yoy_{c}" for c in INDUSTRIES] + [f"industry_inventory_yoy_{c}" for c in INDUSTRIES]
    + [f"industry_inventory_{c}" for c in INDUSTRIES]
    + [sid for t in ("cpi_yoy", "ppi_yoy") for sid in _nowcast_ids(t)]
    + exhibit_ids([k for keys in OUTLOOK_EXHIBITS.values() for k in keys])
    + [f"{_FG}{c}" for c in TURNOVER_CODES] + [f"industry_revenue_ytd_{c}" for c in TURNOVER_CODES]
    + [f"industry_revenue_ytd_yoy_{c}" for c in SAMPLE_INDUSTRY_CODES.values()]
    + [f"{_FG}yoy_{c}" for c in SAMPLE_INDUSTRY_CODES.values()]
))

#: Factor-model window start (the seed: "2016年以来").
FACTOR_START = "2016-01"
#: Pass-through window start.
PASSTHROUGH_START = "2010-01"


def _mom(s: MacroSeries) -> pd.Series:
    return s.to_fraction()


def _latest_value(s: MacroSeries) -> float:
    obs = s.observations()
    return float(obs.iloc[-1]) if len(obs) else float("nan")


def _component_mom(inputs: Inputs, code: str) -> pd.Series | None:
    """A component's MoM (fraction) from cpi_<code>_mom, filled from cpi_<code>_mom_index."""
    parts = [_mom(inputs[i]) for i in (f"cpi_{code}_mom", f"cpi_{code}_mom_index") if inputs.has(i)]
    if not parts:
        return None
    s = parts[0]
    for p in parts[1:]:
        s = s.combine_first(p)
    return s
