"""Input panel: preset (or file), its length and shape, typed text, initial state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from rnnviz.core.sequences import MAX_VALUES, PRESETS
from rnnviz.core.states import INIT_KINDS
from rnnviz.gui.choices import fill, on_choice, select
from rnnviz.gui.config import DEFAULT_VOCAB
from rnnviz.gui.core_text import translate_message
from rnnviz.gui.field_guard import FieldGuard, place_after
from rnnviz.gui.i18n import tr
from rnnviz.gui.number_field import NumberField
from rnnviz.gui.panels.token_box import TokenBox
from rnnviz.gui.quiet import quiet
from rnnviz.gui.validation import check_config


def preset_titles() -> dict[str, str]:
    """The presets as the combo shows them (its item data: the CLI's --preset name)."""
    return {"sine": tr("sine"), "square": tr("square"), "impulse": tr("impulse"),
            "noise": tr("noise"), "counting": tr("counting"), "text": tr("text")}


def init_titles() -> dict[str, str]:
    """The initial states as the combo shows them (its item data: the CLI's --init)."""
    return {"zeros": tr("zeros"), "random": tr("random"), "given": tr("given")}


class InputPanel(QWidget):
    """Edits the input part of the Config.

    Signals:
        edited(dict): fields the user changed, by Config name.
        open_data_requested(): the user asked to open a CSV / .npy file.
    """

    edited = Signal(dict)
    open_data_requested = Signal()
    edit_state_requested = Signal()
    batch_shown = Signal(int)

    def __init__(self, parent=None, current_step=lambda: 0):
        super().__init__(parent)
        self.tokens = TokenBox(current_step)
        self.preset = QComboBox()
        fill(self.preset, PRESETS, preset_titles())
        # as long as make_preset takes (longer than memory: a LongTrace)
        self.length = NumberField(lo=1, hi=MAX_VALUES, tip=tr("time steps T"))
        self.amplitude = QDoubleSpinBox()
        self.amplitude.setRange(-1000, 1000)
        self.amplitude.setSingleStep(0.1)
        self.frequency = QDoubleSpinBox()
        self.frequency.setRange(0.0, 0.5)
        self.frequency.setDecimals(3)
        self.frequency.setSingleStep(0.01)
        self.frequency.setToolTip(tr("cycles per time step (sine, square)"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("type here: each character is one step"))
        self.vocab = QLineEdit(DEFAULT_VOCAB)
        self.vocab.setToolTip(tr("the one-hot alphabet, in order (character k = feature k)"))
        self.batch = NumberField(lo=1, hi=MAX_VALUES,
                                 tip=tr("sequences in the batch (presets); the views show one"))
        self.shown = QSpinBox()
        self.shown.setToolTip(tr("which sequence of the batch the views show"))
        self.init = QComboBox()
        fill(self.init, INIT_KINDS, init_titles())
        self.init.setToolTip(tr("initial h0 (and c0): zeros, as torch.nn's default, or random"))
        self.edit_state = QPushButton(tr("Edit h0 / c0…"))
        self.edit_state.setToolTip(tr("type the initial state by hand (sets 'given')"))
        self.init_seed = QSpinBox()
        self.init_seed.setRange(0, 2**31 - 1)
        self.file_label = QLabel(tr("preset"))
        self.file_label.setWordWrap(True)
        self.open_button = QPushButton(tr("Open data…"))
        self.preset_button = QPushButton(tr("Use preset"))
        self.vocab_label = QLabel()
        self.vocab_label.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b2182b; font-weight: bold")
        self.problem.hide()
        self._shown = None  # the input the window shows (a model file's fixes its size)
        self.guard = FieldGuard(self.edited.emit, lambda c: check_config(c, self._shown),
                                self._show_problems)
        self._build_form()
        self._connect()

    def _build_form(self) -> None:
        form = self.form = QFormLayout(self)
        form.addRow(self.problem)  # moved below a field whose value is refused
        form.addRow(tr("preset"), self.preset)
        form.addRow(tr("length"), self.length)
        form.addRow(tr("amplitude"), self.amplitude)
        form.addRow(tr("frequency"), self.frequency)
        form.addRow(tr("text"), self.text)
        form.addRow(tr("vocabulary"), self.vocab)
        form.addRow(self.vocab_label)
        form.addRow(tr("batch"), self.batch)
        form.addRow(tr("show sequence"), self.shown)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.preset_button)
        form.addRow(buttons)
        form.addRow(tr("data"), self.file_label)
        form.addRow(self.tokens)
        form.addRow(tr("initial state"), self.init)
        form.addRow(self.edit_state)
        form.addRow(tr("state seed"), self.init_seed)

    def _connect(self) -> None:
        guard, send = self.guard, self.guard.send
        on_choice(self.preset, self._on_preset)
        for name in ("length", "batch"):
            box = getattr(self, name)
            box.typed.connect(lambda v, n=name, b=box: guard.edit(n, b, {n: v}))
        self.amplitude.valueChanged.connect(lambda v: send({"amplitude": v}))
        self.frequency.valueChanged.connect(lambda v: send({"frequency": v}))
        # a prefix the model reads is computed as it is typed, and stays when more is refused
        self.text.textChanged.connect(
            lambda v: guard.edit("text", self.text, {"text": v}, withdraw=False))
        self.vocab.editingFinished.connect(lambda: guard.edit(
            "vocab", self.vocab, {"vocab": self.vocab.text() or None}))
        self.shown.valueChanged.connect(self.batch_shown)
        on_choice(self.init, self._on_init)
        self.edit_state.clicked.connect(self.edit_state_requested)
        self.init_seed.valueChanged.connect(lambda v: send({"init_seed": v}))
        self.open_button.clicked.connect(self.open_data_requested)
        self.preset_button.clicked.connect(lambda: send({"input": None}))
        self.tokens.edited.connect(self._on_tokens)

    def _on_tokens(self, changes: dict) -> None:
        """The tokens box's text and ids are checked (split by the vocabulary, parsed);
        they are alternatives, so typing one forgets the other's refusal."""
        if changes.get("text") is not None:
            self.guard.drop("token_ids")
            self.guard.edit("token_text", self.tokens.text, changes)
        elif changes.get("tokens") is not None:
            self.guard.drop("token_text")
            self.guard.edit("token_ids", self.tokens.ids, changes)
        else:
            self.guard.send(changes)

    def _on_preset(self, name: str) -> None:
        change = {"preset": name, "input": None}
        if name == "text":
            change["text"] = self.text.text() or "hello world"
            change["vocab"] = self.vocab.text() or None
        self.guard.send(change)

    def _on_init(self, kind: str) -> None:
        if kind == "given":
            self.edit_state_requested.emit()  # values come from the dialog
        else:
            self.guard.send({"init": kind})

    def show_state(self, config, sequence) -> None:
        self._shown = sequence
        self.tokens.show_state(config, sequence)
        self._enable(config)
        if sequence is not None and sequence.tokens is not None:  # an Embedding's input:
            for widget in (self.preset, self.length, self.amplitude, self.frequency,  # the
                           self.text, self.vocab, self.batch):  # tokens box says it all
                widget.setEnabled(False)
        self.guard.shown(config, keep=lambda w: w.isEnabled() and w.isVisibleTo(self))
        with quiet(self.preset, self.length, self.amplitude, self.frequency, self.text,
                   self.vocab, self.batch, self.init, self.init_seed):
            self._show_values(config)
            if config.input and sequence is not None:  # a file's own length, not the preset's
                self.length.setValue(sequence.length)
        if sequence is not None:
            with quiet(self.shown):
                self.shown.setRange(0, sequence.batch - 1)
            self.shown.setEnabled(sequence.batch > 1)
        if sequence is not None and sequence.vocab:
            shown = sequence.vocab.replace(" ", "␣")
            text = tr("the model reads one-hot over {n} characters: {symbols}") if \
                config.model else tr("one-hot over {n} characters: {symbols}")  # its size
            self.vocab_label.setText(text.format(n=len(sequence.vocab), symbols=shown))
        else:
            self.vocab_label.setText("")

    def _show_values(self, config) -> None:
        held = self.guard.holds  # a refused value stays shown until it is changed
        select(self.preset, config.preset)
        for name in ("length", "batch"):
            if not held(getattr(self, name)):
                getattr(self, name).set_python(getattr(config, name))
        self.amplitude.setValue(config.amplitude)
        self.frequency.setValue(config.frequency)
        if self.text.text() != (config.text or "") and not held(self.text):
            self.text.setText(config.text or "")
        if not held(self.vocab):
            self.vocab.setText(config.vocab or "")
        select(self.init, config.init)
        self.init_seed.setValue(config.init_seed)

    def _enable(self, config) -> None:
        """Only the fields that mean something for this input can be edited."""
        from_file = bool(config.input)
        is_text = config.preset == "text" and not from_file
        waves = config.preset in ("sine", "square") and not from_file
        for w in (self.preset, self.length, self.batch):
            w.setEnabled(not from_file)
        self.length.setEnabled(not from_file and not is_text)
        self.amplitude.setEnabled(not from_file and not is_text)
        self.frequency.setEnabled(waves)
        self.text.setEnabled(is_text)
        self.vocab.setEnabled(is_text)
        self.preset_button.setEnabled(from_file)
        self.init_seed.setEnabled(config.init == "random")
        self.file_label.setText((config.input_title or Path(config.input).name) if from_file
                                else tr("preset"))

    def _show_problems(self) -> None:
        """The refusals, below the field of the latest (the tokens box's: below the box)."""
        lines = self.guard.messages()
        self.problem.setText(translate_message("\n".join(lines)))
        self.problem.setVisible(bool(lines))
        widget = self.guard.last_widget()
        place_after(self.form, self.problem,
                    self.tokens if widget in (self.tokens.text, self.tokens.ids) else widget)
