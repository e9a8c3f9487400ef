"""The stage: one or two views filling the screen, every font and stroke in proportion.

A view on the stage is the window's own view, borrowed: its widget moves here and goes
back to its dock (or the centre) on `release()`, so the stage shows exactly what the
window computes and steps no extra copy. Its controls (check boxes, spin boxes, combo
boxes) are hidden while it is here: the stage, like a figure, is the drawing alone.
The same class renders figures and `rnnviz snapshot --stage` off screen.

Sizes: each view's zoom follows its own size (`zoom.zoom_for`), and no text is smaller
than `floor_px` (`floor_for_screen`: 18 px at 1920×1080, 14 px at 1280×800).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSplitter,
    QSplitterHandle,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.i18n import tr
from rnnviz.gui.views.equation_figure import EquationFigure
from rnnviz.gui.zoom import PX_PER_PT, apply_zoom, zoom_for

VIEWS = ("graph", "cell", "equations", "states", "output", "gradients", "training")


def view_title(name: str) -> str:
    """A view's name as the stage's header says it (in the window's language)."""
    return {"graph": tr("unrolled graph"), "cell": tr("cell"), "equations": tr("equations"),
            "states": tr("states"), "output": tr("output"), "gradients": tr("gradients"),
            "training": tr("training curves")}[name]


CAPTION_SHARE = 0.3  # of the stage's width, for a lesson's caption
CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QSlider)


def floor_for_screen(height: float) -> float:
    """Smallest text on a stage of this height: 18 px at 1080, 14 px at 800 (and above)."""
    return max(14.0, 18.0 * height / 1080.0)


def parse_views(text: str) -> list[str]:
    """'graph,cell' -> ['graph', 'cell']; one or two known view names."""
    from rnnviz.core.errors import RnnvizError

    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in VIEWS]
    if unknown or not 1 <= len(names) <= 2:
        raise RnnvizError(f"--stage {text!r}: give one or two of {', '.join(VIEWS)}, "
                          f"separated by a comma (e.g. graph,cell)")
    return names


class PlainHandle(QSplitterHandle):
    """A splitter handle that still drags but draws no grip dots into the picture."""

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.end()


class PlainSplitter(QSplitter):
    def createHandle(self) -> QSplitterHandle:
        return PlainHandle(self.orientation(), self)


class Stage(QWidget):
    """Borrowed views side by side (or stacked), zoomed to their size, with a header line."""

    def __init__(self, window, *, header: bool = True, floor_px: float | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.main = window  # the main window (not QWidget.window())
        self.names: list[str] = []
        self.vertical: bool | None = None  # two views stacked; None: by the screen's shape
        self.fixed_floor = floor_px  # None: from the stage's own height
        self._borrowed: list[tuple[str, QWidget]] = []
        self._drawings: list[EquationFigure] = []  # made for this stage, not borrowed
        self._hidden: list[QWidget] = []
        self._frames: list[tuple[QFrame, QFrame.Shape]] = []
        self.setAutoFillBackground(True)  # white behind everything (no style sheet: it
        palette = self.palette()           # would stop fonts reaching the views' labels)
        palette.setColor(QPalette.Window, QColor("white"))
        self.setPalette(palette)
        self.header = QLabel()
        self.header.setVisible(header)
        self.header.setTextFormat(Qt.RichText)
        self.header.setContentsMargins(12, 8, 12, 6)
        self.splitter = PlainSplitter(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        # a lesson's caption, beside the views (hidden when there is none)
        self.caption = QLabel()
        self.caption.setObjectName("stageCaption")
        self.caption.setTextFormat(Qt.RichText)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.caption.setContentsMargins(20, 16, 20, 16)
        self.caption.setAutoFillBackground(True)  # a pale page beside the white drawings
        tint = self.caption.palette()
        tint.setColor(QPalette.Window, QColor("#F6F6F1"))
        tint.setColor(QPalette.WindowText, QColor("#111111"))
        self.caption.setPalette(tint)
        self.caption.hide()
        self._caption_html = ""
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.splitter, 1)
        body.addWidget(self.caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        sim = window.sim
        # connected after the views: their items exist by the time the zoom is applied
        self._signals = [(s, self.refresh) for s in (sim.trace_changed, sim.selection_changed,
                                                     sim.gradients_changed)]
        self._signals.append((sim.cursor_changed, self._show_header))
        for signal, slot in self._signals:
            signal.connect(slot)

    def disconnect_simulator(self) -> None:
        """An off-screen stage (a figure) stops listening before it is deleted."""
        for signal, slot in self._signals:
            signal.disconnect(slot)

    # ----- which views ---------------------------------------------------------------------
    def show_views(self, names: list[str], vertical: bool | None = None) -> None:
        """Put these views (one or two names of VIEWS) on the stage, in this order."""
        if vertical is not None:
            self.vertical = vertical
        elif self.vertical is None:
            # a landscape screen stacks two views: the wide graph over the wide cell diagram
            # gives each more room than two tall halves would (and the cell reads larger)
            size = self.size() if self.width() > 1 else self.main.size()
            self.vertical = size.width() > 1.2 * size.height()
        self.release()
        self.names = list(names)
        self.splitter.setOrientation(Qt.Vertical if self.vertical else Qt.Horizontal)
        for name in self.names:
            if name == "equations":  # every line, fitted: a stage has no scroll bars
                widget = EquationFigure(self.main.equation_view)
                self._drawings.append(widget)
            else:
                widget = self.main.views.lend(name)
                self._borrowed.append((name, widget))
                self._hide_controls(widget)
            self.splitter.addWidget(widget)
            widget.show()
        self._share_room()
        self.refresh()

    def _share_room(self) -> None:
        """Two views: side by side the first (the graph, usually) gets a little more than
        half; stacked, the second (a cell diagram is short and wide) does."""
        if len(self.names) == 2:
            along = self.height() if self.vertical else self.width()
            first = 0.45 if self.vertical else 0.55
            self.splitter.setSizes([int(along * first), int(along * (1 - first))])

    def release(self) -> None:
        """Every borrowed view back to the window, with its controls shown again."""
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        for frame, shape in self._frames:
            frame.setFrameShape(shape)
        self._frames = []
        for name, widget in self._borrowed:
            apply_zoom(widget, 1.0, 0.0)
            self.main.views.give_back(name, widget)
        self._borrowed = []
        for drawing in self._drawings:
            drawing.disconnect_simulator()
            drawing.setParent(None)
            drawing.deleteLater()
        self._drawings = []

    def _hide_controls(self, widget: QWidget) -> None:
        """A drawing has no check boxes: hide input controls and their 'caption:' labels,
        and the sunken frames around the drawings."""
        for frame in widget.findChildren(QFrame) + ([widget] if isinstance(widget, QFrame)
                                                     else []):
            if frame.frameShape() != QFrame.NoFrame and not isinstance(frame, QLabel):
                self._frames.append((frame, frame.frameShape()))
                frame.setFrameShape(QFrame.NoFrame)
        for child in widget.findChildren(QWidget):
            caption = isinstance(child, QLabel) and child.text().rstrip().endswith((":", "："))
            if (isinstance(child, CONTROLS) or caption) and child.isVisibleTo(widget):
                child.hide()
                self._hidden.append(child)

    # ----- a lesson's caption --------------------------------------------------------------
    def set_caption(self, html: str | None) -> None:
        """Show a scene's caption (rich text) beside the views; None or '' hides it."""
        shown = self.caption.isVisible()
        self._caption_html = html or ""
        self.caption.setVisible(bool(html))
        self.caption.setText(self._caption_html)
        self._fit_caption()
        if shown != bool(html):  # the views got narrower or wider: their zoom follows
            QTimer.singleShot(0, self.refresh)

    def _fit_caption(self) -> None:
        """A third of the stage's width, and the largest text (from 1.6× the floor down to
        the floor) whose lines fit its height: a caption is read from the back of the room."""
        if not self._caption_html:
            return
        width = max(240, int(self.width() * CAPTION_SHARE))
        self.caption.setFixedWidth(width)
        room = max(100, self.height() - (self.header.sizeHint().height()
                                         if self.header.isVisible() else 0))
        floor = self.floor_px
        font = QFont(self.font())
        px = floor * 1.6
        while True:
            font.setPointSizeF(px / PX_PER_PT)
            self.caption.setFont(font)
            if px <= floor or self.caption.heightForWidth(width) <= room:
                break
            px = max(floor, px - 1)

    # ----- sizes ---------------------------------------------------------------------------
    @property
    def floor_px(self) -> float:
        return self.fixed_floor if self.fixed_floor is not None else \
            floor_for_screen(self.height())

    def refresh(self) -> None:
        """Zoom every view from its size; called after resizes and after views rebuild."""
        floor = self.floor_px
        for name, widget in self._borrowed:
            apply_zoom(widget, zoom_for(name, widget.width(), widget.height()), floor)
        for drawing in self._drawings:
            drawing.set_zoom(zoom_for("equations", drawing.width(), drawing.height()), floor)
        font = QFont(self.font())
        font.setPointSizeF(max(floor, 12.0) * 1.15 / PX_PER_PT)
        self.header.setFont(font)
        self._show_header()
        self._fit_caption()

    def _show_header(self, *_args) -> None:
        sim = self.main.sim
        if self.header.isHidden() or sim.snapshot is None:
            return
        where = tr("{t} of {n}").format(t=sim.where(), n=sim.length)
        if sim.spec.num_layers > 1 or sim.spec.bidirectional:
            arrow = {"fwd": "→", "bwd": "←"}[sim.direction]
            where += " &nbsp;·&nbsp; " + tr("layer {n}").format(n=sim.layer + 1) + \
                (f" {arrow}" if sim.spec.bidirectional else "")
        unit = tr("unit {n}").format(n=sim.unit)
        self.header.setText(f"<b>{sim.spec.title()}</b> &nbsp;·&nbsp; {where} &nbsp;·&nbsp; "
                            f"{unit}<span style='color:#888888'> &nbsp;&nbsp; "
                            f"{' + '.join(view_title(n) for n in self.names)}</span>")

    def show_hint(self, seconds: float = 4.0) -> None:
        """The keys, over the bottom of the stage for a few seconds: on a full screen with
        no menu, a presenter must learn how to leave (never part of an export)."""
        lesson = getattr(self.main, "lessons", None)
        keys = lesson_keys() if lesson is not None and lesson.player is not None \
            else stage_keys()
        hint = QLabel(keys, self)
        hint.setObjectName("stageHint")
        hint.setAutoFillBackground(True)
        palette = hint.palette()
        palette.setColor(QPalette.Window, QColor(40, 40, 40, 220))
        palette.setColor(QPalette.WindowText, QColor("white"))
        hint.setPalette(palette)
        font = QFont(self.font())
        font.setPointSizeF(max(self.floor_px, 12.0) / PX_PER_PT)
        hint.setFont(font)
        hint.setContentsMargins(14, 8, 14, 8)
        hint.adjustSize()
        hint.move((self.width() - hint.width()) // 2, self.height() - hint.height() - 24)
        hint.show()
        hint.raise_()
        self.hint = hint
        QTimer.singleShot(int(seconds * 1000), hint.deleteLater)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() <= 0 or abs(event.oldSize().width() - self.width()) > 50:
            self._share_room()
        self.refresh()


def stage_keys() -> str:
    return tr("→ / ← step · Space play · V / Shift+V next / previous view · D graph + cell · "
              "L side by side / stacked · 1–7 a view · Esc leave")


def lesson_keys() -> str:
    return tr("PageDown / PageUp next / previous scene · → / ← step · Space play · Esc leave")


def next_view(names: list[str], delta: int) -> list[str]:
    """The next single view after the first shown one (V cycles through VIEWS)."""
    first = VIEWS.index(names[0]) if names and names[0] in VIEWS else 0
    return [VIEWS[(first + delta) % len(VIEWS)]]

