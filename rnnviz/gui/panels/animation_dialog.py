"""Choosing an animation: step range (either way), frames per second, panel, format, size."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from rnnviz.export import ANIMATION_FORMATS, missing_animation_formats
from rnnviz.gui.core_text import translate_message
from rnnviz.gui.i18n import tr
from rnnviz.gui.panels.figure_dialog import SizedExportDialog


def format_hint(suffix: str, hint: str) -> str:
    """What a format does to colours (rnnviz.export's English sentence, shared with the
    CLI) in the window's language: the sentences export has now are listed here."""
    known = {
        ".gif": ("exact up to 256 colours a frame, else each frame's best 256 (the export "
                 "says how far colours moved)",
                 tr("exact up to 256 colours a frame, else each frame's best 256 (the export "
                    "says how far colours moved)")),
        ".apng": ("lossless: exactly the stills' colours; large files",
                  tr("lossless: exactly the stills' colours; large files")),
        ".webp": ("lossless: exactly the stills' colours; small files",
                  tr("lossless: exactly the stills' colours; small files")),
        ".mp4": ("H.264 video: smallest, plays everywhere; lossy, colours shift slightly",
                 tr("H.264 video: smallest, plays everywhere; lossy, colours shift slightly")),
    }
    english, translated = known.get(suffix, (None, hint))
    return translated if hint == english else hint


@dataclass(frozen=True)
class AnimationChoice:
    first: int  # the first frame's step; first > last runs backwards
    last: int  # the last frame's step, included
    fps: float
    panel: str
    suffix: str  # ".gif", ".apng", ".webp" or ".mp4"
    width: int  # logical pixels: the size the panel is laid out at
    height: int
    scale: float  # pixels per logical pixel

    @property
    def steps(self) -> range:
        """The steps in frame order."""
        way = 1 if self.last >= self.first else -1
        return range(self.first, self.last + way, way)


class AnimationDialog(SizedExportDialog):
    """Steps `first`..`last` of a panel as an animation; `choice()` says what was chosen.

    `default_size(panel)` gives a panel's size; `missing` maps the suffixes this
    installation cannot write to the fix (default: asked of rnnviz.export).
    """

    def __init__(self, length: int, panels: Sequence[str],
                 default_size: Callable[[str], tuple[int, int]], parent=None, *,
                 panel: str | None = None, missing: Mapping[str, str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export an animation"))
        self.first, self.last = QSpinBox(), QSpinBox()
        for box in (self.first, self.last):
            box.setRange(0, length - 1)
        self.last.setValue(length - 1)
        self.direction = QLabel()
        self.fps = QDoubleSpinBox()
        self.fps.setRange(0.5, 50)  # GIF frame times are whole hundredths: 50 fps at most
        self.fps.setValue(8)
        self.missing = dict(missing_animation_formats() if missing is None else missing)
        self.format = self._formats(self.missing)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self._make_size_parts(panels, default_size)
        self._lay_out()
        self._follow_panel(panel)
        self.panel.currentIndexChanged.connect(self._validate)
        for box in (self.first, self.last):
            box.valueChanged.connect(self._validate)
        self.format.currentIndexChanged.connect(self._validate)
        self._validate()

    def _formats(self, missing: Mapping[str, str]) -> QComboBox:
        """Every format, each with what it does to colours; one that cannot be written
        stays listed, disabled, with the fix (rather than vanishing)."""
        combo = QComboBox()
        for i, (suffix, (title, hint)) in enumerate(ANIMATION_FORMATS.items()):
            combo.addItem(title, suffix)
            combo.setItemData(i, missing.get(suffix, format_hint(suffix, hint)),
                              Qt.ToolTipRole)
            if suffix in missing:
                combo.model().item(i).setEnabled(False)
        return combo

    def _lay_out(self) -> None:
        steps = QWidget()
        row = QHBoxLayout(steps)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("from")))
        row.addWidget(self.first)
        row.addWidget(QLabel(tr("to")))
        row.addWidget(self.last)
        row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(tr("steps"), steps)
        form.addRow("", self.direction)
        form.addRow(tr("frames per second"), self.fps)
        form.addRow(tr("panel"), self.panel)
        form.addRow(tr("format"), self.format)
        form.addRow("", self.hint)
        self._add_size_rows(form)

    def frame_count(self) -> int:
        return abs(self.last.value() - self.first.value()) + 1

    def _validate(self) -> None:
        backwards = self.first.value() > self.last.value()
        self.direction.setText(tr("backwards, for the backward pass") if backwards
                               else tr("forwards"))
        suffix = self.format.currentData()
        title, hint = ANIMATION_FORMATS[suffix]
        self.hint.setText("\n".join([f"{title}: {format_hint(suffix, hint)}",
                                     *self.missing.values()]))
        # the window is drawn at its own size (a scale still applies); a figure at any
        self.sizes.size_row.setEnabled(self.panel.currentData() != "window")
        held = 1 if suffix == ".mp4" else self.frame_count()  # ffmpeg takes frames one by one
        problem = self.sizes.problem(frames=held)
        self.problem.setText(translate_message(problem))
        self.ok_button.setEnabled(not problem)
        self.pixels.setText("" if problem else
                            tr("{frames} frames of {pixels}").format(
                                frames=self.frame_count(), pixels=self.sizes.pixels()))

    def choice(self) -> AnimationChoice:
        """What was chosen (call it when the OK button is enabled)."""
        return AnimationChoice(self.first.value(), self.last.value(), self.fps.value(),
                               self.panel.currentData(), self.format.currentData(),
                               *self.sizes.size(), self.sizes.scale_value())
