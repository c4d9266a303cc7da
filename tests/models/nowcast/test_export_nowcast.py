"""The export nowcast from partner data and the calendar (models/nowcast/exports.py).

Numbers checked here come from the bundled CSVs (shared data), by hand: customs levels
Jan/Feb 2020 = 211.6 / 80.4 and Jan/Feb 2021 = 263.4 / 204.4 USD bn; Korea's exports
June 2023 = 54 297.754 USD mn (Korea publishes on the 1st of the next month, the rule
counts it from the 2nd); customs' release rule: day 9 of the next month, Jan–Feb on 7 March.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ModelError
from macrodesk.models.nowcast.exports import (
    ExportBacktest,
    ExportNowcast,
    ExportNowcaster,
    ExportSpec,
    export_print,
    published_on,
)


@pytest.fixture(scope="module")
def data(sample_series):
    ids = set(ExportNowcaster().series_ids())
    return {s.id: s for s in sample_series if s.id in ids}


def test_janfeb_print_from_levels_by_hand(data):
    lv = data["exports_usd_level"].data
    lv.index = pd.PeriodIndex(lv.index, freq="M")
    # (263.4 + 204.4) / (211.6 + 80.4) - 1 = 0.60205...
    assert export_print(lv, pd.Period("2021-02", "M")) == pytest.approx(467.8 / 292.0 - 1, abs=1e-12)
    assert export_print(lv, pd.Period("2021-01", "M")) == pytest.approx(263.4 / 211.6 - 1, abs=1e-12)


def test_published_on_uses_the_rule_day(data):
    kr = data["kr_exports_world"]
    before = published_on(kr, pd.Timestamp("2023-07-01"), day=2)
    after = published_on(kr, pd.Timestamp("2023-07-02"), day=2)
    assert before.index[-1] == pd.Period("2023-05", "M")
    assert after.index[-1] == pd.Period("2023-06", "M")
    assert after.iloc[-1] == pytest.approx(54297.754)
    ex = published_on(data["exports_usd_level"], pd.Timestamp("2024-03-06"))  # Jan-Feb out on 7 March
    assert ex.index[-1] == pd.Period("2023-12", "M")


def test_origin_is_the_day_before_customs():
    m = ExportNowcaster()
    assert m.origin(pd.Period("2023-06", "M")) == pd.Timestamp("2023-07-08")
    assert m.origin(pd.Period("2023-02", "M")) == pd.Timestamp("2023-03-06")
    assert m.origin(pd.Period("2023-01", "M")) == pd.Timestamp("2023-03-06")


def test_nowcast_is_real_time(data):
    """Cutting every series at what was out on the origin, or changing later values, gives the same nowcast."""
    m = ExportNowcaster()
    origin = m.origin(pd.Period("2023-06", "M"))
    nc = m.predict(m.info_set(data, origin))
    assert isinstance(nc, ExportNowcast)
    assert nc.month == pd.Period("2023-06", "M") and nc.known == pd.Period("2023-05", "M")
    assert set(nc.used) >= {"kr_imports_china", "vn_exports_world", "pmi_mfg"}
    assert nc.yoy == pytest.approx(np.mean(list(nc.members.values())))
    # the future doubled: nothing after the origin may move the nowcast
    bent = {}
    for k, s in data.items():
        d = s.data.copy()
        late = pd.PeriodIndex(d.index, freq="M") >= pd.Period("2023-07", "M") if s.freq == "M" else d.index > origin
        d[late] = d[late] * 2.0
        if k == "exports_usd_level":
            d[pd.PeriodIndex(d.index, freq="M") == pd.Period("2023-06", "M")] *= 2.0
        bent[k] = s.with_data(d)
    nc2 = m.predict(m.info_set(bent, origin))
    assert nc2.yoy == pytest.approx(nc.yoy, abs=1e-12)


def test_backtest_benchmarks_by_hand(data):
    bt = ExportNowcaster().backtest(data, "2021-02", "2021-03")
    assert isinstance(bt, ExportBacktest)
    r = bt.rows
    assert list(r.index.strftime("%Y-%m")) == ["2021-02", "2021-03"]
    assert r.loc[pd.Period("2021-02", "M"), "actual"] == pytest.approx((467.8 / 292.0 - 1) * 100)
    # seasonal naive of Jan-Feb 2021: the Jan-Feb 2020 print; random walk of March 2021: Jan-Feb 2021
    lv = data["exports_usd_level"].data
    lv.index = pd.PeriodIndex(lv.index, freq="M")
    jf20 = (211.6 + 80.4) / (float(lv[pd.Period("2019-01", "M")]) + float(lv[pd.Period("2019-02", "M")])) - 1
    assert r.loc[pd.Period("2021-02", "M"), "seasonal_naive"] == pytest.approx(jf20 * 100)
    assert r.loc[pd.Period("2021-03", "M"), "random_walk"] == pytest.approx((467.8 / 292.0 - 1) * 100)
    assert r["nowcast"].notna().all()
    assert bt.stats().loc["nowcast", "n"] == 2


def test_bad_spec():
    with pytest.raises(ModelError, match="window"):
        ExportSpec(window=20, min_obs=24)


def test_no_level_is_a_clear_error(data):
    m = ExportNowcaster()
    only = {k: v for k, v in data.items() if k != "exports_usd_level"}
    with pytest.raises(ModelError, match="exports_usd_level"):
        m.predict(m.info_set(only, "2023-07-08"))
