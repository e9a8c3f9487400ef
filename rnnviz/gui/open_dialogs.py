"""Open dialogs that start where the user last opened a model or data file, with the
bundled models one click away in the sidebar.

Qt's static getOpenFileName with no folder starts in the process's working folder
(wherever rnnviz was launched from), and its sidebar cannot be changed; a dialog built
here can. The folder is remembered in the settings, so it survives a relaunch.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QWidget

from rnnviz.gui.settings import app_settings

FOLDER_KEY = "open_folder"  # the folder of the last model or data file opened


def bundled_models() -> Path:
    from rnnviz.core.files.resource_files import resource

    return resource("models")


def start_folder() -> Path:
    """The folder of the last file opened; before any, the working folder (as before)."""
    saved = app_settings().value(FOLDER_KEY)
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    return Path.cwd()


def remember_folder(path: str | Path) -> None:
    settings = app_settings()
    settings.setValue(FOLDER_KEY, str(Path(path).resolve().parent))
    settings.sync()


def sidebar_urls(urls: list[QUrl]) -> list[QUrl]:
    """The dialog's own sidebar, then the bundled models' folder (once)."""
    folder = bundled_models()
    extra = QUrl.fromLocalFile(str(folder))
    if not folder.is_dir() or any(url.toLocalFile().rstrip("/") == extra.toLocalFile()
                                  for url in urls):
        return list(urls)
    return [*urls, extra]


def open_dialog(parent: QWidget | None, title: str, filters: str,
                folder: Path | None = None) -> QFileDialog:
    """An open dialog for one existing file, in `folder` (default: start_folder()), ready
    to exec()."""
    dialog = QFileDialog(parent, title, str(folder or start_folder()), filters)
    dialog.setFileMode(QFileDialog.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptOpen)
    dialog.setSidebarUrls(sidebar_urls(dialog.sidebarUrls()))
    return dialog


def ask_open_file(parent: QWidget | None, title: str, filters: str,
                  folder: Path | None = None) -> str | None:
    """The file chosen (its folder remembered for the next dialog), or None."""
    dialog = open_dialog(parent, title, filters, folder)
    chosen = dialog.selectedFiles() if dialog.exec() else []
    if not chosen:
        return None
    path = chosen[0]
    remember_folder(path)
    return path
