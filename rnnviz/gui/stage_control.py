"""Entering and leaving the stage in the main window, and its keys.

F5 (View → Stage) puts the views on the whole screen; a dock's maximise button puts its
view on the stage inside the window. Esc leaves and the layout comes back exactly (the
window's state is saved on entry and restored on exit).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from rnnviz.gui.i18n import tr
from rnnviz.gui.stage import VIEWS, Stage, next_view, view_title

DEFAULT_VIEWS = ["graph", "cell"]  # the classic slide: the unrolled network and one cell
LATE_RESIZE_MS = 1500  # how long a window manager may take to give the window its size back


def dock_sizes(window) -> dict:
    """Each shown dock's size, by name: what leaving the stage must give back exactly."""
    return {name: dock.size() for name, dock in window.docks.items() if dock.isVisible()}


def put_docks_back(window, sizes: dict) -> None:
    """Docks that restoreState left at other sizes (it lays them out for the window's size
    at that moment) get their recorded widths and heights."""
    docks = {n: window.docks[n] for n, size in sizes.items() if window.docks[n].size() != size}
    if docks:
        window.resizeDocks(list(docks.values()), [sizes[n].width() for n in docks],
                           Qt.Horizontal)
        window.resizeDocks(list(docks.values()), [sizes[n].height() for n in docks],
                           Qt.Vertical)


class _LateResize(QObject):
    """Restores the layout once more when the window gets its size back late: a window
    manager leaves full screen asynchronously, after restoreState ran at the screen's size."""

    def __init__(self, window, size, restore):
        super().__init__(window)
        self.size, self.restore = size, restore
        window.installEventFilter(self)
        QTimer.singleShot(LATE_RESIZE_MS, self.stop)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Resize and watched.size() == self.size:
            QTimer.singleShot(0, self.restore)  # after the resize is laid out
            self.stop()
        return False

    def stop(self) -> None:
        if self.parent() is not None:
            self.parent().removeEventFilter(self)
            self.setParent(None)
            self.deleteLater()


class StageControl:
    """Owns the window's stage: its actions (keys) and the saved layout to come back to."""

    def __init__(self, window):
        self.window = window
        self.stage: Stage | None = None
        self.names = list(DEFAULT_VIEWS)
        self._saved: tuple | None = None  # state, geometry bytes and rect, full screen,
        # and the docks' sizes
        self.actions: list[QAction] = []
        self._add(tr("Next view"), "V", lambda: self.show(next_view(self.stage.names, 1)))
        self._add(tr("Previous view"), "Shift+V",
                  lambda: self.show(next_view(self.stage.names, -1)))
        self._add(tr("Graph + cell"), "D", self._toggle_pair)
        self._add(tr("Side by side / stacked"), "L", self._toggle_orientation)
        self._add(tr("Leave the stage"), "Esc", self.leave)
        for k, name in enumerate(VIEWS, start=1):
            self._add(tr("Show {view}").format(view=view_title(name)), str(k),
                      lambda _=False, n=name: self.show([n]))

    def _add(self, text: str, key: str, slot) -> None:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.WindowShortcut)
        action.setEnabled(False)  # only while the stage is shown: letters type elsewhere
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.actions.append(action)

    @property
    def active(self) -> bool:
        return self.stage is not None

    def enter(self, names: list[str] | None = None, fullscreen: bool = True,
              floor_px: float | None = None, hint: bool = True) -> Stage:
        """Show `names` (default: the last shown, graph + cell) on the stage; `hint` shows
        the keys for a few seconds (a person entering; not a picture being made)."""
        w = self.window
        names = list(names or self.names)
        if self.stage is not None:
            self.show(names)
            return self.stage
        self._saved = (w.saveState(), w.saveGeometry(), w.geometry(), w.isFullScreen(),
                       dock_sizes(w))
        w.transport.pause()
        for dock in w.docks.values():
            dock.hide()
        for bar in (w.menuBar(), w.statusBar(), w.transport):
            bar.hide()
        w.takeCentralWidget()  # the graph: the stage borrows it from the lender
        self.stage = Stage(w, floor_px=floor_px)
        w.setCentralWidget(self.stage)
        for action in self.actions:
            action.setEnabled(True)
        self.stage.addActions(w.transport.actions())  # → ← Space Home End stay live
        self.show(names)
        w.lessons.entered_stage()
        if fullscreen:
            w.showFullScreen()
            QTimer.singleShot(300, self._fill_screen)
        # the keys go to the stage, not to a tab bar left focused (→ would switch its tab)
        self.stage.setFocusPolicy(Qt.StrongFocus)
        self.stage.show()
        self.stage.setFocus(Qt.OtherFocusReason)
        QTimer.singleShot(0, lambda: self.stage and self.stage.setFocus(Qt.OtherFocusReason))
        if hint:
            QTimer.singleShot(400 if fullscreen else 0,  # once the screen is the stage's
                              lambda: self.stage and self.stage.show_hint())
        w.stage_action.setChecked(True)
        return self.stage

    def _fill_screen(self) -> None:
        """Full screen is a request a window manager carries out; with none (a bare X
        server, a kiosk) the window is sized to the screen by hand."""
        w = self.window
        screen = w.screen()
        if self.stage is not None and screen is not None and \
                w.geometry().size() != screen.geometry().size():
            w.setGeometry(screen.geometry())

    def show(self, names: list[str]) -> None:
        names = [n for n in names if self.window.views.has(n)] or ["graph"]
        if self.stage is None:
            return
        self.names = list(names)
        self.stage.show_views(self.names)
        self.stage.setFocus(Qt.OtherFocusReason)  # → and ← step, whatever was clicked

    def _toggle_pair(self) -> None:
        names = self.stage.names
        self.show(names[:1] if len(names) == 2 else DEFAULT_VIEWS if names[0] == "graph"
                  else ["graph", names[0]])

    def _toggle_orientation(self) -> None:
        self.stage.show_views(self.stage.names, vertical=not self.stage.vertical)
        self.stage.setFocus(Qt.OtherFocusReason)

    def leave(self) -> None:
        if self.stage is None:
            return
        w = self.window
        stage, self.stage = self.stage, None
        w.lessons.left_stage()
        stage.release()
        stage.disconnect_simulator()
        w.setCentralWidget(w.graph)  # the graph is the centre again; the stage is deleted
        for action in self.actions:
            action.setEnabled(False)
        state, geometry, rect, was_full, sizes = self._saved
        if not was_full:
            w.showNormal()
            w.restoreGeometry(geometry)  # maximised or not, where it was
            if not w.isMaximized():
                w.setGeometry(rect)  # some platforms ignore a restore while leaving full screen
        for bar in (w.menuBar(), w.statusBar(), w.transport):
            bar.show()
        QApplication.processEvents()  # the window back at its size before docks are sized

        def restore() -> None:
            if self.stage is None:  # not entered again meanwhile
                w.restoreState(state)
                QApplication.processEvents()
                put_docks_back(w, sizes)
        restore()
        if not was_full and w.size() != rect.size():
            _LateResize(w, rect.size(), restore)
        w.stage_action.setChecked(False)
