"""Nowcasting CPI, PPI and export YoY before the release, with an honest real-time backtest.

Models behind one API (:class:`Nowcaster`: ``fit(info) -> fit``,
``fit.predict() -> nowcast``, ``predict(info)``, ``backtest(data, start, end) ->
BacktestResult``), the first three shared by both CPI and PPI:

* :class:`BridgeNowcaster` — bottom-up bridge: CPI MoM from monthly averages of
  daily wholesale food prices and 10-day fuel prices (basket weights with price
  drift, Spring Festival timing, seasonal norm of the rest); PPI MoM from
  commodity prices with lagged pass-through;
* :class:`DFMNowcaster` — a one-factor dynamic factor model (statsmodels
  ``DynamicFactorMQ``) on the same inputs;
* :class:`CombinedNowcaster` — inverse-MSE combination of the two, with weights
  from past real-time errors only (``model="combo"``);
* :class:`SFNowcaster` (CPI, ``"sf"``) — Spring-Festival-aware seasonal norm from the
  days of the month before, during and after the holiday (:mod:`.cpi_sf`);
* :class:`PPIGroupNowcaster` (PPI, ``"groups"``) — bottom-up by major group with
  pass-through re-estimated with forgetting (:mod:`.ppi_groups`);
* :class:`EvidenceNowcaster` (``"evidence"``, the default) — members weighted by the
  share of the trailing months in which each beat the others (:mod:`.evidence`);
* :class:`ExportNowcaster` — export YoY before the customs release from partner data
  (Korea, Vietnam), the PMI and the calendar, Jan–Feb as one print (:mod:`.exports`);
* :class:`TradeNowcaster` — export YoY from a daily indicator's first days of the
  month (container ships loaded), cut at the trade flash's date (:mod:`.trade`).

The MoM nowcast becomes a YoY nowcast with the published history,
``(1+y_t) = (1+y_{t-1})(1+m_t)/(1+m_{t-12})``, anchored on the published YoY of
``t-1``. Real-time discipline lives in :class:`InfoSet`: official figures count
from the 15th of the following month, high-frequency data up to the as-of date
minus its publication lag, monthly means are like-for-like partial months, the
analyst consensus is never an input, and every model is re-estimated at each
origin on data up to that origin.

Example::

    from macrodesk.models.nowcast import InfoSet, make_model
    model = make_model("evidence", "cpi_yoy")
    nc = model.predict(InfoSet.build(store, "2022-06-30"))
    nc.yoy_print, nc.interval(), nc.contributions
    bt = model.backtest(store, "2015-01", "2022-12")
    bt.mae, bt.consensus_mae, bt.summary(), bt.to_json()

Sentences, charts and report blocks are in :mod:`macrodesk.reports.views.nowcast`
(``nowcast_text(nc, lang)``, ``backtest_blocks(bt, lang)``, …).
"""

from __future__ import annotations

from macrodesk._lazy import lazy_exports

# name -> defining module, imported on first use (keeps the CLI start-up light)
_EXPORTS: dict[str, str] = {
    "backtest_grid": "grid",
    "GridCell": "grid",
    "benchmark_rows": "backtest",
    "month_range": "backtest",
    "run_backtest": "backtest",
    "TARGETS": "base",
    "Nowcast": "base",
    "Nowcaster": "nowcaster",
    "TargetSpec": "base",
    "get_target": "base",
    "round_print": "base",
    "yoy_from_mom": "base",
    "BRIDGE_SPECS": "bridge",
    "CPI_BRIDGE": "bridge",
    "PPI_BRIDGE": "bridge",
    "BridgeFit": "bridge",
    "BridgeInput": "bridge",
    "BridgeNowcaster": "bridge",
    "BridgeSpec": "bridge",
    "ridge_prior": "bridge",
    "same_month_norm": "bridge",
    "CombinedNowcaster": "combine",
    "combine_nowcasts": "combine",
    "inverse_mse_weights": "combine",
    "PUBLICATION_LAGS": "data",
    "RELEASE_DAY": "data",
    "InfoSet": "data",
    "TargetHistory": "data",
    "drift_factor": "data",
    "reconcile_mom": "data",
    "released_through": "data",
    "spring_festival_share": "data",
    "target_month": "data",
    "CPI_DFM": "dfm",
    "DFM_SPECS": "dfm",
    "PPI_DFM": "dfm",
    "DFMFit": "dfm",
    "DFMNowcaster": "dfm",
    "DFMSpec": "dfm",
    "BacktestResult": "results",
    "error_stats": "results",
    "EXPORT_INPUTS": "exports",
    "EXPORT_TARGET": "exports",
    "ExportBacktest": "exports",
    "ExportInput": "exports",
    "ExportNowcast": "exports",
    "ExportNowcaster": "exports",
    "ExportSpec": "exports",
    "EXPORTS": "trade",
    "TRADE_RELEASE_DAY": "trade",
    "TradeFit": "trade",
    "TradeNowcast": "trade",
    "TradeNowcaster": "trade",
    "TradeSpec": "trade",
    "last_observed_day": "trade",
    "partial_yoy": "trade",
    "release_date": "trade",
    "MODELS": "registry",
    "DEFAULT_MODEL": "registry",
    "SF_WINDOWS": "holiday",
    "spring_festival_days": "holiday",
    "DMTest": "evaluate",
    "diebold_mariano": "evaluate",
    "backtest_dm": "evaluate",
    "CPI_SF": "cpi_sf",
    "SFBlock": "cpi_sf",
    "SFSpec": "cpi_sf",
    "SFNowcaster": "cpi_sf",
    "step_month_mean": "cpi_sf",
    "PPI_GROUPS": "ppi_groups",
    "PPIGroup": "ppi_groups",
    "PPIGroupSpec": "ppi_groups",
    "PPIGroupNowcaster": "ppi_groups",
    "group_weights": "ppi_groups",
    "EvidenceNowcaster": "evidence",
    "win_share_weights": "evidence",
    "make_model": "registry",
    "nowcast": "registry",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [
    "BRIDGE_SPECS",
    "BacktestResult",
    "BridgeFit",
    "BridgeInput",
    "BridgeNowcaster",
    "BridgeSpec",
    "CPI_BRIDGE",
    "CPI_DFM",
    "CPI_SF",
    "CombinedNowcaster",
    "DEFAULT_MODEL",
    "DFMFit",
    "DFMNowcaster",
    "DFMSpec",
    "DFM_SPECS",
    "DMTest",
    "EXPORTS",
    "EXPORT_INPUTS",
    "EXPORT_TARGET",
    "EvidenceNowcaster",
    "ExportBacktest",
    "ExportInput",
    "ExportNowcast",
    "ExportNowcaster",
    "ExportSpec",
    "GridCell",
    "InfoSet",
    "MODELS",
    "Nowcast",
    "Nowcaster",
    "PPIGroup",
    "PPIGroupNowcaster",
    "PPIGroupSpec",
    "PPI_BRIDGE",
    "PPI_DFM",
    "PPI_GROUPS",
    "PUBLICATION_LAGS",
    "RELEASE_DAY",
    "SFBlock",
    "SFNowcaster",
    "SFSpec",
    "SF_WINDOWS",
    "TARGETS",
    "TRADE_RELEASE_DAY",
    "TargetHistory",
    "TargetSpec",
    "TradeFit",
    "TradeNowcast",
    "TradeNowcaster",
    "TradeSpec",
    "backtest_dm",
    "backtest_grid",
    "benchmark_rows",
    "combine_nowcasts",
    "diebold_mariano",
    "drift_factor",
    "error_stats",
    "get_target",
    "group_weights",
    "inverse_mse_weights",
    "last_observed_day",
    "make_model",
    "month_range",
    "nowcast",
    "partial_yoy",
    "reconcile_mom",
    "release_date",
    "released_through",
    "ridge_prior",
    "round_print",
    "run_backtest",
    "same_month_norm",
    "spring_festival_days",
    "spring_festival_share",
    "step_month_mean",
    "target_month",
    "win_share_weights",
    "yoy_from_mom",
]
