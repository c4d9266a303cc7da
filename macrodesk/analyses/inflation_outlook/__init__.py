"""Inflation outlook: the annual CPI/PPI outlook of seed 003, rebuilt from data.

``macrodesk report inflation-outlook --as-of 2025-12`` reviews the year to the
as-of month and looks at the next one:

1. review — CPI and PPI cumulative MoM against seasonal norms
   (:func:`~macrodesk.models.inflation.review.seasonal_review`), CPI by
   component with weight × change, PPI by major group and by industry against
   revenue weights;
2. CPI outlook — basket re-weighting at the rotation and price-method drift,
   the pig cycle (up-cycle episodes, breeding-sow lead), seasonality with the
   Spring Festival, next year's carry-over;
3. PPI outlook — next year's carry-over, M1 lead, CRB pass-through, the
   commodity factor model, inventory cycles by industry;
4. scenarios (filled by :mod:`macrodesk.scenarios`);
5. risks drawn from the models' own diagnostics.

The recipe runs in two steps: :func:`compute` estimates every model once,
language-free (:mod:`.compute`), and :func:`render` writes the report in one
language from those results (:mod:`.render`); :func:`build` does both. Every
sentence is filled from computed numbers. A section whose inputs are missing is
left out, and one notice line lists what to import; nothing is invented. The
series ids each section uses are listed in :data:`SECTION_INPUTS`
(:mod:`.inputs`).
"""

from __future__ import annotations

import pandas as pd

from macrodesk.analyses._common import Inputs
from macrodesk.analyses.inflation_outlook.compute import OutlookResults, compute
from macrodesk.analyses.inflation_outlook.inputs import (
    FACTOR_START,
    NOWCAST_MONTHS,
    NOWCAST_TARGETS,
    OPTIONAL,
    PASSTHROUGH_START,
    REQUIRED,
    SECTION_INPUTS,
)
from macrodesk.analyses.inflation_outlook.render import render
from macrodesk.reports.model import Report

__all__ = [
    "FACTOR_START",
    "NOWCAST_MONTHS",
    "NOWCAST_TARGETS",
    "OPTIONAL",
    "PASSTHROUGH_START",
    "REQUIRED",
    "SECTION_INPUTS",
    "OutlookResults",
    "build",
    "compute",
    "render",
]


def build(inputs: Inputs, as_of: pd.Period, lang: str = "zh") -> Report:
    """The ``inflation-outlook`` report from stored series cut at ``as_of``: :func:`compute`, then :func:`render`."""
    return render(compute(inputs, as_of), lang)
