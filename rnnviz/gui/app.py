"""Starting the window: paint first, then load torch and the first trace in the background."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

log = logging.getLogger("rnnviz")


def log_path() -> Path:
    """Where rnnviz logs what went wrong unexpectedly (~/.cache/rnnviz/rnnviz.log)."""
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "rnnviz" / \
        "rnnviz.log"


def _setup_logging() -> Path:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_excepthook(window, log_path: Path) -> None:
    """An exception in a slot is logged and shown in a dialog; the window stays up."""
    from PySide6.QtWidgets import QMessageBox

    def hook(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught exception:\n%s", text)
        box = QMessageBox(QMessageBox.Critical, "rnnviz: unexpected error",
                          f"{kind.__name__}: {value}", QMessageBox.Ok, window)
        box.setInformativeText(f"The window keeps its last working state. Details: {log_path}")
        box.setDetailedText(text)
        box.open()

    sys.excepthook = hook


# Qt's pixmap cache holds the views' items kept as pixmaps (States' heatmaps and curves
# while t moves, at most state_view.CACHED_MOST of them): its 10 MB default fits a dozen
# at window size but not on a 1920×1080 stage, where each is up to ~4 MB and an
# overflowing cache would redraw them at every step, slower than no cache at all
PIXMAP_CACHE_KIB = 128 * 1024
GIL_SWITCH_S = 0.001  # the longest a thread waits for the GIL while another runs Python


def create_window(language: str | None = None):
    """QApplication + MainWindow, configured (no event loop, no trace yet); `language`
    (a key of i18n.LANGUAGES) is installed before the window's texts are made."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("rnnviz")
    from PySide6.QtGui import QPixmapCache

    QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KIB))
    # the window's Python runs for milliseconds at a time (updating and painting views)
    # while pool threads compute a long trace's chunks for it: each needs the GIL between
    # its torch calls, and by default waits up to 5 ms for it. At 1 ms a chunk computed
    # beside a scrub's views took 3.5 ms instead of 5.2-5.6 (LSTM H=256, 64 steps)
    sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_S))
    if language is not None:
        from rnnviz.gui.i18n import install_language

        install_language(language)
    import pyqtgraph as pg

    # Antialiased curves cost more than everything else in a step; the cell diagram turns
    # antialiasing on for itself.
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=False)
    from rnnviz.gui.main_window import MainWindow

    return app, MainWindow()


def run_app(args) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon

    from rnnviz.gui.config import Config, demo_config

    app, window = create_window(window_language(getattr(args, "lang", None)))
    log_path = _setup_logging()
    install_excepthook(window, log_path)
    from rnnviz.core.files.resource_files import resource

    window.setWindowIcon(QIcon(str(resource("icon.svg"))))
    saved = window.restore_settings()
    explicit = getattr(args, "explicit", False) and not getattr(args, "workspace", None)
    config = Config.from_args(args) if explicit else (saved or demo_config())
    window.show()
    window.repaint()  # painted now, before the first trace starts importing torch
    if os.environ.get("RNNVIZ_EXIT_AFTER_PAINT"):  # startup benchmark: stop at first paint
        print("painted", flush=True)
        return 0
    workspace = getattr(args, "workspace", None)
    lesson = getattr(args, "lesson", None)
    if lesson:  # `rnnviz --lesson FILE`: given on the stage
        QTimer.singleShot(0, lambda: _open_workspace(window, lesson, config, present=True))
    elif workspace:  # `rnnviz lecture.rnnviz`: as it was saved (a lesson: its first scene)
        QTimer.singleShot(0, lambda: _open_workspace(window, workspace, config))
    else:
        QTimer.singleShot(0, lambda: window.start(config))
    return app.exec()


def window_language(asked: str | None) -> str:
    """--lang, else the language chosen in the window last time, else the system's."""
    from rnnviz.gui.i18n import LANGUAGES, parse_language, system_language
    from rnnviz.gui.settings import app_settings

    if asked:
        return parse_language(asked)
    saved = app_settings().value("language")
    return saved if saved in LANGUAGES else system_language()


def _open_workspace(window, path: str, fallback, present: bool = False) -> None:
    """Open a workspace or lesson given on the command line; a file that cannot be opened
    is said, and the window opens on `fallback` instead (the last session, or the demo)."""
    from rnnviz.cli.lesson import lesson_path
    from rnnviz.core.errors import RnnvizError
    from rnnviz.gui.workspace_io import open_lesson

    try:
        notes = open_lesson(window, lesson_path(path), present=present)
    except RnnvizError as exc:
        window.start(fallback)
        window.report_error(str(exc))
        return
    if notes:
        window.report_error("\n".join(notes))
