"""StepText: per-step text that holds its room, measured as its text needs."""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QTextDocument

from rnnviz.gui.step_text import StepText


def ideal_width(text: str, font: QFont) -> int:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    document.setHtml(text)
    return math.ceil(document.idealWidth()) + 1


def test_unwrapped_rich_text_holds_the_room_of_its_widest_text(qtbot):
    widget = StepText(wrap=False)
    qtbot.addWidget(widget)
    texts = ["<b>LSTM 1×8</b> — t = 9", "<b>LSTM 1×8</b> — t = 10, unit 3 selected",
             "<b>LSTM</b> t = 11"]
    widest = 0
    for text in texts:  # one document measures them all, each as a new one would
        widget.setText(text)
        widest = max(widest, ideal_width(text, widget.font()))
        assert widget.sizeHint().width() == widest  # grows, never shrinks on its own
    widget.release()
    assert widget.sizeHint().width() == ideal_width(texts[-1], widget.font())
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    widget.setFont(font)  # a stage: measured anew in the larger font
    assert widget.sizeHint().width() == ideal_width(texts[-1], font)
