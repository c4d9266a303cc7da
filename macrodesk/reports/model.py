"""A report described independently of its output format.

A :class:`Report` is a title block, a list of key points and a list of
:class:`Section` s; each section holds blocks (:class:`Paragraph`,
:class:`Bullets`, :class:`Figure`, :class:`Table`, :class:`Notice`). Figures
and tables are numbered when the report is rendered, in the order they appear
across the whole report ("图1", "图2"…, "表1"…; "Figure 1"… in English), so
captions are given without numbers.

The classes are frozen dataclasses; list arguments are stored as tuples.
A :class:`Figure` renders its matplotlib figure to PNG (200 dpi) when it is
constructed and closes it, so building a long report does not accumulate
open figures.
"""

from __future__ import annotations

import datetime as _dt
import io
import struct
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import InitVar, dataclass, field, replace
from typing import TYPE_CHECKING, Any, Union

from macrodesk.exceptions import ReportError
from macrodesk.text.labels import check_lang

if TYPE_CHECKING:  # pragma: no cover
    import matplotlib.figure
    import pandas as pd

__all__ = [
    "Block",
    "Bullets",
    "FIGURE_DPI",
    "FIGURE_KINDS",
    "Figure",
    "Notice",
    "Paragraph",
    "Report",
    "Section",
    "Table",
    "rendering_batch",
]

#: Chart kinds a :class:`Figure` may declare for its data.
FIGURE_KINDS: tuple[str, ...] = ("line", "column", "bar", "stacked", "stacked_bar", "contributions", "scatter")

#: Resolution figures are rasterised at.
FIGURE_DPI = 200

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _text(value: Any, what: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ReportError(f"{what} must be a string, got {type(value).__name__}")
    return value


def _texts(values: Any, what: str) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    if values is None:
        return ()
    try:
        items = tuple(values)
    except TypeError:
        raise ReportError(f"{what} must be a list of strings, got {type(values).__name__}") from None
    for i, v in enumerate(items):
        if not isinstance(v, str):
            raise ReportError(f"{what}[{i}] must be a string, got {type(v).__name__}")
    return items


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text.

    ``lead`` is an optional bold lead-in sentence, the way broker notes open a
    paragraph with their conclusion: ``Paragraph("12月出口同比+6.6%…",
    lead="高基数下出口同比延续回升。")``.
    """

    text: str
    lead: str | None = None

    def __post_init__(self) -> None:
        _text(self.text, "Paragraph text")
        _text(self.lead, "Paragraph lead", optional=True)


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", _texts(self.items, "Bullets items"))


@dataclass(frozen=True)
class Notice:
    """A short highlighted notice, e.g. "缺少输入数据：… 相关图表未生成".

    ``for_analysts=True`` marks a note for the team that builds the report (missing
    series ids, what could not be computed): a client edition (a report rendered
    with a house style, see :meth:`Report.client_edition`) leaves it out.
    """

    text: str
    for_analysts: bool = False

    def __post_init__(self) -> None:
        _text(self.text, "Notice text")


def _inputs(values: Any, what: str) -> tuple[tuple[str, Any], ...]:
    """``((series_id, last_period), …)``: the inputs an exhibit draws on and the last period of each."""
    try:
        items = tuple(values or ())
    except TypeError:
        raise ReportError(f"{what} must be a list of (series id, last period) pairs") from None
    out: list[tuple[str, Any]] = []
    for i, item in enumerate(items):
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
            raise ReportError(f"{what}[{i}] must be a (series id, last period) pair, got {item!r}")
        out.append(item)
    return tuple(out)


def _png_size(png: bytes) -> tuple[int, int]:
    if not png.startswith(_PNG_MAGIC) or len(png) < 24 or png[12:16] != b"IHDR":
        raise ReportError("Figure image is not PNG data")
    w, h = struct.unpack(">II", png[16:24])
    return int(w), int(h)


@dataclass(frozen=True, eq=False)
class Figure:
    """A chart with its caption, source line and optional note.

    ``figure`` is a :class:`matplotlib.figure.Figure` (rendered to PNG at
    :data:`FIGURE_DPI` and closed) or PNG bytes. The PNG is kept in ``png``;
    ``width_px``/``height_px`` give its size.

    ``data`` is the frame behind the chart (one column per series), ``kind``
    its chart type (``line``, ``column``, ``bar``, ``stacked``,
    ``stacked_bar``, ``contributions``, ``scatter``) and ``right`` the columns
    on a secondary axis; the Excel output draws a native chart from them.
    When not given they are taken from a figure made by
    :mod:`macrodesk.plotting.charts`, which records them.

    ``units`` holds the unit of the left (value) axis and, for a chart with a right axis, of the
    right one ("%", "USD 100m"); taken from the axis labels of a matplotlib figure when not given.
    The workbook prints them above the numbers.

    ``inputs`` holds ``(series_id, last_period)`` for each stored series the figure draws on
    (numbers: the last period is a Period or a Timestamp), so a report can say which
    exhibits rest on data older than its month.

    ``width`` is ``"half"`` for a chart drawn no wider than
    :data:`~macrodesk.plotting.HALF_FIGSIZE` (a matplotlib figure's size, or PNG pixels at
    their recorded resolution), else ``"full"``: the PDF and HTML set two consecutive
    half-width figures side by side, the way broker reports pair exhibits. A view pairs two
    charts by drawing both with ``figsize=HALF_FIGSIZE`` and putting nothing between them.
    """

    figure: InitVar[Union["matplotlib.figure.Figure", bytes]]
    caption: str
    source: str | None = None
    note: str | None = None
    data: "pd.DataFrame | None" = field(default=None, repr=False)
    kind: str | None = None
    right: tuple[str, ...] = ()
    inputs: tuple[tuple[str, Any], ...] = ()
    units: tuple[str, ...] = ()
    png: bytes = field(init=False, repr=False)
    width_px: int = field(init=False)
    height_px: int = field(init=False)
    width: str = field(init=False)

    def __post_init__(self, figure: Any) -> None:
        _text(self.caption, "Figure caption")
        _text(self.source, "Figure source", optional=True)
        _text(self.note, "Figure note", optional=True)
        tagged = getattr(figure, "macrodesk_data", None)
        if self.data is None and tagged is not None:
            object.__setattr__(self, "data", tagged[0])
            if self.kind is None:
                object.__setattr__(self, "kind", tagged[1])
            if not self.right:
                object.__setattr__(self, "right", tagged[2])
        if self.data is not None:
            import pandas as pd

            if isinstance(self.data, pd.Series):
                object.__setattr__(self, "data", self.data.to_frame())
            if not isinstance(self.data, pd.DataFrame):
                raise ReportError(f"Figure '{self.caption}': data must be a pandas DataFrame, "
                                  f"got {type(self.data).__name__}")
        if self.data is not None and self.kind is None:
            object.__setattr__(self, "kind", "line")
        if self.kind is not None and self.kind not in FIGURE_KINDS:
            raise ReportError(f"Figure '{self.caption}': unknown kind {self.kind!r}; "
                              f"choose from {', '.join(FIGURE_KINDS)}")
        object.__setattr__(self, "right", _texts(self.right, "Figure right"))
        object.__setattr__(self, "units", tuple(str(u) for u in self.units))
        object.__setattr__(self, "inputs", _inputs(self.inputs, "Figure inputs"))
        if isinstance(figure, (bytes, bytearray, memoryview)):
            png = bytes(figure)
            object.__setattr__(self, "width", _slot(_png_size(png)[0] / _png_dpi(png)))
        else:
            try:
                from matplotlib.figure import Figure as MplFigure
            except ImportError:  # pragma: no cover
                raise ReportError("matplotlib is required to build a report Figure") from None
            if not isinstance(figure, MplFigure):
                raise ReportError(
                    f"Figure expects a matplotlib Figure or PNG bytes, got {type(figure).__name__}"
                )
            object.__setattr__(self, "width", _slot(float(figure.get_figwidth())))
            if not self.units:
                object.__setattr__(self, "units", _axis_units(figure, self.kind))
            if _batch is not None:
                _batch.append(([self], figure))  # rendered when the batch ends (see rendering_batch)
                if _stream is not None:
                    _stream.poke()
                return
            png = _png_of(figure)
        self._set_png(png)

    def with_text(self, caption: str, note: str | None) -> "Figure":
        """The same figure with another caption and note (drawn once, also inside a :func:`rendering_batch`)."""
        import copy

        _text(caption, "Figure caption")
        _text(note, "Figure note", optional=True)
        twin = copy.copy(self)
        object.__setattr__(twin, "caption", caption)
        object.__setattr__(twin, "note", note)
        if "png" not in self.__dict__:  # still to be drawn: the twin gets the same PNG when the batch ends
            for items, _ in _batch or ():
                if any(item is self for item in items):
                    items.append(twin)
                    break
        return twin

    def _set_png(self, png: bytes) -> None:
        w, h = _png_size(png)
        object.__setattr__(self, "png", png)
        object.__setattr__(self, "width_px", w)
        object.__setattr__(self, "height_px", h)


def _axis_units(figure: Any, kind: str | None) -> tuple[str, ...]:
    """The value-axis labels of a matplotlib chart: the left (or, for horizontal bars, the bottom) axis,
    then any right axis; () for a scatter, whose axis labels name its variables."""
    if kind == "scatter" or not figure.axes:
        return ()
    first = figure.axes[0]
    left = first.get_xlabel() if kind in ("bar", "stacked_bar") else first.get_ylabel()
    right = [ax.get_ylabel() for ax in figure.axes[1:] if ax.get_ylabel() and ax.bbox.bounds == first.bbox.bounds]
    return tuple([left.strip()] if left.strip() else [""] if right else []) + tuple(r.strip() for r in right[:1])


def _slot(inches: float) -> str:
    """``"half"`` for a chart drawn no wider than :data:`~macrodesk.plotting.HALF_FIGSIZE`, else ``"full"``."""
    from macrodesk.plotting._style import HALF_FIGSIZE

    return "half" if inches <= HALF_FIGSIZE[0] + 0.005 else "full"  # PNG resolutions are whole pixels a metre


def _png_dpi(png: bytes) -> float:
    """The horizontal resolution a PNG records (pHYs, pixels per metre), else :data:`FIGURE_DPI`."""
    at = png.find(b"pHYs", 12, 4096)
    if at < 0 or len(png) < at + 13 or png[at + 12] != 1:
        return float(FIGURE_DPI)
    ppm = struct.unpack(">I", png[at + 4:at + 8])[0]
    return ppm * 0.0254 if ppm > 0 else float(FIGURE_DPI)


def _png_of(figure: Any) -> bytes:
    """The PNG of a matplotlib figure at :data:`FIGURE_DPI`; the figure is closed."""
    png = _png_bytes(figure)
    _close(figure)
    return png


def _png_bytes(figure: Any) -> bytes:
    """The figure drawn by Agg at :data:`FIGURE_DPI` on white, as PNG (:func:`_encode_png`)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    pixels = io.BytesIO()
    figure.savefig(pixels, format="raw", dpi=FIGURE_DPI, facecolor="white")  # the RGBA buffer savefig(png) encodes
    r = canvas.renderer
    rgba = np.frombuffer(pixels.getbuffer(), np.uint8).reshape(int(r.height), int(r.width), 4)
    return _encode_png(rgba, FIGURE_DPI)


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    import zlib

    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def _encode_png(rgba: Any, dpi: float) -> bytes:
    """PNG of an ``(h, w, 4)`` uint8 RGBA array: RGB when every pixel is opaque, rows unfiltered.

    The pixels are those matplotlib's PNG writer stores; what differs is the encoding. Its
    writer (Pillow) tries the five PNG row filters on every row, which suits photographs;
    charts are flat colour, where unfiltered rows deflate smaller (about a fifth here) and
    in about half the time. The resolution is recorded as matplotlib records it (pHYs).
    """
    import zlib

    import numpy as np

    h, w, _ = rgba.shape
    opaque = bool((rgba[..., 3] == 255).all())
    c = 3 if opaque else 4
    rows = np.zeros((h, 1 + w * c), np.uint8)  # each row: filter type 0, then its pixels
    rows[:, 1:].reshape(h, w, c)[...] = rgba[..., :c]
    ppm = int(dpi / 0.0254 + 0.5)
    return (_PNG_MAGIC + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2 if opaque else 6, 0, 0, 0))
            + _png_chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
            + _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 6)) + _png_chunk(b"IEND", b""))


def _close(fig: Any) -> None:
    """Close a matplotlib figure: drop it from pyplot (if it is managed there) and clear it."""
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        try:
            plt.close(fig)
        except Exception:  # pragma: no cover - not a pyplot figure
            pass
    fig.clear()


# ---------------------------------------------------------------- rendering many figures at once
#: A batch with fewer figures than this is rendered in one process (starting processes would not pay).
PARALLEL_MIN_FIGURES = 4
#: While a batch is open, a forked process starts drawing as soon as this many figures wait.
STREAM_FIGURES = 3

_batch: list[tuple[list[Figure], Any]] | None = None
_stream: "_Stream | None" = None


class _Stream:
    """The PNGs of an open batch, drawn in forked processes while the report is still being built.

    Figures are handed out in the order they were made: ``[sent:]`` wait; each job draws a
    slice ``[lo:hi]`` in a child forked when the slice was complete (so it sees the figures
    as they are, and as they stay: a Figure's chart is not changed after it is made). While
    the block runs, at most ``workers - 1`` children draw :data:`STREAM_FIGURES` figures each,
    beside the process that builds; at the end the rest is split between this process and
    one more child so that both cores finish together.
    """

    def __init__(self, pending: list[tuple[list[Figure], Any]], workers: int) -> None:
        self.pending = pending
        self.workers = workers
        self.sent = 0
        self.jobs: list[tuple[int, int, Any]] = []  # (lo, hi, Background of the PNGs of pending[lo:hi])

    def _start(self, lo: int, hi: int) -> None:
        from macrodesk._parallel import background

        figs = [fig for _, fig in self.pending[lo:hi]]
        self.jobs.append((lo, hi, background(lambda: [_png_bytes(f) for f in figs], self.workers)))
        self.sent = hi

    def poke(self) -> None:
        """A figure was added: start drawing the waiting ones when enough wait and a process is free."""
        n = len(self.pending)
        if self.workers < 2 or n < PARALLEL_MIN_FIGURES or n - self.sent < STREAM_FIGURES:
            return
        if sum(1 for _, _, job in self.jobs if not job.ready()) < self.workers - 1:
            self._start(self.sent, self.sent + STREAM_FIGURES)  # a few at a time: the rest are split at the end

    def finish(self) -> list[bytes]:
        """Every PNG in order: the figures still waiting split between this process and one more child."""
        n, lo = len(self.pending), self.sent
        mid = n
        if self.workers > 1 and n >= PARALLEL_MIN_FIGURES and n - lo >= 2:
            # this process takes half of what is left to draw, counting what children still draw
            busy = sum(b - a for a, b, job in self.jobs if not job.ready())
            mid = lo + min(n - lo - 1, (n - lo + busy + 1) // 2)
            self._start(mid, n)  # the later part in a child, the earlier part here meanwhile
        pngs: list[Any] = [None] * n
        pngs[lo:mid] = [_png_bytes(fig) for _, fig in self.pending[lo:mid]]
        for a, b, job in self.jobs:
            pngs[a:b] = job.result()
        return pngs

    def discard(self) -> None:
        for _, _, job in self.jobs:
            job.discard()


@contextmanager
def rendering_batch(workers: int | None = None) -> Iterator[None]:
    """Render the PNGs of the :class:`Figure` s made inside the block together; they are set when it ends.

    With ``workers`` > 1 (default :func:`macrodesk._parallel.workers`: ``MACRODESK_WORKERS``
    or ``min(2, CPUs)``) and at least :data:`PARALLEL_MIN_FIGURES` figures, they are drawn
    in forked processes that run the same code on the same figures and settings as this
    one, so the PNG bytes are those of serial rendering: while the block runs, a child
    draws each run of :data:`STREAM_FIGURES` finished figures as the next ones are built;
    when it ends, what is left is split between this process and one more child. A
    Figure's ``png`` is set when the block ends. Nested blocks join the outermost one.
    """
    global _batch, _stream
    if _batch is not None:
        yield
        return
    from macrodesk._parallel import workers as default_workers

    pending: list[tuple[list[Figure], Any]] = []
    stream = _Stream(pending, default_workers() if workers is None else max(1, int(workers)))
    _batch, _stream = pending, stream
    try:
        yield
    except BaseException:
        stream.discard()
        for _, fig in pending:
            _close(fig)
        raise
    finally:
        _batch, _stream = None, None
    try:
        pngs = stream.finish()
    except BaseException:
        stream.discard()
        for _, fig in pending:
            _close(fig)
        raise
    for (items, fig), png in zip(pending, pngs):
        _close(fig)
        for item in items:
            item._set_png(png)


@dataclass(frozen=True, eq=False)
class Table:
    """A table with its caption, source line and optional note.

    ``formats`` maps a column name to a format: a format spec (``".1f"``,
    ``"+.2f"``, ``".1%"``), a ``str.format`` template (``"{:.1f}%"``) or a
    callable value -> str. Columns without a format print floats with one
    decimal place and everything else with ``str``. Missing values print as
    ``"—"``. Numeric columns are right-aligned.

    ``index``: whether the DataFrame index is shown as the first column;
    ``None`` (default) shows it unless it is a plain ``RangeIndex``.

    ``inputs``: ``(series_id, last_period)`` of each stored series the table draws on, as for
    :class:`Figure`.
    """

    data: "pd.DataFrame"
    caption: str
    source: str | None = None
    note: str | None = None
    formats: Mapping[str, Any] = field(default_factory=dict)
    index: bool | None = None
    inputs: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        import pandas as pd

        if isinstance(self.data, pd.Series):
            object.__setattr__(self, "data", self.data.to_frame())
        if not isinstance(self.data, pd.DataFrame):
            raise ReportError(f"Table data must be a pandas DataFrame, got {type(self.data).__name__}")
        _text(self.caption, "Table caption")
        if self.data.shape[1] == 0:
            raise ReportError(f"Table '{self.caption}' has no columns")
        _text(self.source, "Table source", optional=True)
        _text(self.note, "Table note", optional=True)
        formats = dict(self.formats or {})
        unknown = [c for c in formats if c not in self.data.columns]
        if unknown:
            raise ReportError(
                f"Table '{self.caption}': formats given for columns not in the table: "
                f"{', '.join(map(str, unknown))}; columns are: {', '.join(map(str, self.data.columns))}"
            )
        object.__setattr__(self, "data", self.data.copy())
        object.__setattr__(self, "formats", formats)
        object.__setattr__(self, "inputs", _inputs(self.inputs, "Table inputs"))

    @property
    def shows_index(self) -> bool:
        import pandas as pd

        if self.index is not None:
            return bool(self.index)
        return not (isinstance(self.data.index, pd.RangeIndex) and self.data.index.name is None)

    def cells(self) -> tuple[list[str], list[list[str]], list[bool]]:
        """``(header, rows, right_aligned)`` as display strings, index first if shown."""
        from pandas.api import types as ptypes

        df = self.data
        header: list[str] = []
        columns: list[list[str]] = []
        numeric: list[bool] = []
        if self.shows_index:
            header.append("" if df.index.name is None else str(df.index.name))
            columns.append(_index_cells(df.index))
            numeric.append(False)
        for j, col in enumerate(df.columns):
            s = df.iloc[:, j]
            header.append(_col_name(col))
            fmt = self.formats.get(col)
            columns.append([_cell(v, fmt, self.caption, col) for v in s])
            numeric.append(bool(ptypes.is_numeric_dtype(s.dtype) and not ptypes.is_bool_dtype(s.dtype)))
        rows = [list(r) for r in zip(*columns)] if len(df) else []
        return header, rows, numeric


def _col_name(col: Any) -> str:
    if isinstance(col, tuple):
        return " ".join(str(c) for c in col if str(c))
    return str(col)


def _index_cells(index: "pd.Index") -> list[str]:
    """Index labels; a date index whose stamps are all month starts or all month ends prints as 2025-12."""
    import pandas as pd

    if isinstance(index, pd.DatetimeIndex) and len(index) and (index == index.normalize()).all():
        if (index.day == 1).all() or index.is_month_end.all():
            return ["—" if pd.isna(t) else t.strftime("%Y-%m") for t in index]
    return [_index_cell(v) for v in index]


def _index_cell(v: Any) -> str:
    import pandas as pd

    if isinstance(v, pd.Period):
        return str(v)
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d") if v == v.normalize() else v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, tuple):
        return " ".join(str(x) for x in v)
    return str(v)


def _cell(v: Any, fmt: Any, caption: str, col: Any) -> str:
    import numpy as np
    import pandas as pd

    from macrodesk.text.format import MISSING

    try:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return MISSING
    except (TypeError, ValueError):
        pass
    if fmt is None:
        if isinstance(v, (float, np.floating)):
            from macrodesk.text.format import num

            return num(v, 1)
        return _index_cell(v)
    try:
        if callable(fmt):
            return str(fmt(v))
        if "{" in fmt:
            return fmt.format(v)
        return format(v, fmt)
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        raise ReportError(f"Table '{caption}', column {col!r}: cannot format {v!r} with {fmt!r}: {exc}") from None


Block = Union[Paragraph, Bullets, Figure, Table, Notice]
_BLOCK_TYPES = (Paragraph, Bullets, Figure, Table, Notice)


@dataclass(frozen=True)
class Section:
    """A heading and its blocks. ``level`` 1 is a chapter, 2 a sub-section, 3 a sub-sub-section."""

    heading: str
    blocks: Sequence[Block | str] = ()  # stored as a tuple of blocks (a str becomes a Paragraph)
    level: int = 1

    def __post_init__(self) -> None:
        _text(self.heading, "Section heading")
        if isinstance(self.blocks, _BLOCK_TYPES):
            blocks: tuple[Any, ...] = (self.blocks,)
        else:
            try:
                blocks = tuple(self.blocks)
            except TypeError:
                raise ReportError(
                    f"Section '{self.heading}': blocks must be a list, got {type(self.blocks).__name__}"
                ) from None
        blocks = tuple(Paragraph(b) if isinstance(b, str) else b for b in blocks)
        for i, b in enumerate(blocks):
            if not isinstance(b, _BLOCK_TYPES):
                raise ReportError(
                    f"Section '{self.heading}': block {i} is a {type(b).__name__}; expected one of "
                    "Paragraph, Bullets, Figure, Table, Notice (or a str for a paragraph)"
                )
        if self.level not in (1, 2, 3):
            raise ReportError(f"Section '{self.heading}': level must be 1, 2 or 3, got {self.level!r}")
        object.__setattr__(self, "blocks", blocks)


@dataclass(frozen=True)
class Report:
    """A whole report.

    ``date`` may be a string ("2026年1月14日") or a date (formatted for
    ``lang``). ``summary`` holds the key points shown in a box under the
    title. ``toc=True`` adds a table of contents; ``number_sections=True``
    numbers headings "1", "1.1"… (leave it off if headings carry their own).
    """

    title: str
    subtitle: str | None = None
    date: str | _dt.date | None = None
    author: str | None = None
    lang: str = "zh"
    summary: Sequence[str] = ()  # stored as a tuple
    sections: Sequence[Section] = ()  # stored as a tuple
    disclaimer: str | None = None
    toc: bool = False
    number_sections: bool = False

    def __post_init__(self) -> None:
        _text(self.title, "Report title")
        _text(self.subtitle, "Report subtitle", optional=True)
        _text(self.author, "Report author", optional=True)
        _text(self.disclaimer, "Report disclaimer", optional=True)
        check_lang(self.lang)
        if self.date is not None and not isinstance(self.date, (str, _dt.date)):
            raise ReportError(f"Report date must be a string or a date, got {type(self.date).__name__}")
        object.__setattr__(self, "summary", _texts(self.summary, "Report summary"))
        if isinstance(self.sections, Section):
            sections: tuple[Any, ...] = (self.sections,)
        else:
            sections = tuple(self.sections or ())
        for i, s in enumerate(sections):
            if not isinstance(s, Section):
                raise ReportError(f"Report sections[{i}] is a {type(s).__name__}; expected a Section")
        object.__setattr__(self, "sections", sections)

    @property
    def date_text(self) -> str | None:
        """The date as printed: strings verbatim, dates as 2026年01月14日 / 14 Jan 2026."""
        d = self.date
        if d is None or isinstance(d, str):
            return d
        from macrodesk.text.labels import MONTHS_EN as _MONTHS_EN
        from macrodesk.text.labels import tr

        return tr(f"{d.year}年{d.month:02d}月{d.day:02d}日", f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}", self.lang)

    def analyst_notes(self) -> list[str]:
        """The texts of the notices marked ``for_analysts``, in report order."""
        return [b.text for s in self.sections for b in s.blocks if isinstance(b, Notice) and b.for_analysts]

    def client_edition(self) -> "Report":
        """This report without its notes for analysts; a section left with no blocks is dropped."""
        sections = []
        for s in self.sections:
            blocks = [b for b in s.blocks if not (isinstance(b, Notice) and b.for_analysts)]
            if blocks or not s.blocks:
                sections.append(s if len(blocks) == len(s.blocks) else replace(s, blocks=blocks))
        return replace(self, sections=sections)

    def figures(self) -> list[Figure]:
        """All figures in report order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    def tables(self) -> list[Table]:
        """All tables in report order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def inputs(self) -> dict[str, Any]:
        """``{series_id: last_period}`` over the inputs of every figure and table, in report order."""
        out: dict[str, Any] = {}
        for s in self.sections:
            for b in s.blocks:
                if isinstance(b, (Figure, Table)):
                    out.update(dict(b.inputs))
        return out

