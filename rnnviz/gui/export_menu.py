"""File → Export: the window or a panel as PNG/SVG, an animation, the trace, a part as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from rnnviz.core.errors import RnnvizError
from rnnviz.export import (
    MP4_MISSING,
    Cancelled,
    mp4_writer,
    prepare_target,
    write_gif,
    write_mp4,
    write_part_csv,
    write_png,
)
from rnnviz.gui.capture import panel_widget, render_rgba, step_frames, write_svg
from rnnviz.gui.settings import app_settings

PANEL_TITLES = {"graph": "Graph", "cell": "Cell", "states": "States",
                "equations": "Equations", "output": "Output", "gradients": "Gradients"}


class ExportMenu:
    """Builds the Export menu of a MainWindow and carries out its actions."""

    def __init__(self, window, menu):
        self.window = window
        self.menu = menu.addMenu("&Export")
        quick = self._add("Window as &PNG (quick)", self.quick_png, "Ctrl+S")
        quick.setToolTip("saves the window into the last export folder, no questions asked")
        self._add("Window as PNG…", lambda: self.window_png(1.0))
        self._add("Window as PNG at 2×…", lambda: self.window_png(2.0))
        panels = self.menu.addMenu("Panel as PNG / SVG")
        for name, title in PANEL_TITLES.items():
            action = QAction(f"{title}…", panels)
            action.triggered.connect(lambda _=False, n=name: self.panel_image(n))
            panels.addAction(action)
        self.menu.addSeparator()
        self._add("&Animation (GIF / MP4)…", self.animation)
        self.menu.addSeparator()
        self._add("&Trace as NPZ…", self.trace_npz)
        self.parts_menu = self.menu.addMenu("Selected cell's part as CSV")
        self.parts_menu.aboutToShow.connect(self._fill_parts)

    def _add(self, text: str, slot, key: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # ----- where files go -------------------------------------------------------------
    def folder(self) -> Path:
        saved = app_settings().value("export_folder")
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        pictures = QStandardPaths.writableLocation(QStandardPaths.PicturesLocation)
        return Path(pictures) if pictures and Path(pictures).is_dir() else Path.home()

    def default_name(self, suffix: str, what: str = "window") -> str:
        sim = self.window.sim
        return f"rnnviz-{sim.spec.cell}-{what}-t{sim.position}{suffix}"

    def ask_path(self, title: str, name: str, filters: str) -> Path | None:
        """A save dialog (it asks before replacing a file); remembers the folder."""
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(self.folder() / name),
                                              filters)
        if not path:
            return None
        app_settings().setValue("export_folder", str(Path(path).parent))
        return Path(path)

    def _done(self, path: Path) -> None:
        self.window.statusBar().showMessage(f"saved {path}", 8000)

    def _guard(self, work) -> None:
        """Run an export; a problem is reported and the window goes on."""
        if self.window.sim.snapshot is None:
            return
        try:
            work()
        except Cancelled:
            self.window.statusBar().showMessage("export cancelled; nothing was written", 6000)
        except (RnnvizError, OSError) as exc:
            self.window.report_error(str(exc))

    # ----- actions ----------------------------------------------------------------------
    def quick_png(self) -> None:
        def work():
            folder, stem = self.folder(), self.default_name("")
            path, k = folder / f"{stem}.png", 1
            while path.exists():  # quick never overwrites: it numbers
                path, k = folder / f"{stem}-{k}.png", k + 1
            self.save_image(self.window, path, self.window.devicePixelRatioF())
        self._guard(work)

    def window_png(self, scale: float) -> None:
        def work():
            path = self.ask_path("Export the window", self.default_name(".png"), "PNG (*.png)")
            if path:
                ratio = self.window.devicePixelRatioF() * scale
                self.save_image(self.window, prepare_target(path, (".png",), True), ratio)
        self._guard(work)

    def panel_image(self, name: str) -> None:
        def work():
            path = self.ask_path(f"Export the {name} panel", self.default_name(".png", name),
                                 "PNG (*.png);;SVG (*.svg)")
            if path:
                widget = panel_widget(self.window, name)
                path = prepare_target(path, (".png", ".svg"), True)
                if path.suffix.lower() == ".svg":
                    write_svg(widget, path, f"rnnviz {name} at {self.window.sim.where()}")
                    self._done(path)
                else:
                    self.save_image(widget, path, self.window.devicePixelRatioF())
        self._guard(work)

    def save_image(self, widget, path: Path, scale: float) -> None:
        write_png(render_rgba(widget, scale), path, dpi=96 * scale)
        self._done(path)

    def animation(self) -> None:
        from rnnviz.gui.panels.animation_dialog import AnimationDialog

        sim = self.window.sim
        if sim.snapshot is None:
            return
        dialog = AnimationDialog(sim.length, mp4_writer() is not None, MP4_MISSING,
                                 self.window)
        if dialog.exec():
            self._guard(lambda: self.write_animation(*dialog.choice()))

    def write_animation(self, first: int, last: int, fps: float, panel: str, suffix: str):
        path = self.ask_path("Export an animation", self.default_name(suffix, panel),
                             "GIF (*.gif)" if suffix == ".gif" else "MP4 (*.mp4)")
        if not path:
            return
        path = prepare_target(path, (suffix,), True)
        self.window.transport.pause()  # play must not move t between a seek and its frame
        sim, steps = self.window.sim, range(first, last + 1)
        was = sim.position
        progress = QProgressDialog(f"Rendering {len(steps)} frames…", "Cancel", 0,
                                   len(steps), self.window)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(0)

        def tick(i: int) -> bool:
            progress.setValue(i)
            QApplication.processEvents()
            return not progress.wasCanceled()

        frames = step_frames(self.window, panel_widget(self.window, panel), steps, 1.0, tick)
        try:
            (write_gif if suffix == ".gif" else write_mp4)(frames, path, fps)
        finally:
            progress.close()
            sim.seek(was)
        self._done(path)

    def trace_npz(self) -> None:
        from rnnviz.core.tracefile import save_trace

        def work():
            path = self.ask_path("Export the trace", self.default_name(".npz", "trace"),
                                 "Trace (*.npz)")
            if path:
                snap = self.window.sim.snapshot
                seq = snap.sequence
                save_trace(snap.trace, prepare_target(path, (".npz",), True),
                           {"input": seq.name, "vocab": seq.vocab, "text": seq.text})
                self._done(path)
        self._guard(work)

    def _fill_parts(self) -> None:
        self.parts_menu.clear()
        sim = self.window.sim
        if sim.snapshot is None:
            return
        for part in sim.spec.parts:
            action = self.parts_menu.addAction(f"{part}…")
            action.triggered.connect(lambda _=False, p=part: self.part_csv(p))

    def part_csv(self, part: str) -> None:
        sim = self.window.sim

        def work():
            what = f"l{sim.layer}_{sim.direction}_{part}"
            path = self.ask_path("Export a part as CSV", self.default_name(".csv", what),
                                 "CSV (*.csv)")
            if path:
                write_part_csv(sim.trace, sim.layer, sim.direction, part, sim.batch_index,
                               prepare_target(path, (".csv",), True))
                self._done(path)
        self._guard(work)
