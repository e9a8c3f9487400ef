"""The stage: views on the whole screen, legible from the back of a room, and back again."""

import pytest
from gui_support import load
from PySide6.QtCore import QRect, Qt
from svg_support import read_svg, smallest

from rnnviz.gui.config import Config
from rnnviz.gui.figure import settle, write_vector
from rnnviz.gui.stage import VIEWS, floor_for_screen

CONFIG = Config(cell="lstm", hidden_size=8, num_layers=2, length=30, preset="sine",
                head="softmax", output_size=4)


def stage_svg(window, tmp_path, names, width, height):
    window.resize(width, height)
    window.stage_control.enter(names, fullscreen=False, hint=False)
    settle()
    window.stage_control.stage.refresh()
    settle()
    path = tmp_path / f"stage-{'-'.join(names)}-{width}.svg"
    write_vector(window, path, "stage")
    return read_svg(path)


def test_floor_meets_the_targets():
    assert floor_for_screen(1080) >= 18 and floor_for_screen(800) >= 14


@pytest.mark.parametrize("width, height, target", [(1920, 1080, 18.0), (1280, 800, 14.0)])
def test_no_text_on_the_stage_is_smaller_than_the_target(qtbot, window, tmp_path, width,
                                                         height, target):
    """Measured from the drawing itself: every <text> of the stage's SVG, at the size the
    view's transforms draw it."""
    load(qtbot, window, CONFIG)
    window.sim.seek(12)
    layouts = [[name] for name in VIEWS] + [["graph", "cell"]]
    for names in layouts:
        texts, _ = stage_svg(window, tmp_path, names, width, height)
        assert texts, names
        small = smallest(texts)
        assert small.px >= target - 0.05, f"{names}: '{small.text}' is {small.px:.1f} px"
    window.stage_control.leave()


def test_f5_puts_graph_and_cell_on_the_stage_and_esc_brings_the_layout_back(qtbot, window):
    load(qtbot, window, CONFIG)
    state = window.saveState()
    window.stage_action.trigger()
    stage = window.stage_control.stage
    assert stage is not None and stage.names == ["graph", "cell"]
    assert window.graph.parent() is not None and window.graph.window() is window
    assert stage.isAncestorOf(window.graph) and stage.isAncestorOf(window.cell_view)
    assert not window.menuBar().isVisible() and not window.docks["network"].isVisible()
    assert not window.cell_view.top_k.isVisible()  # the drawing alone, no check boxes
    from PySide6.QtWidgets import QLabel

    qtbot.waitUntil(lambda: stage.findChild(QLabel, "stageHint") is not None)  # how to leave
    assert "Esc" in stage.findChild(QLabel, "stageHint").text()
    qtbot.keyClick(window, Qt.Key_Right)  # the transport keys stay live
    assert window.sim.t == 1
    qtbot.keyClick(window, Qt.Key_V)  # next view
    assert stage.names == ["cell"]
    qtbot.keyClick(window, Qt.Key_4)  # a view by its number
    assert stage.names == ["states"]
    qtbot.keyClick(window, Qt.Key_2)
    assert stage.names == ["cell"]
    qtbot.keyClick(window, Qt.Key_D)  # the pair again
    assert stage.names == ["graph", "cell"]
    qtbot.keyClick(window, Qt.Key_Escape)
    assert window.stage_control.stage is None
    assert window.centralWidget() is window.graph
    assert window.docks["cell"].widget() is window.cell_view
    assert window.menuBar().isVisible() and window.cell_view.top_k.isVisibleTo(window)
    assert window.saveState() == state  # every dock where it was
    assert not window.stage_action.isChecked()


def test_each_view_goes_on_the_stage_and_home_again(qtbot, window):
    load(qtbot, window, CONFIG)
    homes = {name: window.views.widget(name) for name in VIEWS}
    for name in VIEWS:
        window.stage_control.enter([name], fullscreen=False)
        stage = window.stage_control.stage
        assert stage.names == [name]
        if name != "equations":  # the equations are drawn fitted, by a drawing of their own
            assert stage.isAncestorOf(homes[name])
    window.stage_control.leave()
    for name in VIEWS:
        assert window.views.widget(name) is homes[name]
    assert window.docks["states"].widget() is window.state_view


def test_a_docks_maximise_button_shows_its_view_alone(qtbot, window):
    load(qtbot, window, CONFIG)
    title = window.docks["states"].titleBarWidget()
    title.maximise.click()
    assert window.stage_control.stage.names == ["states"]
    assert not window.isFullScreen()
    window.stage_control.leave()
    assert window.docks["states"].widget() is window.state_view


def test_stage_grows_fonts_in_proportion(qtbot, window, tmp_path):
    """The same view on a bigger stage draws bigger text (not only the smallest)."""
    load(qtbot, window, CONFIG)
    small, _ = stage_svg(window, tmp_path, ["states"], 1280, 800)
    window.stage_control.leave()
    big, _ = stage_svg(window, tmp_path, ["states"], 2560, 1440)
    window.stage_control.leave()
    assert smallest(big).px > smallest(small).px * 1.5


def test_reset_layout_and_window_fits_a_small_screen(qtbot, window, monkeypatch):
    load(qtbot, window, CONFIG)
    areas = {name: window.dockWidgetArea(dock) for name, dock in window.docks.items()}
    shown = {name: dock.isVisibleTo(window) for name, dock in window.docks.items()}
    window.addDockWidget(Qt.LeftDockWidgetArea, window.docks["cell"])
    window.docks["states"].setFloating(True)
    window.docks["output"].hide()
    window.reset_layout()
    assert {name: window.dockWidgetArea(dock) for name, dock in window.docks.items()} == areas
    assert {name: dock.isVisibleTo(window) for name, dock in window.docks.items()} == shown
    assert not any(dock.isFloating() for dock in window.docks.values())
    import rnnviz.gui.window_layout as window_layout

    monkeypatch.setattr(window_layout, "real_screen", lambda _w: QRect(0, 0, 1280, 800))
    window.fit_to_screen()
    assert window.width() <= 1280 and window.height() <= 800


def _layout(window):
    return {"graph": window.graph.geometry().getRect(),
            **{name: dock.geometry().getRect() for name, dock in window.docks.items()
               if dock.isVisible()}}


def _axes(window):
    import pyqtgraph as pg

    return [(axis.width(), axis.height()) for view in (window.state_view, window.output_view)
            for axis in view.findChildren(pg.GraphicsView)[0].scene().items()
            if isinstance(axis, pg.AxisItem) and axis.isVisible()]


def test_a_figure_leaves_the_window_as_it_was(qtbot, window, tmp_path):
    """The graph lent to a figure leaves a placeholder in the centre: the docks keep their
    sizes; views come back with their axes as they were."""
    from rnnviz.gui.pictures import Picture, save_picture, surface

    load(qtbot, window, CONFIG)
    qtbot.wait(50)
    before, axes = _layout(window), _axes(window)
    for view in ("graph", "states", "output"):
        with surface(window, Picture("figure", (view,), 1200, 700)) as widget:
            save_picture(widget, tmp_path / f"{view}.png", 2.0, view)
    qtbot.wait(50)
    assert window.centralWidget() is window.graph
    assert _layout(window) == before and _axes(window) == axes


def test_leaving_the_stage_gives_axes_their_room_back(qtbot, window):
    load(qtbot, window, CONFIG)
    qtbot.wait(50)
    axes = _axes(window)
    window.stage_control.enter(["states", "output"], fullscreen=False)
    settle()
    window.stage_control.leave()
    qtbot.wait(50)
    assert _axes(window) == axes


def test_leaving_the_stage_gives_the_legend_its_size_back(qtbot, window):
    """States' curve legend grows with the stage's font and shrinks with it again (its
    labels kept the stage's size, and the legend stayed as wide as on the stage)."""
    load(qtbot, window, CONFIG)
    qtbot.wait(50)
    legend = window.state_view.legend
    before = legend.boundingRect().size()
    window.resize(1920, 1080)
    window.stage_control.enter(["states"], fullscreen=False, hint=False)
    settle()
    assert legend.boundingRect().width() > before.width() * 1.2  # grown on the stage
    window.stage_control.leave()
    qtbot.wait(50)
    after = legend.boundingRect().size()
    assert abs(after.width() - before.width()) < 1 and abs(after.height() - before.height()) < 1


def test_a_figure_while_the_stage_is_shown_keeps_the_stage(qtbot, window, tmp_path):
    from rnnviz.gui.pictures import Picture, save_picture, surface

    load(qtbot, window, CONFIG)
    window.stage_control.enter(["graph", "cell"], fullscreen=False)
    with surface(window, Picture("figure", ("cell",), 900, 500)) as widget:
        save_picture(widget, tmp_path / "cell.svg", 1.0, "cell")
    stage = window.stage_control.stage
    assert stage is not None and stage.names == ["graph", "cell"]
    assert stage.isAncestorOf(window.cell_view) and stage.isAncestorOf(window.graph)
    assert (tmp_path / "cell.svg").stat().st_size > 1000
    window.stage_control.leave()
    assert window.docks["cell"].widget() is window.cell_view
