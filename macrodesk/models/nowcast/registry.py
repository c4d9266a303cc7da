"""Model registry: names the CLI and :func:`make_model` accept, and the one-call :func:`nowcast`."""

from __future__ import annotations

from macrodesk.models.nowcast.base import TargetSpec
from macrodesk.models.nowcast.bridge import BridgeNowcaster
from macrodesk.models.nowcast.combine import CombinedNowcaster
from macrodesk.models.nowcast.cpi_sf import SFGroupNowcaster, SFNowcaster
from macrodesk.models.nowcast.dfm import DFMNowcaster
from macrodesk.models.nowcast.evidence import EvidenceNowcaster
from macrodesk.models.nowcast.nowcaster import Nowcaster
from macrodesk.models.nowcast.ppi_groups import PPIGroupNowcaster

__all__ = ["MODELS", "DEFAULT_MODEL", "make_model", "nowcast"]

#: The model used when none is named: members weighted by their real-time wins (:mod:`.evidence`).
DEFAULT_MODEL = "evidence"

#: Model names the CLI and :func:`make_model` accept.
MODELS: dict[str, type[Nowcaster]] = {
    "bridge": BridgeNowcaster,
    "dfm": DFMNowcaster,
    "combo": CombinedNowcaster,
    "sf": SFNowcaster,
    "sfg": SFGroupNowcaster,
    "groups": PPIGroupNowcaster,
    "evidence": EvidenceNowcaster,
}


def make_model(name: str = DEFAULT_MODEL, target: str | TargetSpec = "cpi_yoy") -> Nowcaster:
    """A nowcaster by name for ``target``: ``'bridge'``, ``'dfm'``, ``'combo'`` (inverse-MSE),
    ``'sf'``, ``'sfg'`` (CPI only), ``'groups'`` (PPI only) or ``'evidence'`` (the default)."""
    from macrodesk.exceptions import ModelError

    cls = MODELS.get(str(name).strip().lower())
    if cls is None:
        raise ModelError(f"unknown nowcast model {name!r}; choose one of {', '.join(MODELS)}")
    return cls(target)


def nowcast(data, target: str = "cpi_yoy", as_of=None, *, model: str = DEFAULT_MODEL):
    """The nowcast of the month not yet released on ``as_of`` (default: today), from ``data``.

    ``data`` is a Store or a mapping id → MacroSeries. Returns a :class:`Nowcast`
    or :class:`~macrodesk.models._base.NotComputable` with the reason.
    """
    import pandas as pd

    m = make_model(model, target)
    info = m.info_set(data, as_of if as_of is not None else pd.Timestamp.today().normalize(), ids=m.series_ids())
    return m.predict(info)
