"""``macrodesk calc``: catalogue transforms on a stored series; ``--assume`` fills, ``--override`` replaces.

The carry-over checks are computed by hand from the NBS 2025 PPI MoMs with
c_{Y,m} = prod_{k=m+1..12}(1 + m_{Y-1,k}) - 1, averaged over m = 1..12.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from macrodesk import transforms as T
from macrodesk.series.store import Store

# NBS PPI MoM 2025 (percent), Jan..Dec (the bundled sample holds the same prints).
PPI_MOM_2025 = [-0.2, -0.1, -0.4, -0.4, -0.4, -0.4, -0.2, 0.0, 0.0, 0.1, 0.1, 0.2]


def hand_carryover_average(moms_pct: list[float]) -> float:
    """Average over m = 1..12 of prod_{k=m+1..12}(1 + m_k) - 1, in percent (plain Python)."""
    return sum(math.prod(1 + v / 100 for v in moms_pct[m:]) - 1 for m in range(1, 13)) / 12 * 100


PUBLISHED_DEC = hand_carryover_average(PPI_MOM_2025)  # Dec 2025 at its published +0.2%: about -0.23%
ZERO_DEC = hand_carryover_average(PPI_MOM_2025[:11] + [0.0])  # Dec 2025 set to 0: about -0.41%


@pytest.fixture(scope="module")
def ppi_mom(sample_store_path):
    with Store(sample_store_path, read_only=True) as st:
        m = st.get("ppi_mom").to_fraction()
    assert [round(v * 100, 1) for v in m.loc["2025-01":"2025-12"]] == PPI_MOM_2025
    return m


def calc_json(cli, *args):
    code, out, err = cli("calc", *map(str, args), "--json")
    assert code == 0, err
    return json.loads(out)


def mean(values: dict) -> float:
    return sum(values.values()) / len(values)


def test_calc_cum_and_carryover_json(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    code, out, _ = cli("calc", "cum", "cpi_mom", "--months", "1-11", "--store", store, "--json")
    # Seed 003: "2025年1-11月，CPI环比累计上涨0.5%". Exact product: 0.49638...%
    assert code == 0
    assert round(json.loads(out)["values"]["2025"], 1) == 0.5
    code, out, _ = cli("calc", "carryover", "cpi_mom", "--year", "2026", "--store", store, "--json")
    vals = json.loads(out)["values"]
    assert list(vals) == [f"2026-{m:02d}" for m in range(1, 13)]
    # Jan 2026 carry-over = prod(1+m) over Feb..Dec 2025 - 1. The MoMs sum to 0.0, so to second
    # order it is -sum(m^2)/2 = -(0.04+0.16+0.01+0.04+0.01+0.16+0+0.01+0.04+0.01+0.04)e-4/2 = -0.26e-4,
    # i.e. -0.0026%.
    assert vals["2026-01"] == pytest.approx(-0.0026, abs=5e-5)
    # Nov 2026 carry-over = Dec 2025 MoM = +0.2%; Dec 2026 = 0 by definition.
    assert vals["2026-11"] == pytest.approx(0.2) and vals["2026-12"] == 0.0


def test_calc_errors(cli, tmp_path, cpi_csv):
    store = tmp_path / "s.duckdb"
    cli("data", "import", cpi_csv, "--store", store)
    code, _, err = cli("calc", "nope", "cpi_mom", "--store", store)
    assert code == 2 and "unknown transform 'nope'; available: yoy, mom" in err
    code, _, err = cli("calc", "yoy", "cpi_mom", "--store", store)
    assert code == 2 and "'yoy' needs a level or index series; 'cpi_mom' is already a rate (pct_mom)" in err
    code, _, err = cli("calc", "carryover", "cpi_mom", "--store", store)
    assert code == 2 and "needs --year" in err


def test_hand_values():
    assert PUBLISHED_DEC == pytest.approx(-0.232, abs=5e-4) and ZERO_DEC == pytest.approx(-0.415, abs=5e-4)


def test_assume_on_a_published_month_is_not_applied(cli, sample_store_path, ppi_mom):
    args = ("carryover", "ppi_mom", "--year", "2026", "--assume", "2025-12=0", "--store", sample_store_path)
    js = calc_json(cli, *args)
    assert mean(js["values"]) == pytest.approx(PUBLISHED_DEC, abs=1e-4)
    assert js["assume_not_applied"] == {"2025-12": {"published": 0.2, "assumed": 0.0}}
    assert "overridden" not in js and "assumed" not in js
    lib = T.carryover(ppi_mom, 2026, assume={"2025-12": 0.0}).mean() * 100
    assert lib == pytest.approx(PUBLISHED_DEC, abs=1e-9)
    code, out, _ = cli("calc", *map(str, args), "--lang", "en")
    assert code == 0
    assert ("--assume 2025-12: not applied, 2025-12 is published (MoM 0.20%); "
            "use --override 2025-12=… to replace it") in out


def test_override_replaces_a_published_month_and_is_flagged(cli, sample_store_path, ppi_mom):
    args = ("carryover", "ppi_mom", "--year", "2026", "--override", "2025-12=0", "--store", sample_store_path)
    js = calc_json(cli, *args)
    assert mean(js["values"]) == pytest.approx(ZERO_DEC, abs=1e-4)
    assert js["overridden"] == {"2025-12": {"published": 0.2, "used": 0.0}}
    lib = T.carryover(ppi_mom, 2026, override={"2025-12": 0.0}).mean() * 100
    assert lib == pytest.approx(ZERO_DEC, abs=1e-9)
    assert T.carryover_average(ppi_mom, 2026, override={"2025-12": 0.0}) * 100 == pytest.approx(ZERO_DEC, abs=1e-9)
    _, out, _ = cli("calc", *map(str, args))
    assert "--override 2025-12: MoM 0.00% used instead of the published 0.20%" in out


def test_assume_fills_a_month_cut_off_by_as_of(cli, sample_store_path, ppi_mom):
    # With the data up to November, December is not published yet: the assumption is used.
    js = calc_json(cli, "carryover", "ppi_mom", "--year", "2026", "--as-of", "2025-11", "--assume", "2025-12=0",
                   "--store", sample_store_path)
    assert mean(js["values"]) == pytest.approx(ZERO_DEC, abs=1e-4)
    assert js["assumed"] == {"2025-12": 0.0} and js["params"] == {"year": 2026, "as_of": "2025-11"}
    assert "assume_not_applied" not in js
    lib = T.carryover(ppi_mom.loc[:"2025-11"], 2026, assume={"2025-12": 0.0}).mean() * 100
    assert lib == pytest.approx(ZERO_DEC, abs=1e-9)


def test_decompose_assumes_an_unpublished_month_of_the_year(cli, cpi_store):
    # Only 2025 is stored: --assume 2026-01=0.3 gives January 2026's new-price effect (+0.3%), and the
    # implied YoY (1 + c)(1 + n) - 1 with c = the Jan 2026 carry-over (prod of Feb..Dec 2025 MoMs - 1).
    js = calc_json(cli, "decompose", "cpi_mom", "--year", "2026", "--assume", "2026-01=0.3", "--store", cpi_store)
    moms = [0.7, -0.2, -0.4, 0.1, -0.2, -0.1, 0.4, 0.0, 0.1, 0.2, -0.1, 0.2]
    c_jan = math.prod(1 + v / 100 for v in moms[1:]) - 1
    assert js["columns"]["new_price"]["2026-01"] == pytest.approx(0.3, abs=1e-4)
    assert js["columns"]["new_price"]["2026-02"] is None
    assert js["columns"]["yoy_implied"]["2026-01"] == pytest.approx(((1 + c_jan) * 1.003 - 1) * 100, abs=1e-4)
    assert js["assumed"] == {"2026-01": 0.3}
    m = pd.Series([v / 100 for v in moms], index=pd.period_range("2025-01", periods=12, freq="M"))
    lib = T.decompose_yoy(m, 2026, assume={"2026-01": 0.003})
    assert lib.loc["2026-01", "new_price"] * 100 == pytest.approx(0.3, abs=1e-12)


@pytest.mark.parametrize(("args", "message"), [
    (("carryover", "--year", "2026", "--assume", "2025-13=0"),
     "--assume takes YYYY-MM=PERCENT, e.g. 2025-12=0; got '2025-13=0'"),
    (("carryover", "--year", "2026", "--override", "2025-12"),
     "--override takes YYYY-MM=PERCENT, e.g. 2025-12=0; got '2025-12'"),
    (("carryover", "--year", "2026", "--assume", "2025-12=0", "--override", "2025-12=0"),
     "2025-12 is in both assume and override"),
    (("carryover", "--year", "2026", "--assume", "2026-03=0"), "assume key 2026-03 is not in 2025"),
    (("carryover", "--year", "2026", "--as-of", "2025-13"), "--as-of must be a month like 2025-12"),
    (("carryover", "--year", "2026", "--as-of", "2025-11-30"), "--as-of must be a month like 2025-12"),
    (("cum", "--start", "2025-13"), "--start must be a month like 2025-12 (or a date); got '2025-13'"),
    (("percentile", "--end", "20x5"), "--end must be a month like 2025-12 (or a date); got '20x5'"),
    (("cum", "--months", "0-13"), "--months 0-13: need 1 <= first <= last <= 12"),
    (("seasonal-norm", "--years", "2024-2021"), "--years 2024-2021: the first year is after the last"),
])
def test_bad_arguments_are_one_line_errors(cli, cpi_store, args, message):
    code, out, err = cli("calc", args[0], "cpi_mom", *args[1:], "--store", cpi_store)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ") and message in err
