"""`rnnviz snapshot` and `rnnviz animate`: the window's renderer with no window shown."""

from __future__ import annotations

import os
import time

from rnnviz.core.errors import RnnvizError
from rnnviz.export import ANIMATION_SUFFIXES, IMAGE_SUFFIXES, prepare_target


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise RnnvizError(f"--size {text!r}: write it as WIDTHxHEIGHT, e.g. 1400x900") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise RnnvizError(f"--size {text}: width 320..8000 and height 240..8000")
    return width, height


def open_window(args):
    """An offscreen window on the flags' configuration, computed and ready to render."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a visible window, display or not
    from rnnviz.gui.app import create_window
    from rnnviz.gui.config import Config

    if not args.scale or not 0.25 <= args.scale <= 4:
        raise RnnvizError(f"--scale {args.scale}: use a value from 0.25 to 4")
    app, window = create_window()
    window.persist = False  # a script must not change the user's saved layout
    window.warm_up_training = False  # nothing trains here: no background imports at exit
    window.resize(*parse_size(args.size))
    window.show()
    errors = []
    window.sim.error.connect(errors.append)
    window.start(Config.from_args(args))
    if window.last_error:
        raise RnnvizError(window.last_error)
    for _ in range(3):  # the trace, then gradients it asks for, then the layout settling
        window.sim.wait()
        app.processEvents()
    if errors:
        raise RnnvizError(errors[0].splitlines()[0])
    return app, window


def check_step(window, step: int | None, name: str = "--step") -> int:
    length = window.sim.length
    if step is None:
        return length - 1
    if not 0 <= step < length:
        raise RnnvizError(f"{name} {step} is outside the sequence: use 0..{length - 1}")
    return step


def snapshot(args) -> str:
    from rnnviz.export import write_png
    from rnnviz.gui.capture import panel_widget, render_rgba, write_svg

    path = prepare_target(args.output, IMAGE_SUFFIXES, args.force)
    app, window = open_window(args)
    window.sim.seek(check_step(window, args.step))
    app.processEvents()
    widget = panel_widget(window, args.panel)
    start = time.perf_counter()
    if path.suffix.lower() == ".svg":
        write_svg(widget, path, f"rnnviz {args.panel} at {window.sim.where()}")
    else:
        write_png(render_rgba(widget, args.scale), path, dpi=96 * args.scale)
    ms = (time.perf_counter() - start) * 1e3
    window.close()
    return f"wrote {path} ({args.panel}, {window.sim.where()}, {ms:.0f} ms)"


def animate(args) -> str:
    from rnnviz.export import MP4_MISSING, mp4_writer, write_gif, write_mp4
    from rnnviz.gui.capture import panel_widget, step_frames

    path = prepare_target(args.output, ANIMATION_SUFFIXES, args.force)
    if path.suffix.lower() == ".mp4" and mp4_writer() is None:
        raise RnnvizError(MP4_MISSING)
    if not 0.5 <= args.fps <= 50:
        raise RnnvizError(f"--fps {args.fps}: use 0.5 to 50 frames per second")
    app, window = open_window(args)
    first = check_step(window, args.first if args.first is not None else 0, "--from")
    last = check_step(window, args.last, "--to")
    if last < first:
        raise RnnvizError(f"--from {first} --to {last} is an empty range; --to must be ≥ --from")
    frames = step_frames(window, panel_widget(window, args.panel), range(first, last + 1),
                         args.scale)
    start = time.perf_counter()
    writer = write_gif if path.suffix.lower() == ".gif" else write_mp4
    count = writer(frames, path, args.fps)
    seconds = time.perf_counter() - start
    window.close()
    return f"wrote {path}: {count} frames (t = {first}..{last}) in {seconds:.1f} s"
