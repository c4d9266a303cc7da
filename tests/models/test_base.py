"""The shared results serializer: JSON from frozen results dataclasses."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from macrodesk.models._base import ResultsMixin, to_json_value


@dataclass(frozen=True)
class _Res(ResultsMixin):
    s: pd.Series
    p: pd.Period
    x: float
    n: np.int64

    def to_frame(self) -> pd.DataFrame:
        return self.s.to_frame("value")


def test_json_turns_pandas_and_numpy_into_plain_data():
    s = pd.Series([1.5, np.nan], index=pd.period_range("2025-11", periods=2, freq="M"))
    r = _Res(s, pd.Period("2025-12", "M"), float("nan"), np.int64(3))
    assert json.loads(r.to_json()) == {"s": {"2025-11": 1.5, "2025-12": None}, "p": "2025-12", "x": None, "n": 3}
    assert r.summary().equals(r.to_frame())
    df = pd.DataFrame({"a": [np.float64(2.0)]}, index=["k"])
    assert to_json_value(df) == {"a": {"k": 2.0}}
    assert to_json_value((np.bool_(True), pd.Timestamp("2025-01-02"))) == [True, "2025-01-02"]
