"""`rnnviz bench --part gui`: step latency, play rate and time to first paint.

Step latency is click → painted for the whole window: the Step action fires, every
view updates its items, and the event loop then delivers what that queued — the scenes'
change notifications and every paint event — until nothing is pending. The clock stops
there. (A synchronous `window.repaint()` is not enough: it repaints the plain widgets
but leaves the pyqtgraph views to the event loop, so it timed everything but the graph.)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time


def _ensure_platform() -> None:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def step_latencies(window, app, steps: int) -> list[float]:
    """Seconds from the Step action to the whole window painted, for `steps` steps."""
    times = []
    for _ in range(steps):
        if window.sim.position >= window.sim.length - 1:
            window.sim.seek(0)
            app.processEvents()
        start = time.perf_counter()
        window.transport.forward_action.trigger()
        painted(app)
        times.append(time.perf_counter() - start)
    return times


def settled(app, timeout_s: float = 60.0) -> None:
    """Wait for the window's one-off background imports (the first optimizer's, started
    after the first trace): they hold the interpreter for a second or two after launch,
    and the numbers here are for the window in use, not in its first seconds."""
    from rnnviz.gui.training_run import warmed_up

    deadline = time.perf_counter() + timeout_s
    while not warmed_up.is_set() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.02)


def painted(app) -> None:
    """Deliver what a change queued (scene updates, then the paints they ask for) until
    nothing is pending: the moment a user sees the new step everywhere."""
    app.sendPostedEvents()
    app.processEvents()


def stage_latencies(window, app) -> dict:
    """Step → painted on the stage at 1920×1080: graph + cell, and each view alone."""
    window.resize(1920, 1080)
    result = {}
    for names in (["graph", "cell"], ["cell"], ["equations"], ["states"], ["gradients"]):
        window.stage_control.enter(names, fullscreen=False, hint=False)
        app.processEvents()
        step_latencies(window, app, 10)  # warm-up
        times = step_latencies(window, app, 100)
        result["+".join(names)] = {"p50": round(1e3 * statistics.median(times), 2),
                                   "p95": round(1e3 * _percentile(times, 0.95), 2)}
    window.stage_control.leave()
    window.resize(1400, 900)
    app.processEvents()
    return result


def play_rate(window, app, speed: int, seconds: float) -> dict:
    """Steps per second played, and distinct steps painted per second, at `speed`."""
    from PySide6.QtCore import QEventLoop, QTimer

    window.sim.seek(0)
    app.processEvents()
    window.transport.speed.setValue(speed)
    shown = []
    window.sim.cursor_changed.connect(shown.append)
    loop = QEventLoop()
    watch = QTimer(interval=5)  # stop at the time limit or when play reaches the end
    begin = time.perf_counter()
    watch.timeout.connect(lambda: loop.quit() if not window.transport.playing or
                          time.perf_counter() - begin > seconds else None)
    window.transport.toggle_play()
    watch.start()
    loop.exec()
    elapsed = time.perf_counter() - begin
    watch.stop()
    window.transport.pause()
    window.sim.cursor_changed.disconnect(shown.append)
    return {"asked": speed, "steps_per_s": round(window.sim.position / elapsed, 1),
            "paints_per_s": round(len(shown) / elapsed, 1)}


def edit_latencies(window, app, edits: int) -> list[float]:
    """Seconds from an edit applied (a forget gate held at 1 from a step that changes each
    time, so the run is recomputed every time) to the whole window painted again: the
    recompute in the worker, every view redrawn, every paint done."""
    from PySide6.QtCore import QEventLoop, QTimer

    times = []
    base = window.sim.requested.with_(edits=None)
    length = window.sim.length
    for k in range(edits):
        config = base.with_(edits=f"clamp f=1@{1 + k % (length - 2)}:")
        loop = QEventLoop()
        window.sim.trace_changed.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        start = time.perf_counter()
        window.start(config)
        loop.exec()
        window.sim.trace_changed.disconnect(loop.quit)
        painted(app)
        times.append(time.perf_counter() - start)
    window.start(base)
    window.sim.wait()
    app.processEvents()
    return times


READY_CONFIGS = (("LSTM H=1024, 2 layers, T=2000", dict(hidden_size=1024, num_layers=2,
                                                           length=2000)),
                 ("LSTM H=256, T=20000", dict(hidden_size=256, length=20000)))


def ready_seconds(window, app) -> dict:
    """A new network → the window ready to step (trace computed, every view drawn)."""
    from rnnviz.gui.config import Config

    result = {}
    for name, fields in READY_CONFIGS:
        start = time.perf_counter()
        window.start(Config(cell="lstm", **fields))
        window.sim.wait()
        app.processEvents()
        result[name] = round(time.perf_counter() - start, 2)
    return result


def launch_seconds(repeat: int = 3) -> dict:
    """Time to the window's first paint, next to `python -c "import torch"`."""
    env = dict(os.environ, RNNVIZ_EXIT_AFTER_PAINT="1")

    def best(cmd: list[str]) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return min(times)

    return {"window_painted_s": round(best([sys.executable, "-m", "rnnviz"]), 3),
            "import_torch_s": round(best([sys.executable, "-c", "import torch"]), 3)}


def bench_gui(args) -> dict:
    _ensure_platform()
    from rnnviz.gui.app import create_window
    from rnnviz.gui.config import Config

    app, window = create_window()
    window.resize(1400, 900)
    window.show()
    config = Config(cell="lstm", hidden_size=128, num_layers=2, length=200)
    window.start(config)
    window.sim.wait()
    app.processEvents()
    settled(app)
    step_latencies(window, app, 20)  # warm-up
    times = step_latencies(window, app, 200)
    edit_latencies(window, app, 3)  # warm-up
    edited = edit_latencies(window, app, 40)
    stage = stage_latencies(window, app)
    play = [play_rate(window, app, 60, 2.0), play_rate(window, app, 240, 2.0)]
    window.start(Config(cell="lstm", hidden_size=256, length=1000))  # the top size
    window.sim.wait()
    app.processEvents()
    edit_latencies(window, app, 3)  # warm-up
    big = edit_latencies(window, app, 30)
    result = {
        "part": "gui",
        "platform": app.platformName(),
        "config": "LSTM H=128, 2 layers, T=200, window 1400x900",
        "step_to_paint_ms": {"p50": round(1e3 * statistics.median(times), 2),
                             "p95": round(1e3 * _percentile(times, 0.95), 2),
                             "max": round(1e3 * max(times), 2)},
        "edit_to_repaint_ms": {"p50": round(1e3 * statistics.median(edited), 2),
                               "p95": round(1e3 * _percentile(edited, 0.95), 2)},
        "edit_to_repaint_ms_lstm_h256_t1000": {"p50": round(1e3 * statistics.median(big), 2),
                                               "p95": round(1e3 * _percentile(big, 0.95), 2)},
        "play": play,
        "stage_1920x1080_step_to_paint_ms": stage,
        "ready_to_step_s": ready_seconds(window, app),
    }
    window.close()
    result.update(launch_seconds())
    return result


def bench_export(args) -> dict:
    """A 2× PNG of the 1400×900 window, 2× figures of the graph and the cell, and a
    100-frame GIF of the 1280×800 window (render + encode)."""
    import tempfile
    from pathlib import Path

    _ensure_platform()
    from rnnviz.export import write_animation, write_png
    from rnnviz.gui.app import create_window
    from rnnviz.gui.capture import render_rgba, step_frames
    from rnnviz.gui.config import Config
    from rnnviz.gui.pictures import Picture, save_picture, surface

    app, window = create_window()
    window.persist = False
    window.resize(1400, 900)
    window.show()
    window.start(Config(cell="lstm", hidden_size=16, num_layers=2, length=120))
    window.sim.wait()
    app.processEvents()
    result = {"part": "export"}

    def timed(name: str, work, repeat: int = 5) -> None:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        result[name] = {"best": round(1e3 * min(times)),
                        "median": round(1e3 * statistics.median(times))}

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        timed("window_1400x900_png_2x_ms",
              lambda: write_png(render_rgba(window, 2.0), out / "w.png", dpi=192))
        for view, size in (("graph", (1600, 800)), ("cell", (1200, 620))):
            def figure(view=view, size=size):
                with surface(window, Picture("figure", (view,), *size, 2.0)) as widget:
                    save_picture(widget, out / f"{view}.png", 2.0, view)
            timed(f"{view}_figure_{size[0]}x{size[1]}_png_2x_ms", figure)
        window.resize(1280, 800)
        app.processEvents()
        start = time.perf_counter()
        report = write_animation(step_frames(window, window, range(100)), out / "a.gif", 10)
        result.update(gif_100_frames_s=round(time.perf_counter() - start, 2),
                      gif_frames=report.frames, gif_colours=report.colour_note(),
                      gif_mib=round((out / "a.gif").stat().st_size / 2**20, 1))
    window.close()
    return result
