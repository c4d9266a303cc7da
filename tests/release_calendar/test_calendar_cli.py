"""``macrodesk calendar`` on the bundled sample store."""

from __future__ import annotations

import json


def test_calendar_json_lists_next_releases_per_report_and_series(cli, sample_store_path):
    code, out, _ = cli("calendar", "--store", sample_store_path, "--month", "2026-01", "--json")
    assert code == 0
    data = json.loads(out)
    reports = {r["report"]: r for r in data["reports"]}
    # the December 2025 CPI/PPI release: 9 January 2026, read off a release page (known, not estimated)
    assert reports["inflation-review"]["date"] == "2026-01-09"
    assert reports["inflation-review"]["estimated"] is False
    # the January 2026 one is the rule's: about the 9th of February (Spring Festival 2026 is 17 Feb)
    code, out, _ = cli("calendar", "--store", sample_store_path, "--month", "2026-02", "--json")
    feb = {r["report"]: r for r in json.loads(out)["reports"]}["inflation-review"]
    assert (feb["date"], feb["estimated"]) == ("2026-02-09", True)
    rows = {r["id"]: r for r in data["series"]}
    import pandas as pd

    for r in rows.values():  # the next expected release is of the month after the last stored one
        assert r["next_period"] == str(pd.Period(r["last_period"], "M") + 1)
    assert "kr_exports_world" not in rows and "cpi_yoy" in rows
    # release days read from the release pages (2025-03-09, 2025-10-15) where the store has none
    known = {"2025-02": "2025-03-09", "2025-09": "2025-10-15"}
    hits = [r for r in data["series"] if r["body"] == "nbs_prices" and r["last_period"] in known]
    assert hits
    for r in hits:
        assert (r["last_release"], r["last_estimated"]) == (known[r["last_period"]], False)


def test_calendar_bad_month_is_one_line_exit_2(cli, sample_store_path):
    code, _, err = cli("calendar", "--store", sample_store_path, "--month", "2026-13")
    assert code == 2 and "--month" in err
