"""After any export the window shows what it showed: the step, and the graph's pan (issue
17: after an animation the current t sat at the left edge, earlier steps hidden)."""

import pytest
from gui_support import load
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from rnnviz.gui.config import Config
from rnnviz.gui.panels.animation_dialog import AnimationChoice
from rnnviz.gui.panels.figure_dialog import FigureChoice


@pytest.fixture
def exporting(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    names = iter(f"picture-{k}" for k in range(100))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _parent, _title, name, _filters: (str(out / f"{next(names)}-{name.split('/')[-1]}"),
                                                 "")))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: False)
    load(qtbot, window, Config(cell="lstm", hidden_size=4, length=60))
    return window, out


def view_range(window) -> list[float]:
    return [round(v, 6) for v in window.graph.getViewBox().viewRange()[0]]


EXPORTS = {
    "animation of the window": lambda menu: menu.write_animation(
        AnimationChoice(0, 59, 20, "window", ".gif", 0, 0, 0.5)),
    "animation of the graph": lambda menu: menu.write_animation(
        AnimationChoice(5, 50, 20, "graph", ".gif", 400, 300, 1.0)),
    "animation of the cell, backwards": lambda menu: menu.write_animation(
        AnimationChoice(59, 30, 20, "cell", ".gif", 300, 200, 1.0)),
    "figure of the graph": lambda menu: menu.write_figure(
        FigureChoice("graph", ".png", 900, 400, 1.0)),
}


@pytest.mark.parametrize("export", list(EXPORTS))
@pytest.mark.parametrize("panned", [False, True])
def test_the_graph_is_where_it_was_after_an_export(qtbot, exporting, export, panned):
    window, out = exporting
    graph = window.graph
    window.sim.seek(12)  # t inside the first view, the steps before it shown too
    if panned:  # the user dragged the graph to look elsewhere
        graph.setXRange(30.0, 54.3, padding=0)
    before, t = view_range(window), window.sim.t
    assert before[0] > 12 if panned else before[0] < 0  # t out of view / the first view
    menu = window.export_menu
    menu._guard(lambda: EXPORTS[export](menu))
    qtbot.wait(50)  # anything deferred has happened
    assert window.last_error == "" and len(list(out.iterdir())) == 1
    assert window.sim.t == t
    assert view_range(window) == before
