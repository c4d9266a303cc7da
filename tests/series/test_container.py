"""MacroSeries and SeriesMeta: the guarantees checked at construction, slicing, JSON."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import DataError, FrequencyError, UnitError
from macrodesk.series import MacroSeries, SeriesMeta, period_key

CPI = SeriesMeta(id="cpi_yoy", unit="pct_yoy", freq="M", name_zh="CPI:当月同比", name_en="CPI YoY")
# NBS CPI YoY, %, 2025-07 .. 2025-12
CPI_2025H2 = [0.0, -0.4, -0.3, 0.2, 0.7, 0.8]


def cpi() -> MacroSeries:
    dates = [f"2025-{m:02d}" for m in range(7, 13)]
    return MacroSeries.from_observations(CPI, dates, CPI_2025H2)


def test_meta_validation_and_names():
    assert CPI.name("zh") == "CPI:当月同比" and CPI.name("en") == "CPI YoY"
    assert SeriesMeta(id="x", unit="pct", freq="M").name("en") == "x"
    with pytest.raises(DataError, match="non-empty string"):
        SeriesMeta(id=" ", unit="pct", freq="M")
    with pytest.raises(FrequencyError, match="unknown frequency 'H'"):
        SeriesMeta(id="x", unit="pct", freq="H")  # type: ignore[arg-type]
    with pytest.raises(UnitError, match="unknown unit"):
        SeriesMeta(id="x", unit="percent", freq="M")


def test_from_observations_reads_months_dates_and_periods():
    s = cpi()
    assert s.data.index.equals(pd.period_range("2025-07", "2025-12", freq="M"))
    assert s.data.tolist() == CPI_2025H2 and len(s) == 6
    same = MacroSeries.from_observations(CPI, ["2025-07-31", "2025-12-31"], [0.0, 0.8])
    assert len(same.data) == 6 and len(same) == 2  # the months between are NaN
    empty = MacroSeries.from_observations(CPI, [], [])
    assert len(empty) == 0 and isinstance(empty.data.index, pd.PeriodIndex)
    with pytest.raises(DataError, match="date must be a period like '2025-01'.*'2025-13'"):
        MacroSeries.from_observations(CPI, ["2025-13"], [0.1])


def test_slice_by_month_and_by_year():
    s = cpi()
    assert s.slice("2025-10").data.tolist() == [0.2, 0.7, 0.8]
    assert s.slice("2025-08", "2025-09").data.tolist() == [-0.4, -0.3]
    assert s.slice(end="2025").data.tolist() == CPI_2025H2  # a year as the end means its December
    daily = MacroSeries(
        SeriesMeta(id="bdi", unit="index", freq="D"),
        # Baltic Dry Index, 2025-06-27 .. 2025-07-01
        pd.Series([1521.0, 1489.0, 1458.0], index=pd.to_datetime(["2025-06-27", "2025-06-30", "2025-07-01"])),
    )
    assert daily.slice(end="2025-06").data.tolist() == [1521.0, 1489.0]
    assert daily.slice("2025-06-30", "2025-06-30").data.tolist() == [1489.0]
    assert daily.slice(end=pd.Period("2025-07", freq="M")).data.tolist() == [1521.0, 1489.0, 1458.0]


def test_units_json_and_equality():
    idx = MacroSeries(
        SeriesMeta(id="ppi_index", unit="index_prev_year_100", freq="M"),
        pd.Series([97.9, 98.1], index=pd.period_range("2025-11", periods=2, freq="M")),
    )
    assert idx.convert("pct_yoy").data.round(10).tolist() == [-2.1, -1.9]
    assert idx.to_fraction().round(10).tolist() == [-0.021, -0.019]
    d = cpi().slice("2025-11").to_json_dict()
    assert d == {"series_id": "cpi_yoy", "unit": "pct_yoy", "freq": "M", "values": {"2025-11": 0.7, "2025-12": 0.8}}
    assert cpi().equals(cpi()) and not cpi().equals(cpi().slice("2025-08"))
    assert "n=6" in repr(cpi())


def test_period_key_formats():
    assert period_key(pd.period_range("2025-11", periods=2, freq="M")) == ["2025-11", "2025-12"]
    assert period_key(pd.period_range("2025Q4", periods=1, freq="Q")) == ["2025Q4"]
    assert period_key(pd.period_range("2025", periods=1, freq="Y")) == ["2025"]
    assert period_key(pd.DatetimeIndex(["2025-06-27"])) == ["2025-06-27"]


def test_construction_errors():
    with pytest.raises(DataError, match="series 'cpi_yoy': duplicate date"):
        MacroSeries(CPI, pd.Series([0.7, 0.8], index=pd.to_datetime(["2025-11-30", "2025-11-01"])))
    s = MacroSeries(CPI, pd.Series([np.nan, 0.8], index=pd.period_range("2025-11", periods=2, freq="M")))
    assert s.data.index[0] == pd.Period("2025-12", "M")  # a leading NaN is not an observation
