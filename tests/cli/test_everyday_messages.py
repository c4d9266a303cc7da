"""What an analyst sees running the README's everyday commands: whole ids, named reports, one-line
errors for a mistyped year, report, vintage or file, and a word on what ``--known-on`` leaves out."""

from __future__ import annotations

import json

from macrodesk.analyses import REPORTS
from macrodesk.analyses.custom import EXAMPLE_REPORT
from macrodesk.cli.report import REPORT_NAMES

from .conftest import csv_file
from .test_data_edit import CPI_YOY_ROWS, one_line_error


def test_no_empty_lines_on_stderr_off_a_terminal(cli, tmp_path, cpi_csv):
    # a progress display left an empty line per command in logs and pipes
    code, out, err = cli("data", "import", cpi_csv, "--store", tmp_path / "s.duckdb")
    assert code == 0 and "Vintage 1" in out
    assert err == ""


def test_data_list_prints_whole_ids_and_months(cli, sample_store_path):
    # 54 characters: a table 80 columns wide used to cut it to "industry_fi…"
    sid = "industry_finished_goods_inventory_agri_food_processing"
    code, out, _ = cli("data", "list", "--contains", "inventory_agri_food", "--store", sample_store_path)
    assert code == 0
    (line,) = [ln for ln in out.splitlines() if ln.startswith(sid)]
    code, js, _ = cli("data", "list", "--contains", "inventory_agri_food", "--store", sample_store_path, "--json")
    (row,) = [r for r in json.loads(js) if r["series_id"] == sid]
    # a monthly series' span is shown as months: the last day of its first and last month
    assert line.split()[:6] == [sid, row["unit"], "M", row["first"][:7], row["last"][:7], str(row["n"])]
    assert line.split()[6] == row["name_zh"]


def test_report_help_names_every_report_and_a_typo_gets_a_suggestion(cli, sample_store_path):
    assert REPORT_NAMES == tuple(REPORTS)
    code, out, err = cli("report", "inflation-reveiw", "--store", sample_store_path)
    one_line_error(code, out, err, "unknown report 'inflation-reveiw'; did you mean 'inflation-review'?")


def test_an_id_in_capitals_finds_the_stored_one(cli, cpi_store):
    code, out, err = cli("data", "show", "CPI_MOM", "--store", cpi_store)
    one_line_error(code, out, err, "unknown series id 'CPI_MOM'; did you mean 'cpi_mom'")


def test_a_vintage_the_store_never_had_is_an_error(cli, cpi_store):
    code, out, err = cli("data", "show", "cpi_mom", "--vintage", "99", "--store", cpi_store)
    one_line_error(code, out, err, "no vintage 99: the store's imports are numbered 1..1")


def test_a_year_out_of_range_or_not_covered_is_a_one_line_error(cli, cpi_store):
    code, out, err = cli("calc", "carryover", "cpi_mom", "--year", "20266", "--store", cpi_store)
    one_line_error(code, out, err, "--year must be a year such as 2026; got 20266")
    # the store holds 2025 only
    code, out, err = cli("calc", "cum", "cpi_mom", "--year", "2030", "--store", cpi_store)
    one_line_error(code, out, err, "--year 2030: 'cpi_mom' does not cover months 1-12 of 2030 "
                                   "(years it covers: 2025..2025)")


def test_an_applied_assumption_is_printed(cli, cpi_store):
    # 2026's January new price needs January 2026, which is not stored: the assumed 0.3% is used and said
    code, out, err = cli("calc", "decompose", "cpi_mom", "--year", "2026", "--assume", "2026-01=0.3",
                         "--store", cpi_store)
    assert code == 0, err
    assert "--assume 2026-01: MoM 0.30% assumed (2026-01 is not published)" in out


def test_known_on_says_how_many_undated_values_it_left_out(cli, tmp_path):
    # September, October and December 2025 have release days in the calendar, November has none:
    # imported today, November counts as published today, so on 2025-12-10 it is left out (December is
    # dated 2026-01-09, and not counted).
    store = tmp_path / "s.duckdb"
    cli("data", "import", csv_file(tmp_path, CPI_YOY_ROWS), "--store", store)
    code, out, err = cli("data", "show", "cpi_yoy", "--known-on", "2025-12-10", "--store", store, "--json")
    assert code == 0 and json.loads(out)["values"] == {"2025-09": -0.3, "2025-10": 0.2}
    assert "note: 1 stored value(s) of 'cpi_yoy' up to 2025-12-10 are left out: they have no release date" in err
    code, out, err = cli("data", "show", "cpi_yoy", "--known-on", "2025-10-15", "--store", store, "--json")
    assert code == 0 and json.loads(out)["values"] == {"2025-09": -0.3}
    assert "note:" not in err  # October (from 2025-10-01) is dated 2025-11-09: not published yet, nothing to say


def test_a_missing_custom_report_file_points_at_the_shipped_example(cli, cpi_store, tmp_path):
    assert EXAMPLE_REPORT.is_file()
    code, out, err = cli("report", "custom", tmp_path / "my_report.toml", "--store", cpi_store)
    one_line_error(code, out, err, f"no such file; to start from the shipped example: cp {EXAMPLE_REPORT} ")


def test_a_bad_month_names_both_spellings_of_the_option(cli, cpi_store):
    # the flashes are documented with --month, the other reports with --as-of: the same option
    code, out, err = cli("report", "inflation-review", "--month", "2025-13", "--store", cpi_store)
    one_line_error(code, out, err, "--as-of (--month) must be a month like 2025-12, got '2025-13'")


def test_a_carry_over_that_rounds_to_zero_prints_without_a_minus(cli, sample_store_path):
    # June 2026 with December 2025 assumed 0: the NBS PPI MoMs of Jul..Dec 2025 are -0.2, 0.0, 0.0, 0.1, 0.1
    # and 0, so the carry-over is 0.998 x 1.001 x 1.001 - 1 = -0.0003%: "0.00", not "-0.00"
    assert round((0.998 * 1.001 * 1.001 - 1) * 100, 4) == -0.0003
    code, out, err = cli("calc", "carryover", "ppi_mom", "--year", "2026", "--as-of", "2025-11", "--assume",
                         "2025-12=0", "--store", sample_store_path)
    assert code == 0, err
    (june,) = [ln for ln in out.splitlines() if "2026-06" in ln]
    assert june.split("│")[2].strip() == "0.00"
    assert "-0.00" not in out
