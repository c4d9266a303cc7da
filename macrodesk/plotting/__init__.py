"""The plotting kit: house-style matplotlib charts with the bundled CJK font.

Chart functions take pandas data already in display units and return a
matplotlib ``Figure``; they know nothing of models or reports. Chinese text
renders with Noto Sans CJK SC from the mplfonts package (OFL), registered by
path, so output does not depend on the machine's fonts.
"""

from macrodesk.plotting._fonts import cjk_font_path, font_dir, setup_matplotlib
from macrodesk.plotting.charts import (
    FIGSIZE,
    HALF_FIGSIZE,
    PALETTE,
    band_chart,
    bar_chart,
    carryover_bars,
    line_chart,
    ranking_chart,
    scatter_labeled,
    scenario_paths,
    seasonal_lines,
    stacked_contributions,
)

__all__ = [
    "FIGSIZE",
    "HALF_FIGSIZE",
    "PALETTE",
    "band_chart",
    "bar_chart",
    "carryover_bars",
    "cjk_font_path",
    "font_dir",
    "line_chart",
    "ranking_chart",
    "scatter_labeled",
    "scenario_paths",
    "seasonal_lines",
    "setup_matplotlib",
    "stacked_contributions",
]
