"""The transform catalogue: pure, vectorised functions on monthly series.

Rates are fractions (0.007 = 0.7%). Inputs are pandas Series or DataFrames on a
monthly (or quarterly) PeriodIndex; a DataFrame is processed column-wise.
"""

from __future__ import annotations

from macrodesk.transforms.calendar import (
    spring_festival,
    spring_festival_dates,
    spring_festival_month,
)
from macrodesk.transforms.carryover import (
    carryover,
    carryover_average,
    decompose_yoy,
    new_price,
)
from macrodesk.transforms.contributions import (
    contribution,
    contribution_share,
    marginal_change,
    part_contribution_to_yoy,
    price_volume,
)
from macrodesk.transforms.growth import (
    cagr2y,
    cagr2y_from_yoy,
    chain,
    cumulative,
    cumulative_span,
    cumulative_ytd,
    expanding_percentile,
    janfeb_yoy,
    mom,
    percentile_of_last,
    yoy,
    yoy_janfeb_combined,
)
from macrodesk.transforms.projection import project_yoy, yoy_recursion_residual
from macrodesk.transforms.ratios import moving_average, share, turnover_days
from macrodesk.transforms.resample import partial_month, to_monthly
from macrodesk.transforms.seasonal import monthly_norm, span_norm, super_seasonal

__all__ = [
    "cagr2y",
    "cagr2y_from_yoy",
    "carryover",
    "carryover_average",
    "chain",
    "contribution",
    "contribution_share",
    "cumulative",
    "cumulative_span",
    "cumulative_ytd",
    "decompose_yoy",
    "expanding_percentile",
    "janfeb_yoy",
    "marginal_change",
    "mom",
    "monthly_norm",
    "moving_average",
    "new_price",
    "part_contribution_to_yoy",
    "partial_month",
    "percentile_of_last",
    "price_volume",
    "project_yoy",
    "share",
    "span_norm",
    "spring_festival",
    "spring_festival_dates",
    "spring_festival_month",
    "super_seasonal",
    "to_monthly",
    "turnover_days",
    "yoy",
    "yoy_janfeb_combined",
    "yoy_recursion_residual",
]
