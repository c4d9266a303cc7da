"""The package re-exports every public transform with a sorted __all__."""

from __future__ import annotations

import inspect

import macrodesk.transforms as t


def test_all_is_sorted_and_complete():
    assert t.__all__ == sorted(t.__all__)
    expected = {
        "yoy", "mom", "chain", "project_yoy", "yoy_recursion_residual", "cumulative",
        "cumulative_span", "cumulative_ytd", "cagr2y", "cagr2y_from_yoy", "janfeb_yoy", "yoy_janfeb_combined",
        "percentile_of_last", "expanding_percentile", "monthly_norm", "span_norm",
        "super_seasonal", "carryover", "new_price", "decompose_yoy", "carryover_average",
        "contribution", "contribution_share", "part_contribution_to_yoy", "marginal_change",
        "price_volume", "to_monthly", "partial_month", "spring_festival",
        "spring_festival_dates", "spring_festival_month", "moving_average", "share", "turnover_days",
    }
    assert set(t.__all__) == expected


def test_every_public_function_documents_its_formula():
    for name in t.__all__:
        f = getattr(t, name)
        doc = inspect.getdoc(f) or ""
        assert "Notes\n-----" in doc, name
        assert "Parameters\n----------" in doc, name
        assert f.__annotations__.get("return") is not None, name
