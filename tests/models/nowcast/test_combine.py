"""Inverse-MSE combination: weights and combined nowcast by hand; live and backtest paths agree."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from macrodesk.models._base import NotComputable
from macrodesk.models.nowcast import (
    TARGETS,
    BridgeNowcaster,
    BridgeSpec,
    CombinedNowcaster,
    InfoSet,
    Nowcast,
    combine_nowcasts,
    inverse_mse_weights,
)
from macrodesk.models.nowcast.bridge import CPI_BRIDGE

MONTHS = pd.period_range("2021-01", periods=4, freq="M")
ERRORS = pd.DataFrame(
    {"bridge": [0.001, -0.001, 0.001, -0.001], "dfm": [0.002, -0.002, 0.002, -0.002]}, index=MONTHS
)


def test_inverse_mse_weights_by_hand():
    # MSE bridge = 0.001^2 = 1e-6, MSE dfm = 4e-6: weights (1/1e-6) / (1/1e-6 + 1/4e-6) = 1 / 1.25 = 0.8, 0.2
    w = inverse_mse_weights(ERRORS, min_errors=4)
    assert w["bridge"] == pytest.approx(0.8)
    assert w["dfm"] == pytest.approx(0.2)


def test_too_few_errors_gives_no_weights():
    assert inverse_mse_weights(ERRORS, min_errors=5) is None


def test_zero_mse_takes_all_the_weight():
    e = ERRORS.assign(bridge=0.0)
    assert inverse_mse_weights(e, min_errors=4) == {"bridge": 1.0, "dfm": 0.0}


def _nc(model: str, mom: float, sigma: float = 0.001) -> Nowcast:
    return Nowcast(TARGETS["cpi_yoy"], model, pd.Period("2021-05", "M"), pd.Timestamp("2021-05-31"),
                   mom=mom, anchor_yoy=0.02, base_mom=0.001, sigma=sigma)


def test_combined_nowcast_by_hand():
    nc = combine_nowcasts({"bridge": _nc("bridge", 0.004), "dfm": _nc("dfm", 0.002)}, ERRORS,
                          primary="bridge", target=TARGETS["cpi_yoy"], min_errors=4)
    # m = 0.8 x 0.004 + 0.2 x 0.002 = 0.0036; y = 1.02 x 1.0036 / 1.001 - 1 = 1.023672 / 1.001 - 1 = 0.0226494
    assert nc.mom == pytest.approx(0.0036)
    assert nc.yoy == pytest.approx(1.023672 / 1.001 - 1)
    assert nc.weights == pytest.approx({"bridge": 0.8, "dfm": 0.2})
    # past combined errors 0.8 x 0.001 + 0.2 x 0.002 = +/-0.0012 -> RMS 0.0012;
    # sigma = sqrt((1.02/1.001)^2 x 0.0012^2 + 0.001^2 / 12)
    assert nc.sigma == pytest.approx(math.sqrt((1.02 / 1.001) ** 2 * 0.0012**2 + 0.001**2 / 12))


def test_falls_back_to_the_primary_without_enough_errors():
    nc = combine_nowcasts({"bridge": _nc("bridge", 0.004), "dfm": _nc("dfm", 0.002)}, ERRORS,
                          primary="bridge", target=TARGETS["cpi_yoy"], min_errors=12)
    assert nc.mom == 0.004
    assert nc.weights == {"bridge": 1.0, "dfm": 0.0}
    assert nc.notes == ("fewer than 12 past errors for every model: bridge alone",)


def test_a_member_that_cannot_nowcast_drops_out():
    nc = combine_nowcasts({"bridge": _nc("bridge", 0.004), "dfm": NotComputable("dfm", "diverged")}, ERRORS,
                          primary="bridge", target=TARGETS["cpi_yoy"], min_errors=4)
    assert nc.mom == 0.004
    assert nc.weights == {"bridge": 1.0}


def test_nothing_computable_is_not_computable():
    nc = combine_nowcasts({"bridge": NotComputable("bridge", "no data")}, ERRORS[["bridge"]],
                          primary="bridge", target=TARGETS["cpi_yoy"])
    assert not nc.computable


class _SeasonalOnly(BridgeNowcaster):
    """A second, cheap member for the consistency test: the CPI bridge without inputs."""

    name = "seasonal"

    def __init__(self, target="cpi_yoy"):
        super().__init__(target, BridgeSpec(inputs=(), seasonal=True, spring_festival=True,
                                            sf_prior=CPI_BRIDGE.sf_prior, prior_months=36.0))


def test_live_fit_equals_the_backtest_path(sample_series):
    model = CombinedNowcaster("cpi_yoy", (BridgeNowcaster("cpi_yoy"), _SeasonalOnly()), window=8, min_errors=6)
    data = {s.id: s for s in sample_series if s.id in model.series_ids()}
    live = model.predict(InfoSet.build(data, "2019-06-30"))
    bt = model.nowcasts(data, pd.period_range("2019-06", "2019-06", freq="M"))[pd.Period("2019-06", "M")]
    assert live.mom == pytest.approx(bt.mom, abs=1e-15)
    assert live.weights == pytest.approx(bt.weights)
    assert set(live.weights) == {"bridge", "seasonal"}
    assert np.isclose(sum(live.weights.values()), 1.0)
