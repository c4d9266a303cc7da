"""Fixtures for the command-line tests: a small CPI MoM CSV, and the Wind workbook writers."""

from __future__ import annotations

import pytest

from importers.conftest import make_workbook, write_mapping  # noqa: F401  (Wind workbook fixtures)

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


@pytest.fixture()
def cpi_store(cli, tmp_path, cpi_csv):
    """A store holding only the 2025 CPI MoMs above."""
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    return store


@pytest.fixture()
def in_dir(tmp_path, monkeypatch):
    """Run in a fresh folder with no store or cache from the environment."""
    monkeypatch.delenv("MACRODESK_STORE", raising=False)
    monkeypatch.delenv("MACRODESK_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def low_dpi(monkeypatch):
    """Figures at 30 dpi: these tests read numbers, text and files, not pixels."""
    monkeypatch.setattr("macrodesk.reports.model.FIGURE_DPI", 30)
