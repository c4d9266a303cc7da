"""Stale inputs in a report: the as-of mark, the exhibit labels and the data-status box.

Made from an input-status table: :func:`macrodesk.series.freshness.freshness`'s rows (id,
last_period, months_behind, allowed, stale), with the inputs' display names in ``name_zh`` /
``name_en`` when known (:func:`macrodesk.analyses._common.input_status` adds them). Labels from
:mod:`macrodesk.text`.

A report's render makes one :class:`Staleness` and passes every figure and table through
:meth:`Staleness.exhibit` (the exhibit's caption or note gets the mark of its stale inputs and
the exhibit records ``inputs``), marks sentences with :meth:`Staleness.mark`, and ends with
:meth:`Staleness.box`, the data-status section listing each stale input the report used.
"""

from __future__ import annotations

import os
import re

from collections.abc import Iterable
from typing import Any, Callable

import pandas as pd

from macrodesk.reports.model import Paragraph, Section, Table
from macrodesk.text import tr
from macrodesk.text.format import month_label

__all__ = ["Staleness", "as_of_label", "data_status_table"]


def as_of_label(last_period: Any, lang: str = "zh") -> str:
    """``"（截至2025年6月）"`` / ``" (to Jun 2025)"``: the mark put after a stale input's name.

    An annual period prints as its year (``"（截至2023年）"``); any other period as the month it ends in.
    """
    if isinstance(last_period, pd.Period) and last_period.freqstr.startswith(("Y", "A")):
        return tr(f"（截至{last_period.year}年）", f" (to {last_period.year})", lang)
    if isinstance(last_period, pd.Period) and last_period.freqstr != "M":
        last_period = last_period.asfreq("M", how="end")
    return tr(f"（截至{month_label(last_period, 'zh')}）", f" (to {month_label(last_period, 'en')})", lang)


def data_status_table(
    table: pd.DataFrame, report_month: Any, *, name: Callable[[str], str] | None = None, lang: str = "zh"
) -> Table:
    """A :class:`Table` of the inputs: name, last period, months behind, status (stale first).

    ``table`` is :func:`~macrodesk.series.freshness.freshness`'s result; ``name`` maps an id to
    its display name (default: the id).
    """
    label = name or (lambda sid: sid)
    rows = table.sort_values(["stale", "months_behind"], ascending=[False, False], na_position="first")
    names = _grouped([label(s) for s in rows["id"]],
                     [(str(p), str(b), bool(st)) for p, b, st in zip(rows["last_period"], rows["months_behind"],
                                                                    rows["stale"])], lang)
    keep = [i for i, n in enumerate(names) if n is not None]
    rows = rows.iloc[keep]
    data = pd.DataFrame({
        tr("数据", "Input", lang): [names[i] for i in keep],
        tr("最新数据", "Last period", lang): [
            month_label(p, lang) if p is not None and not pd.isna(p) else "—" for p in rows["last_period"]
        ],
        tr("滞后月数", "Months behind", lang): list(rows["months_behind"]),
        tr("状态", "Status", lang): [tr("滞后", "stale", lang) if s else tr("最新", "current", lang)
                                     for s in rows["stale"]],
    })
    return Table(
        data,
        caption=tr(f"数据状态（报告月份：{month_label(report_month, 'zh')}）",
                   f"Data status (report month: {month_label(report_month, 'en')})", lang),
        formats={tr("滞后月数", "Months behind", lang): lambda v: "—" if pd.isna(v) else str(int(v))},
        index=False,
    )


_SEP = re.compile(r"(\s*[:：,，]\s*)")
#: Inputs alike but for one part of their name (the 41 industries of one NBS table) are one row from this many
GROUP_AT = 4


def _grouped(names: list[str], ends: list[tuple], lang: str) -> list[str | None]:
    """``names`` with the inputs that end alike and differ in one part of their name folded into one row:
    one ":"-part ('工业企业:41个分项:产成品存货') or one partner, industry or product word inside the name
    ('对美国、欧盟等13个地区出口金额(美元计)', :func:`_fold_words`). The first of a group carries the
    group's name, the others are None. The data-status box and the "滞后数据" notes both fold this way."""
    parts = [_SEP.split(n) for n in names]
    out: list[str | None] = list(names)
    done = [False] * len(names)
    for k in range(0, max((len(p) for p in parts), default=0), 2):  # even positions are words, odd separators
        groups: dict[tuple, list[int]] = {}
        for i, p in enumerate(parts):
            if not done[i] and len(p) >= 3 and k < len(p):
                groups.setdefault((tuple(p[:k]), tuple(p[k + 1:]), ends[i]), []).append(i)
        for members in groups.values():
            if len(members) < GROUP_AT:
                continue
            first = parts[members[0]]
            word = tr(f"{len(members)}个分项", f"{len(members)} items", lang)
            out[members[0]] = "".join(first[:k] + [word] + first[k + 1:])
            for i in members:
                done[i] = True
            for i in members[1:]:
                out[i] = None
    by_end: dict[tuple, list[int]] = {}
    for i in range(len(names)):
        if not done[i]:
            by_end.setdefault(ends[i], []).append(i)
    for idx in by_end.values():
        for members, label in _fold_words([names[i] for i in idx], lang):
            out[idx[members[0]]] = label
            for j in members[1:]:
                out[idx[j]] = None
    return out


def _word_cut(text: str, at: int) -> bool:
    """Whether cutting ``text`` at ``at`` splits a Latin word or number (Chinese may be cut anywhere)."""
    return 0 < at < len(text) and all(c.isascii() and c.isalnum() for c in text[at - 1:at + 1])


def _frame(a: str, b: str) -> tuple[str, str]:
    """The start and end two names share, each left a non-empty middle; English cut between words."""
    n = min(len(a), len(b))
    p = min(len(os.path.commonprefix([a, b])), n - 1)
    while _word_cut(a, p):
        p -= 1
    s = min(len(os.path.commonprefix([a[::-1], b[::-1]])), n - 1 - p)
    while s and _word_cut(a, len(a) - s):
        s -= 1
    return a[:p], a[len(a) - s:]


def _middle(name: str, frame: tuple[str, str]) -> str | None:
    """The word of ``name`` between the frame's start and end; None when the frame does not fit it.

    The frame must hold at least as many characters as the word ('对' + '出口金额(美元计)' around '美国'),
    so names sharing only a short start ('韩国出口总额', '韩国对美国出口') are not taken for one table, and
    it must start the name: a word first ('Pork wholesale price') is the name of its own series."""
    start, end = frame
    if not start or not (name.startswith(start) and name.endswith(end)) or len(name) <= len(start) + len(end):
        return None
    word = name[len(start):len(name) - len(end)]
    if _SEP.search(word) or len(word) > len(start) + len(end):
        return None
    return word


def _fold_words(names: list[str], lang: str) -> list[tuple[list[int], str]]:
    """Groups of at least :data:`GROUP_AT` names alike but for one word (a partner, an industry, a product),
    as (positions, folded name): the frame shared by most names first, the longer frame on ties.

    '对美国出口金额(美元计)', '对欧盟出口金额(美元计)' … → '对美国、欧盟等13个地区出口金额(美元计)';
    a word after '对'/'自' (' to '/' from ') is a partner ('地区'), any other an item ('项')."""
    left = list(range(len(names)))
    found: list[tuple[list[int], str]] = []
    while len(left) >= GROUP_AT:
        frames = {_frame(names[i], names[j]) for x, i in enumerate(left) for j in left[x + 1:]}
        best: tuple[int, int, tuple[str, str], list[int]] | None = None
        for fr in frames:
            members = [i for i in left if _middle(names[i], fr) is not None]
            key = (len(members), len(fr[0]) + len(fr[1]))
            if len(members) >= GROUP_AT and (best is None or key > best[:2]):
                best = (*key, fr, members)
        if best is None:
            break
        (start, end), members = best[2], best[3]
        words = [w for w in (_middle(names[i], (start, end)) for i in members) if w is not None]
        n = len(members)
        if start.endswith(("对", "自")) or start.endswith((" to ", " from ")):
            label = tr(f"{start}{'、'.join(words[:2])}等{n}个地区{end}",
                       f"{start}{n} partners ({', '.join(words[:2])} …){end}", lang)
        else:
            label = tr(f"{start}{'、'.join(words[:2])}等{n}项{end}", f"{start}{n} items ({', '.join(words[:2])} …){end}",
                       lang)
        found.append((members, label))
        left = [i for i in left if i not in members]
    return found


def _key(p: Any) -> pd.Period:
    return p if isinstance(p, pd.Period) and p.freqstr == "M" else pd.Period(
        p.asfreq("M", how="end") if isinstance(p, pd.Period) else pd.Timestamp(p), "M")


class Staleness:
    """The stale inputs of one report in one language, and the marks made from them.

    ``status`` is the input-status table of everything the recipe read, ``month`` the report's
    month. Every input passed to :meth:`exhibit`, :meth:`inputs` or :meth:`mark` is remembered,
    so :meth:`box` lists the stale inputs the report actually used.
    """

    def __init__(self, status: pd.DataFrame | None, month: Any, lang: str) -> None:
        self.month = month
        self.lang = lang
        self._rows: dict[str, dict[str, Any]] = {}
        if status is not None:
            self._rows = {str(r["id"]): {str(k): v for k, v in r.items()} for r in status.to_dict("records")}
        self._used: dict[str, None] = {}

    # -------------------------------------------------------- numbers
    def _ids(self, items: Iterable[Any]) -> list[str]:
        ids = [i if isinstance(i, str) else getattr(i, "id", None) for i in items if i is not None]
        return list(dict.fromkeys(i for i in ids if i is not None and i in self._rows))

    def inputs(self, items: Iterable[Any]) -> tuple[tuple[str, Any], ...]:
        """``((id, last_period), …)`` of ``items`` (MacroSeries or ids), for an exhibit's ``inputs``."""
        ids = self._ids(items)
        self._used.update(dict.fromkeys(ids))
        return tuple((i, self._rows[i]["last_period"]) for i in ids if self._rows[i]["last_period"] is not None)

    def stale(self, items: Iterable[Any]) -> list[str]:
        """The ids among ``items`` that are stale (older than the report month allows)."""
        return [i for i in self._ids(items) if bool(self._rows[i]["stale"])]

    def name(self, sid: str) -> str:
        row = self._rows.get(sid, {})
        text = row.get(tr("name_zh", "name_en", self.lang)) or row.get("name_zh")
        return str(text) if isinstance(text, str) and text else sid

    # -------------------------------------------------------- words
    def mark(self, items: Iterable[Any]) -> str:
        """The as-of mark of the oldest stale input among ``items`` ('' when all are current)."""
        ids = self._ids(items)
        self._used.update(dict.fromkeys(ids))
        stale = [i for i in ids if bool(self._rows[i]["stale"]) and self._rows[i]["last_period"] is not None]
        if not stale:
            return ""
        return as_of_label(min((self._rows[i]["last_period"] for i in stale), key=_key), self.lang)

    def exhibit(self, caption: str, items: Iterable[Any], note: str | None = None) -> dict[str, Any]:
        """``caption``, ``note`` and ``inputs`` for a Figure or Table drawing on ``items``.

        When every input is stale and they end in the same month, the caption gets the mark
        ("…（截至2024年12月）"); when only some are, the note names them ("滞后数据：出口价格指数
        （截至2024年12月）"). A caption or note that already carries the mark is left as it is, so an
        exhibit marked when made is not marked again by :meth:`relabel`.
        """
        items = list(items)
        inputs = self.inputs(items)
        stale = self.stale(items)
        ends = {p: ids for p, ids in self._ends(stale).items() if as_of_label(p, self.lang) not in caption}
        if not ends:
            return {"caption": caption, "note": note, "inputs": inputs}
        if len(ends) == 1 and len(stale) == len(inputs):
            return {"caption": caption + as_of_label(next(iter(ends)), self.lang), "note": note, "inputs": inputs}
        parts = [self._names(ids) + as_of_label(p, self.lang) for p, ids in ends.items()]
        parts = [p for p in parts if p not in (note or "")]  # an exhibit marked before (relabel) keeps its note
        if not parts:
            return {"caption": caption, "note": note, "inputs": inputs}
        extra = tr("滞后数据：", "Data lagging: ", self.lang) + tr("；", "; ", self.lang).join(parts)
        sep = tr("；", "; ", self.lang)
        return {"caption": caption, "note": extra if not note else note.rstrip("。.") + sep + extra, "inputs": inputs}

    def _ends(self, ids: Iterable[str]) -> dict[pd.Period, list[str]]:
        """The stale ids among ``ids`` by the month their data end, oldest first."""
        ends: dict[pd.Period, list[str]] = {}
        for sid in ids:
            last = self._rows[sid]["last_period"] if sid in self._rows else None
            if last is not None and bool(self._rows[sid]["stale"]):
                ends.setdefault(_key(last), []).append(sid)
        return dict(sorted(ends.items()))

    def lagging(self, items: Iterable[Any] | None = None, most: int = 3) -> str:
        """'A、B、C等13项（截至2023年8月）；D（截至2024年12月）': the stale inputs among ``items``
        (default: every input of the status table) by the month they end ('' when none is stale)."""
        ids = self._ids(items) if items is not None else list(self._rows)
        return tr("；", "; ", self.lang).join(self._names(i, most) + as_of_label(p, self.lang)
                                              for p, i in self._ends(ids).items())

    def _names(self, ids: list[str], most: int = 3) -> str:
        """'A、B、C等13项' / 'A, B, C and others, 13 in all': the display names of ``ids``, at most ``most`` of them,
        inputs alike but for one part of their name folded into one (:func:`_grouped`)."""
        names = list(dict.fromkeys(self.name(s) for s in ids))
        folded = [n for n in _grouped(names, [()] * len(names), self.lang) if n is not None]  # 41 industries: one
        shown = tr("、", ", ", self.lang).join(folded[:most])
        if len(folded) <= most:
            return shown
        return shown + tr(f"等{len(names)}项", f" and others, {len(names)} in all", self.lang)

    def relabel(self, block: Any) -> Any:
        """A Figure or Table with its caption or note marked for its recorded ``inputs`` (others as given)."""
        import dataclasses

        from macrodesk.reports.model import Figure

        if not isinstance(block, (Figure, Table)) or not block.inputs:
            return block
        ex = self.exhibit(block.caption, [i for i, _ in block.inputs], block.note)
        if ex["caption"] == block.caption and ex["note"] == block.note:
            return block
        if isinstance(block, Figure):
            return block.with_text(ex["caption"], ex["note"])
        return dataclasses.replace(block, caption=ex["caption"], note=ex["note"])

    def relabel_sections(self, sections: Iterable[Section]) -> list[Section]:
        """``sections`` with every exhibit passed through :meth:`relabel`."""
        return [Section(s.heading, tuple(self.relabel(b) for b in s.blocks), level=s.level) for s in sections]

    # -------------------------------------------------------- the box
    def used_stale(self) -> pd.DataFrame:
        """The status rows of the stale inputs used so far."""
        rows = [self._rows[i] for i in self._used if bool(self._rows[i]["stale"])]
        return pd.DataFrame(rows, columns=["id", "last_period", "months_behind", "allowed", "stale"])

    def box(self) -> Section:
        """The data-status section: each stale input used, with its last period and months behind."""
        lang, month = self.lang, self.month
        heading = tr("数据状态", "Data status", lang)
        stale = self.used_stale()
        if stale.empty:
            return Section(heading, (Paragraph(tr(f"本报告所用数据均已更新至{month_label(month)}。",
                                                  f"All data used in this report run to {month_label(month, 'en')}.",
                                                  lang)),))
        stale = stale.assign(months_behind=stale["months_behind"].astype("Int64"), stale=stale["stale"].astype(bool))
        lead = tr(f"下列数据早于报告月份（{month_label(month)}），相关图表和文字已标注数据截至月份：",
                  f"These inputs end before the report month ({month_label(month, 'en')}); the exhibits and "
                  "sentences that use them say when their data end:", lang)
        table = data_status_table(stale, month, name=self.name, lang=lang)
        table = Table(table.data.drop(columns=[tr("状态", "Status", lang)]), table.caption,
                      formats={k: v for k, v in table.formats.items() if k != tr("状态", "Status", lang)},
                      index=False)
        return Section(heading, (Paragraph(lead), table))
