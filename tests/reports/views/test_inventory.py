"""Views of the inventory-cycle model: sentences and the panel table."""

from __future__ import annotations

import pytest

from macrodesk.models import inventory_cycle, inventory_panel
from macrodesk.reports.views import inventory as V
from tests.models.inflation.test_inventory import INV, REV


def test_cycle_text_names_the_phase_and_its_length():
    c = inventory_cycle(REV, INV, window=1, since="2025-01", name="Electrical machinery", name_zh="电气机械")
    assert "处于被动补库存阶段（已持续2个月）" in V.inventory_text(c, "zh")
    assert V.inventory_text(c, "zh").startswith("2025年6月电气机械营收同比+9.0%")
    assert "passive restocking for 2 months" in V.inventory_text(c, "en")


def test_panel_text_and_table():
    panel = inventory_panel(
        {"auto": (REV, INV), "electrical_machinery": (REV, -INV), "steel": (REV.iloc[:1], INV.iloc[:1])},
        names={"auto": "Autos", "electrical_machinery": "Electrical"}, names_zh={"auto": "汽车", "electrical_machinery": "电气机械"},
        window=1, since="2025-01",
    )
    assert "库存处于历史90%分位以上的有1个：汽车" in V.inventory_panel_text(panel, "zh")
    assert V.inventory_panel_table(panel, "en").loc["Autos", "Phase"] == "passive restocking"
    assert V.inventory_panel_table(panel, "zh").loc["汽车", "阶段"] == "被动补库存"
    assert V.phase_label(None) == "—"


def test_the_41_industry_percentile_chart_is_two_panels_highest_first():
    import pandas as pd

    # percentiles 1/41 … 41/41 in reverse code order: code c40 is the highest, c0 the lowest
    table = pd.DataFrame({"percentile": [(i + 1) / 41 for i in range(41)]}, index=[f"c{i}" for i in range(41)])
    fig = V.turnover_percentile_chart(table, {f"c{i}": f"行业{i}" for i in range(41)}, "zh")
    left, right = fig.axes
    assert (len(left.patches), len(right.patches)) == (21, 20)
    assert left.get_yticklabels()[0].get_text() == "行业40" and right.get_yticklabels()[-1].get_text() == "行业0"
    assert left.patches[0].get_width() == 100.0 and right.patches[0].get_width() == pytest.approx(100 * 20 / 41)
