"""The inflation model family: data in, a frozen, language-free results object out.

Every family is a function that takes pandas objects — rates as fractions,
levels as published — and returns a results object (statistics as attributes,
``to_frame()``, ``to_json()``, ``summary()`` as a table), or
:class:`~macrodesk.models._base.NotComputable` with a reason when the data do
not allow the estimate. Sentences, tables with labels and charts of these
results are in :mod:`macrodesk.reports.views`.

* :mod:`~macrodesk.models.inflation.review` — cumulative MoM vs seasonal norms, carry-over and new price
* :mod:`~macrodesk.models.inflation.components` — CPI review by component (seed Table 1)
* :mod:`~macrodesk.models.inflation.ppi_industry` — PPI by group and industry, revenue weights, chain impacts (Table 4)
* :mod:`~macrodesk.models.inflation.weights` — basket drift ("price method") and rotation re-weighting (Table 2)
* :mod:`~macrodesk.models.inflation.cycles` — turning points, up-cycle episodes (Table 3), MoM overlays
* :mod:`~macrodesk.models.inflation.leadlag` — lead-lag by cross-correlation (M1 → PPI, sows → pork)
* :mod:`~macrodesk.models.inflation.passthrough` — pass-through slope (CRB → PPI)
* :mod:`~macrodesk.models.inflation.inventory` — inventory-cycle phases by industry
* :mod:`~macrodesk.models.inflation.demand` — latest investment (YTD YoY) and MLT-loan readings
* :mod:`~macrodesk.models.inflation.seasonality` — monthly norms with the Spring Festival split
"""

from __future__ import annotations

from macrodesk._lazy import lazy_exports

# name -> defining module; loaded on first use.
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(["CarryoverReview", "SeasonalReview", "carryover_review", "seasonal_review"], "review"),
    **dict.fromkeys(["CPI_CATEGORIES", "CPI_COMPONENTS", "ComponentReview", "component_review"], "components"),
    **dict.fromkeys(["Overlay", "Upcycles", "constant_path", "overlay", "turning_points", "upcycles"], "cycles"),
    **dict.fromkeys(["PHASES", "InventoryCycle", "InventoryPanel", "inventory_cycle", "inventory_panel", "phases"],
                    "inventory"),
    **dict.fromkeys(["DemandReadings", "LoanFlow", "Reading", "latest_reading", "loan_flow"], "demand"),
    **dict.fromkeys(["LeadLag", "lead_lag"], "leadlag"),
    **dict.fromkeys(["CommodityElasticities", "PassThrough", "commodity_elasticities", "pass_through"], "passthrough"),
    **dict.fromkeys(["INDUSTRIES", "PPI_GROUPS", "ChainImpact", "PPIGroupReview", "PPIIndustryReview", "annual_value",
                     "chain_impact", "ppi_group_review", "ppi_industry_review", "revenue_weights"], "ppi_industry"),
    **dict.fromkeys(["Seasonality", "seasonality"], "seasonality"),
    **dict.fromkeys(["PriceMethodDrift", "Rotation", "drift_weights", "expenditure_shares", "price_method_drift",
                     "read_weights", "rotation"], "weights"),
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = sorted(_EXPORTS)
