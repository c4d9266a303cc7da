"""``macrodesk data fetch``: exit codes, what lands in the store, and an untouched store on failure."""

from __future__ import annotations

import json

import pandas as pd
import sys

import pytest

from macrodesk.series.store import Store


@pytest.fixture()
def installed(monkeypatch, fake_table):
    """Make the 'installed akshare' the fake table (the network is never touched)."""
    table = dict(fake_table)

    def lookup(names):
        return {n: table[n] for n in names}

    monkeypatch.setattr("macrodesk.sources.akshare.installed_functions", lookup)
    return table


def test_fetch_writes_values_and_consensus(cli, tmp_path, installed):
    store = tmp_path / "s.duckdb"
    code, out, err = cli("data", "fetch", "akshare", "cpi_yoy", "cpi_yoy_consensus", "--store", store, "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["released"] == {"cpi_yoy": "2023-01-12", "cpi_yoy_consensus": "2023-01-12"}
    with Store(store, read_only=True) as st:
        assert st.get("cpi_yoy").observations().tolist() == [2.7, 2.5, 2.8, 2.1, 1.6, 1.8]
        assert st.get("cpi_yoy_consensus").observations().iloc[-1] == 1.84
        assert st.get("cpi_yoy_consensus").unit == "pct_yoy"
        # the release dates are stored with the values: Nov 2022 CPI came out on 2022-12-09
        rel = st.get("cpi_yoy").released_observations()
        assert rel["2022-11"].date().isoformat() == "2022-12-09" and rel["2022-12"].date().isoformat() == "2023-01-12"
        assert st.get("cpi_yoy", known_on="2022-12-08").observations().index[-1] == pd.Period("2022-10", "M")


def test_fetch_span_and_text_output(cli, tmp_path, installed):
    store = tmp_path / "s.duckdb"
    code, out, err = cli("data", "fetch", "akshare", "exports_usd_level", "--start", "2022-11", "--store", store)
    assert code == 0, err
    assert "2 observations added" in out
    with Store(store, read_only=True) as st:
        assert st.get("exports_usd_level").observations().round(1).tolist() == [290.6, 296.9]


def test_unknown_id_exit_2(cli, tmp_path, installed):
    code, out, err = cli("data", "fetch", "akshare", "cpi_yoyy", "--store", tmp_path / "s.duckdb")
    assert code == 2
    assert "does not know 'cpi_yoyy'; known ids: cpi_yoy" in err
    assert "Traceback" not in err


def _obs(store):
    with Store(store, read_only=True) as st:
        return st.list()[["series_id", "n"]].values.tolist(), len(st.history("cpi_yoy"))


@pytest.mark.parametrize("failure", ["network", "drift"])
def test_failure_exit_2_store_untouched(cli, tmp_path, installed, failure):
    store = tmp_path / "s.duckdb"
    assert cli("data", "fetch", "akshare", "cpi_yoy", "--store", store)[0] == 0
    before = _obs(store)
    if failure == "network":
        def down():
            raise TimeoutError("read timed out")
        installed["macro_china_cpi_yearly"] = down
    else:
        frame = installed["macro_china_cpi"]().rename(columns={"全国-环比增长": "全国-环比"})
        installed["macro_china_cpi"] = lambda: frame
    code, out, err = cli("data", "fetch", "akshare", "cpi_yoy", "cpi_mom", "--store", store)
    assert code == 2
    line = err.strip()
    assert "\n" not in line and "Traceback" not in line
    if failure == "network":
        assert "akshare.macro_china_cpi_yearly failed: TimeoutError: read timed out" in line
    else:
        assert "akshare.macro_china_cpi changed shape" in line
    assert _obs(store) == before


def test_missing_extra_hint_exit_2(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "akshare", None)
    code, out, err = cli("data", "fetch", "akshare", "cpi_yoy", "--store", tmp_path / "s.duckdb")
    assert code == 2
    assert 'pip install "macrodesk[akshare]"' in err
    assert "Traceback" not in err
    assert not (tmp_path / "s.duckdb").exists() or _obs(tmp_path / "s.duckdb")[0] == []


def test_help_lists_fetch(cli):
    code, out, _ = cli("data", "--help")
    assert code == 0 and "fetch" in out
