"""Cell & network panel: kind, sizes, layers, directions, head, seed, device, model file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

from rnnviz.core.spec import MAX_LAYERS, MAX_SIZE
from rnnviz.gui.choices import fill, on_choice, select
from rnnviz.gui.core_text import translate_message
from rnnviz.gui.field_guard import FieldGuard, place_after
from rnnviz.gui.i18n import tr
from rnnviz.gui.number_field import NumberField
from rnnviz.gui.panels.topology_box import TopologyBox
from rnnviz.gui.quiet import quiet
from rnnviz.gui.validation import check_config

KINDS = {"LSTM": ("lstm", None), "GRU": ("gru", None), "RNN (tanh)": ("rnn", "tanh"),
         "RNN (relu)": ("rnn", "relu")}
# "none" is explicit: for a loaded model, None would mean "use the head the file has".
HEADS = {"none": "none", "linear": "linear", "softmax": "softmax", "log-softmax": "log_softmax"}
DEVICES = ("auto", "cpu", "cuda", "mps")


def head_titles() -> dict[str, str]:
    """The heads as the combo shows them (its item data: a key of HEADS)."""
    return {"none": tr("none"), "linear": tr("linear")}  # softmax: a function's name


def device_titles() -> dict[str, str]:
    """The devices as the combos show them (cpu, cuda, mps are their names)."""
    return {"auto": tr("auto")}
SIZE_FIELDS = ("input_size", "hidden_size", "num_layers", "bidirectional", "bias", "proj_size")
# typed and checked as `rnnviz trace` checks its flags (validation.check_config)
CHECKED = ("input_size", "hidden_size", "num_layers", "proj_size", "output_size")


def _shown_head(config, spec) -> str:
    """The head combo's value: a loaded model's head as found, else the configured one."""
    if config.model and spec is not None and config.head is None:
        if spec.head is None:
            return "none"
        return "linear" if spec.head.activation == "none" else spec.head.activation
    return config.head or "none"


def _spin(lo: int, hi: int, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setToolTip(tip)
    return box


class NetworkPanel(QWidget):
    """Edits the network part of the Config.

    Signals:
        edited(dict): fields the user changed, by Config name.
        open_model_requested(): the user asked to open a model file.
    """

    edited = Signal(dict)
    open_model_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.addItems(list(KINDS))
        self.kind.setToolTip(tr("cell kind; for a loaded RNN this also says its "
                                "nonlinearity, which a state_dict does not store"))
        self.input_size = NumberField(lo=1, hi=MAX_SIZE, word=tr("auto"),
                                      tip=tr("features per step; auto: from the input"))
        self.hidden_size = NumberField(lo=1, hi=MAX_SIZE,
                                       tip=tr("units per layer and direction (hidden_size)"))
        self.num_layers = NumberField(lo=1, hi=MAX_LAYERS,
                                      tip=tr("stacked layers (num_layers)"))
        self.bidirectional = QCheckBox(tr("bidirectional"))
        self.bias = QCheckBox(tr("bias"))
        self.proj_size = NumberField(lo=0, hi=MAX_SIZE - 1, word=tr("none"), word_value=0,
                                     tip=tr("LSTM projection size (0 = none)"))
        self.dropout = QDoubleSpinBox()
        self.dropout.setRange(0.0, 0.95)
        self.dropout.setSingleStep(0.05)
        self.dropout.setToolTip(tr("between layers while training; off while stepping "
                                   "(eval)"))
        self.head = QComboBox()
        fill(self.head, HEADS, head_titles())
        self.head.setToolTip(tr("output layer y = W_ho h + b_ho and its activation"))
        self.output_size = NumberField(lo=1, hi=MAX_SIZE, word=tr("auto"),
                                       tip=tr("outputs of the head; auto: the input size"))
        self.seed = _spin(0, 2**31 - 1, tr("seed of the random weights (torch's own init)"))
        self.device = QComboBox()
        fill(self.device, DEVICES, device_titles())
        self.device_used = QLabel()
        self.device_used.setWordWrap(True)
        self.model_label = QLabel(tr("random weights"))
        self.model_label.setWordWrap(True)
        self.open_button = QPushButton(tr("Open model…"))
        self.random_button = QPushButton(tr("Use random weights"))
        self.head_prefix = QLineEdit()
        self.head_prefix.setPlaceholderText(tr("auto"))
        self.head_prefix.setToolTip(tr("which Linear is the output head, when several could "
                                       "be"))
        self.layer_prefix = QLineEdit()
        self.layer_prefix.setPlaceholderText(tr("auto"))
        self.layer_prefix.setToolTip(tr("which recurrent layer, when the file holds several "
                                        "(e.g. encoder.rnn)"))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #7a4b00")
        self.parameters = QLabel()
        self.parameters.setToolTip(tr("every parameter under torch.nn's own name, with its "
                                      "shape"))
        self.parameters.setStyleSheet("font-family: monospace; color: #444444")
        self.topology = TopologyBox()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b2182b; font-weight: bold")
        self._window_problem = ""  # what the window reported (the fields' own come first)
        self.guard = FieldGuard(self.edited.emit, check_config, self._show_problems)
        self.topology.edited.connect(self.guard.send)
        self._build_form()
        self._connect()

    def _build_form(self) -> None:
        form = self.form = QFormLayout(self)
        form.addRow(self.problem)  # moved below a field whose value is refused
        form.addRow(tr("cell"), self.kind)
        form.addRow(tr("input size"), self.input_size)
        form.addRow(tr("hidden size"), self.hidden_size)
        form.addRow(tr("layers"), self.num_layers)
        checks = QHBoxLayout()
        checks.addWidget(self.bidirectional)
        checks.addWidget(self.bias)
        form.addRow(checks)
        form.addRow("proj_size", self.proj_size)  # torch's own argument name
        form.addRow(tr("dropout"), self.dropout)
        form.addRow(tr("output head"), self.head)
        form.addRow(tr("head outputs"), self.output_size)
        form.addRow(self.topology)
        form.addRow(tr("seed"), self.seed)
        form.addRow(tr("device"), self.device)
        form.addRow(self.device_used)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.random_button)
        form.addRow(buttons)
        form.addRow(tr("weights"), self.model_label)
        form.addRow(tr("layer prefix"), self.layer_prefix)
        form.addRow(tr("head prefix"), self.head_prefix)
        form.addRow(self.notes)
        form.addRow(tr("parameters"), self.parameters)
        self.problem.hide()

    def _connect(self) -> None:
        send = self.guard.send
        self.kind.currentTextChanged.connect(self._on_kind)
        for name in CHECKED:
            box = getattr(self, name)
            box.typed.connect(lambda v, n=name, b=box: self.guard.edit(n, b, {n: v}))
        self.seed.valueChanged.connect(lambda v: send({"seed": v}))
        self.dropout.valueChanged.connect(lambda v: send({"dropout": v}))
        self.bidirectional.toggled.connect(lambda v: send({"bidirectional": v}))
        self.bias.toggled.connect(lambda v: send({"bias": v}))
        on_choice(self.head, lambda v: send({"head": HEADS[v]}))
        on_choice(self.device, lambda v: send({"device": v}))
        for name in ("layer_prefix", "head_prefix"):
            edit = getattr(self, name)
            edit.editingFinished.connect(
                lambda n=name, e=edit: send({n: e.text().strip() or None}))
        self.open_button.clicked.connect(self.open_model_requested)
        self.random_button.clicked.connect(lambda: send(
            {"model": None, "layer_prefix": None, "head_prefix": None}))

    def _on_kind(self, text: str) -> None:
        cell, nonlinearity = KINDS[text]
        self.guard.send({"cell": cell, "nonlinearity": nonlinearity})

    def show_state(self, config, spec, notes: list[str], device_text: str) -> None:
        """Show the configuration (and, for a loaded model, the sizes its weights fix)."""
        self._enable(config)
        self.guard.shown(config, keep=lambda widget: widget.isEnabled())
        with quiet(self.kind, self.input_size, self.hidden_size, self.num_layers,
                   self.bidirectional, self.bias, self.proj_size, self.dropout, self.head,
                   self.output_size, self.seed, self.device, self.layer_prefix,
                   self.head_prefix):
            self._show_values(config, spec)
        self.topology.show_state(config)
        self.notes.setText("\n".join(f"• {translate_message(n)}" for n in notes))
        self.device_used.setText(tr("using {device}").format(device=device_text))

    def _show_values(self, config, spec) -> None:
        source = spec if (spec is not None and config.model) else config
        kind = {"lstm": "LSTM", "gru": "GRU"}.get(source.cell) or (
            "RNN (relu)" if (config.nonlinearity or "tanh") == "relu" else "RNN (tanh)")
        self.kind.setCurrentText(kind)
        sizes = {name: getattr(source, name) for name in ("hidden_size", "num_layers",
                                                           "proj_size")}
        sizes["input_size"] = spec.input_size if config.model and spec else config.input_size
        sizes["output_size"] = config.output_size
        for name, value in sizes.items():
            box = getattr(self, name)
            if not self.guard.holds(box):  # a refused value stays until it is changed
                box.set_python(value)
        self.bidirectional.setChecked(source.bidirectional)
        self.bias.setChecked(source.bias)
        self.dropout.setValue(config.dropout)
        select(self.head, next(k for k, v in HEADS.items() if v == _shown_head(config, spec)))
        self.seed.setValue(config.seed)
        select(self.device, config.device)
        self.layer_prefix.setText(config.layer_prefix or "")
        self.head_prefix.setText(config.head_prefix or "")

    def _enable(self, config) -> None:
        """A checkpoint fixes the sizes: they are shown, read-only."""
        loaded = bool(config.model)
        for name in SIZE_FIELDS:
            getattr(self, name).setEnabled(not loaded)
        self.proj_size.setEnabled(not loaded and config.cell == "lstm")
        self.seed.setEnabled(not loaded)
        self.output_size.setEnabled(not loaded)
        self.random_button.setEnabled(loaded)
        self.layer_prefix.setEnabled(loaded)
        self.head_prefix.setEnabled(loaded)
        self.model_label.setText((config.model_title or Path(config.model).name) if loaded
                                 else tr("random (torch init, seed {seed})").format(
                                     seed=config.seed))

    def show_parameters(self, table: list[tuple[str, tuple[int, ...]]]) -> None:
        """`weight_ih_l0  (32, 8)` per line: what `print(p.shape)` shows in PyTorch."""
        width = max((len(name) for name, _ in table), default=0)
        self.parameters.setText("\n".join(f"{name.ljust(width)}  {tuple(shape)}"
                                          for name, shape in table))

    def show_problem(self, message: str) -> None:
        """What the window reports (below the fields' own refusals, which stay)."""
        self._window_problem = message
        self._show_problems()

    def _show_problems(self) -> None:
        lines = self.guard.messages() + ([self._window_problem] if self._window_problem
                                         else [])
        self.problem.setText(translate_message("\n".join(lines)))
        self.problem.setVisible(bool(lines))
        place_after(self.form, self.problem, self.guard.last_widget())
