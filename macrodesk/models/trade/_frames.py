"""Typed access by month to the monthly pandas objects of the trade analyses.

pandas-stubs accept no :class:`pandas.Period` as a ``.loc`` label, though a
PeriodIndex is looked up by Period; these helpers keep that one exception here.
"""

from __future__ import annotations

from typing import cast

import pandas as pd

__all__ = ["months", "row"]


def months(x: pd.Series | pd.DataFrame) -> pd.PeriodIndex:
    """The monthly PeriodIndex of ``x`` (checked by the analysis that built ``x``)."""
    return cast(pd.PeriodIndex, x.index)


def row(df: pd.DataFrame, p: pd.Period) -> pd.Series:
    """Row ``p`` of a frame on a unique PeriodIndex (``df.loc[p]``; KeyError when absent)."""
    return df.loc[p]  # type: ignore[call-overload]  # pandas-stubs reject a Period label
