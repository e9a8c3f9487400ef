"""EquationCanvas draws at any size with one code path: the screen, a figure, an SVG."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from rnnviz.gui.capture import qimage_rgba
from rnnviz.gui.config import Config
from rnnviz.gui.equations import line_texts
from rnnviz.gui.views.equation_view import EquationCanvas

CONFIG = Config(cell="lstm", hidden_size=5, num_layers=2, bidirectional=True, length=8,
                head="log_softmax", output_size=3)


def _paint(canvas: EquationCanvas, width: int, height: int, px: float) -> np.ndarray:
    image = QImage(width, height, QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    canvas.paint_into(painter, QRectF(0, 0, width, height), px)
    painter.end()
    return qimage_rgba(image)


def _inked(rgba: np.ndarray) -> tuple[int, int]:
    """(last row, last column) holding anything but white."""
    rows, cols = np.nonzero((rgba[..., :3] < 250).any(axis=-1))
    return int(rows.max()), int(cols.max())


@pytest.fixture
def canvas(qtbot, window):
    load(qtbot, window, CONFIG)
    window.sim.select(layer=1, direction="bwd", unit=2)
    return window.equation_view.canvas


def test_content_size_holds_every_row_and_grows_with_the_text(canvas):
    small, big = canvas.content_size(12), canvas.content_size(36)
    assert big.width() == pytest.approx(3 * small.width(), rel=0.08)
    assert big.height() == pytest.approx(3 * small.height(), rel=0.08)
    for px in (12, 36):
        size = canvas.content_size(px)
        width, height = int(size.width()) + 1, int(size.height()) + 1
        bottom, right = _inked(_paint(canvas, width + 200, height + 200, px))
        assert right < width and bottom < height  # nothing drawn outside the size it asked
        assert right > 0.8 * width and bottom > 0.8 * height  # and no room wasted


def test_the_screen_is_paint_into_at_the_widget_font(canvas, qtbot):
    canvas.resize(QSize(int(canvas.content_size(canvas.pixel_size()).width()) + 10, 900))
    shown = qimage_rgba(canvas.grab().toImage())
    drawn = _paint(canvas, canvas.width(), canvas.height(), canvas.pixel_size())
    np.testing.assert_array_equal(shown, drawn)


def test_an_svg_keeps_every_row_as_text(canvas, tmp_path):
    size = canvas.content_size(20)
    generator = QSvgGenerator()
    generator.setFileName(str(tmp_path / "equations.svg"))
    generator.setSize(size.toSize())
    painter = QPainter(generator)
    canvas.paint_into(painter, QRectF(0, 0, size.width(), size.height()), 20)
    painter.end()
    svg = (tmp_path / "equations.svg").read_text(encoding="utf-8")
    assert "<image" not in svg
    texts = "".join("".join(e.itertext()) for e in ET.fromstring(svg).iter()
                    if e.tag.endswith("text"))
    for line in canvas.lines:
        head, _, _ = line_texts(line)
        assert head.replace(" ", "") in texts.replace(" ", "").replace("\n", "")
