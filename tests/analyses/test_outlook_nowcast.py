"""The outlook report carries the real-time nowcast backtests on the bundled data."""

from __future__ import annotations

from macrodesk.reports.model import Paragraph


def test_outlook_has_nowcast_backtests_with_like_for_like_consensus(outlook_report_zh):
    rep = outlook_report_zh  # the bundled sample at 2025-11; the windows end where the inputs end
    (sec,) = [s for s in rep.sections if s.heading.endswith("CPI与PPI实时预测模型回测")]
    texts = [b.text for b in sec.blocks if isinstance(b, Paragraph)]
    # CPI: food prices end 2022-12, so the 96-month window is 2015-01..2022-12. The Wind consensus
    # missed the published (one-decimal) CPI YoY by 16.15 pp in total over those 96 months: MAE 0.168.
    cpi = next(t for t in texts if t.startswith("2015年1月至2022年12月CPI同比实时回测（96个月）"))
    assert "同期Wind一致预期平均绝对误差0.168个百分点" in cpi
    # PPI: commodity prices run to 2024-12, window 2017-01..2024-12; the consensus stops at
    # 2022-12, i.e. 72 of the 96 months, and the comparison is restricted to those months.
    ppi = next(t for t in texts if t.startswith("2017年1月至2024年12月PPI同比实时回测（96个月）"))
    assert "在Wind一致预期可得的72个月中" in ppi
