"""The trade flash's recipe steps that read inputs (see :mod:`macrodesk.analyses.trade_flash`).

* :mod:`~macrodesk.analyses.trade.levels` — USD levels and breakdowns read from a recipe's inputs
* :mod:`~macrodesk.analyses.trade.peers` — Vietnam's and Korea's exports: compute, then render

The computations are the trade model family, :mod:`macrodesk.models.trade`; the
sentences and charts are in :mod:`macrodesk.reports.views.trade`.
"""
