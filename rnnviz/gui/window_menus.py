"""The main window's menu bar: File (open, examples, export), Edit (what if?), Playback,
View, Help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from rnnviz.gui.config import demo_config
from rnnviz.gui.export_menu import ExportMenu
from rnnviz.gui.i18n import tr
from rnnviz.gui.open_dialogs import bundled_models


def menu_action(window, menu, text: str, slot, key: str | None = None,
                checkable: bool = False) -> QAction:
    action = QAction(text, window)
    if key:
        action.setShortcut(QKeySequence(key))
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(w) -> None:
    """Menus of MainWindow `w`; sets `w.export_menu` and `w.stage_action`."""
    from rnnviz.core.files.resource_files import resource

    bar = w.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    menu_action(w, file_menu, tr("Open &model…"), w.open_model, "Ctrl+O")
    menu_action(w, file_menu, tr("Open &data…"), w.open_data, "Ctrl+D")
    menu_action(w, file_menu, tr("&Demo (LSTM on a sine)"), lambda: w.start(demo_config()),
                "Ctrl+N")
    examples = file_menu.addMenu(tr("E&xamples"))
    menu_action(w, examples, tr("Trained reverser: GRU encoder–decoder (reverse.pt)"),
                lambda: w.open_model_file(str(resource("models/reverse.pt"))))
    menu_action(w, examples, tr("Demo: LSTM on a sine"), lambda: w.start(demo_config()))
    examples.addSeparator()
    menu_action(w, examples, tr("&Bundled models folder…"),
                lambda: w.open_model(bundled_models()))
    file_menu.addSeparator()
    menu_action(w, file_menu, tr("Open &workspace…"), lambda: open_workspace_dialog(w),
                "Ctrl+Shift+O")
    menu_action(w, file_menu, tr("Save wor&kspace…"), lambda: save_workspace_dialog(w),
                "Ctrl+Shift+S")
    file_menu.addSeparator()
    w.export_menu = ExportMenu(w, file_menu)
    file_menu.addSeparator()
    menu_action(w, file_menu, tr("&Quit"), w.close, "Ctrl+Q")
    build_edit_menu(w, bar.addMenu(tr("&Edit")))
    play_menu = bar.addMenu(tr("&Playback"))
    for action in (w.transport.reset_action, w.transport.back_action, w.transport.play_action,
                   w.transport.forward_action, w.transport.end_action):
        play_menu.addAction(action)
    w.lessons.build_menu(bar.addMenu(tr("&Lesson")))
    view_menu = bar.addMenu(tr("&View"))
    w.stage_action = menu_action(w, view_menu, tr("&Stage (views on the whole screen)"),
                                 w.toggle_stage, "F5", True)
    w.addAction(w.stage_action)  # F5 also leaves the stage, where menus are hidden
    menu_action(w, view_menu, tr("Side &by side…"), lambda: open_side_by_side(w), "Ctrl+B")
    menu_action(w, view_menu, tr("&Reset layout"), w.reset_layout)
    build_language_menu(w, view_menu.addMenu(tr("&Language")))
    view_menu.addSeparator()
    for dock in w.docks.values():
        view_menu.addAction(dock.toggleViewAction())
    help_menu = bar.addMenu(tr("&Help"))
    menu_action(w, help_menu, tr("&Keyboard"), lambda: show_keys(w), "F1")
    menu_action(w, help_menu, tr("&Lesson: RNN, LSTM and GRU, step by step"),
                w.lessons.open_bundled)
    menu_action(w, help_menu, tr("&About rnnviz"), lambda: show_about(w))


def build_language_menu(w, menu) -> None:
    """View → Language: the choice is kept, and the window speaks it from its next start
    (every text is made when the window is built)."""
    from PySide6.QtGui import QActionGroup

    from rnnviz.gui.i18n import LANGUAGES, language

    group = QActionGroup(menu)
    for key, name in LANGUAGES.items():
        action = menu_action(w, menu, name, lambda _=False, k=key: choose_language(w, k),
                             checkable=True)
        action.setChecked(key == language())
        group.addAction(action)


def choose_language(window, key: str) -> None:
    from rnnviz.gui.i18n import LANGUAGES, language
    from rnnviz.gui.settings import app_settings

    app_settings().setValue("language", key)
    if key != language():
        QMessageBox.information(window, tr("Language"), tr(
            "rnnviz will speak {language} from its next start (or start it with --lang "
            "{key}).").format(language=LANGUAGES[key], key=key))


def build_edit_menu(w, menu) -> None:
    """Edit: the "What if?" edits (the Edits panel's), with their own undo and redo. The
    keys are the usual undo keys: a text field with the focus keeps them for its text."""
    menu_action(w, menu, tr("Change an &input…"), lambda: w.ask_edit("edit-x"))
    menu_action(w, menu, tr("&Clamp a part…"), lambda: w.ask_edit("clamp"))
    menu_action(w, menu, tr("&Set a weight…"), lambda: w.ask_edit("set"))
    menu.addSeparator()
    panel = w.edits_panel
    w.undo_edit_action = menu_action(w, menu, tr("&Undo edit"), panel.undo, "Ctrl+Z")
    w.redo_edit_action = menu_action(w, menu, tr("&Redo edit"), panel.redo, "Ctrl+Shift+Z")
    w.clear_edits_action = menu_action(w, menu, tr("C&lear edits"), panel.clear)

    def enable() -> None:
        w.undo_edit_action.setEnabled(panel.can_undo())
        w.redo_edit_action.setEnabled(panel.can_redo())
        w.clear_edits_action.setEnabled(bool(panel.lines()))
    panel.history_changed.connect(enable)
    enable()


def open_workspace_dialog(window) -> None:
    """File → Open workspace: a .rnnviz file; what it could not open is said."""
    from rnnviz.core.errors import RnnvizError
    from rnnviz.gui.open_dialogs import ask_open_file
    from rnnviz.gui.workspace_io import open_in_window

    if not window.lessons.may_discard():
        return
    path = ask_open_file(window, tr("Open a workspace"),
                         tr("rnnviz workspaces (*.rnnviz);;All (*)"))
    if not path:
        return
    try:
        notes = open_in_window(window, path)
    except RnnvizError as exc:
        window.report_error(str(exc))
        return
    if notes:
        window.report_error("\n".join(notes))


def save_workspace_dialog(window) -> bool:
    """File → Save workspace: where it was opened from, or a new .rnnviz file. True when
    it was saved."""
    from PySide6.QtWidgets import QFileDialog

    from rnnviz.core.errors import RnnvizError
    from rnnviz.gui.workspace_io import save_window

    start = getattr(window, "workspace_path", None) or "lecture.rnnviz"
    path, _ = QFileDialog.getSaveFileName(window, tr("Save the workspace"), start,
                                          tr("rnnviz workspaces (*.rnnviz)"))
    if not path:
        return False
    if not path.endswith(".rnnviz"):
        path += ".rnnviz"
    try:
        save_window(window, path)
    except RnnvizError as exc:
        window.report_error(str(exc))
        return False
    window.workspace_path = path
    window.statusBar().showMessage(tr("saved {path}").format(path=path), 5000)
    if window.lessons.player is not None:
        window.lessons.player.unsaved = False
    return True


def open_side_by_side(window) -> None:
    """View → Side by side: the run beside another one, on the same cursor (one window)."""
    from rnnviz.gui.side_by_side import SideBySide

    side = getattr(window, "side_by_side", None)
    if side is None or not side.isVisible():
        side = window.side_by_side = SideBySide(window.sim, window)
        side.setWindowFlag(Qt.Window)  # its own window, closed with the main one
        side.choose("the original (no edits)" if window.sim.config.edits else "GRU")
    side.show()
    side.raise_()


def show_keys(window) -> None:
    from rnnviz.gui.stage import stage_keys

    QMessageBox.information(window, tr("Keyboard"), tr(
        "→ step forward\n← step back\nSpace play / pause\nHome back to t = 0\nEnd last "
        "step\nF5 stage (views on the whole screen)\nCtrl+O open model\nCtrl+D open data\n"
        "Ctrl+N demo\nCtrl+Z / Ctrl+Shift+Z undo / redo an edit (What if?)\nCtrl+B side by "
        "side\nCtrl+Shift+O / Ctrl+Shift+S open / save a workspace\nCtrl+M add a scene to "
        "the lesson\nShift+F5 present the lesson\nPageDown / PageUp next / previous scene\n"
        "\nOn the stage: {keys}").format(keys=stage_keys()))


def show_about(window) -> None:
    from rnnviz import __version__

    QMessageBox.about(window, tr("About rnnviz"), tr(
        "rnnviz {version}: step RNN, LSTM and GRU cells through a sequence and see every "
        "gate, computed as torch.nn computes it.").format(version=__version__))
