"""Units and their explicit conversions, checked on published figures."""

from __future__ import annotations

import pandas as pd
import pytest

from macrodesk.exceptions import UnitError
from macrodesk.series.units import UNITS, convert, get_unit, is_rate, rate_unit_of, to_fraction


def test_index_to_rate_conversion():
    # NBS PPI 2025-12: 98.1 (same month last year = 100), i.e. -1.9% YoY; CPI 100.8 -> +0.8%.
    s = pd.Series([98.1, 100.8])
    assert convert(s, "index_prev_year_100", "pct_yoy").round(10).tolist() == [-1.9, 0.8]
    assert convert(-1.9, "pct_yoy", "index_prev_year_100") == pytest.approx(98.1)
    assert to_fraction(s, "index_prev_year_100").round(10).tolist() == [-0.019, 0.008]


def test_money_levels_scale_both_ways():
    # 1 亿元 = 10,000 万元; 1 十亿美元 = 10 亿美元
    assert convert(25000.0, "cny_10k", "cny_100m") == pytest.approx(2.5)
    assert convert(2.5, "cny_100m", "cny_10k") == pytest.approx(25000.0)
    assert convert(3357.7, "usd_100m", "usd_bn") == pytest.approx(335.77)
    assert convert(1.0, "usd_bn", "usd_mn") == pytest.approx(1000.0)


def test_rates_as_fractions_and_kinds():
    assert to_fraction(0.8, "pct_yoy") == pytest.approx(0.008)
    assert is_rate("pct_mom") and not is_rate("usd_bn")
    assert rate_unit_of("index_prev_month_100") == "pct_mom" and rate_unit_of("usd_bn") is None
    assert get_unit("cny_100m").zh == "亿元" and UNITS["index_50"].kind == "index"


def test_unit_errors():
    with pytest.raises(UnitError, match="unknown unit 'percent'"):
        get_unit("percent")
    with pytest.raises(UnitError, match="no conversion from unit 'pct_yoy' to 'usd_bn'"):
        convert(1.0, "pct_yoy", "usd_bn")
    with pytest.raises(UnitError, match="unit 'usd_bn' is not a rate"):
        to_fraction(1.0, "usd_bn")
    assert convert(1.5, "pct", "pct") == 1.5


def test_survey_units_of_the_shared_data_are_known() -> None:
    # shared/data/surveys.csv (NBS household survey per head, MOA hog profit per head, hog-grain ratio)
    # uses two codes: cny_per_head (元/人 or 元/头) and ratio (a plain ratio).
    assert get_unit("cny_per_head").kind == "level" and get_unit("cny_per_head").en == "CNY per head"
    assert get_unit("ratio").kind == "ratio" and not is_rate("ratio")


def test_the_survey_file_imports(tmp_path) -> None:
    # Two rows copied from shared/data/surveys.csv: NBS per-head clothing spending, 2013Q1 and Q2 (YTD),
    # and the hog-grain price ratio — previously the importer stopped on these unit codes.
    from macrodesk.importers import read_csv

    f = tmp_path / "surveys.csv"
    f.write_text(
        "series_id,date,value,unit,source,origin\n"
        "hh_consumption_pc_ytd_clothing,2013-03-31,349.9,cny_per_head,NBS (household survey),test\n"
        "hh_consumption_pc_ytd_clothing,2013-06-30,559.6,cny_per_head,NBS (household survey),test\n"
        "hog_grain_price_ratio,2023-08-31,5.87,ratio,MOA,test\n",
        encoding="utf-8",
    )
    got = {s.id: s for s in read_csv(f)}
    clothing = got["hh_consumption_pc_ytd_clothing"]
    assert clothing.unit == "cny_per_head" and clothing.freq == "Q"
    assert clothing.data.loc["2013Q2"] == 559.6
    ratio = got["hog_grain_price_ratio"]
    assert ratio.unit == "ratio" and ratio.data.loc["2023-08"] == 5.87
