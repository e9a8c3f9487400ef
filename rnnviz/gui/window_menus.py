"""The main window's menu bar: File (open, examples, export), Playback, View, Help."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from rnnviz.gui.config import demo_config
from rnnviz.gui.export_menu import ExportMenu
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
    file_menu = bar.addMenu("&File")
    menu_action(w, file_menu, "Open &model…", w.open_model, "Ctrl+O")
    menu_action(w, file_menu, "Open &data…", w.open_data, "Ctrl+D")
    menu_action(w, file_menu, "&Demo (LSTM on a sine)", lambda: w.start(demo_config()), "Ctrl+N")
    examples = file_menu.addMenu("E&xamples")
    menu_action(w, examples, "Trained reverser: GRU encoder–decoder (reverse.pt)",
                lambda: w.open_model_file(str(resource("models/reverse.pt"))))
    menu_action(w, examples, "Demo: LSTM on a sine", lambda: w.start(demo_config()))
    examples.addSeparator()
    menu_action(w, examples, "&Bundled models folder…",
                lambda: w.open_model(bundled_models()))
    file_menu.addSeparator()
    w.export_menu = ExportMenu(w, file_menu)
    file_menu.addSeparator()
    menu_action(w, file_menu, "&Quit", w.close, "Ctrl+Q")
    play_menu = bar.addMenu("&Playback")
    for action in (w.transport.reset_action, w.transport.back_action, w.transport.play_action,
                   w.transport.forward_action, w.transport.end_action):
        play_menu.addAction(action)
    view_menu = bar.addMenu("&View")
    w.stage_action = menu_action(w, view_menu, "&Stage (views on the whole screen)",
                                 w.toggle_stage, "F5", True)
    w.addAction(w.stage_action)  # F5 also leaves the stage, where menus are hidden
    menu_action(w, view_menu, "&Reset layout", w.reset_layout)
    view_menu.addSeparator()
    for dock in w.docks.values():
        view_menu.addAction(dock.toggleViewAction())
    help_menu = bar.addMenu("&Help")
    menu_action(w, help_menu, "&Keyboard", lambda: show_keys(w), "F1")
    menu_action(w, help_menu, "&About rnnviz", lambda: show_about(w))


def show_keys(window) -> None:
    from rnnviz.gui.stage import STAGE_KEYS

    QMessageBox.information(window, "Keyboard", "→ step forward\n← step back\nSpace play / "
                            "pause\nHome back to t = 0\nEnd last step\nF5 stage (views on "
                            "the whole screen)\nCtrl+O open model\nCtrl+D open data\n"
                            f"Ctrl+N demo\n\nOn the stage: {STAGE_KEYS}")


def show_about(window) -> None:
    from rnnviz import __version__

    QMessageBox.about(window, "About rnnviz", f"rnnviz {__version__}: step RNN, LSTM and GRU "
                      "cells through a sequence and see every gate, computed as torch.nn "
                      "computes it.")
