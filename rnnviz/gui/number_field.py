"""A whole-number field that takes what the CLI's flag takes, and says a word for one value.

A plain QSpinBox refuses keystrokes outside its range and clamps what is left, so a size
the CLI explains (`--hidden-size 2000000`) could not even be typed in the window. This
field takes any whole number a Qt int holds, so the panel can check it with the CLI's
own code and keep it shown, marked, with the CLI's sentence; only its arrows stay within
the values that work. "auto" (input and output sizes) and "none" (proj_size) are typed
and shown as words.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
AUTO = INT_MIN  # the Qt value that stands for "auto" (None in the Config); no number typed


class NumberField(QSpinBox):
    """Any whole number typed; arrows from `lo` to `hi`; `word` shown for `word_value`
    (AUTO: the word means None, "from the input").

    Signals:
        typed(object): the value typed or stepped to: an int, or None for "auto".
    """

    typed = Signal(object)

    def __init__(self, *, lo: int, hi: int, tip: str, word: str | None = None,
                 word_value: int = AUTO, parent=None):
        super().__init__(parent)
        self._lo, self._hi = lo, hi
        self._word = word
        self._word_value = word_value
        self.setRange(AUTO if self._has_auto else AUTO + 1, INT_MAX)
        self.setValue(word_value if word is not None else lo)  # until a config is shown
        self.setToolTip(tip)
        self.valueChanged.connect(lambda v: self.typed.emit(self.as_python(v)))

    @property
    def _has_auto(self) -> bool:
        return self._word is not None and self._word_value == AUTO

    # ----- the value as the Config holds it ---------------------------------------------
    def as_python(self, value: int | None = None) -> int | None:
        value = self.value() if value is None else value
        return None if (self._has_auto and value == AUTO) else value

    def set_python(self, value: int | None) -> None:
        self.setValue(AUTO if value is None else value)

    # ----- text <-> value ------------------------------------------------------------------
    def textFromValue(self, value: int) -> str:
        return self._word if (self._word and value == self._word_value) else str(value)

    def valueFromText(self, text: str) -> int:
        typed = text.strip()
        if self._word and typed.lower() == self._word:
            return self._word_value
        return int(typed)

    def validate(self, text: str, pos: int) -> QValidator.State:
        typed = text.strip()
        if self._word and typed and self._word.startswith(typed.lower()):
            return QValidator.Acceptable if typed.lower() == self._word else \
                QValidator.Intermediate
        if typed in ("", "-", "+"):
            return QValidator.Intermediate
        try:
            number = int(typed)
        except ValueError:
            return QValidator.Invalid
        # beyond a Qt int: not representable, so that keystroke is refused (the number
        # before it, already far too big, is shown with the reason)
        return QValidator.Acceptable if AUTO < number <= INT_MAX else QValidator.Invalid

    # ----- arrows and the wheel: through the values that work -------------------------------
    def _floor(self) -> int:
        return self._lo - 1 if self._has_auto else self._lo  # "auto" sits below lo

    def stepBy(self, steps: int) -> None:
        value = self.value()
        if self._has_auto and value == AUTO:
            value = self._lo - 1
        value = min(max(value, self._floor()), self._hi)  # a refused value: back in range
        target = min(max(value + steps, self._floor()), self._hi)
        self.setValue(AUTO if (self._has_auto and target == self._lo - 1) else target)
        self.selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        value = self.value()
        flags = QAbstractSpinBox.StepNone
        if value < self._hi:
            flags |= QAbstractSpinBox.StepUpEnabled
        if value > (AUTO if self._has_auto else self._lo):
            flags |= QAbstractSpinBox.StepDownEnabled
        return flags
