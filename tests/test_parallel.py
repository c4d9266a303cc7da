"""Forked work gives the inline results: figures rendered in a batch, fork_map and background."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from macrodesk import _parallel
from macrodesk.exceptions import ModelError
from macrodesk.reports import Figure, rendering_batch

pytestmark = pytest.mark.skipif(_parallel._fork_context() is None, reason="needs fork")


def _charts(n: int):
    from macrodesk.plotting import line_chart

    # real CPI YoY prints (NBS, %): 2025-01..2025-06
    cpi = pd.Series([0.5, -0.7, -0.1, -0.1, -0.1, 0.1], index=pd.period_range("2025-01", periods=6, freq="M"))
    return [line_chart(pd.DataFrame({"CPI同比": cpi + k}), ylabel="%") for k in range(n)]


def test_a_batch_rendered_in_two_processes_is_byte_identical_to_serial(monkeypatch):
    monkeypatch.setattr("macrodesk.reports.model.FIGURE_DPI", 40)
    serial = [Figure(c, f"图{k}") for k, c in enumerate(_charts(5))]
    with rendering_batch(workers=2):
        batched = [Figure(c, f"图{k}") for k, c in enumerate(_charts(5))]
        assert not hasattr(batched[0], "png")  # drawn when the block ends
    assert [f.png for f in batched] == [f.png for f in serial]
    assert [(f.width_px, f.height_px) for f in batched] == [(f.width_px, f.height_px) for f in serial]
    assert len({f.png for f in serial}) == 5  # the figures differ, so the order is checked too
    assert not batched[0].png == serial[1].png


def test_a_failing_batch_closes_its_figures(monkeypatch):
    monkeypatch.setattr("macrodesk.reports.model.FIGURE_DPI", 40)
    charts = _charts(2)
    with pytest.raises(RuntimeError), rendering_batch(workers=2):
        Figure(charts[0], "a")
        raise RuntimeError("view failed")
    assert charts[0].axes == []  # cleared


def test_fork_map_and_background_equal_inline(monkeypatch):
    monkeypatch.setenv(_parallel.WORKERS_ENV, "2")
    assert _parallel.workers() == 2
    pids = _parallel.fork_map(lambda i: (i * i, os.getpid()), 4)
    assert [v for v, _ in pids] == [0, 1, 4, 9]
    assert {p for _, p in pids} != {os.getpid()}  # computed in children
    bg = _parallel.background(lambda: (sum(range(101)), os.getpid()))
    value, pid = bg.result()
    assert value == 5050 and pid != os.getpid()


def test_background_failure_is_the_inline_exception(monkeypatch):
    monkeypatch.setenv(_parallel.WORKERS_ENV, "2")
    calls = []

    def fails():
        calls.append(os.getpid())
        raise ModelError("the MoM of 2017-11 is missing")

    with pytest.raises(ModelError, match="2017-11"):
        _parallel.background(fails).result()
    assert calls == [os.getpid()]  # the parent ran it again (the child's call was in the child)
    # a value that cannot travel back (a lambda does not pickle) is computed here instead
    got = _parallel.background(lambda: (lambda: 7)).result()
    assert got() == 7


def test_one_worker_runs_inline(monkeypatch):
    monkeypatch.setenv(_parallel.WORKERS_ENV, "1")
    assert _parallel.fork_map(lambda i: os.getpid(), 3) == [os.getpid()] * 3
    assert _parallel.background(os.getpid).result() == os.getpid()
    monkeypatch.setenv(_parallel.WORKERS_ENV, "many")
    assert _parallel.workers() == 1


def test_a_figure_recaptioned_inside_a_batch_gets_the_same_png(monkeypatch):
    monkeypatch.setattr("macrodesk.reports.model.FIGURE_DPI", 40)
    serial = Figure(_charts(1)[0], "图1")
    with rendering_batch(workers=1):
        first = Figure(_charts(1)[0], "图1")
        twin = first.with_text("图1（截至2024年12月）", "滞后数据")
    assert twin.png == first.png == serial.png
    assert (twin.caption, twin.note, first.caption) == ("图1（截至2024年12月）", "滞后数据", "图1")
    assert serial.with_text("图2", None).png == serial.png  # outside a batch too


def test_discarding_a_large_value_never_waits_for_ever(monkeypatch):
    """A child whose value is over the pipe's buffer blocks writing it; a child forked later holds the
    pipe's read end too, so discard() must read the value, not just close its end and join."""
    import threading
    import time

    monkeypatch.setenv(_parallel.WORKERS_ENV, "2")
    big = _parallel.background(lambda: b"x" * 2_000_000)  # 2 MB: far over a 64 KiB pipe buffer
    time.sleep(0.3)  # the child is now blocked on its write
    later = _parallel.background(lambda: (time.sleep(0.5), 42)[1])  # forked after: inherits big's read end
    done = threading.Thread(target=big.discard, daemon=True)
    done.start()
    done.join(timeout=20)
    assert not done.is_alive(), "discard() is stuck on a child blocked writing its value"
    assert later.result() == 42
