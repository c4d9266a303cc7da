"""Price versus volume: products with quantities and values with a price index (expected numbers by hand)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from macrodesk.models.trade import index_price_volume, item_price_volume, split_parts
from tests.models.trade.test_headline import M, at

LABELS = {"phones": ("手机", "Mobile phones"), "autos": ("汽车", "Autos")}


def phones_and_autos():
    """Seed: phones +10.6% YoY in value (prior -12.6%), quantity -3.6%; autos value +20%, quantity +25%."""
    values = pd.DataFrame({
        "phones": at({"2024-11": 100, "2024-12": 100, "2025-11": 87.4, "2025-12": 110.6}),
        "autos": at({"2024-11": 100, "2024-12": 100, "2025-11": 110, "2025-12": 120}),
    })
    qty = pd.DataFrame({
        "phones": at({"2024-11": 1000, "2024-12": 1000, "2025-11": 950, "2025-12": 964}),
        "autos": at({"2024-11": 100, "2024-12": 100, "2025-11": 105, "2025-12": 125}),
    })
    return item_price_volume(values, qty, "2025-12", labels=LABELS)


def test_price_volume_of_phones_by_hand():
    pv = phones_and_autos()
    t = pv.table
    # unit value p = (1 + v) / (1 + q) - 1 = 1.106 / 0.964 - 1 = +14.73%
    assert t.loc["phones", "price"] == pytest.approx(1.106 / 0.964 - 1)
    assert t.loc["phones", "driver"] == "price"  # |ln 1.1473| = 0.137 > |ln 0.964| = 0.037
    # autos: 1.20 / 1.25 - 1 = -4%: quantity-driven
    assert t.loc["autos", "price"] == pytest.approx(-0.04)
    assert t.loc["autos", "driver"] == "quantity"
    # price x volume multiplies back to value
    for k in ("phones", "autos"):
        assert (1 + t.loc[k, "price"]) * (1 + t.loc[k, "quantity"]) == pytest.approx(1 + t.loc[k, "value"])
    # the prior month: 87.4 / 100 - 1 = -12.6%, 950 / 1000 - 1 = -5%
    assert pv.to_frame().loc["phones", "value_prior"] == pytest.approx(-0.126)
    assert pv.to_frame().loc["phones", "quantity_prior"] == pytest.approx(-0.05)


def test_split_parts_add_up_in_logs():
    v, q = 0.106, -0.036
    pq, pp_ = split_parts(v, q)
    assert float(pq) == pytest.approx(v * np.log(1 + q) / np.log(1 + v))
    assert float(pq + pp_) == pytest.approx(v)
    # v = 0: the limit ln(1 + q), -ln(1 + q)
    pq0, pp0 = split_parts(0.0, 0.05)
    assert float(pq0) == pytest.approx(np.log(1.05))
    assert float(pq0 + pp0) == pytest.approx(0.0)


def export_index_split():
    # value +10.7%, price index 94.57 (-5.43%): volume 1.107 / 0.9457 - 1 = +17.06%
    v = at({"2024-11": 0.067, "2024-12": 0.107})
    p = at({"2024-11": -0.053, "2024-12": -0.0543})
    return index_price_volume(v, p, "2025-12")


def test_index_price_volume_implied_volume():
    r = export_index_split()
    assert r.last == M("2024-12")
    assert r.volume[M("2024-12")] == pytest.approx(1.107 / 0.9457 - 1)
    assert r.to_frame().loc[M("2024-12"), "volume"] == pytest.approx(1.107 / 0.9457 - 1)
