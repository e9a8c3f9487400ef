"""Encoder–decoders whose decoder reads its previous word through its own nn.Embedding:
the PyTorch translation tutorial's EncoderRNN / DecoderRNN, saved as its users save them
({'encoder': encoder.state_dict(), 'decoder': decoder.state_dict()} in one file)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.seq2seq_io import load_seq2seq
from rnnviz.core.seq2seq import run_seq2seq
from rnnviz.core.seq2seq_gradients import compute_seq2seq_gradients

SOS_TOKEN = 0


class EncoderRNN(nn.Module):
    """The tutorial's encoder, as written there (dropout is off in eval mode)."""

    def __init__(self, input_size, hidden_size, cell=nn.GRU, dropout_p=0.1):
        super().__init__()
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = cell(hidden_size, hidden_size, batch_first=True)
        self.dropout = nn.Dropout(dropout_p)

    def forward(self, input):
        embedded = self.dropout(self.embedding(input))
        return self.gru(embedded)


class DecoderRNN(nn.Module):
    """The tutorial's decoder: Embedding of the previous word → ReLU → GRU → Linear, greedy
    (or teacher-forced) from SOS, log_softmax over the words."""

    def __init__(self, hidden_size, output_size, cell=nn.GRU, relu=True):
        super().__init__()
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.gru = cell(hidden_size, hidden_size, batch_first=True)
        self.out = nn.Linear(hidden_size, output_size)
        self.relu = relu

    def forward(self, encoder_outputs, encoder_hidden, steps, target_tensor=None):
        batch_size = encoder_outputs.size(0)
        decoder_input = torch.empty(batch_size, 1, dtype=torch.long).fill_(SOS_TOKEN)
        decoder_hidden = encoder_hidden
        decoder_outputs = []
        for i in range(steps):
            decoder_output, decoder_hidden = self.forward_step(decoder_input, decoder_hidden)
            decoder_outputs.append(decoder_output)
            if target_tensor is not None:
                decoder_input = target_tensor[:, i].unsqueeze(1)  # teacher forcing
            else:
                _, topi = decoder_output.topk(1)
                decoder_input = topi.squeeze(-1).detach()
        decoder_outputs = torch.cat(decoder_outputs, dim=1)
        return F.log_softmax(decoder_outputs, dim=-1), decoder_hidden

    def forward_step(self, input, hidden):
        output = self.embedding(input)
        if self.relu:
            output = F.relu(output)
        output, hidden = self.gru(output, hidden)
        return self.out(output), hidden


SOURCE = ["SOS", "EOS", "i", "am", "you", "are", "he", "is", "cold", "hot", "happy", "sad"]
TARGET = ["SOS", "EOS", "je", "suis", "tu", "es", "il", "est", "froid"]


def _pair(tmp_path, seed=0, cell=nn.GRU, relu=True, hidden=16, whole=False):
    torch.manual_seed(seed)
    encoder = EncoderRNN(len(SOURCE), hidden, cell).eval()
    decoder = DecoderRNN(hidden, len(TARGET), cell, relu).eval()
    path = tmp_path / "pair.pt"
    torch.save({"encoder": encoder.state_dict(), "decoder": decoder.state_dict()}, path)
    return encoder, decoder, path


def _tutorial(encoder, decoder, ids, steps, target=None):
    with torch.no_grad():
        outputs, hidden = encoder(ids)
        log_p, h_n = decoder(outputs, hidden, steps, target)
    return log_p, h_n


@pytest.mark.parametrize("cell", [nn.GRU, nn.RNN], ids=["gru", "rnn"])
@pytest.mark.parametrize("relu", [True, False])
def test_greedy_decoding_equals_the_tutorials_own_forward(tmp_path, cell, relu):
    encoder, decoder, path = _pair(tmp_path, seed=3, cell=cell, relu=relu)
    ids = torch.tensor([[2, 3, 8, 1], [4, 5, 9, 1]])  # batch_first, as the tutorial feeds
    log_p, h_n = _tutorial(encoder, decoder, ids, 6)
    model, notes = load_seq2seq(path, relu=relu)
    assert model.spec.embedded and model.spec.start_id == 0 and model.spec.relu_input == relu
    trace = run_seq2seq(model, model.encoder.embed(ids.T.numpy()), 6)
    np.testing.assert_allclose(np.log(trace.dec.y), log_p.transpose(0, 1).numpy(), atol=1e-5)
    assert np.array_equal(trace.tokens, log_p.argmax(-1).T.numpy())
    np.testing.assert_allclose(trace.dec.h_n[0], h_n[0].numpy(), atol=1e-6)
    assert trace.fed[0].tolist() == [0, 0]  # SOS first, then each argmax written
    assert np.array_equal(trace.fed[1:], trace.tokens[:-1])
    assert any("ids" in n and "--target-vocab-file" in n for n in notes)


def test_an_lstm_pair_starts_its_decoder_from_h_with_a_note(tmp_path):
    """rnnviz's context is h: an LSTM decoder starts from (h_enc, 0), which the note says;
    its numbers equal the tutorial's code handed (h, zeros)."""
    encoder, decoder, path = _pair(tmp_path, seed=5, cell=nn.LSTM)
    ids = torch.tensor([[2, 3, 8, 1]])
    with torch.no_grad():
        outputs, (h, _) = encoder(ids)
        log_p, _ = decoder(outputs, (h, torch.zeros_like(h)), 4)
    model, notes = load_seq2seq(path, relu=True)
    assert any("c0 = 0" in n for n in notes)
    trace = run_seq2seq(model, model.encoder.embed(ids.T.numpy()), 4)
    np.testing.assert_allclose(np.log(trace.dec.y[:, 0]), log_p[0].numpy(), atol=1e-5)


def test_teacher_forcing_equals_the_tutorials(tmp_path):
    encoder, decoder, path = _pair(tmp_path, seed=1)
    ids = torch.tensor([[2, 3, 8, 1]])
    target = torch.tensor([[2, 3, 8, 1, 1]])
    log_p, _ = _tutorial(encoder, decoder, ids, 5, target)
    model, _ = load_seq2seq(path, relu=True)
    trace = run_seq2seq(model, model.encoder.embed(ids.T.numpy()), 5, teacher=target.T.numpy())
    np.testing.assert_allclose(np.log(trace.dec.y[:, 0]), log_p[0].numpy(), atol=1e-5)
    assert trace.fed[:, 0].tolist() == [0, 2, 3, 8, 1]


def test_without_the_relu_flag_a_note_names_it_and_the_numbers_differ(tmp_path):
    encoder, decoder, path = _pair(tmp_path, seed=2)
    ids = torch.tensor([[2, 3, 8, 1]])
    log_p, _ = _tutorial(encoder, decoder, ids, 4)
    model, notes = load_seq2seq(path)
    assert not model.spec.relu_input
    assert any("--decoder-relu" in n and "F.relu" in n for n in notes)
    trace = run_seq2seq(model, model.encoder.embed(ids.T.numpy()), 4)
    assert not np.allclose(np.log(trace.dec.y[:, 0]), log_p[0].numpy(), atol=1e-5)


def test_start_symbol_by_name_by_id_or_from_the_vocabulary(tmp_path):
    _, _, path = _pair(tmp_path)
    names = tuple(TARGET)
    assert load_seq2seq(path, None, names, relu=True)[0].spec.start_id == 0  # 'SOS' found
    assert load_seq2seq(path, None, names, start="EOS", relu=True)[0].spec.start_id == 1
    assert load_seq2seq(path, None, names, start=4, relu=True)[0].spec.start_id == 4
    with pytest.raises(RnnvizError, match="start symbol must be an id 0..8"):
        load_seq2seq(path, None, names, start=9)
    with pytest.raises(RnnvizError, match="neither an id nor a name"):
        load_seq2seq(path, None, names, start="<go>")
    with pytest.raises(RnnvizError, match="has 3 names but the decoder's embedding has 9"):
        load_seq2seq(path, None, ("a", "b", "c"))


def test_gradients_flow_from_the_decoder_back_to_the_source_words(tmp_path):
    encoder, decoder, path = _pair(tmp_path, seed=4, hidden=6)
    model, _ = load_seq2seq(path, relu=True)
    model = model.to(torch.float64)
    ids = torch.tensor([[2, 3, 8, 1]])
    x = model.encoder.embed(ids.T.numpy())
    trace = run_seq2seq(model, x, 3)
    grads = compute_seq2seq_gradients(model, trace, "y:2")
    # plain torch: the tutorial's modules in float64, the same words fed, y_T[2] back
    encoder, decoder = encoder.double(), decoder.double()
    xt = torch.from_numpy(np.array(x)).requires_grad_(True)
    _, hidden = encoder.gru(xt.transpose(0, 1))
    fed = torch.from_numpy(trace.fed[:, 0])[None]
    out, _ = decoder.gru(F.relu(decoder.embedding(fed)), hidden)
    torch.softmax(decoder.out(out[0, -1]), -1)[2].backward()
    np.testing.assert_allclose(grads.enc.arrays["dx"], xt.grad.numpy(), atol=1e-10)


def test_attention_decoders_are_refused_with_the_reason(tmp_path):
    torch.manual_seed(0)
    encoder = EncoderRNN(5, 4)
    decoder = DecoderRNN(4, 6)
    state = {"encoder": encoder.state_dict(), "decoder": {
        **decoder.state_dict(), "attention.Wa.weight": torch.zeros(4, 4)}}
    path = tmp_path / "attn.pt"
    torch.save(state, path)
    with pytest.raises(RnnvizError, match="has attention.*decoder.attention.Wa.weight"):
        load_seq2seq(path)


def _cli(*args, cwd):
    done = subprocess.run([sys.executable, "-m", "rnnviz", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


def test_cli_translates_typed_words_and_names_what_it_assumed(tmp_path):
    encoder, decoder, path = _pair(tmp_path, seed=3)
    (tmp_path / "src.txt").write_text("\n".join(SOURCE) + "\n")
    (tmp_path / "tgt.json").write_text(json.dumps(TARGET))
    code, out, err = _cli("trace", "--model", path, "--topology", "seq2seq", "--text",
                          "i am cold", "--vocab-file", "src.txt", "--tokenize", "words",
                          "--target-vocab-file", "tgt.json", "--decoder-relu",
                          "--decode-steps", 4, "-o", "t.npz", cwd=tmp_path)
    assert code == 0, err
    ids = torch.tensor([[SOURCE.index(w) for w in "i am cold".split()]])
    log_p, _ = _tutorial(encoder, decoder, ids, 4)
    words = " ".join(TARGET[i] for i in log_p[0].argmax(-1).tolist())
    assert f"decoded {words!r}" in out
    assert "starts from 'SOS'" in err and "Traceback" not in err
    with np.load(tmp_path / "t.npz") as f:
        meta = json.loads(str(f["meta"]))
        assert meta["target_vocab"] == TARGET and meta["decoded"] == [words]
        np.testing.assert_allclose(np.log(f["dec_y"][:, 0]), log_p[0].numpy(), atol=1e-5)


@pytest.mark.parametrize("args, words", [
    (["--start-token", "99"], "start symbol must be an id 0..8"),
    (["--target-vocab", "abc"], "has 3 names but the decoder's embedding has 9 rows"),
    (["--tokens", "2,3,99"], "ids 0..11"),
])
def test_cli_refuses_what_does_not_fit_in_one_line(tmp_path, args, words):
    _, _, path = _pair(tmp_path)
    base = ["trace", "--model", path, "--topology", "seq2seq", "-o", "t.npz"]
    if "--tokens" not in args:
        base += ["--tokens", "2,3"]
    code, _, err = _cli(*base, *args, cwd=tmp_path)
    assert code == 2 and words in err and len(err.strip().splitlines()) <= 4, err
    assert "Traceback" not in err and not (tmp_path / "t.npz").exists()


def test_one_hot_decoders_refuse_the_embedding_flags(tmp_path):
    code, _, err = _cli("trace", "--topology", "seq2seq", "--preset", "text", "--text", "abc",
                        "--decoder-relu", "-o", "t.npz", cwd=tmp_path)
    assert code == 2 and "--decoder-relu is for a checkpoint" in err


def test_the_window_steps_the_pair_and_the_decoder_rows_say_what_weights_cannot(
        qtbot, window, tmp_path):
    from gui_support import load

    from rnnviz.gui.config import Config

    encoder, decoder, path = _pair(tmp_path, seed=3)
    (tmp_path / "tgt.txt").write_text("\n".join(TARGET) + "\n")
    (tmp_path / "src.txt").write_text("\n".join(SOURCE) + "\n")
    config = Config(model=str(path), topology="seq2seq", text="i am cold",
                    vocab_file=str(tmp_path / "src.txt"), tokenize="words", decode_steps=4,
                    target_vocab_file=str(tmp_path / "tgt.txt"))
    load(qtbot, window, config)
    box = window.network_panel.topology
    assert box.decoder_relu.isVisibleTo(box) and box.words.text() == "tgt.txt"
    assert any("--decoder-relu" in note for note in window.sim.snapshot.notes)
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        box.decoder_relu.setChecked(True)  # the tutorial's F.relu: now its numbers
    s2s = window.sim.snapshot.s2s
    ids = torch.tensor([[SOURCE.index(w) for w in "i am cold".split()]])
    log_p, _ = _tutorial(encoder, decoder, ids, 4)
    np.testing.assert_allclose(np.log(s2s.dec.y[:, 0]), log_p[0].numpy(), atol=1e-5)
    encoder_block, decoder_block = window.graph.blocks
    assert encoder_block.fed == ("i", "am", "cold")
    written = tuple(TARGET[i] for i in log_p[0].argmax(-1).tolist())
    assert decoder_block.written == written and decoder_block.fed[0] == "SOS"
    window.sim.seek(window.sim.length - 1)
    assert "writes: " in window.output_view.caption.text()


def test_equations_name_the_pairs_own_tensors(tmp_path):
    from rnnviz.gui.equations import head_lines, unit_equations

    _, _, path = _pair(tmp_path, seed=1, hidden=4)
    model, _ = load_seq2seq(path, relu=True)
    trace = run_seq2seq(model, model.encoder.embed(np.array([[2], [3]])), 2)
    for half, network, module in (("enc", model.encoder, "encoder.gru."),
                                  ("dec", model.decoder, "decoder.gru.")):
        run = trace.enc if half == "enc" else trace.dec
        lines = unit_equations(network.spec, network.numpy(), run, 0, "fwd", 1, 0, 0)
        assert f"of {module}weight_ih_l0" in lines[0].note, lines[0].note
    (line,) = head_lines(model.decoder.spec, model.decoder.numpy(), trace.dec, 1, 0)[:1]
    assert "decoder.out.weight" in line.note or "decoder.out.weight" in line.formula
