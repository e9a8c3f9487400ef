"""100,000 steps of play: memory must not grow by more than 5 % (run with `pytest -m slow`)."""

import time

import pytest
from gui_support import load

from rnnviz.gui.config import Config


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.slow
def test_no_memory_growth_over_100000_steps(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=128, num_layers=2, length=200))

    def play(steps: int) -> None:
        from PySide6.QtWidgets import QApplication

        for _ in range(steps):
            if window.sim.t >= window.sim.length - 1:
                window.sim.seek(0)
            window.transport.forward_action.trigger()
            QApplication.processEvents()

    play(2000)  # warm-up: caches, fonts, pyqtgraph pictures
    before = rss_mib()
    start = time.perf_counter()
    play(STEPS)
    elapsed = time.perf_counter() - start
    after = rss_mib()
    print(f"\nsoak: {STEPS} steps in {elapsed:.0f} s ({STEPS / elapsed:.0f} steps/s), "
          f"RSS {before:.1f} -> {after:.1f} MiB ({after - before:+.1f} MiB, "
          f"{100 * (after - before) / before:+.2f} %)")
    assert after - before <= 0.05 * before, f"memory grew by {after - before:.1f} MiB"


STEPS = 100_000
