"""The sequence shape: N→N, N→1, 1→N or an encoder–decoder, and the decoder's settings.

Part of the Network panel. The network above it is the encoder of a seq2seq; the rows
that matter only for one shape (the feed of 1→N, the decoder of seq2seq) are shown only
for that shape.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from rnnviz.gui.quiet import quiet

SHAPES = {"N→N (every step)": "n2n", "N→1 (last step)": "n2one", "1→N (one input)": "one2n",
          "N→M seq2seq": "seq2seq"}
FEEDS = {"first step only": "first", "every step": "every"}
CONTEXTS = {"decoder's h0": "init", "input each step": "input"}
DECODER_CELLS = {"as encoder": None, "LSTM": "lstm", "GRU": "gru", "RNN": "rnn"}


class TopologyBox(QGroupBox):
    """Signals: edited(dict) with Config field names, as the Network panel's."""

    edited = Signal(dict)

    def __init__(self, parent=None):
        super().__init__("sequence shape", parent)
        self.shape = QComboBox()
        self.shape.addItems(list(SHAPES))
        self.shape.setToolTip("which inputs and outputs exist, as the seed articles classify "
                              "RNNs: N→N (a label per step), N→1 (one label at the end), "
                              "1→N (one input), N→M (an encoder, a context c, a decoder)")
        self.feed = QComboBox()
        self.feed.addItems(list(FEEDS))
        self.feed.setToolTip("1→N: the one input (the input's first step) is fed at the first "
                             "step only (zeros after) or repeated at every step")
        self.steps = QSpinBox()
        self.steps.setRange(0, 100_000)
        self.steps.setSpecialValueText("auto")
        self.steps.setToolTip("how many outputs 1→N makes / symbols the decoder writes "
                              "(auto: the input's length)")
        self.decoder_cell = QComboBox()
        self.decoder_cell.addItems(list(DECODER_CELLS))
        self.decoder_hidden = QSpinBox()
        self.decoder_hidden.setRange(0, 4096)
        self.decoder_hidden.setSpecialValueText("auto")
        self.decoder_hidden.setToolTip("decoder units (auto: the encoder's hidden size)")
        self.context = QComboBox()
        self.context.addItems(list(CONTEXTS))
        self.context.setToolTip("the context c (the encoder's final state) starts the decoder, "
                                "or is fed to it at every step next to the previous symbol")
        self.context_map = QCheckBox("Linear map on c")
        self.context_map.setToolTip("a Linear from the encoder's final state to the decoder's "
                                    "size (needed when the sizes differ)")
        self.target_vocab = QLineEdit()
        self.target_vocab.setPlaceholderText("the input text's symbols")
        self.target_vocab.setToolTip("the symbols the decoder writes, in order")
        # a loaded decoder with its own nn.Embedding (the PyTorch translation tutorial's)
        self.words = QPushButton("words file…")
        self.words.setToolTip("a decoder with an nn.Embedding: the words it writes, in id order "
                              "(one per line, or a JSON list or word→id mapping)")
        self.start_token = QLineEdit()
        self.start_token.setPlaceholderText("SOS, or id 0")
        self.start_token.setToolTip("a decoder with an nn.Embedding: the symbol fed at its "
                                    "first step, as an id or a word")
        self.decoder_relu = QCheckBox("ReLU on the word's embedding")
        self.decoder_relu.setToolTip("a decoder with an nn.Embedding reads "
                                     "relu(embedding(previous)), as the PyTorch translation "
                                     "tutorial's DecoderRNN does; a state_dict cannot say so")
        self.setFlat(True)  # a heading, not a frame: the dock is narrow
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 4, 0, 0)
        self.form.addRow("shape", self.shape)
        self._optional = [("input fed", self.feed), ("outputs", self.steps),
                          ("decoder cell", self.decoder_cell),
                          ("decoder size", self.decoder_hidden), ("context c", self.context),
                          ("", self.context_map), ("writes", self.target_vocab),
                          ("words", self.words), ("starts from", self.start_token),
                          ("", self.decoder_relu)]
        for label, widget in self._optional:
            self.form.addRow(label, widget)
        self._shown = {"one2n": {self.feed, self.steps},
                       "seq2seq": {self.steps, self.decoder_cell, self.decoder_hidden,
                                   self.context, self.context_map, self.target_vocab}}
        self._embedded = False  # the loaded decoder has its own nn.Embedding
        self._connect()
        self._show_rows("n2n")

    def _connect(self) -> None:
        emit = self.edited.emit
        self.shape.currentTextChanged.connect(lambda v: emit({"topology": SHAPES[v]}))
        self.feed.currentTextChanged.connect(lambda v: emit({"feed": FEEDS[v]}))
        self.steps.valueChanged.connect(lambda v: emit({"decode_steps": v or None}))
        self.decoder_cell.currentTextChanged.connect(
            lambda v: emit({"decoder_cell": DECODER_CELLS[v]}))
        self.decoder_hidden.valueChanged.connect(
            lambda v: emit({"decoder_hidden_size": v or None}))
        self.context.currentTextChanged.connect(lambda v: emit({"context": CONTEXTS[v]}))
        self.context_map.toggled.connect(lambda v: emit({"context_map": v}))
        self.target_vocab.editingFinished.connect(
            lambda: emit({"target_vocab": self.target_vocab.text() or None}))
        self.words.clicked.connect(self._choose_words)
        self.start_token.editingFinished.connect(
            lambda: emit({"start_token": self.start_token.text().strip() or None}))
        self.decoder_relu.toggled.connect(lambda v: emit({"decoder_relu": v or None}))

    def _choose_words(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "The decoder's words", "",
                                              "Vocabulary (*.txt *.json);;All files (*)")
        if path:
            self.edited.emit({"target_vocab_file": path, "target_vocab": None})

    def show_decoder(self, embedded: bool) -> None:
        """A loaded decoder that reads its previous word through an nn.Embedding: the rows
        for what its weights cannot say (words, start symbol, ReLU) are shown."""
        self._embedded = embedded
        self._show_rows(self._topology, self._loaded)

    def _show_rows(self, topology: str, loaded: bool = False) -> None:
        self._topology, self._loaded = topology, loaded
        shown = set(self._shown.get(topology, set()))
        if topology == "seq2seq" and loaded and self._embedded:
            shown |= {self.words, self.start_token, self.decoder_relu}
        for _, widget in self._optional:
            self.form.setRowVisible(widget, widget in shown)
        self.form.labelForField(self.steps).setText(
            "decoder steps" if topology == "seq2seq" else "outputs")

    def show_state(self, config) -> None:
        topology = config.topology or "n2n"
        widgets = (self.shape, self.feed, self.steps, self.decoder_cell, self.decoder_hidden,
                   self.context, self.context_map, self.target_vocab, self.start_token,
                   self.decoder_relu)
        with quiet(*widgets):
            self.shape.setCurrentText(_key(SHAPES, topology))
            self.feed.setCurrentText(_key(FEEDS, config.feed))
            self.steps.setValue(config.decode_steps or 0)
            self.decoder_cell.setCurrentText(_key(DECODER_CELLS, config.decoder_cell))
            self.decoder_hidden.setValue(config.decoder_hidden_size or 0)
            self.context.setCurrentText(_key(CONTEXTS, config.context))
            self.context_map.setChecked(config.context_map)
            self.target_vocab.setText(config.target_vocab or "")
            self.start_token.setText(config.start_token or "")
            self.decoder_relu.setChecked(bool(config.decoder_relu))
        words = config.target_vocab_file
        self.words.setText(Path(words).name if words else "words file…")
        loaded = bool(config.model)  # a checkpoint fixes the decoder
        for widget in (self.decoder_cell, self.decoder_hidden, self.context, self.context_map):
            widget.setEnabled(not loaded)
        self._show_rows(topology, loaded)


def _key(mapping: dict, value) -> str:
    return next((k for k, v in mapping.items() if v == value), next(iter(mapping)))
