"""``macrodesk data …``: JSON shapes, vintages, exit codes and that failed imports leave the store untouched."""

from __future__ import annotations

import json

import pytest

from .conftest import csv_file


def test_import_list_show_json(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    code, out, _ = cli("data", "import", cpi_csv, "--store", store, "--json")
    assert code == 0
    assert json.loads(out)["added"] == {"cpi_mom": 12}
    code, out, _ = cli("data", "import", cpi_csv, "--store", store, "--json")
    assert json.loads(out)["vintage"] is None  # identical re-import is a no-op
    code, out, _ = cli("data", "list", "--store", store, "--json")
    (row,) = json.loads(out)
    assert row["series_id"] == "cpi_mom" and row["n"] == 12 and row["first"] == "2025-01-31"
    code, out, _ = cli("data", "show", "cpi_mom", "--start", "2025-11", "--store", store, "--json")
    assert json.loads(out) == {"series_id": "cpi_mom", "unit": "pct_mom", "freq": "M",
                               "values": {"2025-11": -0.1, "2025-12": 0.2}}


def test_import_reports_revisions_and_vintage(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    revised = csv_file(tmp_path, ["cpi_mom,2025-12-31,0.3,pct_mom,NBS,test\n"], "rev.csv")
    code, out, _ = cli("data", "import", revised, "--store", store, "--json")
    assert json.loads(out)["revised"] == {"cpi_mom": 1}
    _, out, _ = cli("data", "show", "cpi_mom", "--start", "2025-12", "--vintage", "1", "--store", store, "--json")
    assert json.loads(out)["values"] == {"2025-12": 0.2}
    _, out, _ = cli("data", "show", "cpi_mom", "--start", "2025-12", "--store", store, "--json")
    assert json.loads(out)["values"] == {"2025-12": 0.3}


def test_failed_import_exits_nonzero_and_leaves_store_untouched(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    _, before, _ = cli("data", "list", "--store", store, "--json")
    good = csv_file(tmp_path, ["ppi_yoy,2025-12-31,-1.9,pct_yoy,NBS,t\n"], "good.csv")
    bad = csv_file(tmp_path, ["ppi_mom,2025-12-31,0.2,pct_mom,NBS,t\n", "ppi_mom,2025-12-31,0.2,pct_mom,NBS,t\n"], "bad.csv")
    code, out, err = cli("data", "import", good, bad, "--store", store)
    assert code == 2
    assert "file 'bad.csv', row 3, series 'ppi_mom': duplicate date 2025-12" in err
    _, after, _ = cli("data", "list", "--store", store, "--json")
    assert after == before


def test_unit_clash_exits_nonzero(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    clash = csv_file(tmp_path, ["cpi_mom,2026-01-31,100.2,index_prev_month_100,NBS,t\n"], "clash.csv")
    code, _, err = cli("data", "import", clash, "--store", store)
    assert code == 2 and "clashes with the stored unit 'pct_mom'" in err


def test_unknown_series_exits_nonzero(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    code, _, err = cli("data", "show", "cpi_mon", "--store", store)
    assert code == 2 and "unknown series id 'cpi_mon'; did you mean 'cpi_mom'" in err


def test_read_command_on_missing_store(cli, tmp_path):
    code, _, err = cli("data", "list", "--store", tmp_path / "none.duckdb")
    assert code == 2 and "does not exist" in err


def test_store_from_environment(cli, tmp_path, cpi_csv, monkeypatch):
    monkeypatch.setenv("MACRODESK_STORE", str(tmp_path / "env.duckdb"))
    code, _, _ = cli("data", "import", cpi_csv)
    assert code == 0 and (tmp_path / "env.duckdb").exists()


def test_show_vintage_as_a_time_and_the_deprecated_as_of(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    code, out, _ = cli("data", "show", "cpi_mom", "--vintage", "2000-01-01", "--store", store, "--json")
    assert code == 0 and json.loads(out)["values"] == {}  # nothing was stored by 2000
    code, out, err = cli("data", "show", "cpi_mom", "--start", "2025-12", "--as-of", "1", "--store", store, "--json")
    assert code == 0 and json.loads(out)["values"] == {"2025-12": 0.2}
    assert err.strip() == "note: `data show --as-of` is deprecated; use --vintage"


@pytest.mark.parametrize(("args", "message"), [
    (("--vintage", "2025-13"), "--vintage must be a vintage number (see `data history`) or a time such as "
                               "2025-12-31; got '2025-13'"),
    (("--vintage", "yesterday"), "--vintage must be a vintage number"),
    (("--start", "2025-13"), "--start must be a month like 2025-12 or a date; got '2025-13'"),
    (("--end", "20x5"), "--end must be a month like 2025-12 or a date; got '20x5'"),
    (("--vintage", "1", "--as-of", "1"), "give --vintage only"),
])
def test_show_bad_arguments_are_one_line_errors(cli, tmp_path, cpi_csv, args, message):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    code, out, err = cli("data", "show", "cpi_mom", *args, "--store", store)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ") and message in err
