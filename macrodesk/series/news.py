"""What an import brought: each new print with its prior, consensus and surprise; each revision.

Numbers only (the command line words them). Built from an :class:`~macrodesk.series.store.ImportDiff`
(what :meth:`Store.write` wrote, or what :meth:`Store.diff` would write) and, for the consensus,
the store: the consensus of series ``X`` is the stored series ``X_consensus`` (as
``data fetch akshare`` writes it), read for the same period. A consensus arriving in the
same import counts too. The surprise is actual − consensus, rounded to 4 decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["CONSENSUS_SUFFIX", "NewPrint", "News", "RevisedValue", "news", "news_of_vintage"]

#: The id suffix of a consensus series: ``cpi_yoy_consensus`` is the consensus of ``cpi_yoy``.
CONSENSUS_SUFFIX = "_consensus"


@dataclass(frozen=True)
class NewPrint:
    """A period not stored before, with the previous period's value and the consensus where known."""

    series_id: str
    period: str
    value: float
    prior_period: str | None = None
    prior_value: float | None = None
    consensus: float | None = None
    surprise: float | None = None
    released: str | None = None
    name_zh: str = ""
    name_en: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RevisedValue:
    """A stored value that changed: the value it had (with its vintage) and the new one."""

    series_id: str
    period: str
    old_value: float
    old_vintage: int
    new_value: float
    name_zh: str = ""
    name_en: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class News:
    """The new prints and the revisions of one import, in the order of the import's series."""

    prints: list[NewPrint] = field(default_factory=list)
    revisions: list[RevisedValue] = field(default_factory=list)
    new_series: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.prints or self.revisions or self.new_series)

    @property
    def series_ids(self) -> set[str]:
        """Every series with a new or revised value, or new."""
        return {p.series_id for p in self.prints} | {r.series_id for r in self.revisions} | set(self.new_series)

    def to_dict(self) -> dict[str, Any]:
        return {"prints": [p.to_dict() for p in self.prints], "revisions": [r.to_dict() for r in self.revisions],
                "new_series": list(self.new_series)}


def _names(sid: str, diff_names: tuple[str, str]) -> tuple[str, str]:
    from macrodesk.series.catalogue import catalogue

    cat = catalogue()
    row = cat[cat["series_id"] == sid]
    zh = str(row["name_zh"].iloc[0]) if len(row) else ""
    en = str(row["name_en"].iloc[0]) if len(row) else ""
    return zh or diff_names[0], en or diff_names[1]


def _stored_value(store: Any, sid: str, period: str) -> float | None:
    if store is None or not store.has(sid):
        return None
    obs = store.get(sid).observations()
    hit = [float(v) for k, v in obs.items() if str(k) == period or str(k)[:len(period)] == period]
    return hit[-1] if hit else None


def news(diff: Any, store: Any = None) -> News:
    """The :class:`News` of ``diff`` (an ImportDiff); ``store`` (optional) supplies stored consensus values.

    Series of new ids are listed in ``new_series``; their observations are not "new prints"
    (a first import is history, not a release). A consensus series' own new values are folded
    into the print they forecast when that print is in the same import, else listed as prints.
    """
    diffs: Sequence[Any] = diff.series
    incoming_consensus = {
        (d.series_id[: -len(CONSENSUS_SUFFIX)], o.period): o.value
        for d in diffs if d.series_id.endswith(CONSENSUS_SUFFIX) for o in d.added
    }
    incoming_consensus.update({
        (d.series_id[: -len(CONSENSUS_SUFFIX)], r.period): r.new_value
        for d in diffs if d.series_id.endswith(CONSENSUS_SUFFIX) for r in d.revised
    })
    printed = {(d.series_id, o.period) for d in diffs if not d.new_series for o in d.added}
    out = News(new_series=[d.series_id for d in diffs if d.new_series])
    for d in diffs:
        zh, en = _names(d.series_id, (d.name_zh, d.name_en))
        if not d.new_series:
            for o in d.added:
                base = d.series_id[: -len(CONSENSUS_SUFFIX)] if d.series_id.endswith(CONSENSUS_SUFFIX) else None
                if base is not None and (base, o.period) in printed:
                    continue
                cons = incoming_consensus.get((d.series_id, o.period))
                if cons is None and base is None:
                    cons = _stored_value(store, d.series_id + CONSENSUS_SUFFIX, o.period)
                surprise = None if cons is None else round(o.value - cons, 4)
                out.prints.append(NewPrint(d.series_id, o.period, o.value, o.prior_period, o.prior_value, cons,
                                           surprise, o.released, zh, en))
        for r in d.revised:
            out.revisions.append(RevisedValue(d.series_id, r.period, r.old_value, r.old_vintage, r.new_value, zh, en))
    return out


def news_of_vintage(store: Any, vintage: int | None = None) -> News:
    """The :class:`News` of an import already written: ``vintage`` (default: the store's last import).

    The same prints and revisions ``macrodesk update`` printed when it wrote that import
    (from :meth:`Store.changes`), the consensus read from the store as it is now.
    """
    v = store.last_vintage() if vintage is None else int(vintage)
    if v is None:
        return News()
    out = News(new_series=store.new_series(v))
    rows = store.changes(v)
    if rows.empty:
        return out
    import pandas as pd

    names: dict[str, tuple[str, str]] = {}
    records = rows.to_dict("records")
    printed = {(str(r["series_id"]), r["period"]) for r in records if pd.isna(r["old_value"])}
    for r in records:
        sid = str(r["series_id"])
        if sid not in names:
            m = store.meta(sid)
            names[sid] = _names(sid, (m.name_zh, m.name_en))
        zh, en = names[sid]
        if not pd.isna(r["old_value"]):
            out.revisions.append(RevisedValue(sid, r["period"], float(r["old_value"]), int(r["old_vintage"]),
                                              float(r["value"]), zh, en))
            continue
        base = sid[: -len(CONSENSUS_SUFFIX)] if sid.endswith(CONSENSUS_SUFFIX) else None
        if base is not None and (base, r["period"]) in printed:
            continue  # shown with the print it forecasts
        cons = None if base is not None else _stored_value(store, sid + CONSENSUS_SUFFIX, r["period"])
        has_prior = r["prior_period"] is not None and not pd.isna(r["prior_value"])
        out.prints.append(NewPrint(
            sid, r["period"], float(r["value"]), r["prior_period"] if has_prior else None,
            float(r["prior_value"]) if has_prior else None, cons,
            None if cons is None else round(float(r["value"]) - cons, 4), r["released"], zh, en,
        ))
    return out
