"""The shared view of an estimate that could not be made."""

from __future__ import annotations

from macrodesk.models import NotComputable
from macrodesk.reports.views._common import not_computable_text


def test_not_computable_text_in_both_languages():
    nc = NotComputable("lead-lag x → y", "too few observations", what_zh="领先滞后（x→y）", reason_zh="样本不足")
    assert not_computable_text(nc, "zh") == "领先滞后（x→y）无法计算：样本不足"
    assert not_computable_text(nc, "en") == "lead-lag x → y not computable: too few observations"
    # the Chinese texts fall back to the English ones
    assert not_computable_text(NotComputable("fit", "no data"), "zh") == "fit无法计算：no data"
