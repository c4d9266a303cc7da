"""The release calendar: past NBS CPI/PPI days as read from the release texts' pages, and the rules."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from macrodesk.exceptions import DataError
from macrodesk.series.calendar import backfill_released, next_release, release_body, release_date

D = dt.date


# Dates read by hand from the page addresses of the CPI release texts (origin column of the
# CPI/PPI release transcriptions), e.g. ecns.cn/news/2022-11-09/..., en.people.cn/n3/2023/0710/...
@pytest.mark.parametrize(
    "period, day",
    [("2022-10", D(2022, 11, 9)), ("2023-02", D(2023, 3, 9)), ("2023-06", D(2023, 7, 10)),
     ("2023-07", D(2023, 8, 9)), ("2024-12", D(2025, 1, 9)),
     # dates written without separators: etnet.com.hk/…/news-article/20250910850, chinatimes.com/…/20251109001092
     ("2025-08", D(2025, 9, 10)), ("2025-10", D(2025, 11, 9)), ("2025-12", D(2026, 1, 9))],
)
def test_past_cpi_release_days_match_the_release_pages(period, day):
    r = release_date("nbs_prices", period)
    assert (r.date, r.estimated) == (day, False)


def test_jan_and_feb_trade_are_released_together_in_early_march():
    jan, feb = release_date("gacc_trade", "2025-01"), release_date("gacc_trade", "2025-02")
    assert jan.date == feb.date == D(2025, 3, 7)  # GACC published Jan-Feb 2025 on 7 March 2025
    assert jan.estimated and feb.estimated
    assert release_date("gacc_trade", "2025-03").date == D(2025, 4, 9)


def test_rules_for_activity_pmi_credit_and_october():
    assert release_date("nbs_activity", "2027-01").date == D(2027, 3, 15)  # with February
    assert release_date("nbs_pmi", "2025-06").date == D(2025, 6, 30)  # last day of the month
    assert release_date("nbs_pmi", "2028-02").date == D(2028, 2, 29)
    assert release_date("pboc_credit", "2026-03").date == D(2026, 4, 12)
    assert release_date("nbs_prices", "2026-09").date == D(2026, 10, 13)  # after National Day


def test_cpi_estimate_moves_after_the_spring_festival_holiday():
    # Spring Festival 2027 is 6 February: the holiday covers the 9th, so the estimate is the 14th.
    r = release_date("nbs_prices", "2027-01")
    assert (r.date, r.estimated) == (D(2027, 2, 14), True)
    assert release_date("nbs_prices", "2026-01").date == D(2026, 2, 9)  # festival on 17 Feb: no move


def test_next_release_is_strictly_after_the_day():
    assert next_release("nbs_prices", "2026-12-08").date == D(2026, 12, 9)
    r = next_release("nbs_prices", "2026-12-09")
    assert (r.period, r.date) == ("2026-12", D(2027, 1, 9))


def test_release_body_from_the_id():
    assert release_body("cpi_yoy") == "nbs_prices"
    assert release_body("ppi_mom") == "nbs_prices"
    assert release_body("cpi_yoy_consensus") is None
    assert release_body("exports_usd_yoy") == "gacc_trade"
    assert release_body("industrial_va_yoy") == "nbs_activity"
    assert release_body("pmi_mfg") == "nbs_pmi"
    assert release_body("pmi_mfg_caixin") is None
    assert release_body("m2_yoy") == "pboc_credit"
    assert release_body("kr_exports_world") is None


def test_backfill_gives_known_then_estimated_dates():
    periods = pd.period_range("2023-02", periods=2, freq="M")
    out = backfill_released("cpi_yoy", [*periods, pd.Period("2030-05", "M")])
    assert list(out) == [pd.Timestamp("2023-03-09"), pd.Timestamp("2023-04-11"), pd.Timestamp("2030-06-09")]
    assert backfill_released("kr_exports_world", periods).isna().all()
    # known days only: the rule's estimate for May 2030 is left out
    out = backfill_released("cpi_yoy", [*periods, pd.Period("2030-05", "M")], known_only=True)
    assert out.iloc[:2].tolist() == [pd.Timestamp("2023-03-09"), pd.Timestamp("2023-04-11")] and pd.isna(out.iloc[2])


def test_unknown_body_and_bad_period_are_clear_errors():
    with pytest.raises(DataError, match="unknown release body 'nbs'"):
        release_date("nbs", "2025-01")
    with pytest.raises(DataError, match="period"):
        release_date("nbs_prices", "2025-13")
