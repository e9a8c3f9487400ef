"""Exporting one panel as a figure: panel, PNG/SVG/PDF, size and scale, checked as you type.

`SizeFields` (width × height and a scale) is shared with the animation dialog, so both
apply the CLI's rule (`check_figure_size`) to what is typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from rnnviz.core.errors import RnnvizError
from rnnviz.figure_size import check_figure_size, format_size, render_size
from rnnviz.gui.choices import fill, select
from rnnviz.gui.core_text import translate_message
from rnnviz.gui.i18n import tr

FIGURE_FORMATS = {".png": "PNG", ".svg": "SVG", ".pdf": "PDF"}
VECTOR_SUFFIXES = (".svg", ".pdf")
SCALES = ("1", "2", "3", "4")
FIELD_NAMES = ("size", "scale")  # how check_figure_size's messages name the fields here


def panel_titles() -> dict[str, str]:
    """The panels as the dialogs' combo shows them (its item data: the CLI's --panel)."""
    return {"window": tr("window"), "graph": tr("graph"), "cell": tr("cell"),
            "equations": tr("equations"), "states": tr("states"), "output": tr("output"),
            "gradients": tr("gradients"), "training": tr("training")}


def problem_label() -> QLabel:
    """Where a dialog says why OK is disabled: room for three lines kept free, so the
    dialog neither jumps nor clips the message as the user types."""
    label = QLabel()
    label.setStyleSheet("color: #b2182b")
    label.setWordWrap(True)
    label.setMinimumHeight(3 * label.fontMetrics().lineSpacing())
    return label


@dataclass(frozen=True)
class FigureChoice:
    panel: str
    suffix: str  # ".png", ".svg" or ".pdf"
    width: int  # logical pixels: the size the panel is laid out at
    height: int
    scale: float  # pixels per logical pixel in a PNG; 1 for the vector formats


class SizeFields:
    """Width × height (with a button back to the panel's default) and a scale.

    `changed` is called whenever one of them is edited.
    """

    def __init__(self, default_size: Callable[[str], tuple[int, int]],
                 changed: Callable[[], None]):
        self.default_size = default_size
        self.panel = ""
        self.width, self.height = QSpinBox(), QSpinBox()
        for box in (self.width, self.height):
            box.setRange(0, 1_000_000)  # out-of-range values are explained, not clamped
            box.setSuffix(" px")
            box.valueChanged.connect(changed)
        self.default = QPushButton(tr("default"))
        self.default.setToolTip(tr("the default size for this panel"))
        self.default.clicked.connect(lambda: self.use_default(self.panel))
        self.scale = QComboBox()
        self.scale.setEditable(True)  # 1, 2, 3, 4 or a typed value such as 1.5
        self.scale.addItems(SCALES)
        self.scale.setToolTip(tr("pixels per logical pixel: text and lines are redrawn "
                                 "sharp, not stretched"))
        self.scale.currentTextChanged.connect(changed)
        self.size_row = QWidget()
        row = QHBoxLayout(self.size_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.width)
        row.addWidget(QLabel("×"))
        row.addWidget(self.height)
        row.addWidget(self.default)
        row.addStretch(1)

    def use_default(self, panel: str) -> None:
        self.panel = panel
        width, height = self.default_size(panel)
        self.width.setValue(width)
        self.height.setValue(height)

    def size(self) -> tuple[int, int]:
        return self.width.value(), self.height.value()

    def scale_value(self) -> float:
        """The typed scale; an RnnvizError when it is not a number."""
        text = self.scale.currentText().strip().rstrip("x×").strip()
        try:
            return float(text)
        except ValueError:
            raise RnnvizError(tr("scale {scale} is not a number; choose 1, 2, 3, 4 or type "
                                 "one such as 1.5").format(
                scale=repr(self.scale.currentText()))) from None

    def problem(self, frames: int = 1, scaled: bool = True) -> str:
        """"" when this size (and scale, when `scaled`) can be rendered, else why not."""
        try:
            scale = self.scale_value() if scaled else 1.0
            check_figure_size(*self.size(), scale, frames, names=FIELD_NAMES)
        except RnnvizError as exc:
            return str(exc)
        return ""

    def pixels(self) -> str:
        """The size of the render in pixels, for the user to see (valid fields only)."""
        return tr("{size} pixels").format(
            size=format_size(*render_size(*self.size(), self.scale_value())))


class SizedExportDialog(QDialog):
    """What both export dialogs share: the panel, the size fields, the line saying what
    will be written, the reason OK is disabled, and OK / Cancel. Subclasses validate."""

    def _make_size_parts(self, panels: Sequence[str],
                         default_size: Callable[[str], tuple[int, int]]) -> None:
        self.panel = QComboBox()
        fill(self.panel, panels, panel_titles())
        self.sizes = SizeFields(default_size, self._validate)
        self.pixels = QLabel()
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _add_size_rows(self, form: QFormLayout) -> None:
        form.addRow(tr("size"), self.sizes.size_row)
        form.addRow(tr("scale"), self.sizes.scale)
        form.addRow("", self.pixels)
        form.addRow(self.problem)
        form.addRow(self.buttons)

    def _follow_panel(self, panel: str | None) -> None:
        """Start on `panel`; a panel chosen later brings its own default size."""
        if panel is not None:
            select(self.panel, panel)
        self.sizes.use_default(self.panel.currentData())
        self.panel.currentIndexChanged.connect(
            lambda index: self.sizes.use_default(self.panel.itemData(index)))

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.Ok)

    def _validate(self) -> None:
        raise NotImplementedError


class FigureDialog(SizedExportDialog):
    """One panel as a figure: `choice()` says which, in what format, at what size."""

    def __init__(self, panels: Sequence[str], default_size: Callable[[str], tuple[int, int]],
                 parent=None, *, panel: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export a figure"))
        self.format = QComboBox()
        for suffix, title in FIGURE_FORMATS.items():
            self.format.addItem(title, suffix)
        self._make_size_parts(panels, default_size)
        form = QFormLayout(self)
        form.addRow(tr("panel"), self.panel)
        form.addRow(tr("format"), self.format)
        self._add_size_rows(form)
        self._follow_panel(panel)
        self.format.currentIndexChanged.connect(self._validate)
        self._validate()

    def _is_vector(self) -> bool:
        return self.format.currentData() in VECTOR_SUFFIXES

    def _validate(self) -> None:
        vector = self._is_vector()
        self.sizes.scale.setEnabled(not vector)
        problem = self.sizes.problem(scaled=not vector)
        self.problem.setText(translate_message(problem))
        self.ok_button.setEnabled(not problem)
        if problem:
            self.pixels.setText("")
        elif vector:
            self.pixels.setText(tr("vector: sharp at any zoom, no scale needed"))
        else:
            self.pixels.setText(tr("a PNG of {pixels}").format(pixels=self.sizes.pixels()))

    def choice(self) -> FigureChoice:
        """What was chosen (call it when the OK button is enabled)."""
        scale = 1.0 if self._is_vector() else self.sizes.scale_value()
        return FigureChoice(self.panel.currentData(), self.format.currentData(),
                            *self.sizes.size(), scale)
