"""The Edits panel ("What if?"): the run's edits, each switched on or off, removed, undone.

The edits are the Config's `edits` text, one per line as the command line writes them
("clamp f=1@10:", "edit-x 5=0.7", "set weight_hh_l0[3,5]=0"; a line starting with "#" is
switched off). Every change made here is one step of an undo history over that text:
undo gives back the exact text before, so the run shown is the one before, bit for bit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.core_text import translate_message
from rnnviz.gui.i18n import tr
from rnnviz.gui.panels.edit_dialog import NOTE_COLOR, monospace, tint, titles


def lines_of(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def text_of(lines: list[str]) -> str | None:
    return "\n".join(lines) or None


def explain(line: str) -> str:
    """A sentence for an edit's tooltip ("f held at 1 in every layer, from t = 10 on")."""
    from rnnviz.core.errors import RnnvizError
    from rnnviz.core.interventions import parse_clamp, parse_edit_x, parse_set, split_line

    try:
        on, kind, spec = split_line(line)
        if kind == "edit-x":
            e = parse_edit_x(spec)
            what = tr("the input at t = {step} is {value}").format(step=e.step, value=e.value)
        elif kind == "clamp":
            c = parse_clamp(spec)
            where = tr("every layer") if c.layer is None else \
                tr("layer l{layer}").format(layer=c.layer)
            if c.direction is not None:
                where += f", {c.direction}"
            listed = ", ".join(map(str, c.units or ()))
            units = tr("every unit") if c.units is None else \
                (tr("units {units}") if len(c.units) > 1 else tr("unit {units}")).format(
                    units=listed)
            if (c.start, c.stop) == (0, None):
                steps = tr("at every step")
            elif c.stop is None:
                steps = tr("from t = {start} on").format(start=c.start)
            elif c.stop == c.start + 1:
                steps = tr("at t = {start}").format(start=c.start)
            else:
                steps = tr("at t = {start}..{last}").format(start=c.start, last=c.stop - 1)
            what = tr("{part} held at {value} ({where}, {units}) {steps}").format(
                part=c.part, value=f"{c.value:g}", where=where, units=units, steps=steps)
        else:
            w = parse_set(spec)
            if w.index:
                text = tr("{name} (part of it) scaled by {value}") if w.scale else \
                    tr("{name} (part of it) set to {value}")
            else:
                text = tr("{name} scaled by {value}") if w.scale else \
                    tr("{name} set to {value}")
            what = text.format(name=w.name, value=f"{w.value:g}")
    except RnnvizError as exc:
        return translate_message(str(exc))
    return what if on else tr("{edit} — switched off").format(edit=what)


class EditRow(QWidget):
    """One edit: a checkbox (on/off) with its text, and a remove button."""

    def __init__(self, line: str, parent=None):
        super().__init__(parent)
        self.line = line
        on = not line.startswith("#")
        self.check = QCheckBox(line.lstrip("#").strip())
        self.check.setChecked(on)
        self.check.setToolTip(explain(line))
        self.check.setFont(monospace())
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(tr("remove this edit"))
        self.remove.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check, 1)
        layout.addWidget(self.remove)


class EditsPanel(QWidget):
    """The edits of the run shown, with undo and redo.

    Signals:
        edited(dict): {"edits": the new text, or None} after a change made here.
        add_requested(str): the user asked to add an edit of this kind (the window opens
            the dialog at its cursor).
        history_changed(): what Undo and Redo can do changed.
    """

    edited = Signal(dict)
    add_requested = Signal(str)
    history_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text: str | None = None  # the edits asked for (maybe still computing)
        self._undo: list[str | None] = []
        self._redo: list[str | None] = []
        self.rows: list[EditRow] = []
        self.status = QLabel(tr("no edits"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        tint(self.notes, NOTE_COLOR)
        self.notes.hide()
        self.empty = QLabel(tr("No edits: the run is the network's own. Add… changes an input, "
                               "clamps a gate or a state, or sets a weight; a view's "
                               "right-click menu does it at its step."))
        self.empty.setWordWrap(True)
        tint(self.empty, "#555555")
        self.add_button = QPushButton(tr("Add…"))
        self.add_button.setToolTip(tr("change an input, clamp a part or set a weight"))
        menu = QMenu(self.add_button)
        for kind, title in titles().items():
            menu.addAction(f"{title}…", lambda k=kind: self.add_requested.emit(k))
        self.add_button.setMenu(menu)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setToolTip(tr("the edits before the last change (Ctrl+Z)"))
        self.redo_button = QPushButton(tr("Redo"))
        self.redo_button.setToolTip(tr("the change undone, again (Ctrl+Shift+Z)"))
        self.clear_button = QPushButton(tr("Clear all"))
        self.clear_button.setToolTip(tr("remove every edit: the network's own run"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.undo_button, self.redo_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.row_box = QVBoxLayout()
        self.row_box.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.empty)
        layout.addLayout(self.row_box)
        layout.addWidget(self.notes)  # under the edits they are about
        layout.addStretch(1)
        self._rebuild()

    # ----- what is shown -------------------------------------------------------------------
    @property
    def text(self) -> str | None:
        """The edits as the panel has them (the newest asked for)."""
        return self._text

    def lines(self) -> list[str]:
        return lines_of(self._text)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def show_state(self, wanted: str | None, snapshot) -> None:
        """The window's edits (`wanted`: the newest asked for) and the snapshot shown. A
        text that differs from the panel's came from elsewhere (a new configuration, the
        command line) or is the window going back after a refused change: a refused step
        leaves the history."""
        wanted = text_of(lines_of(wanted))
        if wanted != self._text:
            if self._undo and self._undo[-1] == wanted:
                self._undo.pop()  # an edit or a redo was refused: back where it started
            elif self._redo and self._redo[-1] == wanted:
                self._redo.pop()  # an undo was refused
            self._text = wanted
            self._rebuild()
            self.history_changed.emit()
        self._show_snapshot(snapshot)

    def _show_snapshot(self, snapshot) -> None:
        original = None if snapshot is None else snapshot.original
        if original is None:
            off = bool(self.lines()) and all(line.startswith("#") for line in self.lines())
            self.status.setText(tr("no edits (every edit is switched off)") if off
                                else tr("no edits"))
            self.notes.hide()
            return
        ms = snapshot.edit_seconds * 1e3
        if snapshot.diverges_at is None:
            self.status.setText(tr("the same as the original at every step; recomputed in "
                                   "{ms} ms").format(ms=f"{ms:.0f}"))
        else:
            self.status.setText(tr("differs from the original from t = {step}; recomputed in "
                                   "{ms} ms").format(step=snapshot.diverges_at, ms=f"{ms:.0f}"))
        notes = list(snapshot.edit_notes)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _rebuild(self) -> None:
        for row in self.rows:
            self.row_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        for index, line in enumerate(self.lines()):
            row = EditRow(line, self)
            row.check.toggled.connect(lambda on, k=index: self.switch(k, on))
            row.remove.clicked.connect(lambda _=False, k=index: self.remove(k))
            self.row_box.addWidget(row)
            self.rows.append(row)
        self.empty.setVisible(not self.rows)
        self.clear_button.setEnabled(bool(self.rows))
        self.undo_button.setEnabled(self.can_undo())
        self.redo_button.setEnabled(self.can_redo())

    # ----- changes: each one undo step -----------------------------------------------------
    def change(self, text: str | None) -> None:
        """Make `text` the edits (one undo step) and tell the window."""
        text = text_of(lines_of(text))
        if text == self._text:
            return
        self._undo.append(self._text)
        self._redo.clear()
        self._set(text)

    def _set(self, text: str | None) -> None:
        self._text = text
        self._rebuild()
        self.history_changed.emit()
        self.edited.emit({"edits": text})

    def add_edit(self, line: str) -> None:
        """Append one edit's line ("clamp f=1@10:")."""
        self.change(text_of(self.lines() + [line.strip()]))

    def switch(self, index: int, on: bool) -> None:
        lines = self.lines()
        body = lines[index].lstrip("#").strip()
        lines[index] = body if on else f"# {body}"
        self.change(text_of(lines))

    def remove(self, index: int) -> None:
        lines = self.lines()
        del lines[index]
        self.change(text_of(lines))

    def clear(self) -> None:
        self.change(None)

    def undo(self) -> None:
        if self._undo:
            self._redo.append(self._text)
            self._set(self._undo.pop())

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self._text)
            self._set(self._redo.pop())
