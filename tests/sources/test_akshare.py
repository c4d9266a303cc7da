"""AKShare source on fake functions shaped like AKShare's own output, with real published values."""

from __future__ import annotations

import socket

import numpy as np
import pandas as pd
import pytest

from macrodesk.importers.csv import read_frame
from macrodesk.sources import COLUMNS, SourceError, get
from macrodesk.sources.akshare import FUNCTIONS, AkshareSource

from .conftest import CPI_RELEASED, PMI_RELEASED


def test_network_is_blocked_for_the_whole_suite():
    with pytest.raises(Exception, match="(?i)socket"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("192.0.2.1", 80))


def test_registry_and_known_ids():
    src = get("akshare", functions={})
    assert src.name == "akshare"
    ids = src.known_ids()
    for sid in ("cpi_yoy", "cpi_yoy_consensus", "ppi_yoy_consensus", "m2_level", "exports_usd_level", "pmi_mfg"):
        assert sid in ids
    assert len(ids) == len(set(ids))
    with pytest.raises(SourceError, match="unknown source 'bloomberg'.*akshare, wind, ifind"):
        get("bloomberg")


def test_cpi_actual_consensus_and_release_dates(fake_table):
    out = AkshareSource(fake_table).fetch(["cpi_yoy", "cpi_yoy_consensus"])
    assert tuple(out.columns) == COLUMNS
    cpi = out[out.series_id == "cpi_yoy"].set_index("date")
    # NBS prints for 2022H2, released on the given days of the following month
    assert cpi["value"].tolist() == [2.7, 2.5, 2.8, 2.1, 1.6, 1.8]
    assert [f"{d:%Y-%m-%d}" for d in cpi.index] == [
        "2022-07-31", "2022-08-31", "2022-09-30", "2022-10-31", "2022-11-30", "2022-12-31"]
    assert [f"{d:%Y-%m-%d}" for d in cpi["released"]] == CPI_RELEASED
    cons = out[out.series_id == "cpi_yoy_consensus"].set_index("date")
    assert cons["value"].tolist() == [2.86, 2.76, 3.0, 2.41, 1.63, 1.84]  # Wind consensus, Jul..Dec 2022
    assert cons.loc[pd.Timestamp("2022-12-31"), "released"] == pd.Timestamp("2023-01-12")
    assert set(cons["unit"]) == {"pct_yoy"}


def test_eastmoney_values_win_and_jin10_gives_the_release(fake_table):
    table = dict(fake_table)
    frame = table["macro_china_cpi_yearly"]().copy()
    frame["今值"] = frame["今值"] + 0.1  # if jin10 won, every value would be 0.1 higher
    table["macro_china_cpi_yearly"] = lambda: frame
    out = AkshareSource(table).fetch(["cpi_yoy"])
    assert out["value"].tolist() == [2.7, 2.5, 2.8, 2.1, 1.6, 1.8]
    assert out["released"].notna().all()


def test_ppi_consensus_money_trade_units(fake_table):
    out = AkshareSource(fake_table).fetch(
        ["ppi_yoy", "ppi_yoy_consensus", "m2_level", "m1_yoy", "exports_usd_level", "imports_usd_ytd_yoy"])
    by = {sid: g.set_index("date")["value"] for sid, g in out.groupby("series_id")}
    dec = pd.Timestamp("2022-12-31")
    assert by["ppi_yoy"][dec] == -0.7 and by["ppi_yoy_consensus"][dec] == -0.27
    assert by["m2_level"][dec] == 2664320.8 and by["m1_yoy"][dec] == 3.7
    # macro_china_hgjck gives thousand USD; 296,900,000 thousand USD = 296.9 USD bn (GACC, Dec 2022)
    assert by["exports_usd_level"][dec] == pytest.approx(296.9)
    units = out.groupby("series_id")["unit"].first()
    assert units["exports_usd_level"] == "usd_bn" and units["imports_usd_ytd_yoy"] == "pct_yoy_ytd"
    assert units["m2_level"] == "cny_100m"


def test_pmi_released_on_the_last_day_is_that_months(fake_table):
    out = AkshareSource(fake_table).fetch(["pmi_mfg_consensus", "pmi_mfg"])
    pmi = out[out.series_id == "pmi_mfg"].set_index("date")
    assert pmi.loc[pd.Timestamp("2022-12-31"), "value"] == 47.0
    assert [f"{d:%Y-%m-%d}" for d in pmi["released"]] == PMI_RELEASED
    assert "pmi_mfg_consensus" not in set(out.series_id)  # 预测值 empty: nothing stored


def test_pmi_released_on_the_first_is_the_previous_months():
    from macrodesk.sources.akshare import tidy

    f = next(f for f in FUNCTIONS if f.name == "macro_china_pmi_yearly")
    import datetime as dt

    raw = pd.DataFrame({"商品": "中国官方制造业PMI", "日期": [dt.date(2012, 2, 1)], "今值": [50.5],
                        "预测值": [np.nan], "前值": [50.3]})
    rows = tidy(f, raw)
    assert rows["date"].tolist() == [pd.Timestamp("2012-01-31")]


def test_start_end_span(fake_table):
    out = AkshareSource(fake_table).fetch(["cpi_yoy"], start="2022-10", end="2022-11")
    assert out["value"].tolist() == [2.1, 1.6]
    with pytest.raises(SourceError, match="--start must be a month"):
        AkshareSource(fake_table).fetch(["cpi_yoy"], start="2022-13")


def test_read_frame_turns_rows_into_checked_series(fake_table):
    out = AkshareSource(fake_table).fetch(["cpi_yoy", "cpi_yoy_consensus"])
    series = {s.id: s for s in read_frame(out, "akshare")}
    assert series["cpi_yoy"].freq == "M" and series["cpi_yoy"].unit == "pct_yoy"
    assert series["cpi_yoy_consensus"].observations().iloc[-1] == 1.84


def test_unknown_id_lists_known_ids(fake_table):
    with pytest.raises(SourceError, match="does not know 'cpi_yoy_typo'; known ids: cpi_yoy, cpi_mom"):
        AkshareSource(fake_table).fetch(["cpi_yoy_typo"])


@pytest.mark.parametrize("drift", ["rename", "missing"])
def test_drifted_shape_is_a_clear_error(fake_table, drift):
    frame = fake_table["macro_china_ppi"]()
    if drift == "rename":
        frame = frame.rename(columns={"当月同比增长": "同比增长"})
    else:
        frame = frame.drop(columns="累计")
    table = dict(fake_table, macro_china_ppi=lambda: frame)
    with pytest.raises(SourceError) as err:
        AkshareSource(table).fetch(["ppi_yoy"])
    msg = str(err.value)
    assert "akshare.macro_china_ppi changed shape" in msg
    assert "expected 4 [月份, 当月, 当月同比增长, 累计]" in msg
    assert f"saw {3 if drift == 'missing' else 4} columns" in msg


def test_jin10_drift_and_bad_month_text(fake_table):
    frame = fake_table["macro_china_cpi_yearly"]().iloc[:, :4]  # 前值 dropped
    with pytest.raises(SourceError, match=r"macro_china_cpi_yearly changed shape \(missing 前值\)"):
        AkshareSource(dict(fake_table, macro_china_cpi_yearly=lambda: frame)).fetch(["cpi_yoy_consensus"])
    em = fake_table["macro_china_ppi"]()
    em.loc[2, "月份"] = "2022年13月份"
    with pytest.raises(SourceError, match="macro_china_ppi: row 3: 月份 '2022年13月份' is not a month"):
        AkshareSource(dict(fake_table, macro_china_ppi=lambda: em)).fetch(["ppi_yoy"])


def test_two_releases_in_one_month_is_an_error(fake_table):
    frame = fake_table["macro_china_ppi_yearly"]()
    frame.loc[1, "日期"] = frame.loc[0, "日期"]  # two releases in 2022-08: both would be 2022-07
    with pytest.raises(SourceError, match="2022-08-10 and 2022-08-10 both fall on 2022-07"):
        AkshareSource(dict(fake_table, macro_china_ppi_yearly=lambda: frame)).fetch(["ppi_yoy_consensus"])


def test_network_failure_names_the_function(fake_table):
    def down():
        raise ConnectionError("HTTPSConnectionPool(host='datacenter-web.eastmoney.com')\nMax retries exceeded")

    with pytest.raises(SourceError) as err:
        AkshareSource(dict(fake_table, macro_china_money_supply=down)).fetch(["m2_level"])
    assert str(err.value).startswith("akshare.macro_china_money_supply failed: ConnectionError: HTTPSConnectionPool")
    assert "\n" not in str(err.value)


def test_missing_extra_gives_the_install_hint(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "akshare", None)  # import akshare -> ImportError
    with pytest.raises(SourceError, match=r'pip install "macrodesk\[akshare\]"'):
        AkshareSource().fetch(["cpi_yoy"])


def test_progress_is_called_once_per_function(fake_table):
    calls: list[str] = []
    AkshareSource(fake_table).fetch(["cpi_yoy", "m2_level"], progress=calls.append)
    assert calls == ["macro_china_cpi", "macro_china_money_supply", "macro_china_cpi_yearly"]


def test_table_matches_installed_akshare_source():
    """When akshare is installed, each function's column list is the one its source assigns."""
    ak = pytest.importorskip("akshare")
    import inspect

    for f in FUNCTIONS:
        src = inspect.getsource(getattr(ak, f.name))
        if f.kind == "jin10":
            assert "__macro_china_base_func" in src, f.name
        else:
            for col in f.columns:
                assert f'"{col}"' in src, (f.name, col)


def test_jin10_rows_without_date_or_value_are_dropped_and_a_dateless_value_is_an_error(fake_table):
    frame = fake_table["macro_china_cpi_yearly"]()
    blank = pd.DataFrame({"商品": ["中国CPI年率报告"], "日期": [pd.NaT], "今值": [np.nan], "预测值": [np.nan], "前值": [np.nan]})
    table = dict(fake_table, macro_china_cpi_yearly=lambda: pd.concat([frame, blank], ignore_index=True))
    out = AkshareSource(table).fetch(["cpi_yoy_consensus"])
    assert out["value"].tolist() == [2.86, 2.76, 3.0, 2.41, 1.63, 1.84]
    frame.loc[3, "日期"] = None
    with pytest.raises(SourceError, match="macro_china_cpi_yearly: row 4: 日期 'None' is not a date"):
        AkshareSource(dict(fake_table, macro_china_cpi_yearly=lambda: frame)).fetch(["cpi_yoy_consensus"])
