"""The bundled sample as the builder wrote it: one-decimal prints, known units, a name for every id."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

from macrodesk.series.catalogue import catalogue
from macrodesk.series.units import get_unit
from macrodesk.text import format as F


@pytest.fixture(scope="module")
def by_id(sample_series):
    return {s.id: s for s in sample_series}


@pytest.mark.parametrize("sid", ["cpi_yoy", "ppi_yoy", "cpi_mom"])
def test_headline_prints_are_one_decimal_and_print_as_published(by_id, sid):
    s = by_id[sid]
    v = s.data.dropna()
    assert len(v) > 200
    assert np.allclose(v * 10, np.round(v * 10), atol=1e-9, rtol=0)  # one-decimal prints
    # through the fraction every analysis uses, the print comes back unchanged
    frac = s.to_fraction().dropna()
    for raw, f in zip(v.to_numpy(), frac.to_numpy()):
        expect = Decimal(repr(float(raw))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        assert F.pct(f * 100) == F.pct(float(expect))
        whole = Decimal(repr(float(raw))).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        assert F.pct(f * 100, 0) == F.pct(float(whole), 0)


def p(month: str) -> pd.Period:
    return pd.Period(month, freq="M")


def test_published_prints_not_rounded_from_unrounded_values(by_id):
    # NBS printed CPI MoM 0.0% for July 2014 (an unrounded 0.05 used to stand there and print +0.1%);
    # CPI YoY 0.0% in June and September 2023; December 2025: CPI +0.8% YoY, +0.2% MoM, PPI -1.9% YoY.
    cpi_mom, cpi_yoy, ppi_yoy = by_id["cpi_mom"].data, by_id["cpi_yoy"].data, by_id["ppi_yoy"].data
    assert cpi_mom[p("2014-07")] == 0.0 and F.pct(cpi_mom[p("2014-07")]) == "0.0%"
    assert cpi_yoy[p("2023-06")] == 0.0 and cpi_yoy[p("2023-09")] == 0.0
    assert (cpi_yoy[p("2025-12")], cpi_mom[p("2025-12")], ppi_yoy[p("2025-12")]) == (0.8, 0.2, -1.9)


def test_every_bundled_unit_is_known(sample_series):
    units = {s.unit for s in sample_series}
    assert {"cny_per_head", "ratio", "usd_thousand", "usd_mn"} <= units
    for u in units:
        get_unit(u)  # raises UnitError on an unknown code


def test_every_bundled_id_has_names(sample_series):
    cat = catalogue().set_index("series_id")
    ids = {s.id for s in sample_series}
    assert ids <= set(cat.index)
    named = cat.loc[sorted(ids)]
    assert (named["name_en"].fillna("") != "").all()
    no_zh = named.index[named["name_zh"].fillna("") == ""]
    assert all(i.startswith("wb_") for i in no_zh)  # World Bank Pink Sheet items: English only
    # names generated from the tables, spot-checked
    assert cat.at["exports_usd_region_asean", "name_zh"] == "对东盟出口金额(美元计)"
    assert cat.at["imports_usd_region_us", "name_en"] == "Imports from US (USD)"
    assert cat.at["vn_exports_product_electronics_computers", "name_zh"] == "越南出口:电脑、电子产品及零件"
    assert cat.at["industry_profit_ytd_yoy_ferrous_smelting", "name_zh"] == "工业企业:黑色金属冶炼和压延加工业:利润总额:累计同比"
    assert cat.at["hh_consumption_pc_ytd_housing", "name_en"] == "Household consumption per head, housing, YTD"
