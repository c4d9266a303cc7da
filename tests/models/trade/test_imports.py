"""Imports against commodity prices and the base ahead (expected numbers by hand)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.models.trade import imports_vs_commodities
from tests.models.trade.test_headline import M, at


def imports_and_energy():
    y = pd.Series(np.linspace(-0.1, 0.12, 24), index=pd.period_range("2024-01", "2025-12", freq="M"))
    y[M("2024-12")] = 0.010
    y[M("2025-03")] = -0.043
    # commodity index: 100 in 2023, then moving so that its YoY is exactly 2 x import YoY -> correlation 1
    lv = {p: 100.0 for p in pd.period_range("2023-01", "2023-12", freq="M")}
    for p in y.index:
        lv[p] = lv[p - 12] * (1 + 2 * y[p])
    com = pd.Series(lv)
    jf = at({"2025-02": -0.084})
    r = imports_vs_commodities(y, {"wb_index_energy": com}, "2025-12",
                               labels={"wb_index_energy": ("能源价格指数", "energy index")}, janfeb_yoy=jf)
    return y, r


def test_imports_vs_commodities_base_ahead_and_correlation():
    y, r = imports_and_energy()
    assert r.corr["wb_index_energy"] == pytest.approx(1.0)
    assert r.commodity_yoy.loc[M("2025-12"), "wb_index_energy"] == pytest.approx(2 * y[M("2025-12")])
    # bases: Dec 2024 +1.0%; Jan and Feb 2025 the Jan-Feb combined -8.4%; Mar 2025 -4.3%
    assert list(r.bases.round(3)) == [0.010, -0.084, -0.084, -0.043]
    assert r.summary().loc["wb_index_energy", "corr"] == pytest.approx(1.0)
    assert r.to_frame().loc[M("2025-12"), "imports_yoy"] == pytest.approx(0.12)
