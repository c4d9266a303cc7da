"""Fake AKShare functions: frames shaped exactly like each function's output, with real values.

Shapes follow akshare/economic/macro_china.py (columns in order, dtypes after its to_numeric
calls: EastMoney frames have 月份 as text '2022年12月份', newest first, numbers float64; jin10
frames have 商品 text, 日期 datetime.date objects, 今值/预测值/前值 float64, oldest first).
Values are the published ones in the bundled sample, built from the shared data (cpi.csv, ppi.csv, consensus.csv, money.csv,
trade.csv, other.csv); release dates are NBS's published release days for 2022H2 CPI/PPI
(released together) and its PMI days (the last day of the month).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest

from macrodesk.sources.akshare import FUNCTIONS

MONTHS = pd.period_range("2022-07", "2022-12", freq="M")
CPI_RELEASED = ["2022-08-10", "2022-09-09", "2022-10-14", "2022-11-09", "2022-12-09", "2023-01-12"]
PMI_RELEASED = ["2022-07-31", "2022-08-31", "2022-09-30", "2022-10-31", "2022-11-30", "2022-12-31"]


@lru_cache(maxsize=None)
def _sample(file: str) -> dict:
    """The bundled sample's series built from the shared data's ``file`` (only that file is read)."""
    from macrodesk.datasets import load
    from macrodesk.importers import merge_series

    return {s.id: s for s in merge_series(load([file.removesuffix(".csv")]))}


def real(file: str, sid: str, months=MONTHS) -> pd.Series:
    """A real series of the bundled sample (built from the shared data's ``file``), indexed by month."""
    s = _sample(file)[sid].observations()
    return pd.Series(s.to_numpy(dtype="float64"), index=pd.PeriodIndex(s.index, freq="M")).reindex(months)


def _columns(name: str) -> tuple[str, ...]:
    return next(f.columns for f in FUNCTIONS if f.name == name)


def eastmoney(name: str, values: dict[str, pd.Series]) -> pd.DataFrame:
    """An EastMoney-shaped frame: 月份 newest first, every other column float64 (NaN where not given)."""
    months = values[next(iter(values))].index[::-1]
    df = pd.DataFrame({"月份": [f"{p.year}年{p.month:02d}月份" for p in months]})
    for col in _columns(name)[1:]:
        df[col] = values[col].reindex(months).to_numpy(dtype="float64") if col in values else np.nan
    return df


def jin10(symbol: str, released: list[str], actual: pd.Series, consensus: pd.Series, prior: pd.Series) -> pd.DataFrame:
    """A jin10-shaped frame: 商品, 日期 (datetime.date), 今值, 预测值, 前值, oldest first."""
    return pd.DataFrame({
        "商品": symbol,
        "日期": [dt.date.fromisoformat(d) for d in released],
        "今值": actual.to_numpy(dtype="float64"),
        "预测值": consensus.to_numpy(dtype="float64"),
        "前值": prior.to_numpy(dtype="float64"),
    })


@pytest.fixture(scope="session")
def fake_frames() -> dict[str, pd.DataFrame]:
    cpi_yoy, cpi_mom = real("cpi.csv", "cpi_yoy"), real("cpi.csv", "cpi_mom")
    ppi_yoy = real("ppi.csv", "ppi_yoy")
    prev = pd.period_range("2022-06", "2022-11", freq="M")
    ex = {k: real("trade.csv", k) for k in ("exports_usd_level", "exports_usd_yoy", "exports_usd_ytd_level",
                                              "exports_usd_ytd_yoy", "imports_usd_level", "imports_usd_yoy",
                                              "imports_usd_ytd_level", "imports_usd_ytd_yoy")}
    thousand = 1e6  # usd_bn -> thousand USD, AKShare's unit for macro_china_hgjck
    return {
        "macro_china_cpi": eastmoney("macro_china_cpi", {
            "全国-当月": 100 + cpi_yoy, "全国-同比增长": cpi_yoy, "全国-环比增长": cpi_mom,
        }),
        "macro_china_ppi": eastmoney("macro_china_ppi", {"当月": 100 + ppi_yoy, "当月同比增长": ppi_yoy}),
        "macro_china_pmi": eastmoney("macro_china_pmi", {
            "制造业-指数": real("other.csv", "pmi_mfg"), "非制造业-指数": real("other.csv", "pmi_nonmfg"),
        }),
        "macro_china_money_supply": eastmoney("macro_china_money_supply", {
            "货币和准货币(M2)-数量(亿元)": real("money.csv", "m2_level"),
            "货币和准货币(M2)-同比增长": real("money.csv", "m2_yoy"),
            "货币(M1)-数量(亿元)": real("money.csv", "m1_level"),
            "货币(M1)-同比增长": real("money.csv", "m1_yoy"),
        }),
        "macro_china_hgjck": eastmoney("macro_china_hgjck", {
            "当月出口额-金额": ex["exports_usd_level"] * thousand, "当月出口额-同比增长": ex["exports_usd_yoy"],
            "累计出口额-金额": ex["exports_usd_ytd_level"] * thousand, "累计出口额-同比增长": ex["exports_usd_ytd_yoy"],
            "当月进口额-金额": ex["imports_usd_level"] * thousand, "当月进口额-同比增长": ex["imports_usd_yoy"],
            "累计进口额-金额": ex["imports_usd_ytd_level"] * thousand, "累计进口额-同比增长": ex["imports_usd_ytd_yoy"],
        }),
        "macro_china_cpi_yearly": jin10("中国CPI年率报告", CPI_RELEASED, cpi_yoy,
                                        real("consensus.csv", "cpi_yoy_consensus"), real("cpi.csv", "cpi_yoy", prev)),
        "macro_china_cpi_monthly": jin10("中国CPI月率报告", CPI_RELEASED, cpi_mom,
                                         pd.Series(np.nan, index=MONTHS), real("cpi.csv", "cpi_mom", prev)),
        "macro_china_ppi_yearly": jin10("中国PPI年率报告", CPI_RELEASED, ppi_yoy,
                                        real("consensus.csv", "ppi_yoy_consensus"), real("ppi.csv", "ppi_yoy", prev)),
        "macro_china_pmi_yearly": jin10("中国官方制造业PMI", PMI_RELEASED, real("other.csv", "pmi_mfg"),
                                        pd.Series(np.nan, index=MONTHS), real("other.csv", "pmi_mfg", prev)),
    }


@pytest.fixture()
def fake_table(fake_frames):
    """Function name -> a callable returning a fresh copy of its fake frame."""
    return {name: (lambda f=frame: f.copy()) for name, frame in fake_frames.items()}
