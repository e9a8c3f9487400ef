"""File → Export: the window, a view as a figure (PNG/SVG/PDF at a chosen size), an
animation, the trace, a part as CSV."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from rnnviz.core.errors import RnnvizError
from rnnviz.export import (
    ANIMATION_SUFFIXES,
    Cancelled,
    prepare_target,
    write_animation,
    write_part_csv,
    write_png,
)
from rnnviz.gui.capture import render_rgba, step_frames
from rnnviz.gui.i18n import tr
from rnnviz.gui.pictures import Picture, save_picture, surface
from rnnviz.gui.settings import app_settings

PANELS = ("graph", "cell", "equations", "states", "output", "gradients", "training")
FORMATS = {".png": "PNG (*.png)", ".svg": "SVG (*.svg)", ".pdf": "PDF (*.pdf)"}


def menu_titles() -> dict[str, str]:
    """The views as the Export menu names them."""
    return {"graph": tr("Graph"), "cell": tr("Cell"), "equations": tr("Equations"),
            "states": tr("States"), "output": tr("Output"), "gradients": tr("Gradients"),
            "training": tr("Training curves")}


class ExportMenu:
    """Builds the Export menu of a MainWindow and carries out its actions."""

    def __init__(self, window, menu):
        self.window = window
        self.menu = menu.addMenu(tr("&Export"))
        quick = self._add(tr("Window as &PNG (quick)"), self.quick_png, "Ctrl+S")
        quick.setToolTip(tr("saves the window into the last export folder, no questions "
                            "asked"))
        self._add(tr("Window as PNG…"), lambda: self.window_png(1.0))
        self._add(tr("Window as PNG at 2×…"), lambda: self.window_png(2.0))
        self._add(tr("Window as SVG / PDF…"), self.window_vector)
        panels = self.menu.addMenu(tr("&Figure of a view (PNG / SVG / PDF)"))
        for name, title in menu_titles().items():
            action = QAction(f"{title}…", panels)
            action.triggered.connect(lambda _=False, n=name: self.figure(n))
            panels.addAction(action)
        self.menu.addSeparator()
        self._add(tr("&Animation (GIF / APNG / WebP / MP4)…"), self.animation)
        self.menu.addSeparator()
        self._add(tr("&Trace as NPZ…"), self.trace_npz)
        self.parts_menu = self.menu.addMenu(tr("Selected cell's part as CSV"))
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
        self.window.statusBar().showMessage(tr("saved {path}").format(path=path), 8000)

    def _guard(self, work) -> None:
        """Run an export; a problem is reported and the window goes on."""
        if self.window.sim.snapshot is None:
            return
        try:
            work()
        except Cancelled:
            self.window.statusBar().showMessage(tr("export cancelled; nothing was written"),
                                                6000)
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
            path = self.ask_path(tr("Export the window"), self.default_name(".png"),
                                 "PNG (*.png)")
            if path:
                ratio = self.window.devicePixelRatioF() * scale
                self.save_image(self.window, prepare_target(path, (".png",), True), ratio)
        self._guard(work)

    def window_vector(self) -> None:
        def work():
            path = self.ask_path(tr("Export the window as vectors"), self.default_name(".svg"),
                                 f"{FORMATS['.svg']};;{FORMATS['.pdf']}")
            if path:
                path = prepare_target(path, (".svg", ".pdf"), True)
                save_picture(self.window, path, 1.0, f"rnnviz at {self.window.sim.where()}")
                self._done(path)
        self._guard(work)

    def figure(self, panel: str) -> None:
        """A view alone, at the size and in the format the user picks."""
        from rnnviz.gui.figure import default_size
        from rnnviz.gui.panels.figure_dialog import FigureDialog

        if self.window.sim.snapshot is None:
            return
        panels = [p for p in PANELS if self.window.views.has(p)]
        dialog = FigureDialog(panels, lambda p: default_size(self.window, p),
                              self.window, panel=panel)
        if dialog.exec():
            self._guard(lambda: self.write_figure(dialog.choice()))

    def write_figure(self, choice) -> None:
        from rnnviz.gui.panels.figure_dialog import panel_titles

        path = self.ask_path(tr("Export the {panel} figure").format(
                                 panel=panel_titles().get(choice.panel, choice.panel)),
                             self.default_name(choice.suffix, choice.panel),
                             FORMATS[choice.suffix])
        if not path:
            return
        path = prepare_target(path, (choice.suffix,), True)
        picture = Picture("figure", (choice.panel,), choice.width, choice.height,
                          choice.scale)
        with self._kept_view(), surface(self.window, picture) as widget:
            save_picture(widget, path, choice.scale,
                         f"rnnviz {choice.panel} at {self.window.sim.where()}")
        self._done(path)

    def save_image(self, widget, path: Path, scale: float) -> None:
        write_png(render_rgba(widget, scale), path, dpi=96 * scale)
        self._done(path)

    def animation(self) -> None:
        from rnnviz.gui.figure import default_size
        from rnnviz.gui.panels.animation_dialog import AnimationDialog

        sim = self.window.sim
        if sim.snapshot is None:
            return
        panels = ["window", *(p for p in PANELS if self.window.views.has(p))]
        dialog = AnimationDialog(sim.length, panels, lambda p: default_size(self.window, p),
                                 self.window, panel="cell")
        if dialog.exec():
            self._guard(lambda: self.write_animation(dialog.choice()))

    def write_animation(self, choice) -> None:
        suffix = choice.suffix
        path = self.ask_path(tr("Export an animation"), self.default_name(suffix, choice.panel),
                             f"{suffix[1:].upper()} (*{suffix})")
        if not path:
            return
        path = prepare_target(path, ANIMATION_SUFFIXES, True)
        self.window.transport.pause()  # play must not move t between a seek and its frame
        step = 1 if choice.last >= choice.first else -1
        steps = range(choice.first, choice.last + step, step)
        progress = QProgressDialog(tr("Rendering {frames} frames…").format(frames=len(steps)),
                                   tr("Cancel"), 0, len(steps), self.window)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(0)

        def tick(i: int) -> bool:
            progress.setValue(i)
            QApplication.processEvents()
            return not progress.wasCanceled()

        picture = Picture("window") if choice.panel == "window" else \
            Picture("figure", (choice.panel,), choice.width, choice.height, choice.scale)
        try:
            with self._kept_view(), surface(self.window, picture) as widget:
                report = write_animation(step_frames(self.window, widget, steps,
                                                     choice.scale, tick), path, choice.fps)
        finally:
            progress.close()
        self.window.statusBar().showMessage(
            tr("saved {path}: {note}").format(path=path, note=report.colour_note()), 10000)

    @contextlib.contextmanager
    def _kept_view(self):
        """After an export the window shows what it showed: the step, and the graph's pan."""
        sim, box = self.window.sim, self.window.graph.getViewBox()
        position, x_range = sim.position, box.viewRange()[0]
        try:
            yield
        finally:
            sim.seek(position)
            box.setXRange(*x_range, padding=0)

    def trace_npz(self) -> None:
        from rnnviz.core.files.tracefile import save_trace

        def work():
            path = self.ask_path(tr("Export the trace"), self.default_name(".npz", "trace"),
                                 tr("Trace (*.npz)"))
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
            path = self.ask_path(tr("Export a part as CSV"), self.default_name(".csv", what),
                                 "CSV (*.csv)")
            if path:
                write_part_csv(sim.trace, sim.layer, sim.direction, part, sim.batch_index,
                               prepare_target(path, (".csv",), True))
                self._done(path)
        self._guard(work)
