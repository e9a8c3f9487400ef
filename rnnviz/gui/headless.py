"""`rnnviz snapshot` and `rnnviz animate`: the window's renderer with no window shown.

Three kinds of picture, one renderer: the whole window (`--panel window`, the default),
one view as a figure (`--panel cell`: the drawing alone, `--size` is the figure's size),
and the stage (`--stage graph,cell`: the layout F5 shows, `--size` is the screen's).
"""

from __future__ import annotations

import os
import sys
import time

from rnnviz.core.errors import RnnvizError
from rnnviz.export import ANIMATION_SUFFIXES, IMAGE_SUFFIXES, prepare_target

WINDOW_SIZE = (1400, 900)
STAGE_SIZE = (1920, 1080)


def picture_request(args):
    """The Picture the flags ask for, checked before any work (the figure's default size
    is filled in once the window exists)."""
    from rnnviz.figure_size import check_figure_size, parse_size
    from rnnviz.gui.pictures import Picture
    from rnnviz.gui.stage import parse_views

    size = parse_size(args.size) if args.size else None
    if args.stage and args.panel not in (None, "window"):
        raise RnnvizError("give either --panel (one view as a figure) or --stage (the stage "
                          "layout), not both")
    beside = getattr(args, "side_by_side", None)
    if beside and (args.stage or args.panel not in (None, "window")):
        raise RnnvizError("--side-by-side is a picture of its own: leave out --panel and "
                          "--stage")
    if beside:
        from rnnviz.gui.side_by_side import SHORT_NAMES

        kind, views, size = "side", (SHORT_NAMES[beside],), size or STAGE_SIZE
    elif args.stage:
        kind, views, size = "stage", tuple(parse_views(args.stage)), size or STAGE_SIZE
    elif args.panel and args.panel != "window":
        kind, views = "figure", (args.panel,)
    else:
        kind, views, size = "window", (), size or WINDOW_SIZE
    if size is not None:  # an animation's frames are counted once its steps are known
        check_figure_size(*size, args.scale)
    else:
        check_figure_size(64, 64, args.scale)
    width, height = size or (0, 0)
    return Picture(kind, views, width, height, args.scale)


PLATFORM_NOTES = ("This plugin does not support propagateSizeHints()",)


def _quiet_platform_notes() -> None:
    """The offscreen platform's notes about what it cannot do are Qt's, not the user's: a
    headless render prints rnnviz's own lines only (other Qt messages still go through)."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if message not in PLATFORM_NOTES:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def open_window(args, picture):
    """An offscreen window on the flags' configuration, computed and ready to render."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a visible window, display or not
    _quiet_platform_notes()
    from rnnviz.gui.app import create_window
    from rnnviz.gui.config import Config

    app, window = create_window()
    window.persist = False  # a script must not change the user's saved layout
    window.warm_up_training = False  # nothing trains here: no background imports at exit
    if picture.kind == "window":
        window.resize(picture.width, picture.height)
        window.fit_docks()
    else:
        window.resize(*WINDOW_SIZE)
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
    select_cell(window, args)
    return app, window


def select_cell(window, args) -> None:
    """--layer (numbered from 1, as the window numbers them), --direction, --unit."""
    sim = window.sim
    spec = sim.spec
    layer, direction, unit = getattr(args, "layer", None), getattr(args, "direction", None), \
        getattr(args, "unit", None)
    if layer is not None and not 1 <= layer <= spec.num_layers:
        raise RnnvizError(f"--layer {layer}: this network has layers 1..{spec.num_layers}")
    if direction == "bwd" and not spec.bidirectional:
        raise RnnvizError("--direction bwd: this network is not bidirectional; use fwd")
    if unit is not None and not 0 <= unit < spec.hidden_size:
        raise RnnvizError(f"--unit {unit}: units go from 0 to {spec.hidden_size - 1}")
    sim.select(layer=None if layer is None else layer - 1, direction=direction, unit=unit)


def with_size(window, picture):
    """A figure without --size gets the size that suits its view."""
    from dataclasses import replace

    from rnnviz.figure_size import check_figure_size
    from rnnviz.gui.figure import default_size

    if picture.width:
        return picture
    width, height = default_size(window, picture.views[0])
    check_figure_size(width, height, picture.scale)
    return replace(picture, width=width, height=height)


def check_step(window, step: int | None, name: str = "--step") -> int:
    length = window.sim.length
    if step is None:
        return length - 1
    if not 0 <= step < length:
        raise RnnvizError(f"{name} {step} is outside the sequence: use 0..{length - 1}")
    return step


def _what(picture) -> str:
    if picture.kind == "side":
        return f"side by side with {picture.views[0]}"
    return picture.kind if picture.kind == "window" else \
        f"{picture.kind} {'+'.join(picture.views)}"


def snapshot(args) -> str:
    from rnnviz.gui.pictures import save_picture, surface

    path = prepare_target(args.output, IMAGE_SUFFIXES, args.force)
    picture = picture_request(args)
    app, window = open_window(args, picture)
    window.sim.seek(check_step(window, args.step))
    app.processEvents()
    picture = with_size(window, picture)
    start = time.perf_counter()
    with surface(window, picture) as widget:
        save_picture(widget, path, picture.scale,
                     f"rnnviz {_what(picture)} at {window.sim.where()}")
        size = f"{widget.width()}×{widget.height()}"
    ms = (time.perf_counter() - start) * 1e3
    where = window.sim.where()
    window.close()
    return f"wrote {path} ({_what(picture)}, {size} at {picture.scale:g}×, {where}, {ms:.0f} ms)"


def animate(args) -> str:
    from rnnviz.export import (
        MP4_MISSING,
        WEBP_MISSING,
        mp4_writer,
        webp_available,
        write_animation,
    )
    from rnnviz.gui.capture import step_frames
    from rnnviz.gui.pictures import surface

    path = prepare_target(args.output, ANIMATION_SUFFIXES, args.force)
    suffix = path.suffix.lower()
    if suffix == ".mp4" and mp4_writer() is None:
        raise RnnvizError(MP4_MISSING)
    if suffix == ".webp" and not webp_available():
        raise RnnvizError(WEBP_MISSING)
    if not 0.5 <= args.fps <= 50:
        raise RnnvizError(f"--fps {args.fps}: use 0.5 to 50 frames per second")
    picture = picture_request(args)
    app, window = open_window(args, picture)
    first = check_step(window, args.first if args.first is not None else 0, "--from")
    last = check_step(window, args.last, "--to")
    steps = range(first, last + 1) if last >= first else range(first, last - 1, -1)
    picture = with_size(window, picture)
    from rnnviz.figure_size import check_figure_size

    held = 1 if suffix == ".mp4" else len(steps)  # ffmpeg streams; the others hold frames
    check_figure_size(picture.width or window.width(), picture.height or window.height(),
                      picture.scale, frames=held)
    start = time.perf_counter()
    with surface(window, picture) as widget:
        report = write_animation(step_frames(window, widget, steps, picture.scale), path,
                                 args.fps)
    seconds = time.perf_counter() - start
    window.close()
    way = "backwards, " if last < first else ""
    return (f"wrote {path}: {report.frames} frames ({way}t = {first}..{last}) in "
            f"{seconds:.1f} s; {report.colour_note()}")
