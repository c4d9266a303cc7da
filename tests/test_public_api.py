"""The curated public surface: ``macrodesk.__all__`` is what we meant, and the README's example runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import macrodesk

ROOT = Path(__file__).resolve().parents[1]

EXPECTED = {
    # errors and warnings
    "MacrodeskError", "DataError", "UnknownSeriesError", "UnitError", "FrequencyError", "InputFileError",
    "StoreError", "TransformError", "ModelError", "ScenarioError", "ReportError",
    "MacrodeskWarning", "RevisionWarning", "ShortSampleWarning", "GapWarning",
    # data
    "MacroSeries", "SeriesMeta", "Store", "read_csv", "read_wind", "read_paths", "merge_series", "load_sample",
    # computation namespaces
    "transforms", "models", "scenarios",
    # reports
    "REPORTS", "build_report", "Report", "render",
    "__version__",
}


def test_exported_members_are_what_we_meant() -> None:
    assert set(macrodesk.__all__) == EXPECTED
    assert macrodesk.__all__ == sorted(macrodesk.__all__)
    for name in macrodesk.__all__:
        assert getattr(macrodesk, name) is not None, name


def test_exported_names_resolve_to_the_one_definition() -> None:
    from macrodesk.analyses import build_report
    from macrodesk.series import MacroSeries
    from macrodesk.series.store import Store

    assert macrodesk.build_report is build_report
    assert macrodesk.MacroSeries is MacroSeries
    assert macrodesk.Store is Store
    assert issubclass(macrodesk.InputFileError, macrodesk.MacrodeskError)


def test_version_matches_the_installed_metadata() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", macrodesk.__version__)


def test_import_is_light() -> None:
    # ``import macrodesk`` must not pull in pandas or matplotlib (the CLI's start-up time rests on it).
    code = "import sys, macrodesk; print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_python_api_example_runs(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(_readme_example(), "README.md", "exec"), namespace)
    # Seed 003: "2026年PPI翘尾因素约为-0.4%" with the December 2025 MoM set to 0.
    assert round(namespace["carry"] * 100, 1) == -0.4
    # NBS, Nov 2025 release: CPI +0.7% YoY (Oct +0.2%), PPI -2.2% (Oct -2.1%).
    first = namespace["report"].summary[0]
    assert "+0.7%" in first and "+0.2%" in first and "-2.2%" in first
    assert namespace["paths"]["md"].is_file()
    assert "2026 PPI carry-over with Dec 2025 MoM = 0: -0.41%" in capsys.readouterr().out
