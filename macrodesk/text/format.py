"""Number and date formatting for narrative sentences ("12月CPI同比+0.8%…").

Rules shared by every helper here:

* Missing values (None, NaN, NaT, ±inf) print as an em dash ``"—"``.
* Rounding is "half away from zero" applied to the number as it prints
  (its shortest decimal form), the way Excel and Wind round: ``pct(0.25)`` is
  ``"+0.3%"`` and ``pct(2.675, 2)`` is ``"+2.68%"`` (Python's own formatting
  would give ``"+0.2%"`` and ``"+2.67%"``).
* Zero is never signed and never negative: anything that rounds to zero at
  the requested precision prints as ``"0.0%"`` (so ``pct(-0.04) == "0.0%"``,
  not ``"-0.0%"`` nor ``"+0.0%"``). Analysts read "-0.0%" as a typo and
  "+0.0%" as a claim of growth.
* ``signed=True`` puts ``"+"`` on positive numbers; negative numbers always
  carry an ASCII ``"-"``.
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from macrodesk.exceptions import ReportError
from macrodesk.text.labels import check_lang
from macrodesk.text.labels import MONTHS_EN as _MONTHS_EN

__all__ = ["MISSING", "PRECISION", "day_label", "digits", "month_label", "num", "ordinal", "pct", "pp", "qpct", "signed1",
           "signed2", "span_label"]

#: What a missing value prints as.
MISSING = "—"

#: Decimals each kind of quantity prints with, in every report (one place decides, so the
#: review and the outlook print the same carry-over the same way):
#:
#: * ``published`` — a published YoY/MoM rate (NBS prints one decimal);
#: * ``carryover`` — a carry-over (翘尾) or new-price effect computed from the MoMs: two
#:   decimals, since its monthly values are a few tenths and one decimal hides the shape;
#: * ``average`` — a mean of published rates (one decimal would repeat the inputs' rounding);
#: * ``scenario`` — a scenario centre or range end (two decimals: the centres of two methods
#:   differ by a few hundredths).
PRECISION: dict[str, int] = {"published": 1, "carryover": 2, "average": 2, "scenario": 2}


def digits(kind: str) -> int:
    """The decimals :data:`PRECISION` gives ``kind``; ReportError naming the known kinds otherwise."""
    try:
        return PRECISION[kind]
    except KeyError:
        raise ReportError(f"unknown quantity kind {kind!r}; known kinds: {', '.join(PRECISION)}") from None


def qpct(kind: str, x: Any, signed: bool = True) -> str:
    """``pct(x)`` with the decimals of quantity ``kind``: ``qpct("carryover", 0.345) == "+0.35%"``."""
    return pct(x, digits(kind), signed)



def _is_missing(x: Any) -> bool:
    if x is None:
        return True
    try:
        import pandas as pd

        if x is pd.NA or x is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    try:
        f = float(x)
    except (TypeError, ValueError):
        raise ReportError(f"cannot format {x!r} as a number") from None
    return not math.isfinite(f)


def _round(x: Any, digits: int) -> Decimal:
    """Round half away from zero on the shortest decimal representation of ``x``."""
    if digits < 0:
        raise ReportError(f"digits must be >= 0, got {digits}")
    try:
        d = Decimal(repr(float(x)))
    except (InvalidOperation, ValueError, TypeError):  # pragma: no cover - guarded by _is_missing
        raise ReportError(f"cannot format {x!r} as a number") from None
    q = d.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)  # Decimal keeps the sign of -0.0
    return q


def _fmt(x: Any, digits: int, signed: bool, thousands: bool = False) -> str:
    q = _round(x, digits)
    body = f"{abs(q):,.{digits}f}" if thousands else f"{abs(q):.{digits}f}"
    if q < 0:
        return "-" + body
    if q > 0 and signed:
        return "+" + body
    return body


def pct(x: Any, digits: int = 1, signed: bool = True) -> str:
    """A percentage; ``x`` is already in percent units.

    >>> pct(6.6), pct(-0.4), pct(0), pct(-0.04), pct(5.25, signed=False)
    ('+6.6%', '-0.4%', '0.0%', '0.0%', '5.3%')
    """
    if _is_missing(x):
        return MISSING
    return _fmt(x, digits, signed) + "%"


def pp(x: Any, digits: int = 2, signed: bool = True, lang: str = "zh") -> str:
    """A change in percentage points: ``"+0.06个百分点"`` (zh) or ``"+0.06 pp"`` (en).

    >>> pp(0.06), pp(-0.3, 1, lang="en")
    ('+0.06个百分点', '-0.3 pp')
    """
    check_lang(lang)
    if _is_missing(x):
        return MISSING
    unit = "个百分点" if lang == "zh" else " pp"
    return _fmt(x, digits, signed) + unit


def num(x: Any, digits: int = 1, signed: bool = False, thousands: bool = False) -> str:
    """A plain number: ``num(10643.2) == "10643.2"``; ``thousands=True`` adds commas.

    >>> num(3.14159, 2), num(-0.04), num(1234.5, 0, thousands=True)
    ('3.14', '0.0', '1,235')
    """
    if _is_missing(x):
        return MISSING
    return _fmt(x, digits, signed, thousands)


def ordinal(x: Any) -> str:
    """An English ordinal of ``x`` rounded to a whole number: "1st", "2nd", "3rd", "11th", "89th", "100th".

    >>> ordinal(1), ordinal(22), ordinal(13), ordinal(88.6)
    ('1st', '22nd', '13th', '89th')
    """
    if _is_missing(x):
        return MISSING
    n = int(_round(x, 0))
    suffix = "th" if 10 <= abs(n) % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(abs(n) % 10, "th")
    return f"{n}{suffix}"


def signed1(x: Any) -> str:
    """``num(x, 1, signed=True)`` as a one-argument formatter for table columns: "+0.9", "-0.1", "0.0"."""
    return num(x, 1, signed=True)


def signed2(x: Any) -> str:
    """``num(x, 2, signed=True)`` as a one-argument formatter for table columns: "+0.61", "-0.05"."""
    return num(x, 2, signed=True)


def _year_month(period: Any) -> tuple[int, int]:
    """(year, month) of a pandas Period/Timestamp, datetime/date, or 'YYYY-MM[...]' string."""
    import pandas as pd

    if isinstance(period, (pd.Period, pd.Timestamp, _dt.date, _dt.datetime)):
        return int(period.year), int(period.month)
    if isinstance(period, str):
        try:
            p = pd.Period(period, freq="M")
        except (ValueError, TypeError):
            raise ReportError(f"cannot read {period!r} as a month; use e.g. '2025-12'") from None
        return int(p.year), int(p.month)
    raise ReportError(
        f"cannot read {period!r} as a month; pass a pandas Period/Timestamp, a date, or a 'YYYY-MM' string"
    )


def _month_only(m: Any) -> tuple[int | None, int]:
    """(year or None, month) from an int 1..12 or anything :func:`_year_month` reads."""
    if isinstance(m, numbers.Integral) and not isinstance(m, bool):
        i = int(m)
        if not 1 <= i <= 12:
            raise ReportError(f"month number must be in 1..12, got {i}")
        return None, i
    return _year_month(m)


def month_label(period: Any, lang: str = "zh") -> str:
    """``"2025年12月"`` (zh) or ``"Dec 2025"`` (en) for a monthly period.

    Missing values (None, NaT) give ``"—"``.
    """
    check_lang(lang)
    if period is None or (not isinstance(period, str) and _is_missing_date(period)):
        return MISSING
    y, m = _year_month(period)
    return f"{y}年{m}月" if lang == "zh" else f"{_MONTHS_EN[m - 1]} {y}"


def day_label(day: Any, lang: str = "zh") -> str:
    """``"2026年1月9日"`` (zh) or ``"9 Jan 2026"`` (en) for a date (a date, Timestamp or 'YYYY-MM-DD' string).

    Missing values (None, NaT) give ``"—"``.
    """
    import pandas as pd

    check_lang(lang)
    if day is None or _is_missing_date(day):
        return MISSING
    try:
        t = pd.Timestamp(day)
    except (ValueError, TypeError):
        raise ReportError(f"cannot read {day!r} as a date; use e.g. '2026-01-09'") from None
    return f"{t.year}年{t.month}月{t.day}日" if lang == "zh" else f"{t.day} {_MONTHS_EN[t.month - 1]} {t.year}"


def _is_missing_date(x: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def span_label(start_month: Any, end_month: Any, lang: str = "zh") -> str:
    """A span of months within a year: ``"1-11月"`` (zh) or ``"Jan–Nov"`` (en).

    Arguments are month numbers (1..12) or periods/dates/'YYYY-MM' strings.
    A one-month span prints as that month (``"11月"``/``"Nov"``). When both ends
    carry different years, the years are shown:
    ``"2024年12月-2025年2月"`` / ``"Dec 2024–Feb 2025"``.
    """
    check_lang(lang)
    if _is_missing_date(start_month) or _is_missing_date(end_month):
        return MISSING
    y0, m0 = _month_only(start_month)
    y1, m1 = _month_only(end_month)
    if y0 is not None and y1 is not None and y0 != y1:
        if (y0, m0) > (y1, m1):
            raise ReportError(f"span starts after it ends: {start_month!r} > {end_month!r}")
        if lang == "zh":
            return f"{y0}年{m0}月-{y1}年{m1}月"
        return f"{_MONTHS_EN[m0 - 1]} {y0}–{_MONTHS_EN[m1 - 1]} {y1}"
    if m0 > m1:
        raise ReportError(f"span starts after it ends: month {m0} > month {m1}")
    if m0 == m1:
        return f"{m0}月" if lang == "zh" else _MONTHS_EN[m0 - 1]
    return f"{m0}-{m1}月" if lang == "zh" else f"{_MONTHS_EN[m0 - 1]}–{_MONTHS_EN[m1 - 1]}"
