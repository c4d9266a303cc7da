"""Factor model, pass-through slope and commodity paths, on hand-made data with hand-computed answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models import FactorModel, NotComputable, commodity_path, pass_through
from macrodesk.models.factor import newey_west_lags


def monthly(values, start="2016-01"):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


# two non-collinear regressors over 30 months
X1 = np.array([((k * 7) % 11 - 5) / 100 for k in range(30)])
X2 = np.array([((k * 5) % 13 - 6) / 100 for k in range(30)])


@pytest.fixture()
def exact():
    # y = 0.01 + 0.5 x1 - 0.2 x2, exactly
    X = pd.DataFrame({"coal": X1, "copper": X2}, index=pd.period_range("2016-01", periods=30, freq="M"))
    y = (0.01 + 0.5 * X["coal"] - 0.2 * X["copper"]).rename("PPI")
    return FactorModel(y, X).fit()


def test_exact_linear_combination_has_r2_one(exact):
    assert exact.rsquared == pytest.approx(1.0)
    assert exact.nobs == 30


def test_exact_linear_combination_recovers_the_constant(exact):
    assert exact.params["const"] == pytest.approx(0.01)


def test_exact_linear_combination_recovers_the_coefficients(exact):
    assert exact.params["coal"] == pytest.approx(0.5)
    assert exact.params["copper"] == pytest.approx(-0.2)


def test_contributions_sum_to_the_fit(exact):
    c = exact.contributions()
    assert list(c.columns) == ["const", "coal", "copper"]
    # first month: x1 = -5/100, x2 = -6/100 -> 0.5 * -0.05 = -0.025; -0.2 * -0.06 = 0.012
    first = c.iloc[0]
    assert first["coal"] == pytest.approx(-0.025)
    assert first["copper"] == pytest.approx(0.012)
    assert np.allclose(c.sum(axis=1).to_numpy(), exact.fitted.to_numpy())


def test_predict_from_factor_paths(exact):
    # 0.01 + 0.5 * 0.10 - 0.2 * 0.05 = 0.05
    paths = pd.DataFrame({"coal": [0.10], "copper": [0.05]}, index=pd.period_range("2026-01", periods=1, freq="M"))
    assert exact.predict(paths).iloc[0] == pytest.approx(0.05)


def test_predict_needs_every_factor(exact):
    paths = pd.DataFrame({"coal": [0.10]}, index=pd.period_range("2026-01", periods=1, freq="M"))
    with pytest.raises(ModelError, match=r"X lacks factor columns \['copper'\]"):
        exact.predict(paths)


def test_ols_slope_and_r2_by_hand():
    # x = 0, 1, 2; y = 1, 2, 4: slope = sum(dx dy)/sum(dx^2) = 3/2 = 1.5; intercept = 7/3 - 1.5;
    # residuals 1/6, -1/3, 1/6 -> SSR 1/6; SST 42/9 -> R2 = 1 - (1/6)/(14/3) = 27/28
    pt = pass_through(monthly([1, 2, 4]), monthly([0, 1, 2]), min_obs=3)
    assert pt.slope == pytest.approx(1.5)
    assert pt.intercept == pytest.approx(7 / 3 - 1.5)
    assert pt.rsquared == pytest.approx(27 / 28)


def test_seed_crb_pass_through_arithmetic():
    # Seed 003: "CRB…同比每涨1%带动PPI同比上涨约0.24%"; "若2026年CRB指数…涨幅超5%，预计将拉动国内PPI同比上行约1个百分点".
    # A fixture with PPI YoY = 0.24 x CRB YoY exactly: slope 0.24, and 0.24 x 5% = 1.2 pp.
    crb = monthly(X1 * 4)
    pt = pass_through(crb * 0.24, crb)
    assert pt.slope == pytest.approx(0.24)
    assert pt.effect(0.05) * 100 == pytest.approx(1.2)


def test_too_short_a_sample_is_not_computable():
    X = pd.DataFrame({"coal": X1[:10]}, index=pd.period_range("2016-01", periods=10, freq="M"))
    res = FactorModel(monthly(X1[:10] * 2), X).fit()
    assert isinstance(res, NotComputable)
    assert res.reason.startswith("only 10 complete observations (need 24)")


def test_collinear_factors_are_not_computable():
    X = pd.DataFrame({"a": X1, "b": 2 * X1}, index=pd.period_range("2016-01", periods=30, freq="M"))
    res = FactorModel(monthly(X1), X).fit()
    assert isinstance(res, NotComputable)
    assert "collinear" in res.reason


def test_window_and_listwise_deletion():
    X = pd.DataFrame({"coal": X1, "copper": X2}, index=pd.period_range("2016-01", periods=30, freq="M"))
    y = 0.01 + 0.5 * X["coal"] - 0.2 * X["copper"]
    X.iloc[3, 0] = np.nan  # 2016-04 dropped
    res = FactorModel(y, X).fit(start="2016-02", end="2018-05", min_obs=10)
    assert res.sample == (pd.Period("2016-02", "M"), pd.Period("2018-05", "M"))
    assert res.nobs == 28 - 1


def test_spec_errors_raise():
    X = pd.DataFrame({"const": X1}, index=pd.period_range("2016-01", periods=30, freq="M"))
    with pytest.raises(ModelError, match="must not contain a column named 'const'"):
        FactorModel(monthly(X1), X)
    Xok = X.rename(columns={"const": "a"})
    with pytest.raises(ModelError, match="cov must be one of"):
        FactorModel(monthly(X1), Xok).fit(cov="robust")


def test_newey_west_rule_of_thumb():
    # floor(4 (108/100)^(2/9)) = floor(4 * 1.0173) = 4
    assert newey_west_lags(108) == 4


def test_commodity_path_levels_and_yoy_by_hand():
    # history: 100 every month of 2025; target 130 in March 2026, flat to April:
    # Jan 110, Feb 120, Mar 130, Apr 130 -> YoY +10%, +20%, +30%, +30%
    h = monthly([100.0] * 12, "2025-01")
    p = commodity_path(h, {"2026-03": 130}, end="2026-04", name="copper")
    assert list(p.level.loc["2026-01":].round(6)) == [110.0, 120.0, 130.0, 130.0]
    assert list(p.path_yoy.round(6)) == [0.1, 0.2, 0.3, 0.3]
    assert p.average_yoy(2026) == pytest.approx(0.225)


def test_commodity_path_needs_a_year_of_history():
    p = commodity_path(monthly([100.0] * 6, "2025-07"), {"2026-03": 130})
    assert isinstance(p, NotComputable)
    assert p.reason == "no level for 2025-01, needed as the base of the YoY in 2026-01"


def test_commodity_path_targets_must_lie_ahead():
    with pytest.raises(ModelError, match="target month 2025-06 is not after the last observation 2025-12"):
        commodity_path(monthly([100.0] * 12, "2025-01"), {"2025-06": 90})


def test_bundled_four_factor_fit_since_2016(sample_series):
    # The seed reports R2 95.8% since 2016 on its Wind data; on the bundled spot prices
    # (monthly means, 2016-01..2024-12) the fit is weaker but still explains most of PPI YoY.
    from macrodesk import transforms as T

    by = {s.id: s for s in sample_series}
    ids = {"coal": "thermal_coal_qhd_q5500_cny", "rebar": "rebar_hrb_25mm_cny", "diesel": "diesel_0_cny",
           "copper": "copper_lme_usd"}
    X = pd.DataFrame({k: T.yoy(T.to_monthly(by[v].data)) for k, v in ids.items()})
    res = FactorModel(by["ppi_yoy"].to_fraction(), X).fit(start="2016-01", end="2024-12")
    assert res.rsquared > 0.85
    assert (res.params[list(ids)] > 0).all()


def test_commodity_path_mom_and_yoy_cover_history_and_path():
    # history 100 in 2025, then 110, 120, 130 in Q1 2026: MoM 10%, 120/110 - 1, 130/120 - 1
    p = commodity_path(monthly([100.0] * 12, "2025-01"), {"2026-03": 130}, name="copper")
    assert p.last_observed == pd.Period("2025-12", "M") and p.path_start == pd.Period("2026-01", "M")
    assert p.mom[pd.Period("2026-01", "M")] == pytest.approx(0.1)
    assert p.mom[pd.Period("2026-02", "M")] == pytest.approx(120 / 110 - 1)
    assert p.mom[pd.Period("2025-06", "M")] == 0.0
    assert p.yoy[:"2025-12"].isna().all()  # no base in 2024
    assert p.to_frame().loc[pd.Period("2026-03", "M")].tolist() == pytest.approx([130.0, 130 / 120 - 1, 0.3])


def test_lenient_commodity_path_as_a_scenario_file_reads_it():
    # strict=False: a target at or before the last observation is history and ignored, and a
    # projected month without a base gets a NaN YoY instead of NotComputable.
    h = monthly([100.0] * 6, "2025-07")
    p = commodity_path(h, {"2025-09": 90.0, "2026-06": 130.0}, end="2026-12", strict=False)
    assert p.targets == {pd.Period("2026-06", "M"): 130.0}
    assert p.level[pd.Period("2026-03", "M")] == pytest.approx(115.0)  # halfway from 100 (Dec) to 130 (Jun)
    assert p.level[pd.Period("2026-12", "M")] == pytest.approx(130.0)  # flat after the last target
    assert np.isnan(p.yoy[pd.Period("2026-01", "M")])  # Jan 2025 is not in the history
    assert p.yoy[pd.Period("2026-07", "M")] == pytest.approx(0.3)  # 130 / 100 - 1


def test_factor_result_summary_and_frame_are_numbers(exact):
    table = exact.summary()
    assert list(table.columns) == ["coef", "std_err", "t", "p_value"]
    assert list(table.index) == ["const", "coal", "copper"]
    assert table.loc["coal", "coef"] == pytest.approx(0.5)
    assert table.loc["const", "coef"] == pytest.approx(0.01)
    frame = exact.to_frame()
    assert np.allclose(frame["actual"].to_numpy(), frame["fitted"].to_numpy())
    # first month: 0.5 * -0.05 = -0.025
    assert frame["contribution:coal"].iloc[0] == pytest.approx(-0.025)


def test_factor_result_json(exact):
    import json

    js = json.loads(exact.to_json())
    assert js["params"]["coal"] == pytest.approx(0.5)
    assert js["sample"] == ["2016-01", "2018-06"]
    assert js["nobs"] == 30 and js["cov_type"] == "HAC"


def test_commodity_elasticity_on_a_three_month_hand_series():
    # Prices 100, 100e^0.1, 100, 100: log MoMs x = 0.1, -0.1, 0 for months 2-4; target MoM y = 1%, -0.2%, 0.1%.
    # xbar = 0, ybar = 0.003: slope = sum(x (y - ybar)) / sum(x^2) = (0.1 x 0.007 + 0.1 x 0.005) / 0.02 = 0.06,
    # intercept 0.003.
    from macrodesk.models import commodity_elasticities

    idx = pd.period_range("2020-01", periods=4, freq="M")
    price = pd.Series([100.0, 100.0 * np.exp(0.1), 100.0, 100.0], index=idx)
    y = pd.Series([np.nan, 0.01, -0.002, 0.001], index=idx)
    fit = commodity_elasticities(y, {"oil": price}, min_obs=3)
    assert fit.elasticities["oil"] == pytest.approx(0.06)
    assert fit.intercept == pytest.approx(0.003)
    assert fit.nobs == 3 and fit.sample == (idx[1], idx[3])
    # a window that leaves too few months is not computable; a non-positive price is an error
    assert isinstance(commodity_elasticities(y, {"oil": price}, end="2020-03", min_obs=3), NotComputable)
    with pytest.raises(ModelError, match=r"levels\['oil'\] must be positive"):
        commodity_elasticities(y, {"oil": price * 0.0}, min_obs=3)
