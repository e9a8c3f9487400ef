"""Open dialogs start in the folder of the last model or data file opened (remembered
across launches), not wherever rnnviz was started; the bundled models are in the sidebar."""

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from rnnviz.gui import open_dialogs
from rnnviz.gui.open_dialogs import bundled_models, open_dialog, sidebar_urls, start_folder


@pytest.fixture
def settings(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("RNNVIZ_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_dialogs_start_where_the_last_file_was_opened(settings, monkeypatch):
    assert start_folder() == settings  # nothing opened yet: the working folder, as before
    models = settings / "models"
    models.mkdir()
    (models / "m.pt").write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "exec", lambda self: True)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [str(models / "m.pt")])
    assert open_dialogs.ask_open_file(None, "Open", "All (*)") == str(models / "m.pt")
    assert start_folder() == models  # remembered in the settings: a relaunch starts there
    dialog = open_dialog(None, "Open", "All (*)")
    assert Path(dialog.directory().absolutePath()) == models
    (models / "m.pt").unlink()
    models.rmdir()
    assert start_folder() == settings  # a folder since removed: back to the working folder


def test_a_cancelled_dialog_remembers_nothing(settings, monkeypatch):
    monkeypatch.setattr(QFileDialog, "exec", lambda self: False)
    assert open_dialogs.ask_open_file(None, "Open", "All (*)", settings.parent) is None
    assert start_folder() == settings


def test_the_bundled_models_are_in_the_sidebar_once(settings):
    folder = bundled_models()
    assert (folder / "reverse.pt").is_file()
    urls = open_dialog(None, "Open", "All (*)").sidebarUrls()
    assert QUrl.fromLocalFile(str(folder)) in urls
    assert sum(url.toLocalFile() == str(folder) for url in urls) == 1
    assert sidebar_urls(urls) == urls  # never twice
    assert open_dialog(None, "Open", "All (*)", folder).directory().absolutePath() == \
        str(folder)


def test_the_window_opens_models_and_data_through_these_dialogs(qtbot, window, tmp_path,
                                                                monkeypatch):
    """File → Open model / Open data go through ask_open_file: the folder is remembered."""
    import torch
    from torch import nn

    data = tmp_path / "mine"
    data.mkdir()
    torch.save(nn.GRU(1, 3).state_dict(), data / "g.pt")
    (data / "x.csv").write_text("0.1\n0.2\n0.3\n")
    answers = iter([str(data / "g.pt"), str(data / "x.csv")])
    monkeypatch.setattr(QFileDialog, "exec", lambda self: True)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [next(answers)])
    opens = {a.text(): a for a in window.findChildren(QAction)}
    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        opens["Open &model…"].trigger()  # as the menu does: a `checked` flag comes along
    assert window.sim.config.model == str(data / "g.pt") and start_folder() == data
    with qtbot.waitSignal(window.sim.trace_changed, timeout=30_000):
        opens["Open &data…"].trigger()
    assert window.sim.config.input == str(data / "x.csv") and window.sim.length == 3

    # File → Examples → Bundled models folder…: the same dialog, in the bundled folder
    seen = []
    monkeypatch.setattr(QFileDialog, "exec", lambda self: seen.append(
        self.directory().absolutePath()) or False)
    opens["&Bundled models folder…"].trigger()
    assert seen == [str(bundled_models())] and start_folder() == data
