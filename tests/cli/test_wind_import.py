"""Wind workbooks through the CLI: mapping, exit codes, and an untouched store on failure."""

from __future__ import annotations

import json

from importers.conftest import WindCol, month_ends, wind_rows


def test_wind_import_with_mapping_then_bad_workbook_leaves_store_untouched(cli, tmp_path, make_workbook, write_mapping):
    # NBS CPI YoY (%), 2025-09..12: -0.3, 0.2, 0.7, 0.8; Wind id M0000612 is CPI 当月同比.
    cpi = WindCol("CPI:当月同比", "月", "%", "M0000612", [-0.3, 0.2, 0.7, 0.8])
    good = make_workbook("cpi.xlsx", wind_rows([cpi], month_ends("2025-09", 4)))
    mapping = write_mapping('[series.M0000612]\nid = "cpi_yoy"\nname_en = "CPI YoY"\n')
    store = tmp_path / "s.duckdb"
    code, out, _ = cli("data", "import", good, "--map", mapping, "--store", store, "--json")
    assert code == 0 and json.loads(out)["added"] == {"cpi_yoy": 4}
    _, out, _ = cli("data", "show", "cpi_yoy", "--store", store, "--json")
    assert json.loads(out)["values"] == {"2025-09": -0.3, "2025-10": 0.2, "2025-11": 0.7, "2025-12": 0.8}
    _, before, _ = cli("data", "list", "--store", store, "--json")

    # A later export with a revised value and a text cell: nothing may be written.
    bad_col = WindCol("CPI:当月同比", "月", "%", "M0000612", [-0.3, 0.2, 0.7, "0.8%"])
    bad = make_workbook("bad.xlsx", wind_rows([bad_col], month_ends("2025-09", 4)))
    code, _, err = cli("data", "import", bad, "--map", mapping, "--store", store)
    assert code == 2
    assert "file 'bad.xlsx'" in err and "'0.8%' is not a number" in err
    _, after, _ = cli("data", "list", "--store", store, "--json")
    assert after == before
    _, out, _ = cli("data", "history", "cpi_yoy", "--store", store, "--json")
    assert len(json.loads(out)) == 4


def test_plain_wind_export_needs_no_mapping(cli, tmp_path, make_workbook):
    # NBS CPI YoY 2025-11 0.7, 2025-12 0.8 and PPI YoY -2.2, -1.9 (%), under Wind's own codes
    cols = [
        WindCol("CPI:当月同比", "月", "%", "M0000612", [0.7, 0.8]),
        WindCol("PPI:全部工业品:当月同比", "月", "%", "M0001227", [-2.2, -1.9]),
    ]
    f = make_workbook("edb.xlsx", wind_rows(cols, month_ends("2025-11", 2)))
    store = tmp_path / "s.duckdb"
    code, out, _ = cli("data", "import", f, "--store", store, "--json")
    assert code == 0 and json.loads(out)["added"] == {"cpi_yoy": 2, "ppi_yoy": 2}
    _, out, _ = cli("data", "show", "ppi_yoy", "--store", store, "--json")
    assert json.loads(out)["values"] == {"2025-11": -2.2, "2025-12": -1.9}
