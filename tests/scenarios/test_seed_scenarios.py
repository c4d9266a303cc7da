"""The shipped CPI/PPI scenario files against seed 003 (Huaxi Securities, 2026-01-05), on the bundled data.

Seed statements (sections 2.4 and 3.5, Figures 15 and 38):
  CPI centres: neutral ~0.75%, optimistic ~1.0%, pessimistic ~0.5%; neutral Jan ~0.4%, Feb ~0.9%;
      optimistic Q3 ~1.2%; pessimistic year-end ~0.2%.
  PPI centres: neutral ~-1.0%, optimistic ~-0.5%, pessimistic ~-1.6%; neutral trough ~-2.0% around March,
      year-end ~-0.6%; optimistic positive from Jul-Aug, Q4 0.2-0.3%; pessimistic Q1 ~-2.2%, range
      -1.1% to -2.2%, year-end ~-1.8%; 2026 average PPI carry-over ~-0.4% with Dec 2025 MoM = 0.

The seed worked with data to November 2025 and with YoY of the index chained from MoMs; those runs
(`--as-of 2025-11 --method chained`) reproduce every figure above within 0.05 pp. The house method
anchors on the published YoY instead; the two differ by the gap at the anchor month, which is pinned
here from the published MoMs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.scenarios import load_spec, run

P = lambda s: pd.Period(s, freq="M")  # noqa: E731
TOL = 0.05  # pp: what the seed's one-decimal figures allow


@pytest.fixture(scope="module")
def data(sample_series):
    return {s.id: s for s in sample_series}


@pytest.fixture(scope="module")
def cpi_seed(data):
    return run(load_spec("cpi_2026.toml"), data, "2025-11", method="chained")


@pytest.fixture(scope="module")
def ppi_seed(data):
    return run(load_spec("ppi_2026.toml"), data, "2025-11", method="chained")


def pct(x):
    return x * 100


# ---------------------------------------------------------------- CPI
@pytest.mark.parametrize("name, centre", [("neutral", 0.75), ("optimistic", 1.0), ("pessimistic", 0.5)])
def test_cpi_centres_match_the_seed(cpi_seed, name, centre):
    assert pct(cpi_seed[name].mean) == pytest.approx(centre, abs=TOL)


def test_cpi_neutral_path_points(cpi_seed):
    y = cpi_seed["neutral"].yoy * 100
    assert y[P("2026-01")] == pytest.approx(0.4, abs=TOL)  # "1月同比读数或维持0.4%的相对低位"
    assert y[P("2026-02")] == pytest.approx(0.9, abs=TOL)  # "2月……读数有望脉冲式回升至0.9%"


def test_cpi_optimistic_and_pessimistic_path_points(cpi_seed):
    opt = cpi_seed["optimistic"].yoy * 100
    assert opt[P("2026-07"):P("2026-09")].max() == pytest.approx(1.2, abs=TOL)  # "三季度有望挑战1.2%"
    assert cpi_seed["pessimistic"].end * 100 == pytest.approx(0.2, abs=TOL)  # "逐步回落至年底的0.2%"


def test_cpi_dec_2025_comes_from_the_2021_2024_december_norm(cpi_seed):
    # published Dec MoMs 2021-2024: -0.3, 0.0, 0.1, 0.0 -> mean -0.05%; Jan 2021-2025: 1.0, 0.4, 0.8, 0.3, 0.7 -> 0.64%
    mom = cpi_seed["neutral"].mom
    assert mom[P("2025-12")] == pytest.approx(-0.0005)
    assert mom[P("2026-01")] == pytest.approx(0.0064)
    assert cpi_seed["optimistic"].mom[P("2026-03")] - mom[P("2026-03")] == pytest.approx(0.0006)  # 3% x 2%
    assert cpi_seed["pessimistic"].mom[P("2026-03")] - mom[P("2026-03")] == pytest.approx(-0.0004)


def test_cpi_gap_between_published_and_chained_yoy(cpi_seed):
    # Published CPI MoMs Dec 2024 .. Nov 2025 (NBS): chained YoY of Nov 2025 vs the published 0.7%
    moms = [0.0, 0.7, -0.2, -0.4, 0.1, -0.2, -0.1, 0.4, 0.0, 0.1, 0.2, -0.1]
    chained = np.prod([1 + m / 100 for m in moms]) - 1  # 0.496%
    assert cpi_seed.anchor_yoy == pytest.approx(0.007)
    assert cpi_seed.anchor_chained == pytest.approx(chained)
    assert cpi_seed.anchor_gap * 100 == pytest.approx(0.2, abs=0.01)
    # the published-anchored path is the chained one times (1 + y_T) / (1 + y^c_T), month by month
    ratio = (1 + cpi_seed["neutral"].yoy_alt) / (1 + cpi_seed["neutral"].yoy)
    assert np.allclose(ratio.to_numpy(), 1.007 / (1 + chained))


def test_cpi_published_anchor_as_of_dec_2025(data):
    res = run(load_spec("cpi_2026.toml"), data, "2025-12")
    # Jan 2026 = (1 + 0.8%)(1 + 0.64%)/(1 + 0.7%) - 1, with Jan 2025 MoM 0.7% and the Jan norm 0.64%
    assert res["neutral"].yoy[P("2026-01")] == pytest.approx(1.008 * 1.0064 / 1.007 - 1)
    assert res.anchor == P("2025-12") and res.assumed == {}
    # December 2026 norm is the 2021-2024 mean (the file keeps the seed's window): -0.05%
    assert res["neutral"].mom[P("2026-12")] == pytest.approx(-0.0005)


# ---------------------------------------------------------------- PPI
@pytest.mark.parametrize("name, centre", [("neutral", -1.0), ("optimistic", -0.5), ("pessimistic", -1.6)])
def test_ppi_centres_match_the_seed(ppi_seed, name, centre):
    assert pct(ppi_seed[name].mean) == pytest.approx(centre, abs=TOL)


def test_ppi_uses_the_dec_2025_assumption_as_of_nov(ppi_seed, data):
    assert ppi_seed.assumed == {P("2025-12"): 0.0}  # "2025年12月PPI环比均假设为0"
    assert ppi_seed["neutral"].source[P("2025-12")] == "assumed"
    dec = run(load_spec("ppi_2026.toml"), data, "2025-12")
    assert dec.assumed == {}  # Dec 2025 published (+0.2%): the assumption is not used
    assert dec["neutral"].yoy[P("2026-01")] == pytest.approx((1 - 0.019) * (1 - 0.002) / (1 - 0.002) - 1)


def test_ppi_neutral_path_points(ppi_seed):
    n = ppi_seed["neutral"]
    assert n.min * 100 == pytest.approx(-2.0, abs=TOL)  # "3月前后下探至全年最低点（约-2.0%）"
    assert n.argmin in (P("2026-02"), P("2026-03"), P("2026-04"))
    assert n.end * 100 == pytest.approx(-0.6, abs=TOL)  # "直至年底仅能修复至-0.6%附近"


def test_ppi_optimistic_path_points(ppi_seed):
    y = ppi_seed["optimistic"].yoy * 100
    first_positive = y[y > 0].index[0]
    assert first_positive in (P("2026-07"), P("2026-08"))  # "7-8月冲破0轴实现转正"
    q4 = y[P("2026-10"):P("2026-12")]
    assert q4.min() >= 0.2 - TOL and q4.max() <= 0.3 + TOL  # "四季度读数或站稳0.2%-0.3%"


def test_ppi_pessimistic_path_points(ppi_seed):
    p = ppi_seed["pessimistic"]
    assert p.min * 100 == pytest.approx(-2.2, abs=TOL)  # "Q1深跌至-2.2%"
    assert p.argmin <= P("2026-03")
    assert p.max * 100 == pytest.approx(-1.1, abs=TOL)  # "持续在-1.1%至-2.2%的负值区间"
    assert p.end * 100 == pytest.approx(-1.8, abs=TOL)  # "年底读数或仍停留在-1.8%附近"


def test_ppi_carryover_with_dec_2025_assumed_zero(ppi_seed):
    # Published PPI MoMs Feb-Nov 2025 (NBS) and Dec 2025 = 0: c_m = prod_{k=m+1..12}(1 + m_k) - 1
    m2025 = {2: -0.1, 3: -0.4, 4: -0.4, 5: -0.4, 6: -0.4, 7: -0.2, 8: 0.0, 9: 0.0, 10: 0.1, 11: 0.1, 12: 0.0}
    carry = [np.prod([1 + m2025[k] / 100 for k in range(m + 1, 13)]) - 1 for m in range(1, 13)]
    assert ppi_seed["neutral"].carryover_mean == pytest.approx(np.mean(carry))
    assert np.mean(carry) * 100 == pytest.approx(-0.4, abs=TOL)  # "预计2026全年平均翘尾为负值（约-0.4%左右）"


def test_commodity_paths_from_section_3_2(ppi_seed):
    cu = next(c for c in ppi_seed.commodities if c.key == "copper")
    brent = next(c for c in ppi_seed.commodities if c.key == "brent")
    # copper: linear from the Nov 2025 World Bank average to 13,500 in Dec 2026; Dec YoY vs Dec 2025
    assert cu.levels[P("2026-12")] == pytest.approx(13500.0)
    assert cu.last_observed == P("2025-11")
    assert brent.levels[P("2026-06")] == pytest.approx(55.0)
    # Brent at 55 against the World Bank 2025 monthly averages: May 64.21 -> -14.3%
    assert brent.yoy[P("2026-05")] == pytest.approx(55.0 / 64.21 - 1, abs=1e-3)
