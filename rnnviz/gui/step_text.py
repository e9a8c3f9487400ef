"""Text that changes at every step, without re-laying out the window around it.

A QLabel's setText asks its layout to recompute (QWidget::updateGeometry), and that climbs
through the dock to the main window; a wrapped caption that takes a line more at some
steps also resizes the plot or diagram next to it, which repaints and re-fits that view.
Measured on LSTM 2×128, T=200 (click → painted, mean): 19 ms with the per-step labels as
QLabels, 11 ms with their text frozen. A StepText only repaints when its text changes. It
asks for a new layout only when the text needs more room than it has: it grows, and
shrinks again only on `release()` (a new trace, whose texts may be shorter) or when its
width changes (the text is wrapped anew).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QStaticText, QTextDocument, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget


class StepText(QWidget):
    """Rich text (QLabel's subset: <b>, <br>, entities), wrapped to the width when `wrap`."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, wrap: bool = True):
        super().__init__(parent)
        self._wrap = wrap
        self._text = ""
        self._static = QStaticText()
        self._static.setTextFormat(Qt.RichText)
        self._document: QTextDocument | None = None  # measures unwrapped rich text
        self._size = QSize(0, 0)  # the room held: grows with the texts shown
        self.setSizePolicy(QSizePolicy.Expanding if wrap else QSizePolicy.Fixed,
                           QSizePolicy.Fixed)
        self.setText(text)

    # ----- QLabel's face -------------------------------------------------------------------------
    def text(self) -> str:
        return self._text

    def wordWrap(self) -> bool:
        return self._wrap

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        # as QLabel's AutoText: tags make it rich text (where runs of spaces collapse)
        self._static.setTextFormat(Qt.RichText if "<" in text and ">" in text
                                   else Qt.PlainText)
        self._static.setText(text)
        self._fit(grow_only=True)
        self.update()

    def release(self) -> None:
        """Shrink to the current text (a new trace: its texts may be shorter)."""
        self._fit(grow_only=False)

    # ----- size ----------------------------------------------------------------------------------
    def _measure(self) -> QSize:
        width = self.width() if self._wrap and self.width() > 0 else -1
        if width < 0 and self._static.textFormat() == Qt.RichText:
            # unwrapped rich text: QStaticText would wrap it at a width of its own choosing.
            # One document kept for the measuring: a new one each step cost 2.5× as much
            if self._document is None:
                self._document = QTextDocument()
                self._document.setDocumentMargin(0)
            self._document.setDefaultFont(self.font())
            self._document.setHtml(self._text)
            width = math.ceil(self._document.idealWidth()) + 1
        self._static.setTextWidth(width)
        self._static.prepare(QTransform(), self.font())
        size = self._static.size()
        return QSize(math.ceil(size.width()), math.ceil(size.height()))

    def _fit(self, grow_only: bool) -> None:
        need = self._measure()
        if self._wrap:
            need.setWidth(0)  # the layout gives the width; the text wraps inside it
        held = self._size.expandedTo(need) if grow_only else need
        if held != self._size:
            self._size = held
            self.updateGeometry()  # only here: a new line, or a wider unwrapped text

    def sizeHint(self) -> QSize:
        return QSize(max(self._size.width(), 1), self._size.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._wrap and event.size().width() != event.oldSize().width():
            self._fit(grow_only=False)  # wrapped anew at this width

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # a stage or a zoom: measured anew
            self._fit(grow_only=False)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(QPalette.WindowText))
        painter.drawStaticText(0, 0, self._static)
