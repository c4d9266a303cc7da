"""The house rules, checked on every test run.

The import-linter contracts in ``pyproject.toml`` say which room may import
which: each layer only the ones below it, no circles between rooms at any
depth, only the store touches DuckDB, and the number layers (series,
importers, transforms, models, scenarios) import neither text nor plotting.
mypy (with pandas-stubs, settings in ``pyproject.toml``) checks the package.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    # A fresh interpreter with the checkout first on sys.path, so the contracts are
    # checked on the source tree rather than on an installed copy.
    code = (
        "import sys; sys.path.insert(0, '.');"
        "import importlinter.cli;"  # configures import-linter's adapters
        "from importlinter.application.use_cases import lint_imports;"
        "sys.exit(0 if lint_imports(config_filename='pyproject.toml', cache_dir=None) else 1)"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_mypy_passes_on_the_package() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
