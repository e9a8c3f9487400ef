"""Lending the window's views: the stage and figures show the window's own view widgets.

A lent view leaves its place (the centre or its dock) and comes back to it. While the
graph is away a placeholder holds the centre, and when it is back the docks get their
sizes again (QMainWindow lets them spread into a centre that changed). A view is lent
to one borrower at a time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

# the dock that holds each view (the graph is the centre)
VIEW_DOCKS = {"cell": "cell", "equations": "equations", "states": "states",
              "output": "output", "gradients": "gradients", "training": "curves"}


class _Placeholder(QWidget):
    """The centre while the graph is shown elsewhere."""


class ViewLender:
    def __init__(self, window):
        self.window = window
        self.lent: dict[str, QWidget] = {}
        self._state = None  # the window's dock layout while the graph is away

    def has(self, name: str) -> bool:
        return name == "graph" or VIEW_DOCKS.get(name) in self.window.docks

    def widget(self, name: str) -> QWidget:
        if name == "graph":
            return self.window.graph
        return self.lent.get(name) or self.window.docks[VIEW_DOCKS[name]].widget()

    def lend(self, name: str) -> QWidget:
        """Take a view's widget out of its place; `give_back` puts it back."""
        if name in self.lent:
            raise ValueError(f"the {name} view is already shown elsewhere")
        if not self.has(name):
            raise KeyError(name)
        w = self.window
        widget = self.widget(name)
        if name == "graph" and w.centralWidget() is widget:
            self._state = w.saveState()
            placeholder = _Placeholder()
            placeholder.setMinimumSize(widget.size())
            w.takeCentralWidget()
            w.setCentralWidget(placeholder)
        self.lent[name] = widget
        return widget

    def give_back(self, name: str, widget: QWidget) -> None:
        w = self.window
        self.lent.pop(name, None)
        if name != "graph":
            w.docks[VIEW_DOCKS[name]].setWidget(widget)
            widget.show()
        elif isinstance(w.centralWidget(), _Placeholder):
            w.setCentralWidget(widget)  # the placeholder goes
            QApplication.processEvents()  # laid out at the window's size, then the docks
            w.restoreState(self._state)
        else:  # the stage is the centre: the graph comes back when the stage leaves
            widget.setParent(None)
