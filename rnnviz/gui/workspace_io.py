"""The window to and from a workspace file (core/files/workspace.py): configuration,
cursor and selection, the stage's views and the docks' layout."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, QTimer

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.workspace import Workspace, open_workspace, save_workspace
from rnnviz.gui.config import Config
from rnnviz.gui.i18n import tr
from rnnviz.gui.settings import data_folder
from rnnviz.gui.stage_control import dock_sizes, put_docks_back


def _b64(data: QByteArray) -> str:
    return base64.b64encode(bytes(data)).decode("ascii")


def _bytes(text) -> QByteArray | None:
    if not isinstance(text, str):
        return None
    try:
        return QByteArray(base64.b64decode(text, validate=True))
    except ValueError:
        return None


def window_workspace(window, extra: dict | None = None) -> Workspace:
    """What the window shows, as a Workspace."""
    sim = window.sim
    config = sim.config.to_json()
    import json

    cursor = {"position": sim.position, "layer": sim.layer, "direction": sim.direction,
              "unit": sim.unit, "batch": sim.batch_index}
    control = window.stage_control
    view = {"stage": list(control.stage.names) if control.active else None,
            "layout": _b64(window.saveState()),
            # restoreState lays docks out for the window's size at that moment, and a
            # tabbed pair's height is not always kept: each dock's size, to put back
            "docks": {name: [size.width(), size.height()]
                      for name, size in dock_sizes(window).items()
                      if not window.docks[name].visibleRegion().isEmpty()}}  # not a tab
            # behind another: it keeps a stale size, and its area is the front tab's
    base, lesson = window.lessons.workspace_parts()
    # a lesson's scenes keep what differs from the lesson's configuration: that is the
    # file's "config" while a lesson is open (the window shows a scene of it)
    return Workspace(base if base is not None else json.loads(config), cursor, view,
                     dict(extra or {}), lesson=lesson)


def save_window(window, path: str | Path) -> Path:
    """Save the window's workspace; keys of a newer version it was opened from are kept."""
    return save_workspace(path, window_workspace(window, getattr(window, "workspace_extra",
                                                                 None)))


def workspace_cache() -> Path:
    """Where files carried inside workspaces are unpacked (the app's data folder)."""
    return data_folder() / "workspaces"


def open_in_window(window, path: str | Path) -> list[str]:
    """Open a workspace in the window: its configuration is computed, then its cursor,
    selection, layout and stage are restored. Returns the notes (what could not be)."""
    workspace = open_workspace(path, workspace_cache())
    config = Config.from_mapping(workspace.config)
    window.workspace_extra = workspace.extra
    window.workspace_path = str(path)
    window.lessons.set_lesson(workspace.lesson, workspace.config)
    sim = window.sim

    def done(*_args) -> None:
        """Either way (the trace came, or the configuration failed) once: both go."""
        sim.trace_changed.disconnect(restore)
        sim.error.disconnect(done)

    restore = _restorer(window, workspace, done)
    sim.trace_changed.connect(restore)
    sim.error.connect(done)
    window.start(config)
    return workspace.notes


def open_lesson(window, path: str | Path, present: bool = False) -> list[str]:
    """Open a lesson and show its first scene that can be shown (on the stage when
    `present`); a workspace without scenes opens as a workspace. Returns the notes."""
    workspace = open_workspace(path, workspace_cache())
    if workspace.lesson is None or not workspace.lesson.playable():
        notes = open_in_window(window, path)
        if present:
            notes.append(tr("{name} has no scene to present: opened as a workspace").format(
                name=Path(path).name))
        return notes
    window.workspace_extra = workspace.extra
    window.workspace_path = str(path)
    window.lessons.set_lesson(workspace.lesson, workspace.config)
    player = window.lessons.player
    if present:
        player.present()
    else:
        player.show_scene(workspace.lesson.playable()[0])
    return workspace.notes


def put_cursor(sim, cursor: dict, position: int | None = None) -> None:
    """A saved cursor (workspace.py's "cursor": position, layer, direction, unit, batch)
    back in the simulator; `position` instead of the cursor's own, when given."""
    sim.seek(cursor.get("position", 0) if position is None else position)
    sim.select(layer=cursor.get("layer", 0), direction=cursor.get("direction", "fwd"),
               unit=cursor.get("unit", 0), batch=cursor.get("batch", 0))


def _restorer(window, workspace: Workspace, done):
    """A one-shot slot: when the workspace's trace is in, put the rest back (`done`
    disconnects it first)."""
    def restore() -> None:
        done()
        sim, view = window.sim, workspace.view
        put_cursor(sim, workspace.cursor)
        layout = _bytes(view.get("layout"))
        if layout is not None:  # the docks as they were (the window keeps its own size and
            # place: another screen, another machine); the views that make room for
            # themselves (Edits, Gradients) leave it so until the user changes something
            window.layout_pinned = True
            sizes = _sizes(view.get("docks"), window)

            def put_back() -> None:
                window.restoreState(layout)
                put_docks_back(window, sizes)
            put_back()
            QTimer.singleShot(0, put_back)
            if sim.objective is not None:  # the gradient plot, filled, is laid out anew
                _once(sim.gradients_changed, lambda: QTimer.singleShot(0, put_back))
        stage = view.get("stage")
        if isinstance(stage, list) and stage and all(isinstance(s, str) for s in stage):
            try:
                window.stage_control.enter(stage, fullscreen=False, hint=False)
            except (RnnvizError, ValueError, KeyError):
                pass  # views this version does not have: the window as it is
    return restore


def _sizes(saved, window) -> dict:
    """The recorded dock sizes that still name a dock of this window, as QSizes."""
    if not isinstance(saved, dict):
        return {}
    out = {}
    for name, size in saved.items():
        if name in window.docks and isinstance(size, list) and len(size) == 2 \
                and all(isinstance(v, int) and 0 < v < 100_000 for v in size):
            out[name] = QSize(*size)
    return out


def _once(signal, slot) -> None:
    """Connect `slot` to `signal` for its next emission only."""
    def run(*_args) -> None:
        signal.disconnect(run)
        slot()
    signal.connect(run)
