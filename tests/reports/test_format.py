"""Number/date formatting for narrative sentences: exact strings."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from macrodesk.exceptions import ReportError
from macrodesk.text.format import MISSING, month_label, num, pct, pp, span_label


@pytest.mark.parametrize(
    ("x", "kwargs", "expected"),
    [
        (6.6, {}, "+6.6%"),
        (5.9, {}, "+5.9%"),
        (-0.4, {}, "-0.4%"),
        (0, {}, "0.0%"),
        (0.0, {}, "0.0%"),
        (-0.0, {}, "0.0%"),
        # tiny values that round to zero print as an unsigned zero, never "-0.0%" / "+0.0%"
        (-0.04, {}, "0.0%"),
        (0.04, {}, "0.0%"),
        (-0.004, {"digits": 2}, "0.00%"),
        (-0.05, {}, "-0.1%"),  # half away from zero
        (0.25, {}, "+0.3%"),  # Excel/Wind rounding, not banker's rounding
        (2.675, {"digits": 2}, "+2.68%"),  # on the printed decimal, not the binary float
        (6.6, {"signed": False}, "6.6%"),
        (-6.6, {"signed": False}, "-6.6%"),
        (12.345, {"digits": 0}, "+12%"),
        (np.float64(1.15), {}, "+1.2%"),
        (np.int64(3), {}, "+3.0%"),
    ],
)
def test_pct(x, kwargs, expected):
    assert pct(x, **kwargs) == expected


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, math.inf, -math.inf])
def test_missing_values_print_as_dash(missing):
    assert MISSING == "—"
    assert pct(missing) == "—"
    assert pp(missing) == "—"
    assert num(missing) == "—"


def test_pp_zh_and_en():
    assert pp(0.06) == "+0.06个百分点"
    assert pp(-0.27) == "-0.27个百分点"
    assert pp(0.36, signed=False) == "0.36个百分点"
    assert pp(-0.001) == "0.00个百分点"
    assert pp(0.06, lang="en") == "+0.06 pp"
    assert pp(-1.2, 1, lang="en") == "-1.2 pp"


def test_num():
    assert num(10643.2) == "10643.2"
    assert num(3.14159, 2) == "3.14"
    assert num(-0.04) == "0.0"
    assert num(0.5, signed=True) == "+0.5"
    assert num(1234.5, 0, thousands=True) == "1,235"
    assert num(-1234567.891, 2, thousands=True) == "-1,234,567.89"


def test_format_rejects_non_numbers():
    with pytest.raises(ReportError, match="cannot format 'abc' as a number"):
        pct("abc")
    with pytest.raises(ReportError, match="digits must be >= 0"):
        num(1.0, -1)


def test_month_label():
    assert month_label(pd.Period("2025-12", "M")) == "2025年12月"
    assert month_label(pd.Period("2025-12", "M"), "en") == "Dec 2025"
    assert month_label(pd.Timestamp("2025-01-31")) == "2025年1月"
    assert month_label(dt.date(2024, 3, 1), lang="en") == "Mar 2024"
    assert month_label("2025-07") == "2025年7月"
    assert month_label(None) == "—"
    assert month_label(pd.NaT) == "—"
    with pytest.raises(ReportError, match="cannot read 'soon' as a month"):
        month_label("soon")


def test_span_label():
    assert span_label(1, 11) == "1-11月"
    assert span_label(1, 11, "en") == "Jan–Nov"
    assert span_label(np.int64(3), 3) == "3月"
    assert span_label(3, 3, "en") == "Mar"
    assert span_label(pd.Period("2025-01", "M"), pd.Period("2025-11", "M")) == "1-11月"
    assert span_label("2024-12", "2025-02") == "2024年12月-2025年2月"
    assert span_label("2024-12", "2025-02", "en") == "Dec 2024–Feb 2025"
    with pytest.raises(ReportError, match="month number must be in 1..12"):
        span_label(0, 5)
    with pytest.raises(ReportError, match="starts after it ends"):
        span_label(11, 1)


def test_unknown_lang_lists_supported():
    with pytest.raises(ReportError, match=r"unsupported report language 'fr'; supported languages: zh, en"):
        pp(0.1, lang="fr")
    with pytest.raises(ReportError, match="supported languages: zh, en"):
        month_label("2025-01", "de")


def test_day_label():
    from macrodesk.text.format import day_label

    assert day_label(dt.date(2026, 1, 9)) == "2026年1月9日"
    assert day_label(dt.date(2026, 1, 9), "en") == "9 Jan 2026"  # no leading zero
    assert day_label(pd.Timestamp("2025-12-31"), "en") == "31 Dec 2025"
    assert day_label("2026-01-14", "en") == "14 Jan 2026"
    assert day_label(None, "en") == "—" and day_label(pd.NaT) == "—"
    with pytest.raises(ReportError, match="cannot read 'soon' as a date"):
        day_label("soon", "en")


def test_ordinal():
    from macrodesk.text.format import ordinal

    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 89, 100, 101, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "89th", "100th", "101st",
        "111th", "112th"]
    assert ordinal(88.5) == "89th" and ordinal(None) == "—"  # rounded half away from zero first
