"""The one validator: numeric, on the grid, unique, sorted, no skipped period."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import DataError, FrequencyError
from macrodesk.series.checks import check_series, find_duplicate, find_gap, implausible, on_grid, to_numbers

# NBS CPI YoY, %: 2025-10 0.2, 2025-11 0.7, 2025-12 0.8
CPI = {"2025-10": 0.2, "2025-11": 0.7, "2025-12": 0.8}


def test_on_grid_marks_period_ends():
    d = pd.DatetimeIndex(["2025-03-31", "2025-04-30", "2025-05-15", "2025-12-31"])
    assert on_grid(d, "M").tolist() == [True, True, False, True]
    assert on_grid(d, "Q").tolist() == [True, False, False, True]
    assert on_grid(d, "A").tolist() == [False, False, False, True]
    with pytest.raises(FrequencyError, match="frequency 'W' has no grid"):
        on_grid(d, "W")


def test_find_duplicate_gives_the_first_key_met_twice_and_all_its_positions():
    assert find_duplicate(["2025-10", "2025-11", "2025-12"]) is None
    dup = find_duplicate(["a", "b", "b", "a", "b"])
    assert dup is not None and dup.key == "b" and dup.positions == (1, 2, 4)


def test_find_gap_counts_the_missing_periods():
    # NBS publishes industrial value added for Jan-Feb together: monthly data skip January.
    per = pd.PeriodIndex(["2024-11", "2024-12", "2025-02", "2025-03", "2025-07"], freq="M")
    gap = find_gap(per)
    assert gap is not None and gap.position == 1
    assert (gap.before, gap.after) == (pd.Period("2024-12", "M"), pd.Period("2025-02", "M"))
    assert gap.first_missing == gap.last_missing == pd.Period("2025-01", "M") and gap.n_missing == 1
    later = find_gap(per[2:])
    assert later is not None and later.n_missing == 3 and str(later.first_missing) == "2025-04"
    assert find_gap(pd.period_range("2025-01", periods=12, freq="M")) is None


def test_to_numbers_separates_blanks_from_text():
    cells = np.array(["0.8", "", "  ", None, np.nan, "-1.9", "n/a", "inf", 2, 0.0], dtype=object)
    vals, nonblank, bad = to_numbers(cells)
    assert nonblank.tolist() == [True, False, False, False, False, True, False, False, True, True]
    assert bad.tolist() == [False] * 6 + [True, True, False, False]
    assert vals[0] == 0.8 and vals[5] == -1.9 and vals[8] == 2.0 and vals[9] == 0.0
    assert np.isnan(vals[[1, 2, 3, 4, 6, 7]]).all()
    two_d, nb2, _ = to_numbers(cells.reshape(2, 5))
    assert two_d.shape == (2, 5) and nb2.sum() == 4


def test_check_series_sorts_completes_and_converts():
    raw = pd.Series(["0.8", "0.2"], index=pd.DatetimeIndex(["2025-12-31", "2025-10-31"]))
    s = check_series(raw, "M", name="cpi_yoy")
    assert s.index.equals(pd.period_range("2025-10", "2025-12", freq="M")) and s.index.name == "date"
    assert s.dtype == np.float64 and s.iloc[0] == 0.2 and np.isnan(s.iloc[1]) and s.iloc[2] == 0.8
    assert s.name == "cpi_yoy"


def test_check_series_drops_missing_ends_and_keeps_dated_series_as_dates():
    s = check_series(pd.Series([np.nan, 0.7, 0.8, np.nan], index=pd.period_range("2025-09", periods=4, freq="M")), "M", name="x")
    assert s.index[0] == pd.Period("2025-10", "M") and s.index[-1] == pd.Period("2025-11", "M") and len(s) == 2
    d = check_series(pd.Series([1.0, 2.0], index=pd.to_datetime(["2025-06-27 15:00", "2025-06-20 00:00"])), "W", name="scfi")
    assert isinstance(d.index, pd.DatetimeIndex) and list(d.index) == [pd.Timestamp("2025-06-20"), pd.Timestamp("2025-06-27")]


def test_check_series_errors_name_the_series():
    idx = pd.PeriodIndex(["2025-11", "2025-12", "2025-11"], freq="M")
    with pytest.raises(DataError, match=r"series 'cpi_yoy': duplicate date 2025-11 \(2 rows share a date\)"):
        check_series(pd.Series([0.7, 0.8, 0.7], index=idx), "M", name="cpi_yoy")
    with pytest.raises(FrequencyError, match="series 'x' is M but its index has frequency Q-DEC"):
        check_series(pd.Series([1.0], index=pd.period_range("2025Q1", periods=1, freq="Q")), "M", name="x")
    with pytest.raises(FrequencyError, match=r"series 'x' is D \(dated\) but has a PeriodIndex"):
        check_series(pd.Series(list(CPI.values()), index=pd.PeriodIndex(list(CPI), freq="M")), "D", name="x")
    with pytest.raises(DataError, match=r"series 'x': value 'n/a' at 2025-11 is not a number"):
        check_series(pd.Series(["0.2", "n/a"], index=pd.PeriodIndex(["2025-10", "2025-11"], freq="M")), "M", name="x")
    with pytest.raises(DataError, match="data must be a pandas Series"):
        check_series([0.2, 0.7], "M", name="x")


# ---------------------------------------------------------------- check_periodic: the one input check of transforms and models
def test_check_periodic_completes_sorts_and_converts() -> None:
    import numpy as np
    import pandas as pd

    from macrodesk.series.checks import check_periodic

    idx = pd.PeriodIndex(["2025-03", "2025-01"], freq="M")
    out = check_periodic(pd.Series([3, 1], index=idx), "x")
    assert list(out.index.astype(str)) == ["2025-01", "2025-02", "2025-03"]
    assert out.dtype == np.float64
    assert out.iloc[0] == 1.0 and np.isnan(out.iloc[1]) and out.iloc[2] == 3.0


def test_check_periodic_raises_the_callers_error_naming_the_argument() -> None:
    import pandas as pd
    import pytest

    from macrodesk.exceptions import ModelError, TransformError
    from macrodesk.series.checks import check_periodic

    daily = pd.Series([1.0], index=pd.period_range("2025-01-01", periods=1, freq="D"))
    with pytest.raises(ModelError, match="y has unsupported frequency 'D'"):
        check_periodic(daily, "y", error=ModelError)
    dup = pd.Series([1.0, 2.0], index=pd.PeriodIndex(["2025-01", "2025-01"], freq="M"))
    with pytest.raises(TransformError, match="level has duplicated period 2025-01"):
        check_periodic(dup, "level", error=TransformError)
    with pytest.raises(ModelError, match="x must be a pandas Series indexed by a monthly PeriodIndex; got DataFrame"):
        check_periodic(pd.DataFrame({"a": [1.0]}, index=pd.period_range("2025-01", periods=1, freq="M")),
                       "x", kinds=(pd.Series,), error=ModelError)
    text = pd.Series(["a"], index=pd.period_range("2025-01", periods=1, freq="M"))
    with pytest.raises(TransformError, match="x must hold numbers"):
        check_periodic(text, "x", error=TransformError)


def test_to_numbers_reads_thousands_separators_only_where_asked_and_only_when_grouped():
    # China's exports to the US, Dec 2019: USD 34,573,938 thousand (GACC), as the customs site prints it
    cells = np.array(["34,573,938", "34,573,938.5", "-1,234", "1,5", "12,34,5", "34,573,93", "1,234,5678"],
                     dtype=object)
    num, present, bad = to_numbers(cells, thousands=True)
    assert num[:3].tolist() == [34573938.0, 34573938.5, -1234.0]
    assert bad.tolist() == [False] * 3 + [True] * 4  # a decimal comma is never read as a thousands separator
    _, _, plain_bad = to_numbers(cells)
    assert plain_bad.all()


def test_implausible_bounds_each_kind_of_unit():
    # the largest real values of the shared data pass: coal-mining profits +8,773.4% YTD (2017-05), WSTS world
    # semiconductor billings USD 61,796,709 thousand (2025-03), the Nanhua industrial index at 4,323.97
    assert not implausible([8773.4, -99.9], "pct_yoy_ytd").any()
    assert not implausible([61796709.0], "usd_thousand").any()
    assert not implausible([4323.97, np.nan], "index").any()
    assert implausible([1e300, 1e8, 0.8], "pct_yoy").tolist() == [True, True, False]
    assert implausible([1e16], "cny_100m").tolist() == [True]
