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

from rnnviz.gui.choices import fill, on_choice
from rnnviz.gui.i18n import tr
from rnnviz.gui.quiet import quiet

# Each combo's items: the Config's value (the item's data) -> the text shown.
SHAPES = ("n2n", "n2one", "one2n", "seq2seq")
FEEDS = ("first", "every")
CONTEXTS = ("init", "input")
DECODER_CELLS = (None, "lstm", "gru", "rnn")


def shape_titles() -> dict:
    return {"n2n": tr("N→N (every step)"), "n2one": tr("N→1 (last step)"),
            "one2n": tr("1→N (one input)"), "seq2seq": tr("N→M seq2seq")}


def feed_titles() -> dict:
    return {"first": tr("first step only"), "every": tr("every step")}


def context_titles() -> dict:
    return {"init": tr("decoder's h0"), "input": tr("input each step")}


def decoder_cell_titles() -> dict:
    return {None: tr("as encoder"), "lstm": "LSTM", "gru": "GRU", "rnn": "RNN"}


class TopologyBox(QGroupBox):
    """Signals: edited(dict) with Config field names, as the Network panel's."""

    edited = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(tr("sequence shape"), parent)
        self.shape = QComboBox()
        fill(self.shape, SHAPES, shape_titles())
        self.shape.setToolTip(tr("which inputs and outputs exist, as the seed articles "
                                 "classify RNNs: N→N (a label per step), N→1 (one label at the "
                                 "end), 1→N (one input), N→M (an encoder, a context c, a "
                                 "decoder)"))
        self.feed = QComboBox()
        fill(self.feed, FEEDS, feed_titles())
        self.feed.setToolTip(tr("1→N: the one input (the input's first step) is fed at the "
                                "first step only (zeros after) or repeated at every step"))
        self.steps = QSpinBox()
        self.steps.setRange(0, 100_000)
        self.steps.setSpecialValueText(tr("auto"))
        self.steps.setToolTip(tr("how many outputs 1→N makes / symbols the decoder writes "
                                 "(auto: the input's length)"))
        self.decoder_cell = QComboBox()
        fill(self.decoder_cell, DECODER_CELLS, decoder_cell_titles())
        self.decoder_hidden = QSpinBox()
        self.decoder_hidden.setRange(0, 4096)
        self.decoder_hidden.setSpecialValueText(tr("auto"))
        self.decoder_hidden.setToolTip(tr("decoder units (auto: the encoder's hidden size)"))
        self.context = QComboBox()
        fill(self.context, CONTEXTS, context_titles())
        self.context.setToolTip(tr("the context c (the encoder's final state) starts the "
                                   "decoder, or is fed to it at every step next to the "
                                   "previous symbol"))
        self.context_map = QCheckBox(tr("Linear map on c"))
        self.context_map.setToolTip(tr("a Linear from the encoder's final state to the "
                                       "decoder's size (needed when the sizes differ)"))
        self.target_vocab = QLineEdit()
        self.target_vocab.setPlaceholderText(tr("the input text's symbols"))
        self.target_vocab.setToolTip(tr("the symbols the decoder writes, in order"))
        # a loaded decoder with its own nn.Embedding (the PyTorch translation tutorial's)
        self.words = QPushButton(tr("words file…"))
        self.words.setToolTip(tr("a decoder with an nn.Embedding: the words it writes, in id "
                                 "order (one per line, or a JSON list or word→id mapping)"))
        self.start_token = QLineEdit()
        self.start_token.setPlaceholderText(tr("SOS, or id 0"))
        self.start_token.setToolTip(tr("a decoder with an nn.Embedding: the symbol fed at its "
                                       "first step, as an id or a word"))
        self.decoder_relu = QCheckBox(tr("ReLU on the word's embedding"))
        self.decoder_relu.setToolTip(tr("a decoder with an nn.Embedding reads "
                                        "relu(embedding(previous)), as the PyTorch translation "
                                        "tutorial's DecoderRNN does; a state_dict cannot say "
                                        "so"))
        self.setFlat(True)  # a heading, not a frame: the dock is narrow
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 4, 0, 0)
        self.form.addRow(tr("shape"), self.shape)
        self._optional = [(tr("input fed"), self.feed), (tr("outputs"), self.steps),
                          (tr("decoder cell"), self.decoder_cell),
                          (tr("decoder size"), self.decoder_hidden),
                          (tr("context c"), self.context),
                          ("", self.context_map), (tr("writes"), self.target_vocab),
                          (tr("words"), self.words), (tr("starts from"), self.start_token),
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
        on_choice(self.shape, lambda v: emit({"topology": v}))
        on_choice(self.feed, lambda v: emit({"feed": v}))
        self.steps.valueChanged.connect(lambda v: emit({"decode_steps": v or None}))
        on_choice(self.decoder_cell, lambda v: emit({"decoder_cell": v}))
        self.decoder_hidden.valueChanged.connect(
            lambda v: emit({"decoder_hidden_size": v or None}))
        on_choice(self.context, lambda v: emit({"context": v}))
        self.context_map.toggled.connect(lambda v: emit({"context_map": v}))
        self.target_vocab.editingFinished.connect(
            lambda: emit({"target_vocab": self.target_vocab.text() or None}))
        self.words.clicked.connect(self._choose_words)
        self.start_token.editingFinished.connect(
            lambda: emit({"start_token": self.start_token.text().strip() or None}))
        self.decoder_relu.toggled.connect(lambda v: emit({"decoder_relu": v or None}))

    def _choose_words(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("The decoder's words"), "",
                                              tr("Vocabulary (*.txt *.json);;All files (*)"))
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
            tr("decoder steps") if topology == "seq2seq" else tr("outputs"))

    def show_state(self, config) -> None:
        topology = config.topology or "n2n"
        widgets = (self.shape, self.feed, self.steps, self.decoder_cell, self.decoder_hidden,
                   self.context, self.context_map, self.target_vocab, self.start_token,
                   self.decoder_relu)
        with quiet(*widgets):
            self.shape.setCurrentIndex(_index(self.shape, topology))
            self.feed.setCurrentIndex(_index(self.feed, config.feed))
            self.steps.setValue(config.decode_steps or 0)
            self.decoder_cell.setCurrentIndex(_index(self.decoder_cell, config.decoder_cell))
            self.decoder_hidden.setValue(config.decoder_hidden_size or 0)
            self.context.setCurrentIndex(_index(self.context, config.context))
            self.context_map.setChecked(config.context_map)
            self.target_vocab.setText(config.target_vocab or "")
            self.start_token.setText(config.start_token or "")
            self.decoder_relu.setChecked(bool(config.decoder_relu))
        words = config.target_vocab_file
        self.words.setText(Path(words).name if words else tr("words file…"))
        loaded = bool(config.model)  # a checkpoint fixes the decoder
        for widget in (self.decoder_cell, self.decoder_hidden, self.context, self.context_map):
            widget.setEnabled(not loaded)
        self._show_rows(topology, loaded)


def _index(combo: QComboBox, value) -> int:
    """The item whose data is `value`; the first when none is (as before: an unknown value
    shows the combo's first choice)."""
    return max(0, combo.findData(value))
