import os

# Headless Qt for every GUI test; pyqtgraph must bind PySide6 even if PyQt is installed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


import pytest  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A real MainWindow (offscreen), with settings in a temporary file."""
    monkeypatch.setenv("RNNVIZ_SETTINGS", str(tmp_path / "settings.ini"))
    from rnnviz.gui.app import create_window

    _app, win = create_window()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.sim.wait(10_000)
    win.close()
    import gc

    gc.collect()
