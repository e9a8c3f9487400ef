"""The window's lesson: the Lesson menu, its keys, and the player of the open lesson.

PageDown / PageUp go from scene to scene (what a presenter's remote sends), on the stage
and in the window; → / ← still step within a scene; Esc leaves the stage. A lesson is
saved as a workspace file (File → Save workspace or Lesson → Save lesson): its scenes'
configurations are kept relative to the lesson's own, which is what the file's "config"
holds while a lesson is open.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.lesson import Lesson
from rnnviz.gui.i18n import tr
from rnnviz.gui.lesson_player import LessonPlayer
from rnnviz.gui.panels.lesson_panel import LessonPanel

BUNDLED = "lesson.rnnviz"  # in resources/: the lesson that follows the source articles


class LessonControl:
    def __init__(self, window):
        self.window = window
        self.player: LessonPlayer | None = None
        self.panel = LessonPanel(self)
        self.next_action = self._action(tr("Next scene"), "PgDown", lambda: self._go(1))
        self.previous_action = self._action(tr("Previous scene"), "PgUp",
                                            lambda: self._go(-1))
        self.add_action = self._action(tr("Add scene"), "Ctrl+M", self.add_scene)
        self.present_action = self._action(tr("Present the lesson"), "Shift+F5",
                                           lambda: self.present())
        self._enable()

    def _action(self, text: str, key: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)  # live on the stage too, where the menus are hidden
        return action

    def _enable(self) -> None:
        has = self.player is not None
        scenes = has and bool(self.player.lesson.playable())
        self.next_action.setEnabled(scenes)
        self.previous_action.setEnabled(scenes)
        self.present_action.setEnabled(scenes)
        self.add_action.setEnabled(True)  # with no lesson, the first scene starts one

    def build_menu(self, menu) -> None:
        from rnnviz.gui.window_menus import menu_action

        menu_action(self.window, menu, tr("&New lesson"), self.new_lesson)
        menu_action(self.window, menu, tr("&Open lesson…"), self.open_dialog)
        menu_action(self.window, menu, tr("&Save lesson…"), self.save_dialog)
        menu.addSeparator()
        for action in (self.add_action, self.present_action, self.next_action,
                       self.previous_action):
            menu.addAction(action)
        menu.addSeparator()
        menu_action(self.window, menu, tr("Export lesson as &PDF…"), self.export_pdf_dialog)
        menu_action(self.window, menu, tr("Export lesson as &figures…"),
                    self.export_figures_dialog)
        menu.addSeparator()
        menu_action(self.window, menu, tr("The &bundled lesson (RNN, LSTM, GRU)"),
                    self.open_bundled)

    # ----- the lesson ----------------------------------------------------------------------
    def set_lesson(self, lesson: Lesson | None, base: dict | None = None) -> None:
        """Open `lesson` (scenes relative to `base`, a Config's JSON mapping); None: none."""
        if self.player is not None:
            self.player.close()
            self.player.deleteLater()
        self.player = None
        if lesson is not None:
            self.player = LessonPlayer(self.window, lesson, base or {})
            self.player.changed.connect(self.panel.refresh)
            self.player.changed.connect(self._enable)
            self.player.scene_shown.connect(lambda _k: self.panel.refresh())
            self.window.docks["lesson"].show()
            self.window.docks["lesson"].raise_()
        self.panel.refresh()
        self._enable()

    def new_lesson(self) -> None:
        """A lesson of no scenes yet, on the window's configuration as it is."""
        if self.may_discard():
            self.set_lesson(Lesson(), json.loads(self.window.sim.config.to_json()))

    def add_scene(self) -> None:
        if self.player is None:
            self.new_lesson()
        self.panel.flush()
        self.player.add_scene()
        self.window.statusBar().showMessage(
            tr("scene {n} recorded: give it a caption in the Lesson panel").format(
                n=self.player.index + 1), 6000)

    def present(self, k: int | None = None) -> None:
        if self.player is None:
            self.window.report_error(tr("no lesson is open: Lesson → Open lesson, or the "
                                        "bundled one in Help → Lesson"))
            return
        try:
            self.player.present(k)
        except RnnvizError as exc:
            self.window.report_error(str(exc))

    def _go(self, delta: int) -> None:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import (
            QAbstractItemView,
            QAbstractSpinBox,
            QApplication,
            QLineEdit,
            QPlainTextEdit,
            QTextEdit,
        )

        focus = QApplication.focusWidget()
        if isinstance(focus, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox,
                              QAbstractItemView)) and not self.window.stage_control.active \
                and focus is not self.panel.scenes:  # the key is the field's own: a page
            key = Qt.Key_PageDown if delta > 0 else Qt.Key_PageUp
            actions = (self.next_action, self.previous_action)
            for action in actions:  # the key sent on must not come back here
                action.setEnabled(False)
            try:
                for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                    QApplication.sendEvent(focus, QKeyEvent(kind, key, Qt.NoModifier))
            finally:
                self._enable()
            return
        if self.player is not None:
            (self.player.next if delta > 0 else self.player.previous)()

    def may_close(self) -> bool:
        """Closing with scenes not saved asks first (Save / Discard / Cancel); True: go."""
        return self.may_discard()

    def may_discard(self) -> bool:
        """Before the lesson is closed or replaced: scenes not saved are saved, dropped,
        or kept (then False: nothing happens)."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        self.panel.flush()  # a caption typed a moment ago counts

        if self.player is None or not self.player.unsaved or not self.window.persist \
                or QApplication.platformName() == "offscreen":  # no one to ask: scripts,
            return True  # headless pictures and tests close as asked
        answer = QMessageBox.question(
            self.window, tr("Unsaved lesson"),
            tr("The lesson has scenes or captions that are not saved. Save it first?"),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Save)
        if answer == QMessageBox.Save:
            self.save_dialog()
            return not self.player.unsaved
        return answer == QMessageBox.Discard

    def left_stage(self) -> None:
        if self.player is not None:
            self.player.left_stage()

    def entered_stage(self) -> None:
        """The stage shows the scene's caption when the window is at a scene (F5 again)."""
        if self.player is not None and self.player.index is not None \
                and self.player.index in self.player.lesson.playable():
            self.player.show_caption(self.player.index)

    def workspace_parts(self) -> tuple[dict | None, Lesson | None]:
        """(the lesson's own configuration, the lesson) to save; (None, None) with none."""
        if self.player is None:
            return None, None
        self.panel.flush()
        return dict(self.player.base), self.player.lesson

    # ----- files ---------------------------------------------------------------------------
    def open_file(self, path: str, present: bool = False) -> list[str]:
        """Open a lesson (a workspace with scenes) and show its first scene, on the stage
        when `present`. Returns the notes (what could not be opened)."""
        from rnnviz.gui.workspace_io import open_lesson

        return open_lesson(self.window, path, present=present)

    def open_bundled(self) -> None:
        from rnnviz.core.files.resource_files import resource

        self._open_reporting(str(resource(BUNDLED)))

    def open_dialog(self) -> None:
        from rnnviz.gui.open_dialogs import ask_open_file

        path = ask_open_file(self.window, tr("Open a lesson"),
                             tr("rnnviz lessons and workspaces (*.rnnviz);;All files (*)"))
        if path:
            self._open_reporting(path)

    def _open_reporting(self, path: str) -> None:
        if not self.may_discard():
            return
        try:
            notes = self.open_file(path)
        except RnnvizError as exc:
            self.window.report_error(str(exc))
            return
        if notes:
            self.window.report_error("\n".join(notes))

    def save_dialog(self) -> None:
        from rnnviz.gui.window_menus import save_workspace_dialog

        if self.player is None:
            self.window.report_error(tr("no lesson is open: Lesson → New lesson starts one"))
            return
        if save_workspace_dialog(self.window):
            self.player.unsaved = False

    def export_pdf_dialog(self) -> None:
        self._export_dialog(pdf=True)

    def export_figures_dialog(self) -> None:
        self._export_dialog(pdf=False)

    def _export_dialog(self, pdf: bool) -> None:
        from PySide6.QtWidgets import QFileDialog

        from rnnviz.gui.lesson_export import export_lesson

        if self.player is None or not self.player.lesson.playable():
            self.window.report_error(tr("no lesson with scenes is open to export"))
            return
        if pdf:
            path, _ = QFileDialog.getSaveFileName(self.window, tr("Export the lesson as PDF"),
                                                  "lesson.pdf", tr("PDF (*.pdf)"))
            if path and not path.lower().endswith(".pdf"):
                path += ".pdf"
        else:
            path = QFileDialog.getExistingDirectory(self.window,
                                                    tr("A folder for the lesson's figures"))
        if not path:
            return
        try:
            written = export_lesson(self.window, self.player, pdf=path if pdf else None,
                                    folder=None if pdf else path)
        except RnnvizError as exc:
            self.window.report_error(str(exc))
            return
        self.window.statusBar().showMessage(
            tr("exported {n} file(s): {first}").format(n=len(written), first=written[0]),
            8000)
