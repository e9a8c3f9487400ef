"""Where the window keeps its layout and last configuration (QSettings), and its files."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def app_settings() -> QSettings:
    """The user's settings; RNNVIZ_SETTINGS=path.ini redirects them (tests, demos)."""
    path = os.environ.get("RNNVIZ_SETTINGS")
    if path:
        return QSettings(path, QSettings.IniFormat)
    return QSettings("rnnviz", "rnnviz")


def data_folder() -> Path:
    """Where the window keeps files of its own (a network trained in it); not created here.

    Beside the settings file when RNNVIZ_SETTINGS redirects them (path.ini → path-data/),
    so a test or a demo never touches the user's folder; else the platform's app data
    folder (~/.local/share/rnnviz on Linux).
    """
    path = os.environ.get("RNNVIZ_SETTINGS")
    if path:
        ini = Path(path)
        return ini.with_name(ini.stem + "-data")
    location = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return Path(location) if location else Path.home() / ".rnnviz"
