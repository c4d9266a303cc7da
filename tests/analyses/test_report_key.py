"""The key a report fixed at a month is checked against (``update``, the results cache, the web desk's rebuild):
the values it reads up to its month, their release days and what it prints of each series' metadata.

The March 2025 trade flash reads GACC's exports: +12.2% YoY in USD in March 2025, −3.1% in February (the
monthly figures of the shared data's trade.csv, from EastMoney).
"""

from __future__ import annotations

import pandas as pd
import pytest

from macrodesk.analyses import _MappingSource
from macrodesk.analyses.files import report_key
from macrodesk.text.sources import publisher


def _key(series, month="2025-03"):
    return report_key("trade-flash", _MappingSource({s.id: s for s in series}), month, ("md",), "zh")[0]


def _with(series, sid, change):
    return [change(s) if s.id == sid else s for s in series]


def _value(s, period, new):
    data = s.data.copy()
    data[pd.Period(period, "M")] = new
    return s.with_data(data)


@pytest.fixture(scope="module")
def base(sample_series):
    yoy = next(s for s in sample_series if s.id == "exports_usd_yoy").observations()
    assert (yoy["2025-02"], yoy["2025-03"]) == (-3.1, 12.2)
    return _key(sample_series)


def test_a_relabelled_file_leaves_a_fixed_month_report_up_to_date(sample_series, base):
    # every series read again from another file: only `origin` differs
    assert _key([s.with_data(s.data, origin="exports_2025.xlsx") for s in sample_series]) == base
    # a source text naming the same publisher: GACC prints 海关总署 / GACC either way
    assert [publisher("GACC (customs online query)", lg) for lg in ("zh", "en")] == ["海关总署", "GACC"]
    assert _key(_with(sample_series, "exports_usd_level",
                      lambda s: s.with_data(s.data, source="GACC (customs online query)", key="M0000000"))) == base
    # a revision after the report's month is not read by it
    assert _key(_with(sample_series, "exports_usd_yoy", lambda s: _value(s, "2025-06", 7.3))) == base


def test_what_the_report_prints_changes_the_key(sample_series, base):
    changed = {
        "a value to its month": _with(sample_series, "exports_usd_yoy", lambda s: _value(s, "2025-02", -3.0)),
        "a printed name": _with(sample_series, "exports_usd_yoy", lambda s: s.with_data(s.data, name_zh="出口同比")),
        "another publisher": _with(sample_series, "exports_usd_level", lambda s: s.with_data(s.data, source="Wind")),
        # GACC published March 2025 on 14 April 2025
        "a release day": _with(sample_series, "exports_usd_yoy", lambda s: s.with_data(s.data, released=pd.Series(
            pd.Timestamp("2025-04-14"), index=[pd.Period("2025-03", "M")]).reindex(s.data.index))),
    }
    keys = {what: _key(series) for what, series in changed.items()}
    assert all(k != base for k in keys.values()), keys
    assert len(set(keys.values())) == len(keys)
