"""Shared fixtures: a store loaded with the bundled sample, and an in-process CLI runner."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from macrodesk.datasets import load
from macrodesk.importers import merge_series
from macrodesk.series.store import Store

# pytest-xdist already keeps both cores busy: reports render and estimate in one process
# (tests/test_parallel.py checks the forked paths against the inline ones)
os.environ.setdefault("MACRODESK_WORKERS", "1")


def pytest_configure(config):
    config.addinivalue_line("markers", "full_dpi: render report figures at the real 200 dpi (default here: 30)")


#: The whole-report session fixtures below, by report: the tests that use one report's fixtures run on one
#: xdist worker (``--dist loadgroup``), so each report is built once per run, not once per worker; the four
#: groups may run on different workers. A test parametrized with a fixture's name counts as using it.
_SHARED_REPORTS = {
    "trade_flash_report_zh": "trade-flash", "trade_flash_report_en": "trade-flash",
    "outlook_results": "outlook", "outlook_report_zh": "outlook", "outlook_report_en": "outlook",
    "review_results": "review", "review_report_zh": "review", "review_report_en": "review",
    "flash_results": "cpi-ppi-flash", "flash_report_zh": "cpi-ppi-flash", "flash_report_en": "cpi-ppi-flash",
}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        if callspec is not None:
            names |= {v for v in callspec.params.values() if isinstance(v, str)}
        groups = sorted({_SHARED_REPORTS[n] for n in names if n in _SHARED_REPORTS})
        if groups:
            item.add_marker(pytest.mark.xdist_group("report-" + "+".join(groups)))


@pytest.fixture(autouse=True)
def _draft_figures(request, monkeypatch):
    """Figures drawn at 30 dpi: tests read numbers, text and structure, not pixels (``full_dpi`` keeps 200)."""
    if request.node.get_closest_marker("full_dpi") is None:
        monkeypatch.setattr("macrodesk.reports.model.FIGURE_DPI", 30)


@pytest.fixture(scope="session")
def sample_series():
    """The bundled real data as MacroSeries, merged by id."""
    return merge_series(load())


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory, sample_series) -> Path:
    path = tmp_path_factory.mktemp("store") / "sample.duckdb"
    with Store(path) as st:
        st.write(sample_series, label="bundled sample")
    return path


@pytest.fixture()
def sample_store(sample_store_path):
    with Store(sample_store_path, read_only=True) as st:
        yield st


@pytest.fixture()
def cli(monkeypatch, capsys):
    """Run ``macrodesk ARGS`` in-process; returns (exit_code, stdout, stderr)."""
    from macrodesk.cli import main

    def run(*args: str):
        monkeypatch.setattr(sys, "argv", ["macrodesk", *map(str, args)])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


# ---------------------------------------------------------------- whole reports, built once per session
def _trade_flash(sample_store_path, as_of: str, lang: str):
    """The trade flash on the bundled sample (figures at 30 dpi: these tests read numbers and text)."""
    from macrodesk.analyses import report_inputs
    from macrodesk.analyses import trade_flash as TF

    with pytest.MonkeyPatch.context() as mp, Store(sample_store_path, read_only=True) as st:
        mp.setattr("macrodesk.reports.model.FIGURE_DPI", 30)
        inputs, end = report_inputs(st, TF.REQUIRED, TF.OPTIONAL, as_of)
        return TF.build(inputs, end, lang=lang)


@pytest.fixture(scope="session")
def trade_flash_report_zh(sample_store_path):
    """The December 2025 trade flash in Chinese."""
    return _trade_flash(sample_store_path, "2025-12", "zh")


@pytest.fixture(scope="session")
def trade_flash_report_en(sample_store_path):
    """The December 2025 trade flash in English."""
    return _trade_flash(sample_store_path, "2025-12", "en")


# ---------------------------------------------------------------- the inflation reports, built once per session
def _bundled_inputs(sample_store_path, recipe, as_of):
    from macrodesk.analyses import report_inputs

    with Store(sample_store_path, read_only=True) as st:
        return report_inputs(st, recipe.REQUIRED, recipe.OPTIONAL, as_of)


@pytest.fixture(scope="session")
def outlook_results(sample_store_path):
    """The inflation-outlook results on the bundled sample at 2025-11 (seed 003's information set)."""
    from macrodesk.analyses import inflation_outlook as R

    return R.compute(*_bundled_inputs(sample_store_path, R, "2025-11"))


@pytest.fixture(scope="session")
def outlook_report_zh(outlook_results):
    from macrodesk.analyses import inflation_outlook as R

    with pytest.MonkeyPatch.context() as mp:  # 30 dpi, as the trade flash above
        mp.setattr("macrodesk.reports.model.FIGURE_DPI", 30)
        return R.render(outlook_results, "zh")


@pytest.fixture(scope="session")
def outlook_report_en(outlook_results):
    from macrodesk.analyses import inflation_outlook as R

    with pytest.MonkeyPatch.context() as mp:  # 30 dpi, as the trade flash above
        mp.setattr("macrodesk.reports.model.FIGURE_DPI", 30)
        return R.render(outlook_results, "en")


@pytest.fixture(scope="session")
def review_results(sample_store_path):
    """The inflation-review results on the bundled sample at 2025-11."""
    from macrodesk.analyses import inflation_review as R

    return R.compute(*_bundled_inputs(sample_store_path, R, "2025-11"))


@pytest.fixture(scope="session")
def review_report_zh(review_results):
    from macrodesk.analyses import inflation_review as R

    with pytest.MonkeyPatch.context() as mp:  # 30 dpi, as the trade flash above
        mp.setattr("macrodesk.reports.model.FIGURE_DPI", 30)
        return R.render(review_results, "zh")


@pytest.fixture(scope="session")
def review_report_en(review_results):
    from macrodesk.analyses import inflation_review as R

    with pytest.MonkeyPatch.context() as mp:  # 30 dpi, as the trade flash above
        mp.setattr("macrodesk.reports.model.FIGURE_DPI", 30)
        return R.render(review_results, "en")


# ---------------------------------------------------------------- the CPI/PPI flash, built once per session
@pytest.fixture(scope="session")
def flash_results(sample_store_path):
    """The CPI/PPI flash results on the bundled sample for December 2025 (released 2026-01-09)."""
    from macrodesk.analyses import cpi_ppi_flash as R
    from macrodesk.analyses import report_inputs

    with Store(sample_store_path, read_only=True) as st:
        inputs, end = report_inputs(st, R.REQUIRED, R.OPTIONAL, "2025-12",
                                    lookahead={i: R.HF_LOOKAHEAD_MONTHS for i in R.HF_IDS})
    return R.compute(inputs, end)


def _flash_report(flash_results, lang: str):
    from macrodesk.analyses import cpi_ppi_flash as R

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("macrodesk.reports.model.FIGURE_DPI", 30)  # these tests read numbers and text
        return R.render(flash_results, lang)


@pytest.fixture(scope="session")
def flash_report_zh(flash_results):
    return _flash_report(flash_results, "zh")


@pytest.fixture(scope="session")
def flash_report_en(flash_results):
    return _flash_report(flash_results, "en")
