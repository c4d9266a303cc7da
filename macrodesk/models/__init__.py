"""Models of the inflation outlook: data in, a frozen results object out.

Every family is a function (or a spec with ``fit``) that takes pandas objects
— rates as fractions, levels as published — and returns a results object with
``summary(lang)`` and ``chart(lang)``, or :class:`NotComputable` with a reason
when the data do not allow the estimate:

* :mod:`~macrodesk.models.components` — CPI review by component (seed Table 1)
* :mod:`~macrodesk.models.ppi_industry` — PPI by group and industry, revenue weights, chain impacts (Table 4)
* :mod:`~macrodesk.models.weights` — basket drift ("price method") and rotation re-weighting (Table 2)
* :mod:`~macrodesk.models.cycles` — turning points, up-cycle episodes (Table 3), MoM overlays
* :mod:`~macrodesk.models.leadlag` — lead-lag by cross-correlation (M1 → PPI, sows → pork)
* :mod:`~macrodesk.models.passthrough` — pass-through slope (CRB → PPI)
* :mod:`~macrodesk.models.factor` — commodity factor model with HAC errors, commodity paths
* :mod:`~macrodesk.models.inventory` — inventory-cycle phases by industry
* :mod:`~macrodesk.models.seasonality` — monthly norms with the Spring Festival split
"""

from __future__ import annotations

from macrodesk._lazy import lazy_exports

# name -> defining module; loaded on first use, so importing one family (or
# ``macrodesk.models.nowcast``) does not pull in the others and matplotlib.
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(["NotComputable", "is_computable"], "_base"),
    **dict.fromkeys(["CPI_CATEGORIES", "CPI_COMPONENTS", "ComponentReview", "component_review"], "components"),
    **dict.fromkeys(["Overlay", "Upcycles", "constant_path", "overlay", "turning_points", "upcycles"], "cycles"),
    **dict.fromkeys(["CommodityPath", "FactorModel", "FactorResult", "commodity_path"], "factor"),
    **dict.fromkeys(["PHASES", "InventoryCycle", "InventoryPanel", "inventory_cycle", "inventory_panel", "phases"],
                    "inventory"),
    **dict.fromkeys(["LeadLag", "lead_lag"], "leadlag"),
    **dict.fromkeys(["PassThrough", "pass_through"], "passthrough"),
    **dict.fromkeys(["INDUSTRIES", "PPI_GROUPS", "ChainImpact", "PPIGroupReview", "PPIIndustryReview", "chain_impact",
                     "ppi_group_review", "ppi_industry_review", "revenue_weights"], "ppi_industry"),
    **dict.fromkeys(["Seasonality", "seasonality"], "seasonality"),
    **dict.fromkeys(["PriceMethodDrift", "Rotation", "drift_weights", "expenditure_shares", "price_method_drift",
                     "read_weights", "rotation"], "weights"),
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [
    "CPI_CATEGORIES",
    "CPI_COMPONENTS",
    "ChainImpact",
    "CommodityPath",
    "ComponentReview",
    "FactorModel",
    "FactorResult",
    "INDUSTRIES",
    "InventoryCycle",
    "InventoryPanel",
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
    "Seasonality",
    "Upcycles",
    "chain_impact",
    "commodity_path",
    "component_review",
    "constant_path",
    "drift_weights",
    "expenditure_shares",
    "inventory_cycle",
    "inventory_panel",
    "is_computable",
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
    "seasonality",
    "turning_points",
    "upcycles",
]
