"""Store.digest: the cheap "has anything stored for these series changed" check of `update`."""

from __future__ import annotations

import pytest

from macrodesk.series import MacroSeries, SeriesMeta
from macrodesk.series.store import Store

# China CPI and PPI YoY, NBS releases (percent): 2025-10..2025-12
CPI = SeriesMeta("cpi_yoy", "pct_yoy", "M", "CPI:当月同比", "CPI YoY", "NBS")
PPI = SeriesMeta("ppi_yoy", "pct_yoy", "M", "PPI:全部工业品:当月同比", "PPI YoY", "NBS")
MONTHS = ("2025-10", "2025-11", "2025-12")


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "d.duckdb") as st:
        st.write([MacroSeries.from_observations(CPI, MONTHS[:2], [0.2, 0.7]),
                  MacroSeries.from_observations(PPI, MONTHS, [-2.1, -2.2, -1.9])], label="to 2025-11")
        yield st


def test_digest_moves_with_the_series_read_and_only_with_them(store):
    d0, p0 = store.digest(["cpi_yoy"]), store.digest(["ppi_yoy"])
    assert store.digest(["cpi_yoy"]) == d0 and store.digest(["cpi_yoy", "unknown_id"]) != d0
    store.write([MacroSeries.from_observations(CPI, MONTHS[:2], [0.2, 0.7])])  # the same rows: no vintage
    assert store.digest(["cpi_yoy"]) == d0
    store.write([MacroSeries.from_observations(CPI, MONTHS, [0.2, 0.7, 0.8])], label="dec")  # a new print
    d1 = store.digest(["cpi_yoy"])
    assert d1 != d0 and store.digest(["ppi_yoy"]) == p0
    store.write([MacroSeries.from_observations(CPI, MONTHS, [0.2, 0.6, 0.8])], label="revision")  # 2025-11 revised
    d2 = store.digest(["cpi_yoy"])
    assert d2 not in (d0, d1)
    store.undo(3)  # the revision undone: the rows of the December import again
    assert store.digest(["cpi_yoy"]) == d1
    assert store.digest(["ppi_yoy", "cpi_yoy"]) == store.digest(["cpi_yoy", "ppi_yoy"])
