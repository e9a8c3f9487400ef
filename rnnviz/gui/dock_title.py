"""A dock's title bar with a maximise button: its view alone on the stage, in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from rnnviz.gui.i18n import tr


class DockTitle(QWidget):
    """Title, maximise (the view on the stage), float and close; drags like a plain title.

    Mouse presses the buttons do not take are ignored, so the dock moves, floats on a
    double click and docks again as with Qt's own title bar.
    """

    def __init__(self, dock, maximise=None):
        super().__init__(dock)
        self.dock = dock
        self.label = QLabel(dock.windowTitle())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 2, 1)
        layout.setSpacing(2)
        layout.addWidget(self.label, 1)
        style = self.style()
        if maximise is not None:
            self.maximise = self._button(style.standardIcon(QStyle.SP_TitleBarMaxButton),
                                         tr("show this view alone, large (Esc comes back)"),
                                         maximise)
            layout.addWidget(self.maximise)
        self.float_button = self._button(style.standardIcon(QStyle.SP_TitleBarNormalButton),
                                         tr("float / dock"), self._toggle_float)
        self.close_button = self._button(style.standardIcon(QStyle.SP_TitleBarCloseButton),
                                         tr("close (View menu brings it back)"), dock.close)
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)
        dock.windowTitleChanged.connect(self.label.setText)

    def _button(self, icon, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.NoFocus)
        button.clicked.connect(slot)
        return button

    def _toggle_float(self) -> None:
        self.dock.setFloating(not self.dock.isFloating())

    def mousePressEvent(self, event) -> None:
        event.ignore()  # the dock drags and double-click floats, as with Qt's own title

    def mouseDoubleClickEvent(self, event) -> None:
        event.ignore()
