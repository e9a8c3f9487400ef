"""Where the window keeps its layout and last configuration (QSettings)."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings


def app_settings() -> QSettings:
    """The user's settings; RNNVIZ_SETTINGS=path.ini redirects them (tests, demos)."""
    path = os.environ.get("RNNVIZ_SETTINGS")
    if path:
        return QSettings(path, QSettings.IniFormat)
    return QSettings("rnnviz", "rnnviz")
