"""A report figure's PNG holds exactly the pixels matplotlib's own PNG writer stores."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from PIL import Image

from macrodesk.reports import Figure
from macrodesk.reports.model import _encode_png


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def test_figure_png_has_matplotlibs_pixels_and_resolution(monkeypatch):
    from macrodesk.plotting import line_chart

    monkeypatch.setattr("macrodesk.reports.model.FIGURE_DPI", 60)
    # real CPI and PPI YoY prints (NBS, %): 2025-01..2025-06
    idx = pd.period_range("2025-01", periods=6, freq="M")
    df = pd.DataFrame({"CPI同比": [0.5, -0.7, -0.1, -0.1, -0.1, 0.1], "PPI同比": [-2.3, -2.2, -2.5, -2.7, -3.3, -3.6]},
                      index=idx)
    ref = io.BytesIO()  # a second drawing of one figure may move by a pixel: the same chart made twice
    line_chart(df, ylabel="%").savefig(ref, format="png", dpi=60, facecolor="white")
    want = _pixels(ref.getvalue())
    got = Figure(line_chart(df, ylabel="%"), "CPI与PPI同比")
    assert got.png.startswith(b"\x89PNG\r\n\x1a\n")
    assert (got.width_px, got.height_px) == (want.shape[1], want.shape[0]) == (450, 216)  # 7.5 x 3.6 in at 60 dpi
    assert np.array_equal(_pixels(got.png), want)
    im = Image.open(io.BytesIO(got.png))
    assert im.mode == "RGB"  # opaque: no alpha channel stored
    assert [round(v) for v in im.info["dpi"]] == [60, 60]


def test_encode_png_keeps_transparency():
    rgba = np.zeros((3, 2, 4), np.uint8)
    rgba[0, 0] = (192, 0, 0, 255)
    rgba[1, 1] = (31, 56, 100, 128)  # half transparent
    rgba[2, 0] = (255, 255, 255, 0)  # transparent
    png = _encode_png(rgba, 72)
    im = Image.open(io.BytesIO(png))
    assert im.mode == "RGBA" and im.size == (2, 3)
    assert np.array_equal(np.asarray(im), rgba)
