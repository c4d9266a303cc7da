"""The command line: JSON shapes, exit codes and that failed imports leave the store untouched."""

from __future__ import annotations

import json

import pytest

HEADER = "series_id,date,value,unit,source,origin\n"
# NBS CPI MoM 2025 (percent), Jan..Dec: 0.7 -0.2 -0.4 0.1 -0.2 -0.1 0.4 0.0 0.1 0.2 -0.1 0.2
CPI_MOM_2025 = [0.7, -0.2, -0.4, 0.1, -0.2, -0.1, 0.4, 0.0, 0.1, 0.2, -0.1, 0.2]
MONTH_ENDS_2025 = ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30",
                   "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31"]


def csv_file(tmp_path, rows, name="cpi.csv"):
    p = tmp_path / name
    p.write_text(HEADER + "".join(rows), encoding="utf-8")
    return p


@pytest.fixture()
def cpi_csv(tmp_path):
    return csv_file(tmp_path, [f"cpi_mom,{d},{v},pct_mom,NBS,test\n" for d, v in zip(MONTH_ENDS_2025, CPI_MOM_2025)])


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


def test_import_reports_revisions_and_as_of(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    revised = csv_file(tmp_path, ["cpi_mom,2025-12-31,0.3,pct_mom,NBS,test\n"], "rev.csv")
    code, out, _ = cli("data", "import", revised, "--store", store, "--json")
    assert json.loads(out)["revised"] == {"cpi_mom": 1}
    _, out, _ = cli("data", "show", "cpi_mom", "--start", "2025-12", "--as-of", "1", "--store", store, "--json")
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


def test_calc_cum_and_carryover_json(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    code, out, _ = cli("calc", "cum", "cpi_mom", "--months", "1-11", "--store", store, "--json")
    # Seed 003: "2025年1-11月，CPI环比累计上涨0.5%". Exact product: 0.49638...%
    assert code == 0
    assert round(json.loads(out)["values"]["2025"], 1) == 0.5
    code, out, _ = cli("calc", "carryover", "cpi_mom", "--year", "2026", "--store", store, "--json")
    vals = json.loads(out)["values"]
    assert list(vals) == [f"2026-{m:02d}" for m in range(1, 13)]
    # Jan 2026 carry-over = prod(1+m) over Feb..Dec 2025 - 1. The MoMs sum to 0.0, so to second
    # order it is -sum(m^2)/2 = -(0.04+0.16+0.01+0.04+0.01+0.16+0+0.01+0.04+0.01+0.04)e-4/2 = -0.26e-4,
    # i.e. -0.0026%.
    assert vals["2026-01"] == pytest.approx(-0.0026, abs=5e-5)
    # Nov 2026 carry-over = Dec 2025 MoM = +0.2%; Dec 2026 = 0 by definition.
    assert vals["2026-11"] == pytest.approx(0.2) and vals["2026-12"] == 0.0


def test_calc_errors(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    code, _, err = cli("calc", "nope", "cpi_mom", "--store", store)
    assert code == 2 and "unknown transform 'nope'; available: yoy, mom" in err
    code, _, err = cli("calc", "yoy", "cpi_mom", "--store", store)
    assert code == 2 and "'yoy' needs a level or index series; 'cpi_mom' is already a rate (pct_mom)" in err
    code, _, err = cli("calc", "carryover", "cpi_mom", "--store", store)
    assert code == 2 and "needs --year" in err


def test_read_command_on_missing_store(cli, tmp_path):
    code, _, err = cli("data", "list", "--store", tmp_path / "none.duckdb")
    assert code == 2 and "does not exist" in err


def test_store_from_environment(cli, tmp_path, cpi_csv, monkeypatch):
    monkeypatch.setenv("MACRODESK_STORE", str(tmp_path / "env.duckdb"))
    code, _, _ = cli("data", "import", cpi_csv)
    assert code == 0 and (tmp_path / "env.duckdb").exists()


def test_report_unknown_name_and_bad_format(cli, sample_store_path, tmp_path):
    code, _, err = cli("report", "nope", "--store", sample_store_path, "--out", tmp_path)
    assert code == 2 and "unknown report 'nope'; available: inflation-review" in err
    code, _, err = cli("report", "inflation-review", "--format", "docx", "--store", sample_store_path)
    assert code == 2 and "unknown format 'docx'" in err
