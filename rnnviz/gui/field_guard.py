"""Checking a panel's edits before they are sent, and keeping a refused one in sight.

A value the CLI would refuse is not sent to the window (nothing is computed, nothing
reverts): it stays in its field, marked, and the panel shows the CLI's sentence for it
next to the field until the user changes it, or until a change elsewhere makes it work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QWidget

from rnnviz.gui.core_text import translate_message

REFUSED_BACKGROUND = QColor("#fde0dd")  # a light red: the field holds a value not in use


def is_refused(widget: QWidget) -> bool:
    return bool(widget.property("refused"))


def mark_refused(widget: QWidget, message: str) -> None:
    """Tint the field and put the reason in its tooltip (the old tooltip is kept)."""
    if not is_refused(widget):
        widget.setProperty("plain_tip", widget.toolTip())
        widget.setProperty("refused", True)
        palette = widget.palette()
        palette.setColor(QPalette.Base, REFUSED_BACKGROUND)
        widget.setPalette(palette)
    widget.setToolTip(translate_message(message))


def clear_refused(widget: QWidget) -> None:
    if is_refused(widget):
        widget.setProperty("refused", False)
        widget.setPalette(QPalette())  # the application's again
        widget.setToolTip(widget.property("plain_tip") or "")


def place_after(form: QFormLayout, label: QWidget, row_widget: QWidget | None) -> None:
    """Move `label`'s row just below `row_widget`'s (the top when None): a problem is read
    where the field is, without scrolling the panel."""
    row, _ = form.getWidgetPosition(label)
    if row >= 0:
        form.takeRow(row)
    target, _ = form.getWidgetPosition(row_widget) if row_widget is not None else (-1, None)
    form.insertRow(target + 1, label)


@dataclass
class Refusal:
    widget: QWidget
    changes: dict  # what the field would send, by Config name
    message: str


class FieldGuard:
    """Sends a panel's edits, after checking the checked ones against the whole
    configuration (the one shown, plus the edits sent since).

    `send(changes)` emits them; `check(config)` is "" or the sentence saying why that
    configuration cannot be computed; `changed()` is told when the refusals change.
    """

    def __init__(self, send: Callable[[dict], None], check: Callable[[object], str],
                 changed: Callable[[], None]):
        self._send = send
        self.check = check
        self._changed = changed
        self.shown_config = None  # the Config the window shows (None: none yet)
        self.base = None  # the Config shown, with the edits sent since
        self.refused: dict[str, Refusal] = {}

    def send(self, changes: dict) -> None:
        """An edit that needs no check (a choice from a list); refused fields it makes
        possible are sent with it."""
        if self.base is not None:
            self.base = self.base.with_(**changes)
        self._send(changes)
        self._retry()

    def edit(self, name: str, widget: QWidget, changes: dict, withdraw: bool = True) -> None:
        """The field `name` (shown in `widget`) asks for `changes`: sent, or refused.
        `withdraw`: a refusal also takes back what this field sent on the way (typing
        2000000 sends 2000 first, which the window would otherwise compute)."""
        if self.base is not None and self.check(self.base) == "":
            problem = self.check(self.base.with_(**changes))
            if problem:
                self.refused[name] = Refusal(widget, changes, problem)
                mark_refused(widget, problem)
                self._changed()
                if withdraw:
                    self._withdraw(changes)
                return
        if self.refused.pop(name, None) is not None:
            clear_refused(widget)
            self._changed()
        self.send(changes)

    def shown(self, config, keep: Callable[[QWidget], bool]) -> None:
        """The window shows `config`: edits are checked against it from now on; a refusal
        whose field `keep` no longer wants (disabled, say) is dropped."""
        self.shown_config = self.base = config
        dropped = [name for name, r in self.refused.items() if not keep(r.widget)]
        for name in dropped:
            clear_refused(self.refused.pop(name).widget)
        if dropped:
            self._changed()

    def _withdraw(self, changes: dict) -> None:
        """Send the shown values again for the fields of `changes` sent since it was shown."""
        undo = {key: getattr(self.shown_config, key) for key in changes
                if getattr(self.base, key) != getattr(self.shown_config, key)}
        if undo:
            self.base = self.base.with_(**undo)
            self._send(undo)

    def drop(self, name: str) -> None:
        """Forget the refusal of field `name` (another field took its place)."""
        refusal = self.refused.pop(name, None)
        if refusal is not None:
            clear_refused(refusal.widget)
            self._changed()

    def holds(self, widget: QWidget) -> bool:
        """Whether `widget` shows a refused value (so the shown config must not replace it)."""
        return any(r.widget is widget for r in self.refused.values())

    def messages(self) -> list[str]:
        return [r.message for r in self.refused.values()]

    def last_widget(self) -> QWidget | None:
        return next(reversed(self.refused.values())).widget if self.refused else None

    def _retry(self) -> None:
        """Refused values that the configuration now allows are sent, the field unmarked."""
        if self.base is None:
            return
        for name, refusal in list(self.refused.items()):
            if self.check(self.base.with_(**refusal.changes)) == "":
                del self.refused[name]
                clear_refused(refusal.widget)
                self._changed()
                self.send(refusal.changes)
