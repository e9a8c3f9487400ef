"""The window's size and dock arrangement: fit the screen, default sizes, Reset layout,
and room made for the Edits tab and the gradient plot when they fill."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

DEFAULT_SIZE = (1400, 900)  # the size the dock layout is designed at (and off screen)
LARGEST_SIZE = (1800, 1120)  # a first launch on a big screen grows up to this


def real_screen(widget):
    """The available area of the widget's screen; None off screen (tests, snapshots), where
    sizes are given explicitly and the platform's nominal screen means nothing."""
    screen = widget.screen()
    if screen is None or QGuiApplication.platformName() == "offscreen":
        return None
    area = screen.availableGeometry()
    return area if area.width() > 0 else None


def size_docks(window, width: int, height: int) -> None:
    """The default arrangement, in proportion to the window (1400×900 as designed)."""
    docks, fx, fy = window.docks, width / DEFAULT_SIZE[0], height / DEFAULT_SIZE[1]
    window.resizeDocks([docks["network"], docks["cell"]], [int(280 * fx), int(560 * fx)],
                       Qt.Horizontal)
    window.resizeDocks([docks["cell"], docks["equations"], docks["gradients"]],
                       [int(390 * fy), int(190 * fy), int(130 * fy)], Qt.Vertical)
    window.resizeDocks([docks["states"]], [int(330 * fy)], Qt.Vertical)
    window.resizeDocks([docks["states"], docks["output"]], [int(900 * fx), int(380 * fx)],
                       Qt.Horizontal)


def fit_to_screen(window) -> None:
    """Most of the screen it opens on (1280×800 included: nothing runs off it; a big
    screen gives the views room, up to LARGEST_SIZE), docks in proportion. Off screen
    (tests, snapshots) the default size."""
    screen = real_screen(window)
    width, height = DEFAULT_SIZE
    if screen is not None:
        width = min(LARGEST_SIZE[0], int(screen.width() * 0.96))
        height = min(LARGEST_SIZE[1], int(screen.height() * 0.94))
    window.resize(width, height)
    size_docks(window, width, height)


def keep_on_screen(window) -> None:
    """A geometry saved on a bigger screen must not run off this one."""
    screen = real_screen(window)
    if screen is not None and (window.width() > screen.width() or
                               window.height() > screen.height()):
        fit_to_screen(window)


def make_room_for_edits(window) -> None:
    """The Edits tab shares the gradients' slot, the column's smallest: give it the
    height its buttons, status and a few edits need, from the cell and equations."""
    if window.layout_pinned:
        return
    dock = window.docks["edits"]
    if not dock.isVisible() or dock.isFloating() or window.stage_control.active:
        return
    column = [window.docks[name] for name in ("cell", "equations", "gradients")]
    if not all(d.isVisible() and not d.isFloating() for d in column[:2]):
        return
    total = sum(d.height() for d in column)
    title = dock.titleBarWidget().sizeHint().height() if dock.titleBarWidget() else 0
    want = min(window.edits_panel.sizeHint().height() + title
               + window.fontMetrics().height() // 2, int(total * 0.35))
    if dock.height() >= want:
        return
    rest = total - want
    upper = column[0].height() + column[1].height()
    share = column[0].height() / upper if upper else 0.6
    window.resizeDocks(column, [int(rest * share), rest - int(rest * share), want],
                       Qt.Vertical)


def make_room_for_gradients(window) -> None:
    """The gradient plot needs height once there is one: take it from the equations."""
    if window.layout_pinned:
        return
    dock = window.docks["gradients"]
    column = [window.docks[name] for name in ("cell", "equations", "gradients")]
    if window.sim.gradients is not None and dock.height() < 300:
        total = sum(d.height() for d in column)
        window.resizeDocks(column, [int(total * 0.34), int(total * 0.16), int(total * 0.5)],
                           Qt.Vertical)
