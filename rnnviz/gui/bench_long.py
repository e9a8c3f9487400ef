"""`rnnviz bench --part long`: the window on a sequence longer than memory.

LSTM H=256 over `--long-steps` steps (default 1,000,000) of a sine: the time until the
window is ready to step and its peak RSS, next to a plain one-thread torch.nn.LSTM
forward over the same input (in segments of 100,000 steps, carrying the state: one call
over a million steps fails); then scrubbing to random steps (seek → the whole window
painted) and stepping. Each side runs in its own process, so neither's memory counts
against the other.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time

HIDDEN = 256
# torch.nn.LSTM on the CPU refuses a million steps in one call ("could not create a
# primitive", torch 2.13): the baseline carries (h, c) across calls of this many steps
SEGMENT = 100_000


def _sine(steps: int):
    import numpy as np

    return np.sin(2 * np.pi * 0.05 * np.arange(steps, dtype=np.float32))[:, None, None]


def _torch_forward(steps: int) -> dict:
    import torch

    torch.set_num_threads(1)
    x = torch.from_numpy(_sine(steps))
    module = torch.nn.LSTM(1, HIDDEN)
    state = None
    with torch.no_grad():
        start = time.perf_counter()
        for piece in x.split(SEGMENT):  # one call over 10^6 steps fails in oneDNN
            _, state = module(piece, state)
        seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 2), "segment_steps": SEGMENT,
            "peak_rss_mib": _peak_mib()}


def _window(steps: int, scrubs: int = 200) -> dict:
    from rnnviz.gui.bench_gui import (
        _ensure_platform,
        _percentile,
        painted,
        settled,
        step_latencies,
    )

    _ensure_platform()
    from rnnviz.gui.app import create_window
    from rnnviz.gui.config import Config

    app, window = create_window()
    window.persist = False
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.start(Config(cell="lstm", hidden_size=HIDDEN, length=steps, frequency=0.05))
    window.sim.wait()
    app.processEvents()
    ready = time.perf_counter() - start
    settled(app)
    kind = type(window.sim.trace).__name__
    ready_rss = _peak_mib()
    rng = random.Random(0)
    times = []
    for k in range(scrubs + 10):
        begin = time.perf_counter()
        window.sim.seek(rng.randrange(steps))
        painted(app)
        if k >= 10:  # after a warm-up
            times.append(time.perf_counter() - begin)
    stepping = step_latencies(window, app, 100)
    window.close()
    return {"trace": kind, "ready_s": round(ready, 2), "peak_rss_mib_ready": ready_rss,
            "peak_rss_mib": _peak_mib(),
            "scrub_to_paint_ms": {"p50": round(1e3 * statistics.median(times), 2),
                                  "p95": round(1e3 * _percentile(times, 0.95), 2)},
            "step_to_paint_ms": {"p50": round(1e3 * statistics.median(stepping), 2),
                                 "p95": round(1e3 * _percentile(stepping, 0.95), 2)}}


def _peak_mib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # Linux: KiB


def _in_process(what: str, steps: int) -> dict:
    env = dict(os.environ, RNNVIZ_SETTINGS=os.devnull)
    done = subprocess.run([sys.executable, "-m", "rnnviz.gui.bench_long", what, str(steps)],
                          env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_long(args) -> dict:
    steps = getattr(args, "long_steps", 1_000_000)
    torch_nn = _in_process("torch", steps)
    window = _in_process("window", steps)
    return {"part": "long", "config": f"LSTM H={HIDDEN}, T={steps:,}, sine, window 1400x900",
            "torch_nn_one_thread_forward": torch_nn, "window": window,
            "ready_vs_forward": round(window["ready_s"] / torch_nn["seconds"], 2)}


if __name__ == "__main__":
    which, length = sys.argv[1], int(sys.argv[2])
    print(json.dumps(_torch_forward(length) if which == "torch" else _window(length)))
