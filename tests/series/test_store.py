"""The store (DuckDB file and PostgreSQL, see conftest.py): vintages, no-op re-imports, as-of reads, atomic writes, clashes."""

from __future__ import annotations

import pandas as pd
import pytest

from macrodesk.exceptions import FrequencyError, StoreError, UnitError, UnknownSeriesError
from macrodesk.series import MacroSeries, SeriesMeta
from macrodesk.series.store import Store, default_store_path

# China CPI YoY, NBS release (percent): 2025-10 0.2, 2025-11 0.7, 2025-12 0.8.
CPI = SeriesMeta("cpi_yoy", "pct_yoy", "M", "CPI:当月同比", "CPI YoY", "NBS")


def cpi(values=(0.2, 0.7, 0.8), months=("2025-10", "2025-11", "2025-12")):
    return MacroSeries.from_observations(CPI, months, values)


def test_first_import_adds_every_observation(store):
    s = store.write([cpi()], label="a.csv")
    assert s.vintage == 1
    assert s.added == {"cpi_yoy": 3}
    assert s.new_series == ["cpi_yoy"]
    got = store.get("cpi_yoy")
    assert list(got.data.index.strftime("%Y-%m")) == ["2025-10", "2025-11", "2025-12"]
    assert got.data.tolist() == [0.2, 0.7, 0.8]
    assert got.meta == CPI


def test_reimporting_identical_data_is_a_no_op(store):
    store.write([cpi()], label="a.csv")
    s = store.write([cpi()], label="a.csv")
    assert s.vintage is None and not s.changed
    assert s.unchanged == {"cpi_yoy": 3}
    assert len(store.vintages()) == 1
    assert len(store.history("cpi_yoy")) == 3


def test_revision_is_a_new_vintage_and_the_old_value_stays_readable(store):
    store.write([cpi()], label="first")
    s = store.write([cpi((0.2, 0.7, 0.9))], label="second")
    assert s.vintage == 2
    assert s.revised == {"cpi_yoy": 1}
    assert s.unchanged == {"cpi_yoy": 2}
    assert store.get("cpi_yoy").data[pd.Period("2025-12", "M")] == 0.9
    assert store.get("cpi_yoy", vintage=1).data[pd.Period("2025-12", "M")] == 0.8
    hist = store.history("cpi_yoy")
    dec = hist[hist["date"] == pd.Timestamp("2025-12-31")]
    assert dec["value"].tolist() == [0.8, 0.9]
    assert dec["vintage"].tolist() == [1, 2]


def test_vintage_timestamp_before_any_import_gives_empty_series(store):
    store.write([cpi()])
    assert len(store.get("cpi_yoy", vintage="2000-01-01")) == 0


def test_a_later_file_without_a_date_keeps_the_stored_value(store):
    store.write([cpi()])
    store.write([cpi((0.8,), ("2025-12",))])
    assert store.get("cpi_yoy").data.tolist() == [0.2, 0.7, 0.8]


def test_unit_clash_raises_and_writes_nothing(store):
    store.write([cpi()])
    before = store.list().to_dict()
    bad = MacroSeries.from_observations(CPI.replace(unit="index_prev_year_100"), ["2026-01"], [100.2])
    with pytest.raises(UnitError, match=r"series 'cpi_yoy'.*unit 'index_prev_year_100' clashes with the stored unit 'pct_yoy'"):
        store.write([bad])
    assert store.list().to_dict() == before
    assert len(store.vintages()) == 1


def test_frequency_clash_raises_and_writes_nothing(store):
    store.write([cpi()])
    q = MacroSeries.from_observations(CPI.replace(freq="Q"), ["2026Q1"], [0.5])
    with pytest.raises(FrequencyError, match=r"frequency 'Q' clashes with the stored frequency 'M'"):
        store.write([q])
    assert len(store.history("cpi_yoy")) == 3


def test_failure_midway_rolls_back_the_whole_import(store):
    other = MacroSeries.from_observations(SeriesMeta("ppi_yoy", "pct_yoy", "M"), ["2025-12"], [-1.9])
    calls = {"n": 0}
    # Fail inside the transaction, after the vintage row is inserted.
    real_execute = store.con.execute

    class Con:
        def __getattr__(self, name):
            return getattr(real_execute.__self__, name)

        def execute(self, sql, *a):
            if sql.startswith("INSERT INTO observations"):
                calls["n"] += 1
                raise StoreError("disk full (simulated)")
            return real_execute(sql, *a)

    store.con = Con()
    with pytest.raises(StoreError, match="simulated"):
        store.write([cpi(), other])
    store.con = real_execute.__self__
    assert calls["n"] == 1
    assert store.list().empty
    assert store.vintages().empty


def test_unknown_series_suggests_close_ids(store):
    store.write([cpi()])
    with pytest.raises(UnknownSeriesError, match=r"unknown series id 'cpi_yo'; did you mean 'cpi_yoy'"):
        store.get("cpi_yo")


def test_unknown_series_in_empty_store_says_to_import(store):
    with pytest.raises(UnknownSeriesError, match="the store is empty"):
        store.get("cpi_yoy")


def test_same_id_twice_in_one_import_is_refused(store):
    with pytest.raises(StoreError, match="appears twice"):
        store.write([cpi(), cpi()])


def test_read_only_store_that_does_not_exist(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_path_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MACRODESK_STORE", str(tmp_path / "env.duckdb"))
    assert default_store_path() == tmp_path / "env.duckdb"


def test_daily_series_round_trip(store):
    # Brent (ICE, USD/bbl) closes, 2025-12-29..31, as in the bundled sample.
    meta = SeriesMeta("brent_usd", "usd_per_bbl", "D")
    s = MacroSeries.from_observations(meta, ["2025-12-29", "2025-12-30", "2025-12-31"], [61.22, 61.27, 60.9])
    store.write([s])
    got = store.get("brent_usd")
    assert isinstance(got.data.index, pd.DatetimeIndex)
    assert got.data.tolist() == [61.22, 61.27, 60.9]


def test_sample_store_holds_the_bundled_cpi(sample_store):
    # NBS: CPI MoM 2025-12 = +0.2%, CPI YoY 2025-12 = +0.8%.
    assert sample_store.get("cpi_mom").data[pd.Period("2025-12", "M")] == 0.2
    assert sample_store.get("cpi_yoy").data[pd.Period("2025-12", "M")] == 0.8
