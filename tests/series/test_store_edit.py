"""The store's diff, release dates (point-in-time reads), undo/remove/rename, and the schema-1 migration.

Real values: China CPI YoY (NBS, percent) 2025-09..12 = -0.3, 0.2, 0.7, 0.8 and PPI YoY 2025-09..12 =
-2.3, -2.1, -2.2, -1.9 (shared data cpi.csv, ppi.csv). NBS release days of those CPI prints, read off
the release pages cited in nbs_releases.csv: 2025-10-15 (Sep), 2025-11-09 (Oct), 2025-12-10 (Nov),
2026-01-09 (Dec).
"""

from __future__ import annotations

import hashlib

import duckdb
import pandas as pd
import pytest

from macrodesk.exceptions import DataError, StoreError, UnknownSeriesError
from macrodesk.series import MacroSeries, SeriesMeta
from macrodesk.series.store import Store

CPI = SeriesMeta("cpi_yoy", "pct_yoy", "M", "CPI:当月同比", "CPI YoY", "NBS", key="M0000612")
PPI = SeriesMeta("ppi_yoy", "pct_yoy", "M", "PPI:全部工业品:当月同比", "PPI YoY", "NBS")
MONTHS = ["2025-09", "2025-10", "2025-11", "2025-12"]
CPI_VALUES = [-0.3, 0.2, 0.7, 0.8]
PPI_VALUES = [-2.3, -2.1, -2.2, -1.9]
RELEASED = ["2025-10-15", "2025-11-09", "2025-12-10", "2026-01-09"]


def series(meta, months, values, released=None):
    idx = pd.PeriodIndex(months, freq="M")
    rel = None if released is None else pd.Series(pd.to_datetime(released), index=idx)
    return MacroSeries(meta, pd.Series(values, index=idx, dtype="float64"), rel)


def md5(path):
    return hashlib.md5(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- the container keeps release dates aligned
def test_release_dates_stay_aligned_through_slice_with_data_and_convert():
    s = series(CPI, ["2025-09", "2025-10", "2025-12"], [-0.3, 0.2, 0.8], ["2025-10-15", None, "2026-01-09"])
    assert s.released is not None and list(s.released.index) == list(s.data.index)  # 2025-11 padded
    assert s.released.isna().tolist() == [False, True, True, False]
    assert s.slice("2025-12").released.tolist() == [pd.Timestamp("2026-01-09")]
    doubled = s.with_data(s.observations() * 2)
    assert doubled.released.equals(s.released)
    assert s.with_data(s.observations(), released=None).released is None
    assert s.released_observations().dt.strftime("%Y-%m-%d").fillna("").tolist() == ["2025-10-15", "", "2026-01-09"]
    assert not s.equals(s.with_data(s.observations(), released=None))


def test_a_release_date_that_is_not_a_date_is_an_error():
    idx = pd.PeriodIndex(MONTHS[:1], freq="M")
    with pytest.raises(DataError, match="cpi_yoy.*not a date"):
        MacroSeries(CPI, pd.Series(CPI_VALUES[:1], index=idx), pd.Series(["soon"], index=idx))


# ---------------------------------------------------------------- diff
def test_diff_lists_new_values_with_prior_revisions_with_vintage_and_writes_nothing(store, tmp_path):
    store.write([series(CPI, MONTHS[:3], [-0.3, 0.2, 0.6])], label="first")  # Nov first stored as 0.6
    before = store.history("cpi_yoy")
    d = store.diff([series(CPI, MONTHS, CPI_VALUES), series(PPI, MONTHS, PPI_VALUES)])
    assert store.history("cpi_yoy").equals(before) and not store.has("ppi_yoy")
    c, p = d.get("cpi_yoy"), d.get("ppi_yoy")
    assert not c.new_series and p.new_series and c.key == "M0000612"
    assert [(o.period, o.value, o.prior_period, o.prior_value) for o in c.added] == [("2025-12", 0.8, "2025-11", 0.7)]
    assert [(r.period, r.old_value, r.old_vintage, r.new_value) for r in c.revised] == [("2025-11", 0.6, 1, 0.7)]
    assert c.unchanged == 2
    assert p.added[0].prior_value is None and [o.value for o in p.added] == PPI_VALUES
    assert [o.prior_value for o in p.added[1:]] == PPI_VALUES[:-1]
    assert d.totals() == {"series": 2, "new_series": 1, "added": 5, "revised": 1, "released_recorded": 0,
                          "unchanged": 2, "meta_changed": 0}
    summary = store.write([series(CPI, MONTHS, CPI_VALUES), series(PPI, MONTHS, PPI_VALUES)])
    assert summary.diff is not None and summary.diff.to_dict() == d.to_dict()
    assert summary.added == {"cpi_yoy": 1, "ppi_yoy": 4} and summary.revised == {"cpi_yoy": 1}


def test_diff_reports_name_and_key_changes_and_write_stores_the_key(store):
    store.write([series(CPI.replace(key=""), MONTHS, CPI_VALUES)])
    d = store.diff([series(CPI.replace(name_en="CPI y/y"), MONTHS, CPI_VALUES)])
    assert d.get("cpi_yoy").meta_changes == {"name_en": ("CPI YoY", "CPI y/y"), "key": ("", "M0000612")}
    assert store.write([series(CPI.replace(name_en="CPI y/y"), MONTHS, CPI_VALUES)]).vintage == 2
    assert store.meta("cpi_yoy").key == "M0000612" and store.meta("cpi_yoy").name_en == "CPI y/y"


# ---------------------------------------------------------------- release dates, point in time
def test_known_on_answers_around_the_nbs_release_days(store):
    store.write([series(CPI, MONTHS, CPI_VALUES, RELEASED)])
    def last(day):
        obs = store.get("cpi_yoy", known_on=day).observations()
        return (obs.index[-1].strftime("%Y-%m"), float(obs.iloc[-1])) if len(obs) else None
    assert last("2025-10-14") is None
    assert last("2025-11-08") == ("2025-09", -0.3)
    assert last("2025-11-09") == ("2025-10", 0.2)  # October's CPI was published on 9 November
    assert last("2025-12-09") == ("2025-10", 0.2)
    assert last("2025-12-10") == ("2025-11", 0.7)
    assert last("2026-01-09") == ("2025-12", 0.8)
    assert store.get("cpi_yoy").released.dt.strftime("%Y-%m-%d").tolist() == RELEASED


def test_unknown_release_date_falls_back_to_the_import_time(store):
    store.write([series(CPI, MONTHS, CPI_VALUES)])  # imported now, release dates unknown
    assert len(store.get("cpi_yoy", known_on="2025-12-31")) == 0
    assert len(store.get("cpi_yoy", known_on=pd.Timestamp.now().strftime("%Y-%m-%d"))) == 4


def test_same_values_and_release_dates_again_is_a_no_op(store):
    store.write([series(CPI, MONTHS, CPI_VALUES, RELEASED)])
    s = store.write([series(CPI, MONTHS, CPI_VALUES, RELEASED)])
    assert s.vintage is None and s.released_recorded == {} and len(store.history("cpi_yoy")) == 4


def test_a_release_date_for_a_stored_value_is_recorded_without_a_revision(store):
    store.write([series(CPI, MONTHS, CPI_VALUES)])
    s = store.write([series(CPI, MONTHS[:2], CPI_VALUES[:2], RELEASED[:2])])
    assert s.vintage is None and s.revised == {} and s.released_recorded == {"cpi_yoy": 2}
    h = store.history("cpi_yoy")
    assert len(h) == 4 and h["vintage"].tolist() == [1, 1, 1, 1]
    assert h["released"].dt.strftime("%Y-%m-%d").fillna("").tolist() == RELEASED[:2] + ["", ""]
    assert float(store.get("cpi_yoy", known_on="2025-11-09").observations().iloc[-1]) == 0.2
    # a different date for a value whose date is known: the first one stands
    again = store.write([series(CPI, MONTHS[:1], CPI_VALUES[:1], ["2025-10-16"])])
    assert again.released_recorded == {} and store.history("cpi_yoy")["released"].iloc[0] == pd.Timestamp("2025-10-15")


def test_known_on_that_is_not_a_date(store):
    store.write([series(CPI, MONTHS, CPI_VALUES)])
    with pytest.raises(StoreError, match="known_on must be a date"):
        store.get("cpi_yoy", known_on="Tuesday")


# ---------------------------------------------------------------- undo, remove, rename
def test_undo_restores_exactly_the_values_before_the_wrong_import(store):
    store.write([series(CPI, MONTHS[:3], CPI_VALUES[:3])], label="cpi to Nov")
    # the wrong import: PPI's prints filed under cpi_yoy (revising Sep-Nov, adding Dec) and a new series
    wrong = store.write([series(CPI, MONTHS, PPI_VALUES), series(PPI, MONTHS, PPI_VALUES)], label="wrong")
    assert wrong.vintage == 2
    plan = store.undo_plan(2)
    assert plan == {"vintage": 2, "removed": {"cpi_yoy": 1, "ppi_yoy": 4}, "reverted": {"cpi_yoy": 3}}
    out = store.undo(2)
    assert out["deleted_series"] == ["ppi_yoy"] and not store.has("ppi_yoy")
    assert store.get("cpi_yoy").data.tolist() == [-0.3, 0.2, 0.7]
    assert store.history("cpi_yoy")["vintage"].tolist() == [1, 1, 1]
    assert store.vintages()["label"].tolist() == ["cpi to Nov", "[undone] wrong"]
    # numbers are not reused: the next import is vintage 3
    assert store.write([series(CPI, MONTHS, CPI_VALUES)]).vintage == 3
    with pytest.raises(StoreError, match="vintage 2 was already undone"):
        store.undo(2)


def test_undo_refuses_when_a_later_vintage_revised_the_same_value(duck_store, tmp_path):
    duck_store.write([series(CPI, MONTHS[:3], [-0.3, 0.2, 0.6])])
    duck_store.write([series(CPI, MONTHS[:3], CPI_VALUES[:3])])  # vintage 2 revises Nov 0.6 -> 0.7
    duck_store.close()
    before = md5(tmp_path / "t.duckdb")
    with Store(tmp_path / "t.duckdb") as st:
        with pytest.raises(StoreError, match=r"vintage 1 cannot be undone: vintage 2 revised series 'cpi_yoy' "
                                             r"2025-11 after it.*undo vintage 2 first"):
            st.undo(1)
        with pytest.raises(StoreError, match=r"no vintage 9 in the store \(vintages are 1..2"):
            st.undo(9)
    assert md5(tmp_path / "t.duckdb") == before
    with Store(tmp_path / "t.duckdb") as st:
        st.undo(2)
        assert st.get("cpi_yoy").data.tolist() == [-0.3, 0.2, 0.6]
        st.undo(1)
        assert not st.has("cpi_yoy")


def test_undo_for_some_series_only(store):
    store.write([series(CPI, MONTHS, CPI_VALUES), series(PPI, MONTHS, PPI_VALUES)], label="both")
    store.undo(1, ["ppi_yoy"])
    assert not store.has("ppi_yoy") and store.get("cpi_yoy").data.tolist() == CPI_VALUES
    assert store.vintages()["label"].tolist() == ["[undone for ppi_yoy] both"]


def test_remove_deletes_every_vintage_and_unknown_ids_suggest(store):
    store.write([series(CPI, MONTHS[:3], [-0.3, 0.2, 0.6]), series(PPI, MONTHS, PPI_VALUES)])
    store.write([series(CPI, MONTHS, CPI_VALUES)])
    with pytest.raises(UnknownSeriesError, match="did you mean 'cpi_yoy'"):
        store.remove(["cpi_yoy", "cpi_yo"])
    assert store.has("cpi_yoy")  # nothing removed when one id is unknown
    assert store.remove(["cpi_yoy"]) == {"cpi_yoy": 5}
    assert store.list()["series_id"].tolist() == ["ppi_yoy"]


def test_rename_keeps_every_vintage(store):
    store.write([series(CPI, MONTHS[:3], [-0.3, 0.2, 0.6])])
    store.write([series(CPI, MONTHS, CPI_VALUES)])
    store.rename("cpi_yoy", "cn_cpi_yoy")
    assert not store.has("cpi_yoy")
    assert store.get("cn_cpi_yoy", vintage=1).data.tolist() == [-0.3, 0.2, 0.6]
    assert store.get("cn_cpi_yoy").data.tolist() == CPI_VALUES
    assert store.meta("cn_cpi_yoy").name_zh == "CPI:当月同比"


def test_failed_rename_and_remove_leave_the_file_byte_identical(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as st:
        st.write([series(CPI, MONTHS, CPI_VALUES), series(PPI, MONTHS, PPI_VALUES)])
    before = md5(path)
    with Store(path) as st:
        with pytest.raises(StoreError, match="series 'ppi_yoy' already exists"):
            st.rename("cpi_yoy", "ppi_yoy")
        with pytest.raises(StoreError, match="not a valid id"):
            st.rename("cpi_yoy", "cpi yoy")
        with pytest.raises(UnknownSeriesError, match="did you mean 'cpi_yoy'"):
            st.rename("cpi_yo", "x")
        with pytest.raises(UnknownSeriesError):
            st.remove(["nope"])
    assert md5(path) == before


# ---------------------------------------------------------------- schema versions
V1_DDL = [
    "CREATE TABLE store_info(key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE series(series_id VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR, unit VARCHAR,
        freq VARCHAR, source VARCHAR, origin VARCHAR, first_vintage INTEGER, last_vintage INTEGER)""",
    "CREATE TABLE vintages(vintage INTEGER PRIMARY KEY, imported_at TIMESTAMP, label VARCHAR)",
    """CREATE TABLE observations(series_id VARCHAR, date DATE, value DOUBLE, vintage INTEGER,
        PRIMARY KEY (series_id, date, vintage))""",
    "INSERT INTO store_info VALUES ('schema_version', '1')",
    "INSERT INTO series VALUES ('cpi_yoy', 'CPI:当月同比', 'CPI YoY', 'pct_yoy', 'M', 'NBS', 'a.csv', 1, 1)",
    "INSERT INTO vintages VALUES (1, TIMESTAMP '2025-11-20 10:00:00', 'a.csv')",
    """INSERT INTO observations VALUES ('cpi_yoy', DATE '2025-09-30', -0.3, 1), ('cpi_yoy', DATE '2025-10-31', 0.2, 1)""",
]


@pytest.fixture()
def v1_store(tmp_path):
    """A store file exactly as schema version 1 wrote it (CPI Sep-Oct 2025 imported on 2025-11-20)."""
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    for sql in V1_DDL:
        con.execute(sql)
    con.close()
    return path


def test_a_version_1_store_reads_read_only_with_unknown_release_dates(v1_store):
    before = md5(v1_store)
    with Store(v1_store, read_only=True) as st:
        assert st.schema_version == 1
        s = st.get("cpi_yoy")
        assert s.data.tolist() == [-0.3, 0.2] and s.released is None and st.meta("cpi_yoy").key == ""
        assert len(st.get("cpi_yoy", known_on="2025-11-19")) == 0  # imported on the 20th
        assert len(st.get("cpi_yoy", known_on="2025-11-20")) == 2
        assert st.diff([series(CPI, MONTHS, CPI_VALUES)]).totals()["added"] == 2
        assert st.history("cpi_yoy")["released"].isna().all()
    assert md5(v1_store) == before


def test_a_version_1_store_is_migrated_when_opened_writable(v1_store):
    with Store(v1_store) as st:
        assert st.schema_version == 2
        s = st.write([series(CPI, MONTHS, CPI_VALUES, RELEASED)])
        assert s.added == {"cpi_yoy": 2} and s.released_recorded == {"cpi_yoy": 2} and s.vintage == 2
        assert st.get("cpi_yoy", known_on="2025-11-09").data.tolist() == [-0.3, 0.2]
    con = duckdb.connect(str(v1_store), read_only=True)
    assert con.execute("SELECT value FROM store_info WHERE key = 'schema_version'").fetchone() == ("2",)
    con.close()


@pytest.mark.parametrize("read_only", [True, False])
def test_a_store_from_a_newer_version_is_refused(v1_store, read_only):
    con = duckdb.connect(str(v1_store))
    con.execute("UPDATE store_info SET value = '3' WHERE key = 'schema_version'")
    con.close()
    before = md5(v1_store)
    with pytest.raises(StoreError, match=r"written by a newer macrodesk \(store schema 3; this version reads up to 2\)"):
        Store(v1_store, read_only=read_only)
    assert md5(v1_store) == before
