"""The `scenario` sub-app, run directly with typer's CliRunner on the bundled sample store."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from macrodesk.exceptions import ScenarioError, UnknownSeriesError
from macrodesk.cli.scenario import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_run_json_prints_paths_and_centres_in_percent(sample_store_path):
    r = invoke("run", "cpi_2026.toml", "--as-of", "2025-11", "--method", "chained", "--json", "--store", sample_store_path)
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["as_of"] == "2025-11" and out["yoy_method"] == "chained"
    neutral = out["scenarios"]["neutral"]
    assert list(neutral["path"]) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert neutral["mean"] == pytest.approx(0.75, abs=0.05)  # seed: 全年CPI中枢约为0.75%
    assert set(neutral) >= {"path", "mean", "min", "max"}
    assert out["anchor"]["month"] == "2025-11" and out["anchor"]["yoy"] == 0.7


def test_run_ppi_as_of_nov_reports_the_assumption(sample_store_path):
    r = invoke("run", "ppi_2026", "--as-of", "2025-11", "--json", "--store", sample_store_path)
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["assumed"] == {"2025-12": 0.0}
    assert out["scenarios"]["neutral"]["mom_source"]["2025-12"] == "assumed"
    assert out["commodities"]["copper"]["levels"]["2026-12"] == 13500.0


def test_run_table_output(sample_store_path):
    r = invoke("run", "cpi_2026.toml", "--as-of", "2025-12", "--store", sample_store_path)
    assert r.exit_code == 0, r.output
    assert "全年中枢" in r.output and "情景二（乐观）" in r.output and "2026-12" in r.output
    r = invoke("run", "ppi_2026.toml", "--store", sample_store_path, "--lang", "en")
    assert "average" in r.output and "Scenario 1 (neutral)" in r.output


def test_list_and_show():
    r = invoke("list", "--json")
    files = {f["file"]: f for f in json.loads(r.output)}
    assert files["ppi_2026.toml"]["scenarios"] == ["neutral", "optimistic", "pessimistic"]
    r = invoke("show", "ppi_2026.toml")
    assert r.exit_code == 0
    assert "2026年一季度环比-0.2%；2026年二至四季度环比0.0%" in r.output


def test_errors_are_macrodesk_errors(sample_store_path, tmp_path):
    r = invoke("run", "nope.toml", "--store", sample_store_path)
    assert isinstance(r.exception, ScenarioError)
    assert str(r.exception).startswith("nope.toml: no such scenario file (shipped files: cpi_2026.toml")
    r = invoke("run", "cpi_2026.toml", "--elasticity", "copper", "--store", sample_store_path)
    assert isinstance(r.exception, ScenarioError)
    assert str(r.exception) == "--elasticity must look like copper=0.0141, got 'copper'"
    r = invoke("run", "cpi_2026.toml", "--as-of", "2025/12", "--store", sample_store_path)
    assert re.search("as-of must be a month like 2025-12, got '2025/12'", str(r.exception))
    f = tmp_path / "own.toml"
    f.write_text('target = "x"\nmom = "x_mom"\nyoy = "x_yoy"\nhorizon = ["2026-01", "2026-12"]\n'
                 '[scenarios.a]\nset = [{ mom_pct = 0.0, months = "2026" }]\n', encoding="utf-8")
    r = invoke("run", f, "--store", sample_store_path)
    assert isinstance(r.exception, UnknownSeriesError)
    assert str(r.exception).startswith("unknown series id 'x_mom'; ")
    assert str(r.exception).endswith("own.toml needs it (target MoM); import it first (macrodesk data import …)")
