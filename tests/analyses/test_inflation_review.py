"""Inflation review analyses on hand-made inputs, and the report on the bundled data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.analyses import build_report
from macrodesk.analyses import inflation_review as R
from macrodesk.analyses.inflation_review import carryover_review, seasonal_review
from macrodesk.exceptions import ModelError, UnknownSeriesError
from macrodesk.reports.model import Figure, Notice, Paragraph, Table
from macrodesk.series import MacroSeries, SeriesMeta
from macrodesk.series.store import Store


def monthly(values, start):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


def test_seasonal_review_by_hand():
    # 2021: MoM 0.1% every month; 2022: 0.2%; 2023: Jan +1%, Feb 0, Mar -1%.
    mom = monthly([0.001] * 12 + [0.002] * 12 + [0.01, 0.0, -0.01], "2021-01")
    r = seasonal_review(mom, 2023, 3, windows={"2021-2022": [2021, 2022]})
    # Jan-Mar 2023: 1.01 * 1.00 * 0.99 - 1 = -0.0001
    assert r.actual == pytest.approx(-0.0001)
    # 2021: 1.001^3 - 1 = 0.003003001; 2022: 1.002^3 - 1 = 0.006012008; mean 0.0045075045
    assert float(r.norms["2021-2022"]["mean"]) == pytest.approx(0.0045075045)
    assert r.gap("2021-2022") == pytest.approx(-0.0001 - 0.0045075045)
    assert r.previous == pytest.approx(0.006012008)
    assert r.to_frame().loc["mean:2021-2022", "gap"] == pytest.approx(-0.0001 - 0.0045075045)


def test_seasonal_review_without_the_year_is_a_model_error():
    mom = monthly([0.001] * 12, "2021-01")
    with pytest.raises(ModelError, match="no complete MoM data for months 1-11 of 2022"):
        seasonal_review(mom, 2022, 11)


def test_carryover_review_by_hand():
    # 2024 MoM: 1% in Nov, 2% in Dec, 0 otherwise; 2025: 0.5% in Jan, 0 afterwards.
    mom = monthly([0.0] * 10 + [0.01, 0.02] + [0.005] + [0.0] * 11, "2024-01")
    yoy = monthly([0.0] * 12, "2025-01")
    yoy[pd.Period("2025-01", "M")] = 1.01 * 1.02 * 1.005 - 1
    r = carryover_review(mom, yoy, 2025)
    jan = r.table.loc[pd.Period("2025-01", "M")]
    # carry-over Jan 2025 = (1.01)(1.02) - 1 = 0.0302; new price = 0.005
    assert jan["carryover"] == pytest.approx(0.0302)
    assert jan["new_price"] == pytest.approx(0.005)
    assert jan["implied"] == pytest.approx(1.0302 * 1.005 - 1)
    assert r.table.loc[pd.Period("2025-11", "M"), "carryover"] == pytest.approx(0.02)
    assert r.table.loc[pd.Period("2025-12", "M"), "carryover"] == 0.0
    # 2026 carry-over from 2025's MoMs (only Jan non-zero): zero in every month
    assert np.allclose(r.next_year.to_numpy(), 0.0)


def blocks(report, kind):
    return [b for s in report.sections for b in s.blocks if isinstance(b, kind)]


def test_report_on_bundled_data_matches_the_seed_at_2025_11(review_report_zh):
    rep = review_report_zh
    text = " ".join(rep.summary) + " ".join(p.text for p in blocks(rep, Paragraph))
    # Seed 003: 1-11月 CPI 环比累计 0.5%, 2021-2024 均值 0.8%, 2015-2019 均值 2.1%, 2024 同期 0.1%.
    assert "2025年1-11月CPI环比累计+0.5%" in text
    assert "2021-2024年同期均值+0.8%" in text
    assert "2015-2019年同期均值+2.1%" in text
    assert "2024年同期为+0.1%" in text
    # NBS: CPI 2025-11 +0.7% YoY (prior +0.2%); PPI -2.2% (prior -2.1%).
    assert "2025年11月CPI同比+0.7%，前值+0.2%；PPI同比-2.2%，前值-2.1%" in text
    figs = blocks(rep, Figure)
    assert len(figs) >= 5 and all(f.source and f.source.startswith("国家统计局") for f in figs)


def test_report_in_english(review_report_en, sample_series):
    rep = review_report_en
    # NBS: CPI 2025-11 +0.7% YoY (prior +0.2%); PPI -2.2% (prior -2.1%).
    assert rep.summary[0] == "CPI was +0.7% YoY in Nov 2025 (prior +0.2%); PPI was -2.2% (prior -2.1%)."
    assert rep.lang == "en"
    tables = blocks(rep, Table)
    seasonal = tables[0].data
    # Jan-Nov 2025 cumulative CPI MoM: prod(1 + m) - 1 over the 11 NBS MoMs
    mom = {s.id: s for s in sample_series}["cpi_mom"].data
    expected = (np.prod(1 + mom[(mom.index >= pd.Period("2025-01", "M")) & (mom.index <= pd.Period("2025-11", "M"))] / 100) - 1)
    assert seasonal.iloc[0, 0] == pytest.approx(expected * 100)
    assert seasonal.index[0] == "2025" and seasonal.columns[0] == "Cumulative (%)"


def test_report_latest_month(sample_store):
    rep = build_report("inflation-review", sample_store)
    # NBS: CPI 2025-12 +0.8% YoY (prior +0.7%), PPI -1.9% (prior -2.2%).
    assert rep.summary[0] == "2025年12月CPI同比+0.8%，前值+0.7%；PPI同比-1.9%，前值-2.2%。"


def test_results_render_in_both_languages_without_estimating(review_results):
    from macrodesk import transforms as T
    from tests.analyses.spy import counting, inflation_estimators

    estimators = inflation_estimators() + [T.monthly_norm, T.cumulative, T.span_norm, T.decompose_yoy, T.carryover]
    with counting(estimators) as calls:
        zh, en = R.render(review_results, "zh"), R.render(review_results, "en")
    assert sum(calls.values()) == 0, calls
    assert zh.title == "2025年11月通胀数据回顾" and en.title == "Inflation review, Nov 2025"
    assert len(zh.sections) == len(en.sections)


def test_report_with_only_required_inputs_says_what_is_missing(tmp_path, sample_series):
    by = {s.id: s for s in sample_series}
    with Store(tmp_path / "min.duckdb") as st:
        st.write([by["cpi_yoy"], by["cpi_mom"]])
        rep = build_report("inflation-review", st)
    (notice,) = [n for n in blocks(rep, Notice) if "缺失" in n.text]
    assert "ppi_yoy" in notice.text and "cpi_core_yoy" in notice.text
    assert notice.text.startswith("供分析师参考：以下输入序列缺失")
    # the ids sit in an appendix at the end; the body says in words what is not covered
    assert rep.sections[-1].heading == "附录：数据说明" and notice in rep.sections[-1].blocks
    body = [b.text for s in rep.sections[:-1] for b in s.blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("本期报告未覆盖") and "PPI分大类" in t for t in body)
    assert not any("ppi_yoy" in t or "导入后重新运行" in t for t in body)


def test_report_without_required_series_names_them(tmp_path):
    with Store(tmp_path / "e.duckdb") as st:
        st.write([MacroSeries.from_observations(SeriesMeta("ppi_yoy", "pct_yoy", "M"), ["2025-12"], [-1.9])])
        with pytest.raises(UnknownSeriesError, match="the report needs cpi_yoy, cpi_mom"):
            build_report("inflation-review", st)


def test_seasonal_review_without_norm_windows():
    # 2023: MoM -0.5% in Jan and Feb: 0.995^2 - 1 = -0.9975%; no window has data.
    mom = monthly([-0.005, -0.005], "2023-01")
    r = seasonal_review(mom, 2023, 2, windows={"2015-2019": range(2015, 2020)}, name="PPI")
    assert r.norms == {}
    assert r.actual == pytest.approx(0.995**2 - 1)


def test_seasonal_charts_are_a_pair_and_their_table_follows(review_report_zh):
    """Section 2: its text, then 图2 (the years' cumulative MoM) beside 图3 (the monthly band), then 表1."""
    from macrodesk.reports.render import typst_source

    sec = next(s for s in review_report_zh.sections if s.heading.startswith("二、"))
    kinds = [type(b).__name__ for b in sec.blocks]
    assert kinds == ["Paragraph", "Figure", "Figure", "Table"]
    assert [b.width for b in sec.blocks[1:3]] == ["half", "half"]
    src = typst_source(review_report_zh)
    grid = src[src.index("#grid(columns: (1fr, 1fr)"):]
    grid = grid[:grid.index("\n  )\n")]
    assert "图2：2025年1\\-11月CPI环比累计涨幅与季" in grid and "图3：CPI环比的季节性规律" in grid
    assert src.index("图3：CPI环比的季节性规律") < src.index("表1：")
