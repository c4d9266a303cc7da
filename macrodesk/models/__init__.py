"""Models: data in, a frozen, language-free results object out.

Every family is a function (or a spec with ``fit``) that takes pandas objects
— rates as fractions, levels as published — and returns a results object
(statistics as attributes, ``to_frame()``, ``to_json()``, ``summary()`` as a
table), or :class:`NotComputable` with a reason when the data do not allow the
estimate. Sentences and charts come from :mod:`macrodesk.reports.views`.

* :mod:`~macrodesk.models.inflation` — the inflation family: the year's review
  against seasonal norms and carry-over, CPI components, PPI by group and
  industry, basket weights, price cycles, lead-lag, pass-through, inventory
  cycles, seasonality
* :mod:`~macrodesk.models.factor` — commodity factor model with HAC errors, commodity paths
* :mod:`~macrodesk.models.nowcast` — CPI/PPI nowcasters and their backtests
* :mod:`~macrodesk.models.trade` — the trade family: headline growth and seasonality,
  contributions of parts, price vs volume, imports vs commodity prices
"""

from __future__ import annotations

from macrodesk._lazy import lazy_exports

# name -> defining module; loaded on first use, so importing one family (or
# ``macrodesk.models.nowcast``) does not pull in the others and matplotlib.
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(["NotComputable", "is_computable"], "_base"),
    **dict.fromkeys(["CPI_CATEGORIES", "CPI_COMPONENTS", "ComponentReview", "component_review"], "inflation.components"),
    **dict.fromkeys(["Overlay", "Upcycles", "constant_path", "overlay", "turning_points", "upcycles"], "inflation.cycles"),
    **dict.fromkeys(["CommodityPath", "FactorModel", "FactorResult", "commodity_path"], "factor"),
    **dict.fromkeys(["PHASES", "InventoryCycle", "InventoryPanel", "inventory_cycle", "inventory_panel", "phases"],
                    "inflation.inventory"),
    **dict.fromkeys(["LeadLag", "lead_lag"], "inflation.leadlag"),
    **dict.fromkeys(["CommodityElasticities", "PassThrough", "commodity_elasticities", "pass_through"],
                    "inflation.passthrough"),
    **dict.fromkeys(["INDUSTRIES", "PPI_GROUPS", "ChainImpact", "PPIGroupReview", "PPIIndustryReview", "chain_impact",
                     "ppi_group_review", "ppi_industry_review", "revenue_weights"], "inflation.ppi_industry"),
    **dict.fromkeys(["Seasonality", "seasonality"], "inflation.seasonality"),
    **dict.fromkeys(["PriceMethodDrift", "Rotation", "drift_weights", "expenditure_shares", "price_method_drift",
                     "read_weights", "rotation"], "inflation.weights"),
    **dict.fromkeys(["SeasonalComparison", "TradeHeadline", "seasonal_comparison", "trade_headline"],
                    "trade.headline"),
    **dict.fromkeys(["ImportsCommodities", "imports_vs_commodities"], "trade.imports"),
    **dict.fromkeys(["IndexPriceVolume", "ItemPriceVolume", "index_price_volume", "item_price_volume", "split_parts"],
                    "trade.prices"),
    **dict.fromkeys(["Contributions", "trade_contributions"], "trade.structure"),
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [
    "CPI_CATEGORIES",
    "CPI_COMPONENTS",
    "ChainImpact",
    "CommodityElasticities",
    "CommodityPath",
    "ComponentReview",
    "Contributions",
    "FactorModel",
    "FactorResult",
    "INDUSTRIES",
    "ImportsCommodities",
    "IndexPriceVolume",
    "InventoryCycle",
    "InventoryPanel",
    "ItemPriceVolume",
    "LeadLag",
    "NotComputable",
    "Overlay",
    "PHASES",
    "PPIGroupReview",
    "PPIIndustryReview",
    "PPI_GROUPS",
    "PassThrough",
    "PriceMethodDrift",
    "Rotation",
    "SeasonalComparison",
    "Seasonality",
    "TradeHeadline",
    "Upcycles",
    "chain_impact",
    "commodity_elasticities",
    "commodity_path",
    "component_review",
    "constant_path",
    "drift_weights",
    "expenditure_shares",
    "imports_vs_commodities",
    "index_price_volume",
    "inventory_cycle",
    "inventory_panel",
    "is_computable",
    "item_price_volume",
    "lead_lag",
    "overlay",
    "pass_through",
    "phases",
    "ppi_group_review",
    "ppi_industry_review",
    "price_method_drift",
    "read_weights",
    "revenue_weights",
    "rotation",
    "seasonal_comparison",
    "seasonality",
    "split_parts",
    "trade_contributions",
    "trade_headline",
    "turning_points",
    "upcycles",
]
