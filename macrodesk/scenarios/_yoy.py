"""YoY from MoM paths: the published-anchor and chained-index methods, and the carry-over split."""

from __future__ import annotations

import numpy as np
import pandas as pd

from macrodesk import transforms as T
from macrodesk.exceptions import ScenarioError, TransformError
from macrodesk.scenarios.spec import ScenarioFile

__all__ = ["chained_anchor", "decompose", "yoy_paths"]


def chained_anchor(mom_hist: pd.Series) -> float:
    """YoY of the index chained from the last twelve MoMs (NaN if one is missing)."""
    last12 = mom_hist.iloc[-12:]
    if len(last12) < 12 or last12.isna().any():
        return float("nan")
    return float(np.prod(1.0 + last12.to_numpy()) - 1.0)


def yoy_paths(method: str, paths: pd.DataFrame, yoy_hist: pd.Series, mom_hist: pd.Series,
              spec: ScenarioFile, as_of: pd.Period) -> pd.DataFrame:
    """YoY of each MoM path (columns of ``paths``) by ``method``: 'published' or 'chained'."""
    if paths.shape[0] == 0:
        return paths.copy()
    cols = paths.columns
    if method == "published":
        yh = pd.DataFrame({c: yoy_hist for c in cols})
        mh = pd.DataFrame({c: mom_hist for c in cols})
        try:
            return T.project_yoy(yh, mh, paths)
        except TransformError as exc:
            raise ScenarioError(f"{spec.file}: as of {as_of.strftime('%Y-%m')}: {exc} "
                                "(state the month in `assume` if it is not yet published)") from None
    return _chained(paths, mom_hist, spec, as_of)


def _chained(paths: pd.DataFrame, mom_hist: pd.Series, spec: ScenarioFile, as_of: pd.Period) -> pd.DataFrame:
    """``1 + y_t = prod_{k=t-11..t}(1 + m_k)`` over the history followed by each path."""
    cols = paths.columns
    full = pd.concat([pd.DataFrame({c: mom_hist for c in cols}), paths])
    logs = np.log1p(full.to_numpy(dtype=float))
    roll = pd.DataFrame(logs, index=full.index, columns=cols).rolling(12, min_periods=12).sum()
    out = pd.DataFrame(np.expm1(roll.reindex(paths.index).to_numpy()), index=paths.index, columns=cols)
    if out.isna().to_numpy().any():
        first = out.index[out.isna().any(axis=1).to_numpy()][0]
        window = full.loc[first - 11:first]
        miss = [p.strftime("%Y-%m") for p in window.index[window.isna().any(axis=1).to_numpy()]]
        raise ScenarioError(
            f"{spec.file}: as of {as_of.strftime('%Y-%m')}: the chained YoY of {first.strftime('%Y-%m')} needs "
            f"{spec.mom} for {', '.join(miss)}; state it in `assume` or use yoy_method = \"published\""
        )
    return out


def decompose(mom_hist: pd.Series, path: pd.Series, hz: pd.PeriodIndex) -> tuple[pd.DataFrame | None, str]:
    """Carry-over, new price and implied YoY by horizon month, or None and the reason."""
    full = pd.concat([mom_hist, path])
    full = full[~full.index.duplicated(keep="last")].sort_index()
    frames = []
    try:
        for year in sorted(set(hz.year.tolist())):
            d = T.decompose_yoy(full, int(year))
            frames.append(d.rename(columns={"yoy_implied": "implied"}))
    except TransformError as exc:
        return None, str(exc)
    return pd.concat(frames).reindex(hz), ""
