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


@pytest.fixture
def chinese_window(qtbot, qapp, tmp_path, monkeypatch):
    """The window built in Simplified Chinese, showing the demo; English again afterwards
    (tests of the translation: test_i18n, test_core_messages)."""
    monkeypatch.setenv("RNNVIZ_SETTINGS", str(tmp_path / "settings.ini"))
    from gui_support import load

    from rnnviz.gui.app import create_window
    from rnnviz.gui.config import demo_config
    from rnnviz.gui.i18n import install_language

    assert install_language("zh_CN") == "zh_CN"
    try:
        _app, win = create_window()
        qtbot.addWidget(win)
        win.resize(1400, 900)
        win.show()
        qtbot.waitExposed(win)
        load(qtbot, win, demo_config())
        win.sim.wait(10_000)
        qtbot.wait(100)  # the views and panels show the trace
        yield win
        win.sim.wait(10_000)
        win.close()
    finally:
        install_language("en")
