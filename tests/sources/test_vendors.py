"""WindPy and iFinD adapters against fakes of exactly their documented result shapes."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from macrodesk.importers.mapping import parse_mapping
from macrodesk.sources import SourceError, get

from .conftest import MONTHS, real

TIMES = [p.to_timestamp(how="end").date() for p in MONTHS]


class FakeWind:
    """``w.edb``: a WindData with ErrorCode, Codes, Times (dates), Data (one list per code), Fields."""

    def __init__(self, series: dict[str, list[float]], error: int = 0):
        self.series, self.error, self.calls = series, error, []

    def edb(self, codes, start, end, options):
        self.calls.append((codes, start, end, options))
        if self.error:
            return SimpleNamespace(ErrorCode=self.error, Codes=[codes], Times=[], Fields=["CLOSE"],
                                   Data=[["Invalid indicators."]])
        return SimpleNamespace(ErrorCode=0, Codes=[codes], Times=TIMES, Fields=["CLOSE"], Data=[self.series[codes]])


def test_wind_edb_through_the_shipped_table():
    cpi = real("cpi.csv", "cpi_yoy").tolist()
    w = FakeWind({"M0000612": cpi})
    src = get("wind", edb=w.edb)
    out = src.fetch(["cpi_yoy"], start="2022-07", end="2022-12")
    assert w.calls == [("M0000612", "2022-07-01", "2022-12-31", "Fill=Previous")]
    assert out["series_id"].unique().tolist() == ["cpi_yoy"]
    assert out["value"].tolist() == [2.7, 2.5, 2.8, 2.1, 1.6, 1.8]
    assert out["unit"].unique().tolist() == ["pct_yoy"] and out["released"].isna().all()
    assert out["date"].iloc[-1] == pd.Timestamp("2022-12-31")
    # a Wind code works too, stored under its mapped id
    assert get("wind", edb=w.edb).fetch(["M0000612"])["series_id"].unique().tolist() == ["cpi_yoy"]


def test_wind_error_code_and_missing_unit():
    w = FakeWind({}, error=-40522017)
    with pytest.raises(SourceError, match=r"w.edb\('M0001227'\) failed with ErrorCode -40522017: Invalid indicators"):
        get("wind", edb=w.edb).fetch(["ppi_yoy"])
    with pytest.raises(SourceError, match=r"no unit for 'S0031505'.*add \[series.S0031505\] with id and unit"):
        get("wind", edb=FakeWind({}).edb).fetch(["S0031505"])


def test_wind_missing_plugin_is_a_hint(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "WindPy", None)
    with pytest.raises(SourceError, match="WindPy is not installed: it ships with the Wind terminal"):
        get("wind").fetch(["cpi_yoy"])


def _ifind_mapping():
    text = '[series.CPI_CODE]\nid = "cpi_yoy"\n\n[series.PPI_CODE]\nid = "ppi_yoy"\nunit = "pct_yoy"\n'
    return parse_mapping(text.encode(), "my_ifind.toml")


def test_ifind_edb_frame():
    cpi, ppi = real("cpi.csv", "cpi_yoy"), real("ppi.csv", "ppi_yoy")
    data = pd.DataFrame({
        "time": [d.isoformat() for d in TIMES] * 2,
        "id": ["CPI_CODE"] * 6 + ["PPI_CODE"] * 6,
        "value": cpi.tolist() + ppi.tolist(),
    })
    calls = []

    def ths_edb(indicators, params, start, end):
        calls.append((indicators, params, start, end))
        return SimpleNamespace(errorcode=0, errmsg="", data=data)

    out = get("ifind", ths_edb=ths_edb, mapping=_ifind_mapping()).fetch(["cpi_yoy", "ppi_yoy"], start="2022-07")
    assert calls[0][0] == "CPI_CODE;PPI_CODE" and calls[0][1] == "" and calls[0][2] == "2022-07-01"
    by = {sid: g["value"].tolist() for sid, g in out.groupby("series_id")}
    assert by["ppi_yoy"] == [4.2, 2.3, 0.9, -1.3, -1.3, -0.7]
    assert by["cpi_yoy"][-1] == 1.8


def test_ifind_errors():
    def failing(*a):
        return SimpleNamespace(errorcode=-4001, errmsg="no data", data=None)

    with pytest.raises(SourceError, match="errorcode -4001: no data"):
        get("ifind", ths_edb=failing, mapping=_ifind_mapping()).fetch(["cpi_yoy"])

    def drifted(*a):
        return SimpleNamespace(errorcode=0, errmsg="", data=pd.DataFrame({"date": [], "code": [], "v": []}))

    with pytest.raises(SourceError, match=r"THS_EDB data has columns \['date', 'code', 'v'\]; expected time, id, value"):
        get("ifind", ths_edb=drifted, mapping=_ifind_mapping()).fetch(["cpi_yoy"])
