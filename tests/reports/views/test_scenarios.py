"""Scenario views: labels, sentences, the monthly table, the CLI's JSON and the report blocks."""

from __future__ import annotations

import tomllib

import pandas as pd
import pytest

from macrodesk.exceptions import ScenarioError
from macrodesk.reports.model import Bullets, Figure, Notice, Paragraph, Table
from macrodesk.reports.views.scenarios import (
    component_label,
    months_label,
    scenario_blocks,
    scenario_describe,
    scenario_json,
    scenario_label,
    scenario_pair_blocks,
    scenarios_table,
    scenarios_text,
    target_name,
)
from macrodesk.scenarios import load_spec, parse_months, run, spec_from_dict
from macrodesk.series import MacroSeries, SeriesMeta

#: The file-level keys of every hand-made file here; each test adds its [scenarios] / [commodities] tables.
BASE = {"target": "x", "name_zh": "X指数", "name_en": "X index", "mom": "x_mom", "yoy": "x_yoy",
        "horizon": ["2026-01", "2026-12"]}


def monthly(values, start):
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), dtype=float)


def data_flat():
    """MoM 0 in 2024-2025, YoY 0 in 2025, published by the NBS."""
    meta = {sid: SeriesMeta(sid, f"pct_{sid[2:]}", "M", source="NBS") for sid in ("x_mom", "x_yoy")}
    return {"x_mom": MacroSeries(meta["x_mom"], monthly([0.0] * 24, "2024-01")),
            "x_yoy": MacroSeries(meta["x_yoy"], monthly([0.0] * 12, "2025-01"))}


def spec(body):
    return spec_from_dict({**BASE, **tomllib.loads(body)}, "hand.toml")


def test_months_label_reads_like_an_analyst():
    assert months_label(parse_months("2026Q1")) == "2026年一季度"
    assert months_label(parse_months("2026Q2..2026Q4")) == "2026年二至四季度"
    assert months_label(parse_months("2026H2")) == "2026年下半年"
    assert months_label(parse_months("2026-02..2026-07")) == "2026年2-7月"
    assert months_label(parse_months("2026-02..2026-07"), "en") == "Feb–Jul 2026"
    assert months_label(parse_months("2026"), "en") == "2026"


def test_describe_the_shipped_cpi_scenarios():
    s = load_spec("cpi_2026.toml")
    assert scenario_describe(s.scenario("neutral"), "zh") == "基准环比取2021-2025年同月环比均值（12月为2021-2024年）"
    assert scenario_describe(s.scenario("neutral"), "en") == "baseline: mean MoM of the same month in 2021-2025 (Dec: 2021-2024)"
    # pork 3% x 2% = 0.06 pp a month, Feb-Jul
    assert scenario_describe(s.scenario("optimistic"), "zh").endswith("猪肉环比+3.0%×权重2.0%（2026年2-7月，每月+0.06个百分点）")
    assert scenario_label(s.scenario("pessimistic"), "en") == "Scenario 3 (pessimistic)"
    assert target_name(s, "zh") == "CPI"


def test_component_labels():
    s = spec("""
[commodities.cu]
series = "cu"
name_zh = "铜"
name_en = "Copper"
levels = { "2026-12" = 112.0 }
[scenarios.a]
set = [{ mom_pct = 0.0, months = "2026" }]
shocks = [{ component = "pork", label_zh = "猪肉", shock_pct = 3.0, weight_pct = 2.0, months = "2026Q1" }]
adjust = [{ pp = -0.04, months = "2026" }]
commodity = [{ path = "cu", elasticity = 0.5 }]
""")
    d = data_flat()
    d["cu"] = MacroSeries(SeriesMeta("cu", "usd_per_t", "M"), monthly([100.0] * 24, "2024-01"))
    res = run(s, d, "2025-12")
    a = res["a"]
    assert list(a.components.columns) == ["baseline", "shock:pork", "adjust:0", "commodity:cu"]
    labels = [component_label(res, a, k, "zh") for k in a.components.columns]
    assert labels == ["基准环比", "猪肉冲击", "调整", "铜拉动"]
    assert [component_label(res, a, k, "en") for k in a.components.columns] == [
        "Baseline MoM", "pork shock", "adjustment", "Copper contribution"]


def test_table_summary_json_and_blocks():
    s = spec("""
[scenarios.lo]
label_zh = "低"
label_en = "Low"
set = [{ mom_pct = 0.0, months = "2026" }]
[scenarios.hi]
label_zh = "高"
label_en = "High"
set = [{ mom_pct = 0.1, months = "2026" }]
""")
    res = run(s, data_flat(), "2025-12")
    t = scenarios_table(res, "zh")
    assert list(t.columns) == ["低", "高"]
    assert t.loc["2026年12月", "高"] == pytest.approx((1.001**12 - 1) * 100)
    assert t.loc["全年中枢", "低"] == 0.0
    assert "高：中枢+0.65%" in scenarios_text(res, "zh")  # mean of 1.001^k - 1 = 0.652%
    assert "High: average +0.65%" in scenarios_text(res, "en")
    js = scenario_json(res)
    assert js["scenarios"]["hi"]["path"]["2026-12"] == round((1.001**12 - 1) * 100, 4)
    assert js["scenarios"]["lo"]["mean"] == 0.0
    assert js["anchor"] == {"month": "2025-12", "yoy": 0.0, "yoy_chained": 0.0, "gap_pp": 0.0}
    blocks = scenario_blocks(res, "zh")
    kinds = [type(b) for b in blocks]
    assert kinds[:2] == [Paragraph, Bullets] and kinds[-2:] == [Figure, Table]
    fig, tab = blocks[-2], blocks[-1]
    assert fig.caption == "2026年X指数同比情景推演"
    assert fig.source == "国家统计局、macrodesk计算"
    assert tab.data.shape == (15, 2)
    en = scenario_blocks(res, "en")
    assert en[-2].caption == "X index YoY scenarios, 2026"
    assert en[1].items[1].startswith("High: MoM +0.1% in 2026. Average +0.65%")


def test_a_commodity_path_not_built_is_named_in_a_notice():
    s = spec("""
[commodities.cu]
series = "cu"
name_zh = "铜"
levels = { "2026-12" = 112.0 }
[scenarios.base]
set = [{ mom_pct = 0.0, months = "2026" }]
""")
    d = data_flat()
    d["cu"] = MacroSeries(SeriesMeta("cu", "usd_per_t", "M"), monthly([100.0] * 21, "2024-01"))  # to 2025-09
    blocks = scenario_blocks(run(s, d, "2025-12"), "zh")
    assert any(isinstance(b, Notice) and "铜" in b.text and "2025-09" in b.text for b in blocks)


def test_two_sets_over_one_horizon_read_as_one_passage():
    """Both sets' words, then their charts side by side, then one table of both sets' paths."""
    lo_hi = """
[scenarios.lo]
label_zh = "低"
set = [{ mom_pct = 0.0, months = "2026" }]
[scenarios.hi]
label_zh = "高"
set = [{ mom_pct = 0.1, months = "2026" }]
"""
    a = run(spec(lo_hi), data_flat(), "2025-12")
    b = run(spec_from_dict({**BASE, "name_zh": "Y指数", **tomllib.loads(lo_hi)}, "y.toml"), data_flat(), "2025-12")
    blocks = scenario_pair_blocks(a, b, "zh")
    kinds = [type(x) for x in blocks]
    assert kinds[-3:] == [Figure, Figure, Table] and Figure not in kinds[:-3] and kinds.count(Bullets) == 2
    words = [b.text for b in blocks if isinstance(b, Paragraph) and "如下" in b.text]
    assert len(words) == 2 and "X指数" in words[0] and "Y指数" in words[1]  # X's words, then Y's
    blocks = blocks[-3:]
    assert [f.width for f in blocks[:2]] == ["half", "half"]
    assert [f.caption for f in blocks[:2]] == ["2026年X指数同比情景推演", "2026年Y指数同比情景推演"]
    tab = blocks[2]
    assert tab.caption == "2026年X指数与Y指数同比各情景逐月路径（%）"
    assert list(tab.data.columns) == ["X指数低", "X指数高", "Y指数低", "Y指数高"]
    # MoM +0.1% from a flat 2025: YoY in December 1.001^12 - 1
    assert tab.data.loc["2026年12月", "Y指数高"] == pytest.approx((1.001**12 - 1) * 100)
    later = spec_from_dict({**BASE, "horizon": ["2026-01", "2026-06"],
                            **tomllib.loads(lo_hi.replace('"2026"', '"2026H1"'))}, "h.toml")
    with pytest.raises(ScenarioError, match="one table needs one horizon"):
        scenario_pair_blocks(a, run(later, data_flat(), "2025-12"), "zh")
