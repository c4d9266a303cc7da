"""Model registry: names the CLI and :func:`make_model` accept, and the one-call :func:`nowcast`."""

from __future__ import annotations

from macrodesk.models.nowcast.base import TargetSpec
from macrodesk.models.nowcast.bridge import BridgeNowcaster
from macrodesk.models.nowcast.combine import CombinedNowcaster
from macrodesk.models.nowcast.dfm import DFMNowcaster
from macrodesk.models.nowcast.nowcaster import Nowcaster

__all__ = ["MODELS", "make_model", "nowcast"]

#: Model names the CLI and :func:`make_model` accept.
MODELS: dict[str, type[Nowcaster]] = {
    "bridge": BridgeNowcaster,
    "dfm": DFMNowcaster,
    "combo": CombinedNowcaster,
}


def make_model(name: str = "combo", target: str | TargetSpec = "cpi_yoy") -> Nowcaster:
    """A nowcaster by name (``'bridge'``, ``'dfm'``, ``'combo'``) for ``target``."""
    from macrodesk.exceptions import ModelError

    cls = MODELS.get(str(name).strip().lower())
    if cls is None:
        raise ModelError(f"unknown nowcast model {name!r}; choose one of {', '.join(MODELS)}")
    return cls(target)


def nowcast(data, target: str = "cpi_yoy", as_of=None, *, model: str = "combo"):
    """The nowcast of the month not yet released on ``as_of`` (default: today), from ``data``.

    ``data`` is a Store or a mapping id → MacroSeries. Returns a :class:`Nowcast`
    or :class:`~macrodesk.models._base.NotComputable` with the reason.
    """
    import pandas as pd

    m = make_model(model, target)
    info = m.info_set(data, as_of if as_of is not None else pd.Timestamp.today().normalize(), ids=m.series_ids())
    return m.predict(info)
