"""What a picture shows — the window, one view as a figure, or the stage — and saving it.

Shared by File → Export and `rnnviz snapshot` / `rnnviz animate`, so the same request
gives the same picture from the window and from a script.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from rnnviz.export import write_png
from rnnviz.gui.figure import render_image, settle, staged, warm_up, write_vector


@dataclass(frozen=True)
class Picture:
    kind: str  # "window": as it looks; "figure": one view alone; "stage": the stage layout;
    # "side": two runs side by side (side_by_side.py), views = (what is beside it,)
    views: tuple[str, ...] = ()
    width: int = 0
    height: int = 0
    scale: float = 1.0


@contextlib.contextmanager
def surface(window, picture: Picture):
    """The widget to paint for `picture`, ready; views go back to the window afterwards."""
    if picture.kind == "figure":
        with _stage_set_aside(window), staged(window, list(picture.views), picture.width,
                                              picture.height) as stage:
            yield stage
        return
    if picture.kind == "side":
        with side_by_side(window, picture) as side:
            yield side
        return
    if picture.kind == "stage":
        control = window.stage_control
        was_on = control.active
        window.resize(picture.width, picture.height)
        control.enter(list(picture.views), fullscreen=False, hint=False)
        settle()
        control.stage.refresh()
        settle()
        warm_up(window)
        try:
            yield window
        finally:
            if not was_on:
                control.leave()
                settle()
        return
    warm_up(window)
    yield window


@contextlib.contextmanager
def side_by_side(window, picture: Picture):
    """The side-by-side view of the window's run and `picture.views[0]`, computed."""
    from rnnviz.core.errors import RnnvizError
    from rnnviz.gui.side_by_side import SideBySide

    side = SideBySide(window.sim)
    side.resize(picture.width, picture.height)
    side.show()
    side.choose(picture.views[0])
    settle()
    side.other.wait()
    settle()
    try:
        if side.problem.text():
            raise RnnvizError(side.problem.text())
        warm_up(side)
        yield side
    finally:
        side.close()
        side.deleteLater()


@contextlib.contextmanager
def _stage_set_aside(window):
    """A figure borrows the window's views: if the stage shows them, it steps aside while
    the figure is drawn and comes back as it was."""
    control = window.stage_control
    if not control.active:
        yield
        return
    names, full = list(control.stage.names), window.isFullScreen()
    vertical = control.stage.vertical
    control.leave()
    try:
        yield
    finally:
        control.enter(names, fullscreen=full, hint=False)
        control.stage.show_views(names, vertical=vertical)


def save_picture(widget, path: str | Path, scale: float, title: str) -> Path:
    """PNG at `scale`, or SVG / PDF (vectors: the scale does not apply) by the suffix."""
    from rnnviz.gui.capture import qimage_rgba

    path = Path(path)
    if path.suffix.lower() == ".png":
        return write_png(qimage_rgba(render_image(widget, scale)), path, dpi=96 * scale)
    return write_vector(widget, path, title)


