"""Dynamic factor model nowcast: seasonal deviations by hand, reasons when not computable, no look-ahead."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from macrodesk.models.nowcast import DFMNowcaster, InfoSet
from macrodesk.models.nowcast.dfm import seasonal_deviation
from macrodesk.series import MacroSeries, SeriesMeta


def test_seasonal_deviation_by_hand():
    # Junes 0.3, 0.5, 0.1 (2019-2021), other months 0: the June 2021 norm over 5 years is (0.3 + 0.5)/2 = 0.4,
    # so the deviation is 0.1 - 0.4 = -0.3
    idx = pd.period_range("2019-01", "2021-12", freq="M")
    x = pd.Series(0.0, index=idx)
    x[pd.Period("2019-06", "M")], x[pd.Period("2020-06", "M")], x[pd.Period("2021-06", "M")] = 0.3, 0.5, 0.1
    dev, norm = seasonal_deviation(x, 5)
    assert norm[pd.Period("2021-06", "M")] == pytest.approx(0.4)
    assert dev[pd.Period("2021-06", "M")] == pytest.approx(-0.3)
    assert math.isnan(dev[pd.Period("2019-06", "M")])


def test_no_inputs_is_not_computable():
    idx = pd.period_range("2019-01", "2021-12", freq="M")
    data = {
        "ppi_yoy": MacroSeries(SeriesMeta("ppi_yoy", "pct_yoy", "M"), pd.Series(1.0, index=idx)),
        "ppi_mom": MacroSeries(SeriesMeta("ppi_mom", "pct_mom", "M"), pd.Series(0.1, index=idx)),
    }
    nc = DFMNowcaster("ppi_yoy").predict(InfoSet.build(data, "2022-01-31"))
    assert not nc.computable
    assert nc.reason == "fewer than two inputs with enough history for a factor"


@pytest.fixture(scope="module")
def ppi_data(sample_series):
    ids = set(DFMNowcaster("ppi_yoy").series_ids())
    return {s.id: s for s in sample_series if s.id in ids}


def test_ppi_factor_nowcast_is_finite(ppi_data):
    nc = DFMNowcaster("ppi_yoy").predict(InfoSet.build(ppi_data, "2019-06-30"))
    assert nc.computable
    assert np.isfinite(nc.yoy) and nc.sigma > 0
    assert nc.model == "dfm"


def test_factor_model_has_no_look_ahead(ppi_data):
    model = DFMNowcaster("ppi_yoy")
    full = model.predict(InfoSet.build(ppi_data, "2019-06-30"))
    cut = {k: (s.slice(None, "2019-06") if s.freq == "M" else s.slice(None, "2019-06-30")) for k, s in ppi_data.items()}
    trunc = model.predict(InfoSet.build(cut, "2019-06-30"))
    assert trunc.mom == pytest.approx(full.mom, abs=1e-12)
