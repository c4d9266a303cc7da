"""The ``nowcast`` typer sub-app, run in-process on the bundled sample store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from macrodesk.exceptions import ModelError, ReportError
from macrodesk.cli.nowcast import app

runner = CliRunner()


def test_backtest_json(sample_store_path):
    r = runner.invoke(app, ["backtest", "--target", "ppi_yoy", "--start", "2022-01", "--end", "2022-03",
                            "--model", "bridge", "--json", "--store", str(sample_store_path)])
    assert r.exit_code == 0, r.output
    js = json.loads(r.stdout)
    assert js["target"] == "ppi_yoy"
    assert [row["month"] for row in js["rows"]] == ["2022-01", "2022-02", "2022-03"]
    # NBS PPI YoY prints Jan-Mar 2022: 9.1, 8.8, 8.3
    assert [row["actual"] for row in js["rows"]] == [9.1, 8.8, 8.3]
    assert js["consensus_mae"] is not None and js["random_walk_mae"] is not None


def test_backtest_table(sample_store_path):
    r = runner.invoke(app, ["backtest", "--target", "cpi_yoy", "--start", "2022-01", "--end", "2022-02",
                            "--model", "bridge", "--lang", "en", "--store", str(sample_store_path)])
    assert r.exit_code == 0, r.output
    assert "consensus MAE" in r.stdout
    assert "2022-02" in r.stdout


def test_live_cpi_json(sample_store_path):
    r = runner.invoke(app, ["cpi", "--date", "2022-06-30", "--model", "bridge", "--json",
                            "--store", str(sample_store_path)])
    assert r.exit_code == 0, r.output
    js = json.loads(r.stdout)
    assert js["month"] == "2022-06" and js["as_of"] == "2022-06-30"
    assert js["previous_yoy"] == 2.1  # NBS: CPI YoY May 2022
    names = [c["input"] for c in js["contributions"]]
    assert "pork_wholesale_cny" in names and "seasonal" in names
    assert sum(c["mom_pp"] for c in js["contributions"]) == pytest.approx(js["nowcast_mom"], abs=1e-3)
    lo, hi = js["interval_80"]
    assert lo < js["nowcast_unrounded"] < hi


def test_live_ppi_table(sample_store_path):
    r = runner.invoke(app, ["ppi", "--date", "2022-06-30", "--model", "bridge", "--store", str(sample_store_path)])
    assert r.exit_code == 0, r.output
    assert "2022年6月PPI同比预测" in r.stdout
    assert "各输入的贡献" in r.stdout


def test_unpublished_anchor_is_a_model_error(sample_store_path):
    r = runner.invoke(app, ["cpi", "--date", "2030-01-31", "--model", "bridge", "--store", str(sample_store_path)])
    assert r.exit_code != 0
    assert isinstance(r.exception, ModelError)
    assert "the YoY of 2029-12 is not published" in str(r.exception)


def test_unknown_target_is_a_model_error(sample_store_path):
    r = runner.invoke(app, ["backtest", "--target", "gdp", "--store", str(sample_store_path)])
    assert isinstance(r.exception, ModelError)
    assert "unknown nowcast target 'gdp'" in str(r.exception)


def test_bad_language(sample_store_path):
    r = runner.invoke(app, ["cpi", "--lang", "fr", "--store", str(sample_store_path)])
    assert isinstance(r.exception, ReportError)


def test_default_date_is_the_month_after_the_last_published_print(sample_store_path):
    # The bundled CPI YoY ends with the NBS print for 2025-12 (+0.8%), so the latest month the
    # store can nowcast is 2026-01, as of its last day.
    r = runner.invoke(app, ["cpi", "--model", "bridge", "--json", "--store", str(sample_store_path)])
    assert r.exit_code == 0, r.output
    js = json.loads(r.stdout)
    assert js["month"] == "2026-01" and js["as_of"] == "2026-01-31"
    assert js["previous_yoy"] == 0.8
    assert "预测cpi_yoy 2026-01（最新公布为2025-12，预测其下一个月），信息截至2026-01-31" in r.stderr  # zh by default
    r = runner.invoke(app, ["cpi", "--model", "bridge", "--json", "--lang", "en", "--store", str(sample_store_path)])
    assert "nowcasting cpi_yoy for 2026-01 (the month after the last published print, 2025-12)" in r.stderr


def test_as_of_is_a_deprecated_alias_of_date(sample_store_path):
    r = runner.invoke(app, ["ppi", "--as-of", "2022-06-30", "--model", "bridge", "--json",
                            "--store", str(sample_store_path)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["month"] == "2022-06"
    assert r.stderr.strip() == "note: `nowcast --as-of` is deprecated; use --date"
    r = runner.invoke(app, ["ppi", "--as-of", "2022-06-30", "--date", "2022-06-30", "--store", str(sample_store_path)])
    assert r.exit_code == 2 and "give --date only" in r.stderr


@pytest.mark.parametrize("bad", ["2025-02-30", "yesterday", "2025-13"])
def test_bad_date_is_a_one_line_error_naming_the_option(sample_store_path, bad):
    r = runner.invoke(app, ["cpi", "--date", bad, "--model", "bridge", "--store", str(sample_store_path)])
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.strip().splitlines() == [
        f"error: --date must be a date like 2022-03-31 or a month like 2022-03; got '{bad}'"]
