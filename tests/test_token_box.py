"""The Input panel's tokens box: a model with an Embedding, fed text or ids in the window."""

from __future__ import annotations

import numpy as np
import torch
from gui_support import load
from torch import nn

from rnnviz.gui.config import Config

WORDS = ["the", "cat", "sat", "on", "mat", "<unk>", "a", "dog"]


class WordLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Embedding(len(WORDS), 4)
        self.rnn = nn.GRU(4, 5)
        self.decoder = nn.Linear(5, len(WORDS))


def test_a_model_with_an_embedding_opens_then_takes_text_and_a_replaced_token(
        qtbot, window, tmp_path):
    torch.manual_seed(0)
    model = WordLM()
    torch.save(model.state_dict(), tmp_path / "lm.pt")
    (tmp_path / "vocab.txt").write_text("\n".join(WORDS) + "\n")
    load(qtbot, window, Config(model=str(tmp_path / "lm.pt"), head="softmax"))
    sim, box = window.sim, window.input_panel.tokens
    assert sim.input_sequence.tokens[:, 0].tolist() == list(range(len(WORDS)))  # placeholder
    assert any("no tokens given" in note for note in sim.notes())
    assert box.isVisibleTo(window.input_panel) and not window.input_panel.length.isEnabled()
    with qtbot.waitSignal(sim.trace_changed, timeout=20_000):
        box.set_vocabulary_file(str(tmp_path / "vocab.txt"))
    with qtbot.waitSignal(sim.trace_changed, timeout=20_000):
        box.text.setText("the cat sat on the mat")
        box.text.editingFinished.emit()
    assert window.last_error == ""
    assert window.graph.blocks[0].fed == ("the", "cat", "sat", "on", "the", "mat")
    sim.seek(2)
    box.pick.setCurrentText("dog")
    with qtbot.waitSignal(sim.trace_changed, timeout=20_000):
        box.replace.click()
    assert window.graph.blocks[0].fed == ("the", "cat", "dog", "on", "the", "mat")
    ids = torch.tensor([[0], [1], [7], [3], [0], [4]])
    with torch.no_grad():
        out, _ = model.rnn(model.encoder(ids))
        probs = torch.softmax(model.decoder(out), -1)
    np.testing.assert_allclose(sim.trace.y, probs.numpy(), atol=1e-6)
    assert "next token" in window.output_view.caption.text()
