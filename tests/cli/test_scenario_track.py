"""`macrodesk scenario track` and `scenario run --level` on the bundled sample store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from macrodesk.cli.scenario import app

runner = CliRunner()

# NBS CPI prints (percent), as in the shared data's cpi.csv: MoM 2024, YoY Dec 2024 and 2025.
CPI_MOM_2024 = [0.3, 1.0, -1.0, 0.1, -0.1, -0.2, 0.5, 0.4, 0.0, -0.3, -0.6, 0.0]
CPI_YOY_2025 = [0.5, -0.7, -0.1, -0.1, -0.1, 0.1, 0.0, -0.4, -0.3, 0.2, 0.7, 0.8]

SPEC = """
target = "cpi"
mom = "cpi_mom"
yoy = "cpi_yoy"
horizon = ["2025-01", "2025-12"]
[scenarios.up]
label_zh = "上行"
label_en = "Up"
set = [{ mom_pct = 0.1, months = "2025" }]
"""


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture()
def spec_file(tmp_path):
    p = tmp_path / "cpi_2025.toml"
    p.write_text(SPEC, encoding="utf-8")
    return p


def test_track_json_errors_are_path_minus_print(spec_file, sample_store_path):
    r = invoke("track", spec_file, "--json", "--store", sample_store_path)
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["original_as_of"] == "2024-12" and out["latest_as_of"] == "2025-12"
    up = out["scenarios"]["up"]
    y, path = 1.001, []  # Dec 2024 YoY 0.1%; (1 + y_t) = (1 + y_{t-1}) x 1.001 / (1 + m_{t-12})
    for m12 in CPI_MOM_2024:
        y = y * 1.001 / (1 + m12 / 100)
        path.append((y - 1) * 100)
    errors = [up["months"][f"2025-{m:02d}"]["error_yoy"] for m in range(1, 13)]
    assert errors == pytest.approx([p - a for p, a in zip(path, CPI_YOY_2025)], abs=1e-4)
    assert up["mae"] == pytest.approx(sum(abs(p - a) for p, a in zip(path, CPI_YOY_2025)) / 12, abs=1e-4)
    assert up["centre_latest"] == pytest.approx(0.05, abs=1e-4)  # the average of the twelve 2025 prints


def test_track_table_in_both_languages(spec_file, sample_store_path):
    r = invoke("track", spec_file, "--store", sample_store_path, "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "path vs actual" in r.output and "2025-12" in r.output and "mean abs. error" in r.output
    r = invoke("track", spec_file, "--store", sample_store_path)
    assert "平均绝对误差" in r.output and "重新锚定" in r.output


def test_track_errors_exit_2_with_one_line(cli, spec_file, sample_store_path):
    code, out, err = cli("scenario", "track", spec_file, "--as-of", "2025-12", "--store", sample_store_path)
    assert code == 2 and err.strip().count("\n") == 0
    assert "cpi_2025.toml: the original information set 2025-12 must be before the end of the horizon" in err
    code, out, err = cli("scenario", "run", "ppi_2026.toml", "--level", "gold:2026-03=2000", "--store", sample_store_path)
    assert code == 2 and "levels given for 'gold', which is not a commodity path in the file" in err
    code, out, err = cli("scenario", "run", "ppi_2026.toml", "--level", "brent=60", "--store", sample_store_path)
    assert code == 2 and "--level must look like brent:2026-06=80, got 'brent=60'" in err


def test_run_level_moves_the_linked_ppi_scenarios(sample_store_path):
    args = ("run", "ppi_2026.toml", "--as-of", "2025-11", "--method", "chained", "--json", "--store", sample_store_path)
    base = json.loads(invoke(*args).output)
    r = invoke(*args, "--level", "brent:2026-01=55", "--level", "brent:2026-02=55",
               "--level", "brent:2026-03=60.5", "--level", "brent:2026-12=60.5")
    assert r.exit_code == 0, r.output
    shock = json.loads(r.output)
    # 10% more Brent from March: the March MoM of every scenario rises by the fitted 0.0215 x 10% = 0.215 pp.
    for name in ("neutral", "optimistic", "pessimistic"):
        d = shock["scenarios"][name]["mom"]["2026-03"] - base["scenarios"][name]["mom"]["2026-03"]
        assert d == pytest.approx(0.215, abs=1e-3)
        assert shock["scenarios"][name]["mean"] > base["scenarios"][name]["mean"] + 0.15
