"""The seed outlook's published relations, checked with the catalogue transforms.

Reference values are the seed's own printed numbers (tests/reference/seed003_table1.csv)
and the NBS releases bundled with the package; nothing here comes from macrodesk's output.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from macrodesk import transforms as T
from macrodesk.transforms.registry import run

TABLE1 = pd.read_csv(Path(__file__).parents[1] / "reference" / "seed003_table1.csv", comment="#")


@pytest.mark.parametrize("row", TABLE1.dropna(subset=["weight"]).to_dict("records"), ids=lambda r: r["item"])
def test_table1_contribution_is_weight_times_cumulative_change(row):
    # 2025年*权重: e.g. 其他用品和服务 3.1% x 13.5% = 0.4185 -> printed 0.42 pp.
    got = T.contribution(row["weight"] / 100, row["y2025"] / 100) * 100
    assert round(got, 2) == pytest.approx(row["contribution"], abs=1e-9)


@pytest.mark.parametrize("row", TABLE1.to_dict("records"), ids=lambda r: r["item"])
def test_table1_super_seasonal_is_2025_minus_2021_2024_average(row):
    got = T.super_seasonal(row["y2025"], row["avg2021_2024"])
    assert round(got, 1) == pytest.approx(row["super_seasonal"], abs=1e-9)


def test_other_goods_contribution_share_exceeds_80_percent():
    # Seed: 其他用品和服务 "拉动CPI上涨约0.42个百分点，对同期CPI总涨幅(0.5%)的贡献率超过80%".
    share = T.contribution_share(0.42, 0.5)
    assert share > 0.80 and share == pytest.approx(0.84)


def test_cpi_jan_nov_2025_against_the_seed_norms(sample_series):
    # Seed 003: "2025年1-11月，CPI环比累计上涨0.5%，不仅弱于2021-2024年同期均值0.8%，
    # 更远低于2015-2019年同期均值2.1%。不过，这已经好于2024年同期的0.1%。"
    cpi_mom = {s.id: s for s in sample_series}["cpi_mom"]
    m = cpi_mom.to_fraction()
    cum = T.cumulative(m, 1, 11) * 100
    assert round(cum[2025], 1) == 0.5
    assert round(cum[2024], 1) == 0.1
    assert round(T.span_norm(m, range(2021, 2025), 1, 11)["mean"] * 100, 1) == 0.8
    assert round(T.span_norm(m, range(2015, 2020), 1, 11)["mean"] * 100, 1) == 2.1


def test_ppi_2026_average_carryover_is_about_minus_0_4(sample_series):
    # Seed 003: "预计2026全年平均翘尾为负值(约-0.4%左右)", with Dec 2025 PPI MoM assumed 0
    # (图38 注: 2025年12月PPI环比均假设为0). Inputs: the NBS 2025 PPI MoMs in nbs_releases.
    ppi_mom = {s.id: s for s in sample_series}["ppi_mom"]
    res = run("carryover", ppi_mom, year=2026, as_of="2025-11", assume=["2025-12=0"])
    assert res.data.mean() == pytest.approx(-0.4, abs=0.05)
    # "2026上半年将面临较大的负向翘尾压力，其中一季度拖累最为显著"
    assert res.data.iloc[:3].mean() < res.data.iloc[3:6].mean() < 0
