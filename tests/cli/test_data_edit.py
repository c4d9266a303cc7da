"""``data import --dry-run``, ``data rm`` (series or --vintage), ``data rename`` and ``data show --known-on``."""

from __future__ import annotations

import hashlib
import json

import pytest

from .conftest import csv_file

# NBS CPI MoM (percent) 2025-10..12 = 0.2, -0.1, 0.2; released 2025-11-09, 2025-12-10, 2026-01-09.
RELEASED_ROWS = [
    "cpi_mom,2025-10-31,0.2,pct_mom,NBS,test,2025-11-09\n",
    "cpi_mom,2025-11-30,-0.1,pct_mom,NBS,test,2025-12-10\n",
    "cpi_mom,2025-12-31,0.2,pct_mom,NBS,test,2026-01-09\n",
]


def md5(path):
    return hashlib.md5(path.read_bytes()).hexdigest()


def one_line_error(code, out, err, message):
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    assert message in err


def released_csv(tmp_path):
    p = tmp_path / "released.csv"
    p.write_text("series_id,date,value,unit,source,origin,released\n" + "".join(RELEASED_ROWS), encoding="utf-8")
    return p


def test_dry_run_prints_the_diff_and_leaves_the_store_byte_identical(cli, tmp_path, cpi_store):
    # December first printed 0.3 by mistake; the corrected file says 0.2 and adds PPI YoY 2025-12 (-1.9)
    wrong = csv_file(tmp_path, ["cpi_mom,2025-12-31,0.3,pct_mom,NBS,wrong\n"], "wrong.csv")
    cli("data", "import", wrong, "--store", cpi_store)
    fixed = csv_file(tmp_path, ["cpi_mom,2025-12-31,0.2,pct_mom,NBS,fixed\n", "ppi_yoy,2025-12-31,-1.9,pct_yoy,NBS,fixed\n"],
                     "fixed.csv")
    before = md5(cpi_store)
    code, out, _ = cli("data", "import", fixed, "--store", cpi_store, "--dry-run", "--json")
    assert code == 0 and md5(cpi_store) == before
    got = json.loads(out)
    assert got["totals"]["added"] == 1 and got["totals"]["revised"] == 1 and got["totals"]["new_series"] == 1
    cpi = next(d for d in got["series"] if d["series_id"] == "cpi_mom")
    # the release calendar knows the day NBS published December's CPI: 9 January 2026 (both imports get it)
    assert cpi["revised"] == [{"period": "2025-12", "old_value": 0.3, "old_vintage": 2, "new_value": 0.2,
                               "old_released": "2026-01-09", "released": "2026-01-09"}]
    assert cpi["origin"] == "fixed"
    code, out, _ = cli("data", "import", fixed, "--store", cpi_store, "--dry-run")
    assert code == 0 and md5(cpi_store) == before
    assert "Dry run (nothing written)" in out and "0.3 (v2)" in out and "ppi_yoy" in out


def test_dry_run_on_a_store_that_does_not_exist_creates_nothing(cli, tmp_path, cpi_csv):
    store = tmp_path / "new.duckdb"
    code, out, _ = cli("data", "import", cpi_csv, "--store", store, "--dry-run", "--json")
    assert code == 0 and not store.exists()
    (d,) = json.loads(out)["series"]
    assert d["new_series"] and len(d["added"]) == 12 and d["added"][-1]["prior_value"] == -0.1


def test_known_on_and_history_show_release_dates(cli, tmp_path):
    store = tmp_path / "s.duckdb"
    cli("data", "import", released_csv(tmp_path), "--store", store)
    code, out, _ = cli("data", "show", "cpi_mom", "--known-on", "2025-12-09", "--store", store, "--json")
    assert code == 0 and json.loads(out)["values"] == {"2025-10": 0.2}
    _, out, _ = cli("data", "show", "cpi_mom", "--known-on", "2025-12-10", "--store", store, "--json")
    assert json.loads(out)["values"] == {"2025-10": 0.2, "2025-11": -0.1}
    _, out, _ = cli("data", "history", "cpi_mom", "--store", store, "--json")
    assert [r["released"] for r in json.loads(out)] == ["2025-11-09", "2025-12-10", "2026-01-09"]
    code, out, _ = cli("data", "import", released_csv(tmp_path), "--store", store, "--json")
    assert json.loads(out)["vintage"] is None  # same values, same release dates: a no-op


# NBS CPI YoY (percent) 2025-09..12 = -0.3, 0.2, 0.7, 0.8 (shared data cpi.csv), in a file without release dates.
# The calendar's release days (release_dates_nbs_prices.toml, read off the release pages in nbs_releases.csv):
# September on 2025-10-15, October on 2025-11-09, December on 2026-01-09; November's page is undated there.
CPI_YOY_ROWS = ["cpi_yoy,2025-09-30,-0.3,pct_yoy,NBS,test\n", "cpi_yoy,2025-10-31,0.2,pct_yoy,NBS,test\n",
                "cpi_yoy,2025-11-30,0.7,pct_yoy,NBS,test\n", "cpi_yoy,2025-12-31,0.8,pct_yoy,NBS,test\n",
                "m2_yoy,2025-12-31,8.5,pct_yoy,PBoC,test\n"]


def test_import_stores_the_release_days_the_calendar_knows(cli, tmp_path):
    store = tmp_path / "s.duckdb"
    code, _, err = cli("data", "import", csv_file(tmp_path, CPI_YOY_ROWS), "--store", store)
    assert code == 0, err
    _, out, _ = cli("data", "history", "cpi_yoy", "--store", store, "--json")
    assert [r["released"] for r in json.loads(out)] == ["2025-10-15", "2025-11-09", None, "2026-01-09"]

    def known_on(day, sid="cpi_yoy"):
        code, out, err = cli("data", "show", sid, "--known-on", day, "--store", store, "--json")
        assert code == 0, err
        return json.loads(out)["values"]

    assert known_on("2025-10-14") == {}
    assert known_on("2025-10-15") == {"2025-09": -0.3}
    assert known_on("2025-11-08") == {"2025-09": -0.3}
    assert known_on("2025-11-09") == {"2025-09": -0.3, "2025-10": 0.2}
    # November's day is not known (the rule's estimate is not stored): it counts from its import
    assert known_on("2025-12-10") == {"2025-09": -0.3, "2025-10": 0.2}
    assert known_on("2026-01-09")["2025-12"] == 0.8
    _, out, _ = cli("data", "history", "m2_yoy", "--store", store, "--json")
    assert [r["released"] for r in json.loads(out)] == [None]  # PBoC: no known days in the calendar
    code, out, _ = cli("data", "import", csv_file(tmp_path, CPI_YOY_ROWS), "--store", store, "--json")
    assert json.loads(out)["vintage"] is None  # the same file again: a no-op


def test_a_release_day_in_the_file_stands(cli, tmp_path):
    store = tmp_path / "s.duckdb"
    p = tmp_path / "rel.csv"
    p.write_text("series_id,date,value,unit,source,origin,released\n"
                 "cpi_yoy,2025-09-30,-0.3,pct_yoy,NBS,test,2025-10-16\ncpi_yoy,2025-10-31,0.2,pct_yoy,NBS,test,\n",
                 encoding="utf-8")
    cli("data", "import", p, "--store", store)
    _, out, _ = cli("data", "history", "cpi_yoy", "--store", store, "--json")
    assert [r["released"] for r in json.loads(out)] == ["2025-10-16", "2025-11-09"]


def test_rm_vintage_undoes_one_import(cli, tmp_path, cpi_store):
    wrong = csv_file(tmp_path, ["cpi_mom,2025-12-31,0.3,pct_mom,NBS,wrong\n"], "wrong.csv")
    cli("data", "import", wrong, "--store", cpi_store)
    code, out, _ = cli("data", "rm", "--vintage", "2", "--yes", "--store", cpi_store, "--json")
    assert code == 0 and json.loads(out) == {"vintage": 2, "removed": {}, "reverted": {"cpi_mom": 1},
                                             "deleted_series": []}
    _, out, _ = cli("data", "show", "cpi_mom", "--start", "2025-12", "--store", cpi_store, "--json")
    assert json.loads(out)["values"] == {"2025-12": 0.2}
    _, out, _ = cli("data", "history", "cpi_mom", "--store", cpi_store, "--json")
    assert {r["vintage"] for r in json.loads(out)} == {1}


def test_rm_and_rename(cli, tmp_path, cpi_store):
    code, out, _ = cli("data", "rename", "cpi_mom", "cn_cpi_mom", "--store", cpi_store)
    assert code == 0 and "Renamed 'cpi_mom' to 'cn_cpi_mom'" in out
    code, out, _ = cli("data", "rm", "cn_cpi_mom", "--yes", "--store", cpi_store, "--json")
    assert code == 0 and json.loads(out) == {"removed_series": {"cn_cpi_mom": 12}}
    _, out, _ = cli("data", "list", "--store", cpi_store, "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(("args", "message"), [
    (("rm", "cpi_mom"), "needs confirmation: pass --yes"),
    (("rm", "--vintage", "1"), "needs confirmation: pass --yes"),
    (("rm", "cpi_mon", "--yes"), "unknown series id 'cpi_mon'; did you mean 'cpi_mom'"),
    (("rm", "--yes"), "give the series ids to delete, or --vintage N"),
    (("rm", "--vintage", "0", "--yes"), "--vintage must be a vintage number such as 3"),
    (("rm", "--vintage", "x", "--yes"), "--vintage must be a vintage number such as 3"),
    (("rm", "--vintage", "7", "--yes"), "no vintage 7 in the store (vintages are 1..1"),
    (("rename", "cpi_mon", "x"), "unknown series id 'cpi_mon'; did you mean 'cpi_mom'"),
    (("rename", "cpi_mom", "cpi mom"), "is not a valid id"),
    (("rename", "cpi_mom", "cpi_mom"), "series 'cpi_mom' already exists"),
    (("show", "cpi_mom", "--known-on", "2025-11-31"), "--known-on must be a date such as 2025-11-09; got '2025-11-31'"),
])
def test_bad_arguments_are_one_line_errors_and_change_nothing(cli, cpi_store, args, message):
    before = md5(cpi_store)
    code, out, err = cli("data", *args, "--store", cpi_store)
    one_line_error(code, out, err, message)
    assert md5(cpi_store) == before


def test_rm_on_a_missing_store_creates_no_file(cli, tmp_path):
    store = tmp_path / "none.duckdb"
    code, out, err = cli("data", "rm", "cpi_mom", "--yes", "--store", store)
    one_line_error(code, out, err, "does not exist; nothing to change")
    assert not store.exists()


def test_rm_vintage_refused_when_a_later_import_revised_it(cli, tmp_path, cpi_store):
    wrong = csv_file(tmp_path, ["cpi_mom,2025-12-31,0.3,pct_mom,NBS,wrong\n"], "wrong.csv")
    cli("data", "import", wrong, "--store", cpi_store)
    before = md5(cpi_store)
    code, out, err = cli("data", "rm", "--vintage", "1", "--yes", "--store", cpi_store)
    one_line_error(code, out, err, "vintage 1 cannot be undone: vintage 2 revised series 'cpi_mom' 2025-12 after it")
    assert md5(cpi_store) == before
