"""The cell diagram: vector only, labels true to the cell's place in the network, one set
of top-k units for every box, and text legible (never overlapping) at any size."""

from __future__ import annotations

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPathStroker
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QWidget,
)
from svg_support import read_svg

from rnnviz.gui.config import Config
from rnnviz.gui.views.cell_view import CellView, top_units
from rnnviz.gui.views.diagram_parts import cell_names
from rnnviz.gui.views.glyphs import Label, VectorGlyph

CELLS = {
    "lstm": Config(cell="lstm", hidden_size=8, length=20),
    "lstm-proj": Config(cell="lstm", hidden_size=12, proj_size=5, length=20),
    "lstm-bidir": Config(cell="lstm", hidden_size=8, num_layers=2, bidirectional=True,
                         length=20),
    "gru": Config(cell="gru", hidden_size=6, length=20),
    "gru-bidir": Config(cell="gru", hidden_size=8, num_layers=2, bidirectional=True, length=20),
    "rnn-tanh": Config(cell="rnn", hidden_size=20, length=20),
    "rnn-relu": Config(cell="rnn", hidden_size=16, nonlinearity="relu", bias=False, length=20),
}


# ----- helpers ----------------------------------------------------------------------------------
def sized_view(qtbot, window, width: int, height: int, min_px: float = 0.0) -> CellView:
    """A CellView of the window's simulator at width × height, with a text minimum."""
    view = CellView(window.sim)
    qtbot.addWidget(view)  # closed and deleted before the window
    view._on_trace_changed()
    resize(view, width, height, min_px)
    return view


def resize(view: CellView, width: int, height: int, min_px: float) -> None:
    view.resize(width, height)
    view.show()
    QApplication.processEvents()
    view.set_min_text_px(min_px)
    QApplication.processEvents()


def texts(view: CellView) -> list[str]:
    """Every text the diagram draws: its labels (lines joined), and the unit indices."""
    labels = [label.text.replace("\n", " ") for label in view.diagram.labels]
    return labels + [str(u) for g in view.glyphs.values() for u, _ in g.unit_labels()]


def smallest_px(view: CellView) -> float:
    """The smallest font of the diagram as drawn on screen, in pixels."""
    fonts = [label.font for label in view.diagram.labels]
    fonts += [g.unit_font for g in view.glyphs.values() if g.unit_labels()]
    return min(f.pixelSize() for f in fonts) * view.view.transform().m11()


def layout_problems(view: CellView) -> list[str]:
    """What overlaps or is cut off in the diagram (empty: nothing)."""
    items = view.scene.items()
    named = [(f"'{i.text}'", i.rect) for i in items if isinstance(i, Label)]
    named += [(f"unit {u} under {key}", rect) for key, g in view.glyphs.items()
              for u, rect in g.unit_labels()]
    glyphs = [i.rect for i in items if isinstance(i, VectorGlyph)]
    problems = []
    for k, (name, rect) in enumerate(named):
        problems += [f"{name} overlaps {other}" for other, rect2 in named[k + 1:]
                     if rect.intersects(rect2)]
        problems += [f"{name} overlaps a vector" for g in glyphs if rect.intersects(g)]
        problems += [f"{name} is crossed by a drawn {type(i).__name__[9:]}" for i in items
                     if _crosses(i, rect)]
    nodes = [i.boundingRect() for i in items if isinstance(i, QGraphicsEllipseItem) or
             isinstance(i, QGraphicsPathItem) and i.brush().style() != Qt.NoBrush]
    problems += [f"an operator at {n.center().toTuple()} overlaps a vector" for n in nodes
                 for g in glyphs if n.intersects(g)]
    shown = view.view.mapToScene(view.view.viewport().rect()).boundingRect()
    shown = shown.intersected(view.scene.sceneRect()).adjusted(-0.5, -0.5, 0.5, 0.5)
    problems += [f"{r.getRect()} is cut off" for r in [r for _, r in named] + glyphs
                 if not shown.contains(r)]
    return problems


def _crosses(item, rect: QRectF) -> bool:
    """Does a line, arrowhead, operator or box outline run through the text?"""
    if isinstance(item, QGraphicsRectItem):  # a box: its text inside, or clear of it
        w = item.pen().widthF()
        box = item.rect()
        return rect.intersects(box.adjusted(-w, -w, w, w)) and \
            not box.adjusted(w, w, -w, -w).contains(rect)
    if isinstance(item, QGraphicsEllipseItem | QGraphicsPolygonItem):
        return item.shape().intersects(rect) and not item.boundingRect().contains(rect)
    if isinstance(item, QGraphicsPathItem):
        if item.brush().style() != Qt.NoBrush:  # an operator's pill, holding its word
            return item.shape().intersects(rect) and not item.boundingRect().contains(rect)
        stroker = QPainterPathStroker()
        stroker.setWidth(item.pen().widthF())
        return stroker.createStroke(item.path()).intersects(rect)
    return False


def svg_of(widget: QWidget, path) -> tuple[list, list]:
    """The widget drawn by QSvgGenerator as every export draws it (items kept as pixmaps
    on screen drawn anew), read back: (texts, images)."""
    from rnnviz.gui.figure import vector_symbols

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    painter = QPainter(generator)
    with vector_symbols(widget):
        QWidget.render(widget, painter, QPoint())
    painter.end()
    return read_svg(path)


# ----- vector, and every label a text ----------------------------------------------------------
@pytest.mark.parametrize("name, expected", [
    ("lstm", ["forget f", "input i", "candidate g", "output o", "σ", "tanh", "×", "+",
              "c(t−1)", "c(t)", "h(t−1)", "h(t)", "x(t)", "0", "7"]),
    ("gru", ["update z", "reset r", "candidate n", "1−", "z ⊙ h(t−1)", "(1−z) ⊙ n", "h(t−1)",
             "h(t)", "x(t)", "×", "+", "σ", "tanh", "0", "5"]),
    ("rnn-tanh", ["h(t−1)", "h(t)", "x(t)", "0", "16"]),
])
def test_svg_has_no_images_and_every_label_is_text(qtbot, window, tmp_path, name, expected):
    load(qtbot, window, CELLS[name])
    window.sim.seek(5)
    svg_texts, images = svg_of(window.cell_view.view, tmp_path / "cell.svg")
    assert images == []  # no cached bitmaps: every static item is drawn as vectors
    words = [t.text for t in svg_texts]
    for label in expected:
        assert label in words, f"{label!r} is not a <text> in {words}"
    assert set(texts(window.cell_view)) <= set(words)


def test_labels_are_pixmaps_on_screen_that_look_as_drawn(qtbot, window):
    """The diagram's text is still while t moves: on screen each label is kept as a pixmap
    (the view is repainted whole at every step), the picture the same as drawn."""
    from PySide6.QtWidgets import QGraphicsItem

    from rnnviz.gui.capture import qimage_rgba

    load(qtbot, window, CELLS["lstm"])
    window.sim.seek(5)
    view = window.cell_view
    labels = view.diagram.labels
    assert labels and all(i.cacheMode() == QGraphicsItem.DeviceCoordinateCache for i in labels)
    cached = qimage_rgba(view.view.grab().toImage()).astype(int)
    for label in labels:
        label.setCacheMode(QGraphicsItem.NoCache)
    drawn = qimage_rgba(view.view.grab().toImage()).astype(int)
    assert np.abs(cached - drawn).max() <= 2  # antialiased edges may round the other way


def test_a_heat_strip_is_the_only_image_one_pixel_per_unit_unsmoothed(qtbot, window, tmp_path):
    load(qtbot, window, Config(cell="gru", hidden_size=40, length=10))
    _, images = svg_of(window.cell_view.view, tmp_path / "cell.svg")
    strips = len([g for g in window.cell_view.glyphs.values() if len(g.shown_units()) > 32])
    assert len(images) == strips == 5  # z, r, n, h(t−1), h(t)
    assert all(i.pixels == (40, 1) and not i.smooth for i in images)


# ----- labels from the model and the position in it --------------------------------------------
def test_names_follow_layer_and_direction():
    from rnnviz.core.spec import NetworkSpec

    uni = NetworkSpec(cell="lstm", input_size=2, hidden_size=4, num_layers=3)
    bi = uni.with_(bidirectional=True)
    assert (cell_names(uni, 0, "fwd").input, cell_names(uni, 0, "fwd").prev) == ("x", "t−1")
    assert cell_names(uni, 2, "fwd").input == "h²"
    assert cell_names(bi, 1, "bwd").input == "[h¹→; h¹←]"
    assert cell_names(bi, 1, "bwd").state("c") == "c(t+1)"


def test_the_diagram_is_relabelled_when_the_layer_or_direction_changes(qtbot, window):
    load(qtbot, window, CELLS["lstm-bidir"])
    view = window.cell_view
    assert {"x(t)", "h(t−1)", "c(t−1)"} <= set(texts(view))
    window.sim.select(layer=1, direction="bwd")
    words = set(texts(view))
    assert {"[h¹→; h¹←](t)", "h(t+1)", "c(t+1)"} <= words
    assert not words & {"x(t)", "h(t−1)", "c(t−1)"}
    assert "layer 2 ←" in view.title.text()
    assert len(view.glyphs["x"].values) == 16  # both directions of layer 1
    window.sim.select(layer=0, direction="fwd")
    assert {"x(t)", "h(t−1)"} <= set(texts(view)) and "layer 1 →" in view.title.text()


@pytest.mark.parametrize("config, words", [
    (Config(cell="gru", hidden_size=4, num_layers=2, bidirectional=True, length=8),
     ["z ⊙ h(t+1)", "n = tanh(W_in [h¹→; h¹←](t) + b_in + r ⊙ (W_hn h(t+1) + b_hn))"]),
    (Config(cell="rnn", hidden_size=4, num_layers=3, length=8),
     ["h(t) = tanh(W_ih h²(t) + b_ih + W_hh h(t−1) + b_hh)"]),
    (Config(cell="rnn", hidden_size=4, bidirectional=True, bias=False, length=8),
     ["h(t) = tanh(W_ih x(t) + W_hh h(t+1))"]),
])
def test_formulas_name_the_input_and_the_recurrence(qtbot, window, config, words):
    load(qtbot, window, config)
    spec = window.sim.spec
    window.sim.select(layer=spec.num_layers - 1, direction=spec.directions()[-1])
    view = sized_view(qtbot, window, 1920, 1040)  # wide enough for every formula on one line
    for word in words:
        assert word in texts(view)


# ----- top-k: one set of units for every box ---------------------------------------------------
def test_top_units_keep_the_selected_one_in_ascending_order():
    ranking = np.array([0.0, -5.0, 1.0, 3.0, -0.5, 2.0])
    assert top_units(ranking, 3).tolist() == [1, 3, 5]
    assert top_units(ranking, 3, selected=0).tolist() == [0, 1, 3]  # 0 takes the last place
    assert top_units(ranking, 3, selected=3).tolist() == [1, 3, 5]
    assert top_units(ranking, 6) is None and top_units(ranking, 0) is None


def test_top_k_shows_the_same_units_in_every_box_ranked_by_the_chosen_part(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=40, length=20))
    sim, view = window.sim, window.cell_view
    sim.seek(9)
    h = sim.trace.part(0, "fwd", "h")[9, 0]
    quiet = int(np.argmin(np.abs(h)))
    sim.select(unit=quiet)
    view.k.setValue(8)
    view.top_k.setChecked(True)
    shared = [view.glyphs[k].shown_units().tolist() for k in "ifgo" + "c"] + \
        [view.glyphs[k].shown_units().tolist() for k in ("c_prev", "h", "h_prev")]
    expected = sorted(set(np.argsort(-np.abs(h))[:7].tolist()) | {quiet})
    assert all(units == expected for units in shared)
    labelled = {k: [u for u, _ in g.unit_labels()] for k, g in view.glyphs.items() if k != "x"}
    assert len({tuple(v) for v in labelled.values()}) == 1  # a column is one unit in every box
    assert quiet in labelled["f"]
    view.rank.setCurrentIndex(view.rank.findData("f"))
    f = sim.trace.part(0, "fwd", "f")[9, 0]
    expected = sorted(set(np.argsort(-np.abs(f))[:7].tolist()) | {quiet})
    assert view.glyphs["h"].shown_units().tolist() == expected
    assert [view.rank.itemData(i) for i in range(view.rank.count())] == \
        ["h", "i", "f", "g", "o", "c"]


def test_clicking_a_column_selects_its_unit_and_hovering_names_it(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=40, length=20))
    view = window.cell_view
    view.k.setValue(6)
    view.top_k.setChecked(True)
    glyph = view.glyphs["r"]
    units = glyph.shown_units()
    column = QRectF(glyph.rect)
    column.setWidth(glyph.rect.width() / len(units))
    column.translate(4 * column.width(), 0)  # the fifth column shown
    point = view.view.mapFromScene(column.center())
    qtbot.mouseClick(view.view.viewport(), Qt.LeftButton, pos=point)
    assert window.sim.unit == units[4]
    qtbot.mouseMove(view.view.viewport(), point + QPoint(1, 0))
    qtbot.waitUntil(lambda: glyph.toolTip().startswith(f"unit {units[4]}:"), timeout=2000)


# ----- legible at any size ---------------------------------------------------------------------
@pytest.mark.parametrize("name", list(CELLS))
def test_no_text_overlaps_or_is_cut_off_at_any_size_or_minimum(qtbot, window, name):
    load(qtbot, window, CELLS[name])
    spec = window.sim.spec
    window.sim.select(layer=spec.num_layers - 1, direction=spec.directions()[-1], unit=3)
    view = sized_view(qtbot, window, 560, 330)
    for width, height in [(560, 330), (960, 1040), (1920, 1040)]:
        for min_px in (0, 18):
            resize(view, width, height, min_px)
            where = f"{name} at {width}×{height}, min {min_px} px"
            assert layout_problems(view) == [], where
            assert smallest_px(view) >= min_px - 1e-6, where
            assert all(3 in [u for u, _ in g.unit_labels()] for k, g in view.glyphs.items()
                       if k != "x" and (k not in ("h", "h_prev") or not spec.proj_size)), where
    resize(view, 560, 330, 0)
    assert smallest_px(view) >= 8  # unit indices readable in the dock, not 6 px


def test_unit_indices_thin_out_instead_of_shrinking(qtbot, window):
    load(qtbot, window, Config(cell="lstm", hidden_size=64, length=10))
    window.sim.select(unit=37)
    view = sized_view(qtbot, window, 960, 1040, 18)
    glyph = view.glyphs["f"]
    shown = [u for u, _ in glyph.unit_labels()]
    assert 37 in shown and 0 in shown and len(shown) < 8, shown
    steps = {b - a for a, b in zip(shown, shown[1:]) if 37 not in (a, b)}
    assert len(steps) == 1 and steps.pop() in (4, 8, 16, 32), shown  # every 4th, 8th …
    assert glyph.unit_font.pixelSize() * view.view.transform().m11() >= 18
    assert layout_problems(view) == []


def test_unit_indices_are_kept_as_pixmaps_and_drawn_anew_when_they_change(qtbot, window,
                                                                          monkeypatch):
    """A step changes the values, not the indices under them: those stay a pixmap on
    screen. Selecting another unit (it is always labelled) draws them anew, and the
    picture is the one drawn without pixmaps."""
    from PySide6.QtWidgets import QGraphicsItem

    from rnnviz.gui.capture import qimage_rgba
    from rnnviz.gui.views.glyphs import UnitIndices

    load(qtbot, window, Config(cell="lstm", hidden_size=40, length=20))
    view = window.cell_view
    indices = [g._indices for g in view.glyphs.values()]
    assert all(i.cacheMode() == QGraphicsItem.DeviceCoordinateCache for i in indices)
    drawn = []
    paint = UnitIndices.paint
    monkeypatch.setattr(UnitIndices, "paint",
                        lambda item, *args: drawn.append(item) or paint(item, *args))
    window.sim.seek(5)
    view.view.grab()
    drawn.clear()
    window.sim.seek(6)  # new values, the same indices
    view.view.grab()
    assert drawn == []
    window.sim.select(unit=23)
    cached = qimage_rgba(view.view.grab().toImage()).astype(int)
    assert {id(i) for i in drawn} >= {id(view.glyphs["f"]._indices)}
    assert "23" in [str(u) for u, _ in view.glyphs["f"].unit_labels()]
    for item in indices:
        item.setCacheMode(QGraphicsItem.NoCache)
    plain = qimage_rgba(view.view.grab().toImage()).astype(int)
    assert np.abs(cached - plain).max() <= 2  # antialiased edges may round the other way
