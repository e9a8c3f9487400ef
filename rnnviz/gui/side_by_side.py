"""Side by side: two runs on one cursor — the edited run and the original, or the network
shown and another one on the same input (tanh vs relu, RNN vs LSTM vs GRU of the same size
and seed, a trained checkpoint vs its untrained start).

The second run is a Simulator of its own, computed from the shown configuration with one
thing changed (`partner_config`); it follows the first one's step and selection. Each side
has its graph, cell and output views, as in the window, aligned step by step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from rnnviz.core.errors import RnnvizError
from rnnviz.gui.choices import fill, select
from rnnviz.gui.core_text import translate_message
from rnnviz.gui.i18n import tr
from rnnviz.gui.simulator import Simulator, training_seed
from rnnviz.gui.step_text import StepText
from rnnviz.gui.views.cell_view import CellView
from rnnviz.gui.views.graph_view import GraphView
from rnnviz.gui.views.output_view import OutputView

PARTNERS = ("the original (no edits)", "RNN (tanh)", "RNN (relu)", "LSTM", "GRU",
            "its untrained start")
SHORT_NAMES = {"original": "the original (no edits)", "rnn": "RNN (tanh)",
               "rnn-relu": "RNN (relu)", "lstm": "LSTM", "gru": "GRU",
               "untrained": "its untrained start"}  # --side-by-side NAME
CELL_PARTNERS = {"RNN (tanh)": ("rnn", "tanh"), "RNN (relu)": ("rnn", "relu"),
                 "LSTM": ("lstm", None), "GRU": ("gru", None)}


def partner_titles() -> dict[str, str]:
    """The partners as the combo shows them (its item data: a name of PARTNERS)."""
    return {"the original (no edits)": tr("the original (no edits)"),
            "its untrained start": tr("its untrained start")}  # the others: cells' names


def partner_config(config, spec, choice: str):
    """The configuration of the run shown beside `config` (whose network is `spec`)."""
    if choice == "the original (no edits)":
        if not config.edits:
            raise RnnvizError(tr("nothing is edited: add an edit (Edits panel, or right-click "
                                 "a node, a gate or a weight) to see it against the original"))
        return config.with_(edits=None)
    plain = config.with_(edits=None)
    if choice in CELL_PARTNERS:
        if config.model:
            raise RnnvizError(tr("a checkpoint's cell is its own: compare it with its "
                                 "untrained start, or open random weights to compare cell "
                                 "kinds"))
        cell, nonlinearity = CELL_PARTNERS[choice]
        return plain.with_(cell=cell, nonlinearity=nonlinearity, proj_size=0)
    if choice == "its untrained start":
        seed = training_seed(config.model)
        if seed is None:
            raise RnnvizError(tr("an untrained start needs a checkpoint trained by rnnviz: "
                                 "its .rnnviz.json records the seed training started from"))
        head = spec.head
        return plain.with_(
            model=None, model_title=None, layer_prefix=None, head_prefix=None, cell=spec.cell,
            input_size=spec.input_size, hidden_size=spec.hidden_size,
            num_layers=spec.num_layers, nonlinearity=spec.nonlinearity, bias=spec.bias,
            bidirectional=spec.bidirectional, proj_size=spec.proj_size, seed=seed,
            head=None if head is None else ("linear" if head.activation == "none"
                                            else head.activation),
            output_size=None if head is None else head.output_size)
    raise RnnvizError(f"unknown partner {choice!r}; choose one of {', '.join(PARTNERS)}")


class SideBySide(QWidget):
    """Two runs, one cursor: the main Simulator's run and a partner computed beside it."""

    def __init__(self, main: Simulator, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("rnnviz — side by side"))
        self.main = main
        self.other = Simulator(self)
        self.choice = QComboBox()
        fill(self.choice, PARTNERS, partner_titles())
        self.choice.setToolTip(tr("what to show beside the run in the window"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b2182b")
        self.problem.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("beside it:")))
        bar.addWidget(self.choice)
        bar.addWidget(self.problem, 1)
        grid = QGridLayout(self)
        grid.addLayout(bar, 0, 0, 1, 2)
        self.titles = [StepText(), StepText()]
        self.views = []
        for column, sim in enumerate((main, self.other)):
            grid.addWidget(self.titles[column], 1, column)
            views = (GraphView(sim), CellView(sim), OutputView(sim))
            for row, view in enumerate(views, start=2):
                grid.addWidget(view, row, column)
            self.views.append(views)
        # values on both sides, so the two graphs have the same legend and their columns
        # line up (right-click the left one for edited − original)
        self.views[0][0].difference_mode = False
        self._show_now(self.views[0])
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 3)
        grid.setRowStretch(4, 2)
        self.choice.currentIndexChanged.connect(self.recompute)
        main.trace_changed.connect(self.recompute)
        main.cursor_changed.connect(self._follow)
        main.selection_changed.connect(self._follow)
        self.other.trace_changed.connect(self._follow)
        self.other.trace_changed.connect(self._name_sides)
        self.other.error.connect(self._show_problem)
        self.resize(1600, 1000)
        self.recompute()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(translate_message(text))

    def _show_now(self, views) -> None:
        """Views made for a run already computed draw it now (they draw on its signals)."""
        if self.main.snapshot is None:
            return
        for view in views:
            view._on_trace_changed()
            if hasattr(view, "_on_cursor_changed"):
                view._on_cursor_changed(self.main.t)

    def choose(self, choice: str) -> None:
        """Show `choice` (a name of PARTNERS) beside the run."""
        select(self.choice, choice)

    def recompute(self, *_args) -> None:
        """The partner of the run shown now (after every change of that run)."""
        if self.main.snapshot is None:
            return
        try:
            config = partner_config(self.main.config, self.main.spec, self.choice.currentData())
        except RnnvizError as exc:
            self.problem.setText(translate_message(str(exc)))
            return
        self.problem.setText("")
        self.other.apply(config)

    def _follow(self, *_args) -> None:
        """The partner at the main run's step, with its selection (where it has them)."""
        if self.other.snapshot is None or self.main.snapshot is None:
            return
        self.other.seek(self.main.position)
        self.other.select(layer=self.main.layer, direction=self.main.direction,
                          unit=self.main.unit, batch=self.main.batch_index)
        self._name_sides()

    def _name_sides(self, *_args) -> None:
        edited = self.main.snapshot is not None and self.main.snapshot.original is not None
        for title, sim, what in ((self.titles[0], self.main,
                                  tr("the edited run") if edited else tr("in the window")),
                                 (self.titles[1], self.other, self.choice.currentText())):
            if sim.snapshot is not None:
                title.setText(f"<b>{sim.spec.title()}</b> — {what}")

    def keyPressEvent(self, event) -> None:
        """The window's stepping keys work here too: → ← one step, Home / End the ends."""
        key, main = event.key(), self.main
        moves = {Qt.Key_Right: main.position + 1, Qt.Key_Left: main.position - 1,
                 Qt.Key_Home: 0, Qt.Key_End: main.length - 1}
        if key in moves and main.snapshot is not None:
            main.seek(moves[key])
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if not getattr(self, "_closed", False):  # closed twice (by itself, then with the
            self._closed = True  # main window): the slots are disconnected once
            for signal, slot in ((self.main.trace_changed, self.recompute),
                                 (self.main.cursor_changed, self._follow),
                                 (self.main.selection_changed, self._follow)):
                signal.disconnect(slot)
        self.other.wait(10_000)
        super().closeEvent(event)
