"""Tokens for a model that reads through its own nn.Embedding: text or ids, the vocabulary
file, the token unknown words become, and replacing the token at the current step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from rnnviz.gui.field_guard import is_refused
from rnnviz.gui.i18n import tr
from rnnviz.gui.quiet import quiet


class TokenBox(QGroupBox):
    """Edits the token fields of the Config (tokens, text, vocab_file, unk).

    Signals:
        edited(dict): fields the user changed, by Config name.
    """

    edited = Signal(dict)

    def __init__(self, current_step: Callable[[], int], parent=None):
        super().__init__(tr("tokens (a model with an Embedding)"), parent)
        self.current_step = current_step
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("the cat sat on the mat"))
        self.text.setToolTip(tr("text split into the vocabulary's tokens (words, or "
                                "characters when every token is one character)"))
        self.ids = QLineEdit()
        self.ids.setPlaceholderText(tr("or ids: 12, 7, 99"))
        self.ids.setToolTip(tr("token ids, fed through the Embedding as they are"))
        self.vocab_label = QLabel(tr("no vocabulary file"))
        self.vocab_label.setWordWrap(True)
        self.vocab_button = QPushButton(tr("Vocabulary…"))
        self.vocab_button.setToolTip(tr("one token per line, a JSON list, or a JSON object "
                                        "token → id"))
        self.unk = QLineEdit()
        self.unk.setPlaceholderText(tr("unknown words: refused"))
        self.unk.setToolTip(tr("the vocabulary's token that unknown words become, e.g. "
                               "<unk>"))
        self.pick = QComboBox()
        self.pick.setEditable(True)  # type to find a token among thousands
        self.pick.setInsertPolicy(QComboBox.NoInsert)
        self.pick.completer().setCompletionMode(QCompleter.PopupCompletion)
        self.pick.completer().setFilterMode(Qt.MatchContains)
        self.replace = QPushButton(tr("Replace at t"))
        self.replace.setToolTip(tr("put this token at the current step and recompute"))
        self._tokens: list[int] = []  # the ids shown (batch element 0)
        self._names: tuple[str, ...] = ()
        form = QFormLayout(self)
        form.addRow(tr("text"), self.text)
        form.addRow(tr("ids"), self.ids)
        row = QHBoxLayout()
        row.addWidget(self.vocab_button)
        row.addWidget(self.vocab_label, 1)
        form.addRow(row)
        form.addRow(tr("unknown →"), self.unk)
        swap = QHBoxLayout()
        swap.addWidget(self.pick, 1)
        swap.addWidget(self.replace)
        form.addRow(tr("at t"), swap)
        self.text.editingFinished.connect(self._on_text)
        self.ids.editingFinished.connect(self._on_ids)
        self.unk.editingFinished.connect(
            lambda: self.edited.emit({"unk": self.unk.text().strip() or None}))
        self.vocab_button.clicked.connect(self._choose_vocabulary)
        self.replace.clicked.connect(self._replace)
        self.setVisible(False)  # until a model that reads tokens is opened

    def _on_text(self) -> None:
        text = self.text.text().strip()
        self.edited.emit({"text": text or None, "tokens": None, "input": None})

    def _on_ids(self) -> None:
        ids = self.ids.text().strip()
        self.edited.emit({"tokens": ids or None, "text": None, "input": None})

    def _choose_vocabulary(self) -> None:
        from rnnviz.gui.open_dialogs import ask_open_file

        path = ask_open_file(self, tr("The Embedding's vocabulary"),
                             tr("Vocabulary (*.txt *.json *.vocab);;All (*)"))
        if path:
            self.set_vocabulary_file(path)

    def set_vocabulary_file(self, path: str) -> None:
        self.edited.emit({"vocab_file": path})

    def _replace(self) -> None:
        """The picked token at step t: the ids, with that one changed, become the input."""
        name = self.pick.currentText()
        if name not in self._names or not self._tokens:
            return
        t = self.current_step()
        if not 0 <= t < len(self._tokens):
            return
        ids = list(self._tokens)
        ids[t] = self._names.index(name)
        self.edited.emit({"tokens": ",".join(str(i) for i in ids), "text": None,
                          "input": None})

    def show_state(self, config, sequence) -> None:
        """The fields as the shown input has them; enabled for a model file only."""
        with quiet(self.text, self.ids, self.unk):  # what is being typed, or was refused
            if not self.text.hasFocus() and not is_refused(self.text):  # (marked), stays
                self.text.setText(config.text or "" if config.tokens is None else "")
            if not self.ids.hasFocus() and not is_refused(self.ids):
                self.ids.setText(config.tokens or "")
            self.unk.setText(config.unk or "")
        self.vocab_label.setText(Path(config.vocab_file).name if config.vocab_file
                                 else tr("no vocabulary file"))
        tokens = None if sequence is None else sequence.tokens
        names = None if sequence is None else sequence.token_names
        self._tokens = [] if tokens is None else tokens[:, 0].tolist()
        if names is not None and tuple(names) != self._names:
            self._names = tuple(names)
            with quiet(self.pick):
                self.pick.clear()
                self.pick.addItems(list(self._names))
        elif names is None and self._names:
            self._names = ()
            self.pick.clear()
        self.pick.setEnabled(bool(self._names) and bool(self._tokens))
        self.replace.setEnabled(bool(self._names) and bool(self._tokens))
        # only for a model that reads tokens: beside one-hot text (a trained reverser) a
        # second "text" field would only confuse
        wanted = bool(config.model) and bool(self._tokens)
        if self.isVisibleTo(self.parentWidget() or self) != wanted:
            self.setVisible(wanted)
