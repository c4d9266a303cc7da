"""build_report: a report from a store or from a plain mapping of series, with clear errors."""

from __future__ import annotations

import pytest

from macrodesk import ReportError, UnknownSeriesError, build_report
from macrodesk.series.store import Store


def test_a_mapping_and_a_store_give_the_same_report(sample_series, sample_store_path) -> None:
    by_id = {s.id: s for s in sample_series}
    from_mapping = build_report("inflation-review", by_id, as_of="2025-11")
    with Store(sample_store_path, read_only=True) as st:
        from_store = build_report("inflation-review", st, as_of="2025-11")
    assert from_mapping.summary == from_store.summary
    # NBS, November 2025: CPI +0.7% YoY.
    assert "+0.7%" in from_mapping.summary[0]


def test_missing_required_series_names_it(sample_series) -> None:
    by_id = {s.id: s for s in sample_series if s.id != "cpi_mom"}
    with pytest.raises(UnknownSeriesError, match="cpi_mom"):
        build_report("inflation-review", by_id, as_of="2025-11")


def test_values_that_are_not_series_are_refused(sample_series) -> None:
    with pytest.raises(ReportError, match="series 'cpi_yoy' is a list"):
        build_report("inflation-review", {"cpi_yoy": [1.0, 2.0]})
    with pytest.raises(ReportError, match="takes a Store or a mapping"):
        build_report("inflation-review", 42)


def test_unknown_report_lists_the_known_ones(sample_series) -> None:
    with pytest.raises(ReportError, match="available: inflation-review"):
        build_report("gdp-flash", {})


def test_the_demo_builds_the_march_2025_trade_flash_beside_the_latest():
    from macrodesk.analyses import DEMO_REPORTS, DEMO_RUNS

    assert [(r.name, r.as_of, r.folder) for r in DEMO_RUNS][-1] == ("trade-flash", "2025-03", "trade-flash-2025-03")
    assert [r.name for r in DEMO_RUNS if r.as_of is None] == list(DEMO_REPORTS)
    assert len({r.folder for r in DEMO_RUNS}) == len(DEMO_RUNS)
