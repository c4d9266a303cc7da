"""The bridge's backtest shortcut: an input cache shared by the refits gives exactly the direct fit's numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.models.nowcast import BridgeNowcaster, InfoSet
from macrodesk.models.nowcast.bridge import InputCache, _frame


@pytest.fixture(scope="module")
def real(sample_series):
    ids = set(BridgeNowcaster("cpi_yoy").series_ids()) | set(BridgeNowcaster("ppi_yoy").series_ids())
    return {s.id: s for s in sample_series if s.id in ids}


def _same_fit(a, b) -> None:
    assert a.computable and b.computable
    pd.testing.assert_series_equal(a.params, b.params, check_exact=True)
    pd.testing.assert_frame_equal(a.terms, b.terms, check_exact=True)
    pd.testing.assert_series_equal(a.raw_change, b.raw_change, check_exact=True, check_names=False)
    assert (a.sigma_mom, a.n_obs, a.sample, a.missing_inputs) == (b.sigma_mom, b.n_obs, b.sample, b.missing_inputs)
    na, nb = a.predict(), b.predict()
    assert (na.yoy, na.mom, na.sigma) == (nb.yoy, nb.mom, nb.sigma)
    pd.testing.assert_frame_equal(na.contributions, nb.contributions, check_exact=True)


# as-of dates covering every cut of the target month: complete ('full'), k days short of the
# month end ('end', the 5-day lag of fuel prices at a month end), through a day ('day', mid-month
# and before the 15th, when the target is the previous month); and early origins with little history
AS_OF = ["2016-08-31", "2019-03-10", "2020-01-20", "2021-06-03", "2024-02-29", "2025-05-14", "2025-11-30"]


@pytest.mark.parametrize("target", ["cpi_yoy", "ppi_yoy"])
def test_cached_inputs_give_the_direct_fit(real, target):
    model = BridgeNowcaster(target)
    cache = InputCache(real)
    for as_of in AS_OF:
        info = InfoSet.build(real, as_of)
        _same_fit(model.fit(info), model.fit(info, cache=cache))


def test_a_target_month_without_a_usable_day_and_a_foreign_cache_fall_back(real):
    # a 40-day lag leaves fuel prices no day of the target month ('none'); a cache built on other
    # data (prices tilted by a growing factor) must not be used for an information set not cut from it
    model = BridgeNowcaster("cpi_yoy")
    info = InfoSet.build(real, "2022-03-31", lags={"gasoline_92_cny": 40, "diesel_0_cny": 40})
    assert info._cut("gasoline_92_cny")[0] == "none"
    _same_fit(model.fit(info), model.fit(info, cache=InputCache(real)))
    tilted = {k: (s.with_data(s.data * np.linspace(1.0, 2.0, len(s.data))) if s.freq != "M" else s)
              for k, s in real.items()}
    info = InfoSet.build(real, "2022-03-31")
    foreign = InputCache(tilted)
    assert foreign.change(info, "pork_wholesale_cny", True) is None
    _same_fit(model.fit(info), model.fit(info, cache=foreign))
    # the guard matters: on its own data the tilted cache gives other changes
    own = foreign.change(InfoSet.build(tilted, "2022-03-31"), "pork_wholesale_cny", True)
    assert own is not None
    assert not np.allclose(own[0].dropna().to_numpy(), info.input_change("pork_wholesale_cny").dropna().to_numpy())


@pytest.mark.parametrize("target", ["cpi_yoy", "ppi_yoy"])
def test_backtest_equals_month_by_month_direct_nowcasts(real, target):
    model = BridgeNowcaster(target)
    months = pd.period_range("2021-01", "2021-04", freq="M")
    got = model.nowcasts(real, months)
    for t in months:
        direct = model.predict(model.info_set(real, model.origin(t)))
        assert (got[t].yoy, got[t].mom, got[t].sigma) == (direct.yoy, direct.mom, direct.sigma)
        pd.testing.assert_frame_equal(got[t].contributions, direct.contributions, check_exact=True)


def test_frame_is_the_aligned_dataframe():
    a = pd.Series([1.0, np.nan, 3.0], index=pd.period_range("2020-01", periods=3, freq="M"))
    b = pd.Series([5.0, 6.0], index=pd.period_range("2020-03", periods=2, freq="M"))
    pd.testing.assert_frame_equal(_frame({"a": a, "b": b}), pd.DataFrame({"a": a, "b": b}), check_exact=True)
    gap = pd.Series([1.0, 2.0], index=pd.PeriodIndex(["2020-01", "2020-05"], freq="M"))
    pd.testing.assert_frame_equal(_frame({"a": a, "g": gap}), pd.DataFrame({"a": a, "g": gap}), check_exact=True)
