"""The catalogue of known series: read from TOML, written by the sample builder's function."""

from __future__ import annotations

import tomllib

import pandas as pd
import pytest

from macrodesk.exceptions import DataError
from macrodesk.series.catalogue import COLUMNS, catalogue, catalogue_toml


def test_known_series_have_frequency_and_names():
    cat = catalogue().set_index("series_id")
    assert list(catalogue().columns) == list(COLUMNS)
    assert cat.at["cpi_yoy", "freq"] == "M" and cat.at["cpi_yoy", "name_zh"] == "CPI:当月同比"
    assert cat.at["diesel_0_cny", "freq"] == "X" and cat.at["breeding_sow_inventory_q", "freq"] == "Q"
    assert cat.index.is_unique and set(cat["freq"]) <= {"D", "W", "X", "M", "Q", "A"}


def test_toml_round_trip_leaves_out_empty_names():
    frame = pd.DataFrame(
        [
            {"series_id": "ppi_yoy", "freq": "M", "name_zh": "PPI:全部工业品:当月同比", "name_en": 'PPI "all" YoY'},
            {"series_id": "a_level", "freq": "A", "name_zh": "", "name_en": ""},
        ]
    )
    text = catalogue_toml(frame)
    doc = tomllib.loads(text)
    assert list(doc) == ["a_level", "ppi_yoy"]  # sorted
    assert doc["a_level"] == {"freq": "A"}
    assert doc["ppi_yoy"]["name_en"] == 'PPI "all" YoY'
    with pytest.raises(DataError, match="series id 'bad id'"):
        catalogue_toml(pd.DataFrame([{"series_id": "bad id", "freq": "M"}]))


def test_importable_series_are_declared_once_with_a_known_unit():
    from macrodesk.series.catalogue import importable
    from macrodesk.series.units import get_unit

    imp = importable()
    cat = catalogue()
    assert cat["series_id"].is_unique and set(imp["series_id"]) <= set(cat["series_id"])
    assert (cat.loc[~cat["series_id"].isin(imp["series_id"]), "unit"] == "").all()  # the sample's entries: no unit
    for row in imp.itertuples():
        assert get_unit(row.unit).code == row.unit and row.freq in {"W", "M", "Q"} and row.name_zh and row.name_en
    assert imp.set_index("series_id").at["eia_world_liquids_production_q", "unit"] == "mb_per_d"
