"""``macrodesk report --jobs 2`` writes the files of the serial build (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macrodesk.series.store import Store

pytest.importorskip("joblib")

PROJECT = """\
store = "cpi.duckdb"

[[report]]
name = "inflation-review"
as_of = "2025-11"
lang = ["zh", "en"]
formats = ["md"]
"""


@pytest.fixture()
def cpi_project(in_dir, sample_series):
    """A project on a store holding only the bundled CPI YoY and MoM: the review in two languages (two builds)."""
    with Store(in_dir / "cpi.duckdb") as st:
        st.write([s for s in sample_series if s.id in ("cpi_yoy", "cpi_mom")], label="bundled CPI")
    (in_dir / "macrodesk.toml").write_text(PROJECT, encoding="utf-8")
    return in_dir


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_report_jobs_2_writes_the_serial_files(cli, cpi_project, low_dpi):
    code, out, err = cli("report", "--no-cache", "--out", "serial")
    assert code == 0, err
    code, out, err = cli("report", "--no-cache", "--out", "jobs2", "--jobs", "2")
    assert code == 0, err
    serial, jobs2 = _files(cpi_project / "serial"), _files(cpi_project / "jobs2")
    md = sorted(k for k in serial if k.endswith(".md"))
    assert md == ["inflation-review/inflation-review-en.md", "inflation-review/inflation-review-zh.md"]
    assert sorted(jobs2) == sorted(serial)  # the same file set, figures included (drawn at 30 dpi here only)
    for k in md:
        assert jobs2[k].decode("utf-8") == serial[k].decode("utf-8"), k
    # the numbers are the published ones: November 2025 CPI YoY +0.7% (NBS, 2025-12-10)
    assert "+0.7%" in serial["inflation-review/inflation-review-zh.md"].decode("utf-8")
    for line in out.splitlines():
        assert line.split()[0] == "md"  # each written file is listed as it is done
