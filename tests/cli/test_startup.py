"""``macrodesk --help`` stays fast: the command modules load pandas, matplotlib and the engine only inside commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_help_imports_neither_pandas_nor_matplotlib():
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "macrodesk", "--help"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "calc" in r.stdout and "nowcast" in r.stdout
    imported = {line.split("|")[-1].strip().split(".")[0] for line in r.stderr.splitlines() if "|" in line}
    assert "typer" in imported
    assert not imported & {"pandas", "numpy", "matplotlib", "duckdb", "statsmodels"}
