"""Backtests: statistics by hand, the benchmarks' published figures, JSON shape, accuracy ceilings."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

import macrodesk.models.nowcast as N
from macrodesk.exceptions import ModelError
from macrodesk.models.nowcast import (
    TARGETS,
    BacktestResult,
    benchmark_rows,
    error_stats,
    make_model,
    month_range,
)


def test_exports_are_what_we_meant():
    assert sorted(N.__all__) == N.__all__
    for name in N.__all__:
        assert getattr(N, name) is not None


def test_error_stats_by_hand():
    # errors 0.1, -0.2, 0.0, 0.3: MAE 0.6/4 = 0.15; RMSE sqrt(0.14/4) = 0.187083; bias 0.2/4 = 0.05;
    # within +/-0.1: 0.1 and 0.0 -> 2 of 4
    st = error_stats([0.1, -0.2, 0.0, 0.3])
    assert st["n"] == 4
    assert st["mae"] == pytest.approx(0.15)
    assert st["rmse"] == pytest.approx(math.sqrt(0.035))
    assert st["bias"] == pytest.approx(0.05)
    assert st["within_0_1"] == 0.5


def test_error_stats_of_nothing():
    assert error_stats([np.nan])["n"] == 0


def _result() -> BacktestResult:
    idx = pd.period_range("2021-01", periods=4, freq="M")
    rows = pd.DataFrame(
        {
            "nowcast": [1.0, 1.2, np.nan, 2.0],
            "actual": [0.9, 1.4, 1.5, 2.0],
            "consensus": [1.0, 1.3, 1.5, np.nan],
            "random_walk": [1.5, 0.9, 1.4, 1.5],
            "nowcast_unrounded": [1.02, 1.18, np.nan, 2.04],
            "lower": np.nan, "upper": np.nan, "nowcast_mom": np.nan, "actual_mom": np.nan,
        },
        index=pd.PeriodIndex(idx, name="month"),
    )
    rows["error"] = rows["nowcast"] - rows["actual"]
    return BacktestResult(TARGETS["cpi_yoy"], "bridge", rows)


def test_backtest_statistics_by_hand():
    st = _result().stats()
    # model: errors +0.1, -0.2, 0.0 (March has no nowcast) -> MAE 0.1, bias -0.1/3
    assert st["n"] == 3
    assert st["mae"] == pytest.approx(0.1)
    assert st["bias"] == pytest.approx(-0.1 / 3)
    # consensus on the months with a nowcast and a consensus (Jan, Feb): |0.1|, |-0.1| -> 0.1
    assert st["consensus_n"] == 2
    assert st["consensus_mae"] == pytest.approx(0.1)
    # random walk on Jan, Feb, Apr: |0.6|, |-0.5|, |-0.5| -> 1.6/3
    assert st["random_walk_mae"] == pytest.approx(1.6 / 3)
    # unrounded: |0.12|, |-0.22|, |0.04| -> 0.38/3
    assert st["mae_unrounded"] == pytest.approx(0.38 / 3)


def test_by_period_rows():
    bp = _result().by_period({"Q1": ("2021-01", "2021-03")})
    assert list(bp.index) == ["Q1", "all"]
    assert bp.loc["Q1", "mae"] == pytest.approx(0.15)  # (0.1 + 0.2) / 2


def test_month_range_errors():
    with pytest.raises(ModelError, match="backtest start 2022-06 is after end 2022-01"):
        month_range("2022-06", "2022-01")
    with pytest.raises(ModelError, match="backtest months must look like 2015-01"):
        month_range("June", "2022-01")


# ---------------------------------------------------------------- the benchmarks on published data
@pytest.fixture(scope="module")
def data(sample_series):
    return {s.id: s for s in sample_series}


@pytest.mark.parametrize(
    ("target", "consensus_mae", "random_walk_mae"),
    [
        # mean |consensus - published YoY| and |published YoY(t-1) - YoY(t)| over 2015-01..2022-12 (96 months),
        # computed from the Wind consensus and the one-decimal NBS prints (cpi 16.15 pp / 96, ppi 26.06 pp / 96;
        # random walk cpi 35.5 pp / 96, ppi 72.4 pp / 96)
        ("cpi_yoy", 16.15 / 96, 35.5 / 96),
        ("ppi_yoy", 26.06 / 96, 72.4 / 96),
    ],
)
def test_consensus_and_random_walk_2015_2022(data, target, consensus_mae, random_walk_mae):
    b = benchmark_rows(data, target, month_range("2015-01", "2022-12"))
    assert len(b) == 96
    assert (b["consensus"] - b["actual"]).abs().mean() == pytest.approx(consensus_mae, abs=1e-9)
    assert (b["random_walk"] - b["actual"]).abs().mean() == pytest.approx(random_walk_mae, abs=1e-9)


def test_backtest_json_shape(data):
    res = make_model("bridge", "cpi_yoy").backtest(data, "2022-01", "2022-06")
    js = json.loads(res.to_json())
    assert js["target"] == "cpi_yoy" and js["model"] == "bridge"
    assert [r["month"] for r in js["rows"]] == ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06"]
    assert {"month", "nowcast", "actual", "error", "consensus", "random_walk"} <= set(js["rows"][0])
    for key in ("mae", "rmse", "bias", "within_0_1", "consensus_mae", "random_walk_mae"):
        assert key in js
    # the published prints of H1 2022 (NBS): 0.9, 0.9, 1.5, 2.1, 2.1, 2.5
    assert [r["actual"] for r in js["rows"]] == [0.9, 0.9, 1.5, 2.1, 2.1, 2.5]
    errs = [abs(r["nowcast"] - r["actual"]) for r in js["rows"]]
    assert js["mae"] == pytest.approx(sum(errs) / 6, abs=1e-4)
    # every nowcast prints to one decimal, as NBS does
    assert all(round(r["nowcast"], 1) == r["nowcast"] for r in js["rows"])


def test_backtest_runs_on_a_store(sample_store):
    res = make_model("bridge", "ppi_yoy").backtest(sample_store, "2022-01", "2022-03")
    assert res.stats()["n"] == 3


def test_backtest_needs_the_target(data):
    no_target = {k: v for k, v in data.items() if k != "ppi_yoy"}
    with pytest.raises(ModelError, match="the backtest needs the published 'ppi_yoy'"):
        make_model("bridge", "ppi_yoy").backtest(no_target, "2022-01", "2022-03")


def test_unknown_model_and_target():
    with pytest.raises(ModelError, match="unknown nowcast model 'arima'; choose one of bridge, dfm, combo"):
        make_model("arima")
    with pytest.raises(ModelError, match="unknown nowcast target 'gdp'"):
        make_model("bridge", "gdp")


# ---------------------------------------------------------------- accuracy ceilings (darts-style table)
@pytest.mark.parametrize(
    ("model", "target", "start", "end", "max_mae"),
    [
        ("bridge", "cpi_yoy", "2018-01", "2019-12", 0.15),
        ("bridge", "ppi_yoy", "2018-01", "2019-12", 0.15),
        ("dfm", "ppi_yoy", "2019-01", "2019-12", 0.25),
    ],
)
def test_accuracy_ceiling(data, model, target, start, end, max_mae):
    res = make_model(model, target).backtest(data, start, end)
    assert res.stats()["n"] == len(month_range(start, end))
    assert res.mae <= max_mae
    assert res.mae < res.random_walk_mae
