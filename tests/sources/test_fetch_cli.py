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


def _last_two_releases(installed, name):
    """``name``'s jin10 frame with only its last two releases (Nov and Dec 2022): the earlier months come from
    EastMoney alone, with no release date."""
    frame = installed[name]().tail(2).reset_index(drop=True)
    installed[name] = lambda: frame.copy()


# NBS CPI/PPI release days of 2022H2 as the calendar knows them (read from the release texts): August on
# 2022-09-09 and October on 2022-11-09 are known; July and September are not (only an estimate, never stored).
PPI_RELEASED_2022H2 = {"2022-07": None, "2022-08": "2022-09-09", "2022-09": None, "2022-10": "2022-11-09",
                       "2022-11": "2022-12-09", "2022-12": "2023-01-12"}


def _released(store, sid):
    with Store(store, read_only=True) as st:
        rel = st.get(sid).released_observations()
    return {str(p): (None if pd.isna(d) else d.date().isoformat()) for p, d in rel.items()}


def test_fetch_fills_known_release_days(cli, tmp_path, installed):
    """A month the source gives no release day gets the calendar's known one, as `data import` does."""
    _last_two_releases(installed, "macro_china_ppi_yearly")
    store = tmp_path / "s.duckdb"
    code, out, err = cli("data", "fetch", "akshare", "ppi_yoy", "m1_yoy", "--store", store, "--json")
    assert code == 0, err
    assert _released(store, "ppi_yoy") == PPI_RELEASED_2022H2
    # PBoC money has no known days in the calendar: nothing is stored, not even an estimate
    assert set(_released(store, "m1_yoy").values()) == {None}
    assert json.loads(out)["released"] == {"ppi_yoy": "2023-01-12"}


def test_update_fetch_fills_known_release_days(cli, tmp_path, installed, monkeypatch):
    """`update --fetch` goes through the same helper: the same known days land in the project's store."""
    from macrodesk.sources.akshare import FUNCTIONS

    _last_two_releases(installed, "macro_china_ppi_yearly")
    for f in FUNCTIONS:  # the functions the fakes leave out answer with no rows
        installed.setdefault(f.name, lambda cols=f.columns: pd.DataFrame(columns=list(cols)))
    monkeypatch.delenv("MACRODESK_STORE", raising=False)
    monkeypatch.delenv("MACRODESK_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "macrodesk.toml").write_text('store = "s.duckdb"\nsources = ["akshare"]\n', encoding="utf-8")
    code, out, err = cli("update", "--fetch", "--json")
    assert code == 0, err
    assert _released(tmp_path / "s.duckdb", "ppi_yoy") == PPI_RELEASED_2022H2
    # CPI: every month's day came from jin10 and stands (Jul 2022 on 2022-08-10, not in the calendar's table)
    assert _released(tmp_path / "s.duckdb", "cpi_yoy")["2022-07"] == "2022-08-10"
