"""Models that read tokens through an nn.Embedding, written as public projects write them.

(a) PyTorch examples' word_language_model `RNNModel` (encoder / rnn / decoder, optionally
tied), (b) a d2l / char-RNN style model (embedding / rnn / fc, batch_first). Each is saved
as a state_dict, loaded, and traced: every number must be the model's own, and every gate
the standard equations' from the model's weights.
"""

import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from rnnviz.cli import main
from rnnviz.cli.options import build_setup
from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.modelio import LoadOptions, load_network, save_state_dict
from rnnviz.core.files.tracefile import read_trace_file
from rnnviz.core.sequences import Sequence, fit_features
from rnnviz.core.tokens import (
    Vocabulary,
    as_ids,
    parse_ids,
    read_token_ids,
    read_vocabulary,
    token_sequence,
    tokenize,
)
from rnnviz.core.trace import compute_trace

WORDS = ("<unk>", "<eos>", "the", "cat", "sat", "on", "mat", "a", "dog", "ran", "away")
V = len(WORDS)
TOL = {torch.float32: 1e-5, torch.float64: 1e-10}


# ------------------------------------------------------------------ the models, as written


class RNNModel(nn.Module):
    """pytorch/examples word_language_model/model.py (trimmed to what the weights need)."""

    def __init__(self, rnn_type, ntoken, ninp, nhid, nlayers, dropout=0.0, tie_weights=False):
        super().__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        if rnn_type in ("LSTM", "GRU"):
            self.rnn = getattr(nn, rnn_type)(ninp, nhid, nlayers, dropout=dropout)
        else:
            nonlinearity = {"RNN_TANH": "tanh", "RNN_RELU": "relu"}[rnn_type]
            self.rnn = nn.RNN(ninp, nhid, nlayers, nonlinearity=nonlinearity, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        if tie_weights:
            if nhid != ninp:
                raise ValueError("When using the tied flag, nhid must be equal to emsize")
            self.decoder.weight = self.encoder.weight
        self.init_weights()
        self.rnn_type, self.nhid, self.nlayers = rnn_type, nhid, nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        output = self.drop(output)
        decoded = self.decoder(output)
        decoded = decoded.view(-1, self.ntoken)
        return F.log_softmax(decoded, dim=1), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        if self.rnn_type == "LSTM":
            return (weight.new_zeros(self.nlayers, bsz, self.nhid),
                    weight.new_zeros(self.nlayers, bsz, self.nhid))
        return weight.new_zeros(self.nlayers, bsz, self.nhid)


class CharRNN(nn.Module):
    """A d2l / char-RNN style model: embedding → GRU (batch_first) → fc over the vocabulary."""

    def __init__(self, vocab_size, embed_size, hidden_size, cell="GRU"):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = getattr(nn, cell)(embed_size, hidden_size, batch_first=True)
        self.fc = nn.Linear(hidden_size, vocab_size)

    def forward(self, x, state=None):
        out, state = self.rnn(self.embedding(x), state)
        return self.fc(out), state


def word_lm(rnn_type="LSTM", tied=False, nlayers=2, seed=0, dtype=torch.float32):
    torch.manual_seed(seed)
    nhid = 6
    model = RNNModel(rnn_type, V, nhid if tied else 5, nhid, nlayers, tie_weights=tied)
    with torch.no_grad():  # a zero bias would hide a head that forgets it
        model.decoder.bias.uniform_(-0.5, 0.5)
    return model.to(dtype).eval()


def save(model, path):
    torch.save(model.state_dict(), path)
    return path


def ids_tb(T=7, B=3, seed=1, high=V):
    return np.random.default_rng(seed).integers(0, high, size=(T, B))


# ------------------------------------------------------------------ gates by hand


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def hand_gates(rnn: nn.RNNBase, x: np.ndarray, nonlinearity="tanh") -> list[dict]:
    """Every part of every layer by the standard equations, float64, from zeros."""
    out = []
    layer_in = x.astype(np.float64)
    H = rnn.hidden_size
    T, B = x.shape[:2]
    for layer in range(rnn.num_layers):
        def p(name, layer=layer):
            return getattr(rnn, f"{name}_l{layer}").detach().double().numpy()

        w_ih, w_hh, b_ih, b_hh = p("weight_ih"), p("weight_hh"), p("bias_ih"), p("bias_hh")
        h = np.zeros((B, H))
        c = np.zeros((B, H))
        parts = {}
        kinds = {nn.LSTM: "ifgoch", nn.GRU: "rznh", nn.RNN: "h"}[type(rnn)]
        for k in kinds:
            parts[k] = np.zeros((T, B, H))
        for t in range(T):
            gi = layer_in[t] @ w_ih.T + b_ih
            gh = h @ w_hh.T + b_hh
            if isinstance(rnn, nn.LSTM):
                i, f, g, o = (gi + gh).reshape(B, 4, H).transpose(1, 0, 2)
                i, f, g, o = sigmoid(i), sigmoid(f), np.tanh(g), sigmoid(o)
                c = f * c + i * g
                h = o * np.tanh(c)
                step = {"i": i, "f": f, "g": g, "o": o, "c": c, "h": h}
            elif isinstance(rnn, nn.GRU):
                r = sigmoid(gi[:, :H] + gh[:, :H])
                z = sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
                n = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
                h = (1 - z) * n + z * h
                step = {"r": r, "z": z, "n": n, "h": h}
            else:
                pre = gi + gh
                h = np.tanh(pre) if nonlinearity == "tanh" else np.maximum(pre, 0)
                step = {"h": h}
            for k, v in step.items():
                parts[k][t] = v
        out.append(parts)
        layer_in = parts["h"]
    return out


def lstm_cell_steps(lstm: nn.LSTM, x: torch.Tensor):
    """Layer 0 of an LSTM stepped by torch.nn.LSTMCell with the same weights: (h, c) per t."""
    cell = nn.LSTMCell(lstm.input_size, lstm.hidden_size, dtype=x.dtype)
    cell.load_state_dict({"weight_ih": lstm.weight_ih_l0, "weight_hh": lstm.weight_hh_l0,
                          "bias_ih": lstm.bias_ih_l0, "bias_hh": lstm.bias_hh_l0})
    h = x.new_zeros(x.shape[1], lstm.hidden_size)
    c = h.clone()
    hs, cs = [], []
    with torch.no_grad():
        for t in range(x.shape[0]):
            h, c = cell(x[t], (h, c))
            hs.append(h.clone())
            cs.append(c.clone())
    return torch.stack(hs).numpy(), torch.stack(cs).numpy()


# ------------------------------------------------------------------ 1. loading and tracing


WORD_LM_CASES = [(cell, tied) for cell in ("LSTM", "GRU", "RNN_TANH") for tied in (False, True)]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("rnn_type, tied", WORD_LM_CASES,
                         ids=[f"{c}-{'tied' if t else 'untied'}" for c, t in WORD_LM_CASES])
def test_word_language_model_traces_as_its_own_forward(tmp_path, rnn_type, tied, dtype):
    model = word_lm(rnn_type, tied, dtype=dtype)
    path = save(model, tmp_path / "model.pt")
    net = load_network(path, LoadOptions(head_activation="log_softmax")).to(dtype)
    spec = net.spec
    assert net.dtype == dtype
    assert spec.embedding is not None
    assert (spec.embedding.name, spec.embedding.num_embeddings) == ("encoder", V)
    assert spec.cell == {"LSTM": "lstm", "GRU": "gru", "RNN_TANH": "rnn"}[rnn_type]
    assert spec.num_layers == 2 and spec.input_size == model.encoder.embedding_dim
    assert spec.head is not None and spec.head.output_size == V and spec.head.bias
    assert any("found output head 'decoder'" in n for n in spec.notes), spec.notes
    assert not any("output head 'encoder'" in n for n in spec.notes)
    assert any("found embedding 'encoder'" in n for n in spec.notes), spec.notes
    np.testing.assert_array_equal(net.params["head.weight"].numpy(),
                                  model.decoder.weight.detach().numpy())
    np.testing.assert_array_equal(net.params["head.bias"].numpy(),
                                  model.decoder.bias.detach().numpy())
    np.testing.assert_array_equal(net.params["embedding.weight"].numpy(),
                                  model.encoder.weight.detach().numpy())

    ids = ids_tb()
    T, B = ids.shape
    x = net.embed(ids)
    assert x.shape == (T, B, spec.input_size)
    trace = compute_trace(net, x, device="cpu")
    tol = TOL[dtype]
    with torch.no_grad():
        tid = torch.from_numpy(ids)
        log_p, hidden = model(tid, model.init_hidden(B))
        emb = model.encoder(tid)
        output, _ = model.rnn(emb)
    np.testing.assert_array_equal(x, emb.numpy())
    np.testing.assert_allclose(trace.y, log_p.view(T, B, V).numpy(), atol=tol, rtol=0)
    np.testing.assert_allclose(trace.output, output.numpy(), atol=tol, rtol=0)
    h_n = hidden[0] if rnn_type == "LSTM" else hidden
    np.testing.assert_allclose(trace.h_n, h_n.numpy(), atol=tol, rtol=0)
    if rnn_type == "LSTM":
        np.testing.assert_allclose(trace.c_n, hidden[1].numpy(), atol=tol, rtol=0)
    else:
        assert trace.c_n is None
    for layer, parts in enumerate(hand_gates(model.rnn, emb.numpy())):
        assert set(parts) == set(spec.parts)
        for name, want in parts.items():
            np.testing.assert_allclose(trace.part(layer, "fwd", name), want, atol=tol, rtol=0,
                                       err_msg=f"layer {layer} part {name}")
    if rnn_type == "LSTM":
        hs, cs = lstm_cell_steps(model.rnn, emb)
        np.testing.assert_allclose(trace.part(0, "fwd", "h"), hs, atol=tol, rtol=0)
        np.testing.assert_allclose(trace.part(0, "fwd", "c"), cs, atol=tol, rtol=0)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("cell, head", [("GRU", "none"), ("GRU", "softmax"), ("LSTM", "none")])
def test_char_rnn_with_batch_first_gru_traces_as_its_own_forward(tmp_path, cell, head, dtype):
    torch.manual_seed(3)
    model = CharRNN(9, 4, 5, cell).to(dtype).eval()
    path = save(model, tmp_path / "char.pt")
    net = load_network(path, LoadOptions(head_activation=head)).to(dtype)
    spec = net.spec
    assert (spec.embedding.name, spec.embedding.num_embeddings) == ("embedding", 9)
    assert spec.head.output_size == 9 and spec.head.activation == head
    assert any("found output head 'fc'" in n for n in spec.notes), spec.notes
    np.testing.assert_array_equal(net.params["head.weight"].numpy(),
                                  model.fc.weight.detach().numpy())
    ids_bt = np.random.default_rng(4).integers(0, 9, size=(2, 6))  # (B, T): batch_first
    trace = compute_trace(net, net.embed(ids_bt.T), device="cpu")
    tol = TOL[dtype]
    with torch.no_grad():
        logits, state = model(torch.from_numpy(ids_bt))
        out, _ = model.rnn(model.embedding(torch.from_numpy(ids_bt)))
    want_y = logits if head == "none" else F.softmax(logits, dim=-1)
    np.testing.assert_allclose(trace.y, want_y.transpose(0, 1).numpy(), atol=tol, rtol=0)
    np.testing.assert_allclose(trace.y_logits, logits.transpose(0, 1).numpy(), atol=tol,
                               rtol=0)
    np.testing.assert_allclose(trace.output, out.transpose(0, 1).numpy(), atol=tol, rtol=0)
    h_n = state[0] if cell == "LSTM" else state
    np.testing.assert_allclose(trace.h_n, h_n.numpy(), atol=tol, rtol=0)
    if cell == "LSTM":
        np.testing.assert_allclose(trace.c_n, state[1].numpy(), atol=tol, rtol=0)
    x_tb = model.embedding(torch.from_numpy(ids_bt.T)).detach().numpy()
    for name, want in hand_gates(model.rnn, x_tb)[0].items():
        np.testing.assert_allclose(trace.part(0, "fwd", name), want, atol=tol, rtol=0,
                                   err_msg=name)


def test_relu_word_lm_needs_the_nonlinearity_said(tmp_path):
    model = word_lm("RNN_RELU", nlayers=1)
    path = save(model, tmp_path / "relu.pt")
    net = load_network(path, LoadOptions(nonlinearity="relu", head_activation="log_softmax"))
    ids = ids_tb()
    trace = compute_trace(net, net.embed(ids), device="cpu")
    with torch.no_grad():
        log_p, _ = model(torch.from_numpy(ids), model.init_hidden(ids.shape[1]))
    np.testing.assert_allclose(trace.y, log_p.view(*ids.shape, V).numpy(), atol=1e-5, rtol=0)


def test_embedding_can_be_left_out_and_the_head_is_never_the_embedding(tmp_path):
    # tied and bias-free: the encoder and the decoder are both bias-free (V, 6) matrices
    torch.manual_seed(0)
    model = RNNModel("GRU", V, 6, 6, 1, tie_weights=True)
    model.decoder.bias = None
    sd = model.state_dict()
    assert list(sd)[0] == "encoder.weight" and "decoder.bias" not in sd
    torch.save(sd, tmp_path / "m.pt")
    net = load_network(tmp_path / "m.pt")
    assert net.spec.embedding.name == "encoder"
    assert net.spec.head is not None and not net.spec.head.bias
    assert any("found output head 'decoder'" in n for n in net.spec.notes)
    plain = load_network(tmp_path / "m.pt", LoadOptions(use_embedding=False))
    assert plain.spec.embedding is None
    with pytest.raises(RnnvizError, match="no Embedding"):
        plain.embed(np.zeros((2, 1), int))


def test_state_dict_round_trip_keeps_the_embedding(tmp_path):
    model = word_lm("LSTM")
    net = load_network(save(model, tmp_path / "m.pt"), LoadOptions(head_activation="none"))
    sd = net.state_dict()
    assert list(sd)[0] == "embedding.weight"
    assert {"rnn.weight_ih_l0", "linear.weight", "linear.bias"} <= set(sd)
    save_state_dict(net, tmp_path / "again.pt")
    again = load_network(tmp_path / "again.pt", LoadOptions(head_activation="none"))
    assert again.spec.embedding.name == "embedding" and again.spec.embedding.num_embeddings == V
    ids = ids_tb(4, 2)
    a = compute_trace(net, net.embed(ids), device="cpu")
    b = compute_trace(again, again.embed(ids), device="cpu")
    np.testing.assert_array_equal(a.y, b.y)


def test_embed_refuses_an_id_outside_the_table_with_its_place():
    net = load_network_from(word_lm("GRU", nlayers=1))
    ids = np.array([[1, 2], [3, V], [0, 0]])
    with pytest.raises(RnnvizError, match=rf"token id {V} at step 1, sequence 1 .*'encoder'"):
        net.embed(ids)
    with pytest.raises(RnnvizError, match="token id -1 at step 0, sequence 0"):
        net.embed(np.array([[-1]]))


def load_network_from(model):
    from rnnviz.core.files.modelio import network_from_state_dict

    return network_from_state_dict(model.state_dict(), LoadOptions(head_activation="none"))


# ------------------------------------------------------------------ 2. the CLI


@pytest.fixture(scope="module")
def lm(tmp_path_factory):
    """A word LM file, its model, and its vocabulary in three file formats."""
    folder = tmp_path_factory.mktemp("lm")
    model = word_lm("LSTM", nlayers=2, seed=5)
    path = save(model, folder / "lm.pt")
    (folder / "vocab.txt").write_text("\n".join(WORDS) + "\n", encoding="utf-8")
    (folder / "vocab.json").write_text(json.dumps(list(WORDS)), encoding="utf-8")
    order = list(reversed(range(V)))  # an object's keys in any order: the ids decide
    (folder / "word2idx.json").write_text(json.dumps({WORDS[i]: i for i in order}),
                                          encoding="utf-8")
    return {"model": model, "path": path, "folder": folder}


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def forward_log_p(model, ids):
    with torch.no_grad():
        log_p, _ = model(torch.from_numpy(ids), model.init_hidden(ids.shape[1]))
    return log_p.view(*ids.shape, V).numpy()


TEXT_IDS = np.array([[2], [3], [4]])  # the cat sat


@pytest.mark.parametrize("how", ["tokens", "text-lines", "text-json-list", "text-json-object",
                                 "npy-T", "npy-TB", "npy-BT-batch-first"])
def test_trace_feeds_tokens_through_the_embedding(tmp_path, capsys, lm, how):
    folder, out = lm["folder"], tmp_path / "run.npz"
    vocab_file = {"text-lines": "vocab.txt", "text-json-list": "vocab.json",
                  "text-json-object": "word2idx.json"}.get(how)
    rng = np.random.default_rng(7)
    argv = ["trace", "--model", lm["path"], "--head", "log_softmax", "-o", out]
    if how == "tokens":
        argv += ["--tokens", "3,7,1"]
        want = np.array([[3], [7], [1]])
    elif vocab_file:
        argv += ["--text", "the cat sat", "--vocab-file", folder / vocab_file]
        want = TEXT_IDS
    else:
        want = rng.integers(0, V, size=(5, 1) if how == "npy-T" else (5, 3))
        saved = want[:, 0] if how == "npy-T" else want.T if "batch-first" in how else want
        np.save(tmp_path / "ids.npy", saved)
        argv += ["--input", tmp_path / "ids.npy"]
        if "batch-first" in how:
            argv.append("--batch-first")
    code, stdout, err = run(capsys, *argv)
    assert code == 0, err
    assert "wrote" in stdout
    spec, meta, arrays = read_trace_file(out)
    assert spec.embedding.name == "encoder" and spec.embedding.num_embeddings == V
    np.testing.assert_array_equal(arrays["tokens"], want)
    table = lm["model"].encoder.weight.detach().numpy()
    np.testing.assert_array_equal(arrays["embedding"], arrays["x"])
    np.testing.assert_array_equal(arrays["x"], table[want])
    np.testing.assert_allclose(arrays["y"], forward_log_p(lm["model"], want), atol=1e-5, rtol=0)
    if vocab_file:
        assert meta["token_names"] == list(WORDS)
        assert meta["classes"] == list(WORDS)  # the head predicts the next token
    else:
        assert meta["token_names"] is None and meta["classes"] is None


def test_tokens_with_a_vocabulary_name_them_and_classes_can_be_given(tmp_path, capsys, lm):
    out = tmp_path / "run.npz"
    names = ",".join(f"c{k}" for k in range(V))
    code, _, err = run(capsys, "trace", "--model", lm["path"], "--tokens", "3 , 7,1",
                       "--vocab-file", lm["folder"] / "vocab.txt", "--classes", names,
                       "--dtype", "float64", "-o", out)
    assert code == 0, err
    _, meta, arrays = read_trace_file(out)
    assert meta["token_names"] == list(WORDS)
    assert meta["classes"] == names.split(",")
    assert arrays["x"].dtype == np.float64 and arrays["tokens"].tolist() == [[3], [7], [1]]
    # no --head: raw scores y = decoder(output), and the note says so
    assert "softmax is not stored" in err
    model = lm["model"]
    with torch.no_grad():
        tid = torch.tensor([[3], [7], [1]])
        out_, _ = model.rnn(model.encoder(tid))
        logits = model.decoder(out_)
    np.testing.assert_allclose(arrays["y"], logits.numpy(), atol=1e-6, rtol=0)


def test_unknown_word_becomes_unk_when_asked(tmp_path, capsys, lm):
    out = tmp_path / "run.npz"
    code, _, err = run(capsys, "trace", "--model", lm["path"], "--text", "the zebra sat",
                       "--vocab-file", lm["folder"] / "vocab.txt", "--unk", "<unk>", "-o", out)
    assert code == 0, err
    _, meta, arrays = read_trace_file(out)
    assert arrays["tokens"][:, 0].tolist() == [2, 0, 4]
    assert [meta["token_names"][i] for i in arrays["tokens"][:, 0]] == ["the", "<unk>", "sat"]


def test_a_long_trace_keeps_the_tokens(tmp_path, capsys, lm, monkeypatch):
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "1")  # kept as checkpoints, streamed out
    ids = np.random.default_rng(0).integers(0, V, size=6000)
    np.save(tmp_path / "ids.npy", ids)
    out = tmp_path / "long.npz"
    code, _, err = run(capsys, "trace", "--model", lm["path"], "--input", tmp_path / "ids.npy",
                       "--head", "log_softmax", "-o", out)
    assert code == 0, err
    _, _, arrays = read_trace_file(out)
    np.testing.assert_array_equal(arrays["tokens"][:, 0], ids)
    np.testing.assert_array_equal(arrays["embedding"], arrays["x"])
    np.testing.assert_allclose(arrays["y"], forward_log_p(lm["model"], ids[:, None]),
                               atol=1e-5, rtol=0)


# ------------------------------------------------------------------ 3. bad input


@pytest.fixture(scope="module")
def plain_lstm(tmp_path_factory):
    path = tmp_path_factory.mktemp("plain") / "lstm.pt"
    torch.manual_seed(0)
    torch.save(nn.LSTM(3, 4).state_dict(), path)
    return path


def _bad_files(folder):
    (folder / "short.txt").write_text("\n".join(WORDS[:-1]) + "\n", encoding="utf-8")
    (folder / "dup.txt").write_text("\n".join(WORDS[:5] + ("cat",) + WORDS[6:]) + "\n",
                                    encoding="utf-8")
    gaps = {w: (i if i < 5 else i + 1) for i, w in enumerate(WORDS)}
    (folder / "gaps.json").write_text(json.dumps(gaps), encoding="utf-8")
    np.save(folder / "floats.npy", np.array([1.0, 2.0, 3.0]))


BAD = {
    "no-tokens": ([], ["--tokens", "--vocab-file", "'encoder'"]),
    "text-without-vocab": (["--text", "the cat"], ["--vocab-file", "'encoder'", f"{V} rows"]),
    "vocab-size": (["--text", "the cat", "--vocab-file", "{f}/short.txt"],
                   [f"{V - 1} tokens", f"{V} rows", "vocabulary the model was trained with"]),
    "tokens-vocab-size": (["--tokens", "1,2", "--vocab-file", "{f}/short.txt"],
                          [f"{V - 1} tokens", f"{V} rows"]),
    "unknown-word": (["--text", "the zebra sat", "--vocab-file", "{f}/vocab.txt"],
                     ["'zebra'", "--unk"]),
    "unk-not-in-vocab": (["--text", "the zebra", "--vocab-file", "{f}/vocab.txt",
                          "--unk", "<UNK>"], ["'<UNK>'", "not in vocab.txt"]),
    "id-out-of-range": (["--tokens", f"3,{V},1"], [f"token id {V} at step 1", f"0..{V - 1}"]),
    "negative-id": (["--tokens=2,-4"], ["token id -4 at step 1"]),
    "ids-not-numbers": (["--tokens", "3,cat"], ["whole numbers", "12,7,99"]),
    "float-npy": (["--input", "{f}/floats.npy"], ["float64", "token ids", "astype(int)"]),
    "csv-input": (["--input", "{f}/vocab.txt"], [".npy of whole numbers", "--tokens"]),
    "classes-count": (["--tokens", "1,2", "--classes", "a,b"],
                      ["2 names", f"{V} outputs", "one name per output"]),
    "duplicate-token": (["--text", "the cat", "--vocab-file", "{f}/dup.txt"],
                        ["'cat'", "appears twice", "id 5"]),
    "json-gaps": (["--text", "the cat", "--vocab-file", "{f}/gaps.json"],
                  [f"0..{V - 1}", "gaps.json"]),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_token_input_is_one_line_naming_the_fix(tmp_path, capsys, lm, case):
    folder = lm["folder"]
    _bad_files(folder)
    flags, expected = BAD[case]
    out = tmp_path / "run.npz"
    argv = ["trace", "--model", lm["path"], *[a.format(f=folder) for a in flags], "-o", out]
    code, stdout, err = run(capsys, *argv)
    assert code == 2, (stdout, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rnnviz trace: error: "), err
    for text in expected:
        assert text in lines[0], (text, lines[0])
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no partial or temporary file either


@pytest.mark.parametrize("with_model", [True, False])
def test_tokens_for_a_model_without_embedding_are_refused(tmp_path, capsys, plain_lstm,
                                                          with_model):
    out = tmp_path / "run.npz"
    model = ["--model", plain_lstm] if with_model else []
    code, _, err = run(capsys, "trace", *model, "--tokens", "1,2,3", "-o", out)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rnnviz trace: error: ")
    assert "--tokens feeds a model's nn.Embedding, and this network has none" in lines[0]
    assert "--input" in lines[0]
    assert not out.exists()


# ------------------------------------------------------------------ 4. sequences and tokens


def test_sequence_fed_names_the_tokens_of_each_batch_element():
    net = load_network_from(word_lm("GRU", nlayers=1))
    ids = np.array([[2, 8], [3, 9], [4, 10]])
    vocab = Vocabulary(WORDS)
    seq = token_sequence(net, ids, "ids", vocab)
    assert seq.fed(0) == ("the", "cat", "sat")
    assert seq.fed(1) == ("dog", "ran", "away")
    assert seq.step_label(1) == "'cat'"
    assert seq.tokens.shape == (3, 2) and not seq.tokens.flags.writeable
    assert seq.values.dtype == np.float64 and seq.values.shape == (3, 2, 5)
    np.testing.assert_array_equal(seq.values, net.embed(ids))
    assert fit_features(seq, 5, from_model=True) is seq
    unnamed = token_sequence(net, ids, "ids")
    assert unnamed.fed(1) == ("#8", "#9", "#10")
    with pytest.raises(RnnvizError, match=r"has 3 tokens but the embedding 'encoder' has 11"):
        token_sequence(net, ids, "ids", Vocabulary(("a", "b", "c")))
    plain = Sequence(np.zeros((3, 1, 2)), "numbers")
    assert plain.fed(0) is None


def test_tokenize_chars_and_words():
    chars = Vocabulary(tuple(" abct"))
    assert not chars.words
    assert tokenize("a cat", chars) == [1, 0, 3, 1, 4]
    words = Vocabulary(WORDS)
    assert words.words
    assert tokenize("the  cat\tsat\n", words) == [2, 3, 4]  # words by default
    with pytest.raises(RnnvizError, match="not in the vocabulary: 't', 'h', 'e'"):
        tokenize("the", words, how="chars")
    mixed = Vocabulary(("a", "b", "ab", " "))
    assert tokenize("ab a", mixed) == [2, 0]  # a multi-character token: words
    assert tokenize("ab a", mixed, how="chars") == [0, 1, 3, 0]
    assert tokenize("the dog barked loudly at a cat now", words, unknown="<unk>") == \
        [2, 8, 0, 0, 0, 7, 3, 0]
    with pytest.raises(RnnvizError, match=r"'barked', 'loudly', 'at', 'now' \(4 in all\)"):
        tokenize("the dog barked loudly at a cat now", words)
    with pytest.raises(RnnvizError, match="holds no tokens"):
        tokenize("   ", words)
    with pytest.raises(RnnvizError, match="unknown tokenizer"):
        tokenize("a", words, how="bpe")


def test_vocabulary_files_and_id_arrays(tmp_path):
    (tmp_path / "v.txt").write_text("a\nb\n \n<unk>\n", encoding="utf-8")
    assert read_vocabulary(tmp_path / "v.txt").tokens == ("a", "b", " ", "<unk>")
    (tmp_path / "crlf.txt").write_bytes(b"x\r\ny\r\n")
    assert read_vocabulary(tmp_path / "crlf.txt").tokens == ("x", "y")
    (tmp_path / "w.json").write_text(json.dumps({"b": 1, "a": 0, "c": 2}), encoding="utf-8")
    vocab = read_vocabulary(tmp_path / "w.json")
    assert vocab.tokens == ("a", "b", "c") and vocab.source == "w.json"
    assert vocab.name(2) == "c" and vocab.name(7) == "#7"
    (tmp_path / "dup.json").write_text(json.dumps({"a": 0, "b": 0}), encoding="utf-8")
    with pytest.raises(RnnvizError, match="ids must be 0..1"):
        read_vocabulary(tmp_path / "dup.json")
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(RnnvizError, match="as strings"):
        read_vocabulary(tmp_path / "bad.json")
    assert parse_ids("12,7,99").tolist() == [[12], [7], [99]]
    assert parse_ids("12 7").shape == (2, 1)
    assert as_ids(np.array([[1, 2, 3], [4, 5, 6]]), batch_first=True).tolist() == \
        [[1, 4], [2, 5], [3, 6]]
    with pytest.raises(RnnvizError, match=r"\(T,\) or \(T, B\)"):
        as_ids(np.zeros((2, 2, 2), int))
    np.save(tmp_path / "ids.npy", np.array([[1, 2, 3]], dtype=np.uint8))
    assert read_token_ids(tmp_path / "ids.npy", batch_first=True).tolist() == [[1], [2], [3]]


# ------------------------------------------------------------------ 5. the window


def test_window_names_the_words_and_the_next_tokens(qtbot, window, lm):
    from gui_support import load

    from rnnviz.gui.config import Config

    load(qtbot, window, Config(model=str(lm["path"]), text="the cat sat",
                               vocab_file=str(lm["folder"] / "vocab.txt"), head="log_softmax"))
    sim = window.sim
    assert sim.spec.embedding.name == "encoder"
    assert tuple(window.graph.blocks[0].fed) == ("the", "cat", "sat")
    want = forward_log_p(lm["model"], TEXT_IDS)
    for t in (0, 1, 2):
        sim.seek(t)
        qtbot.wait(1)
        assert sim.t == t
        np.testing.assert_allclose(window.output_view.values, want[t, 0], atol=1e-5, rtol=0)
        caption = window.output_view.caption.text()
        assert "next token (p = exp(log p)):" in caption, caption
        best = WORDS[int(np.argmax(want[t, 0]))]
        assert f"'{best}' {np.exp(want[t, 0].max()):.2f}" in caption, caption
    axis = window.output_view.plot.getAxis("bottom")
    assert axis.labelText == "next token"


def test_setup_from_a_namespace_reads_tokens(lm):
    from rnnviz.gui.config import Config

    setup = build_setup(Config(model=str(lm["path"]), tokens="4,5",
                               vocab_file=str(lm["folder"] / "word2idx.json")))
    assert setup.sequence.fed(0) == ("sat", "on")
    assert setup.classes == WORDS
    assert setup.network.spec.embedding.num_embeddings == V


# ------------------------------------------------------------------ library bugs found


def test_a_head_named_unembed_is_found():
    from rnnviz.core.files.modelio import network_from_state_dict

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(7, 4)
            self.rnn = nn.GRU(4, 5)
            self.unembed = nn.Linear(5, 7)

    sd = Model().state_dict()
    net = network_from_state_dict(sd, LoadOptions(head_prefix="unembed"))
    assert net.spec.head is not None and net.spec.head.output_size == 7
    assert network_from_state_dict(sd).spec.head is not None


def test_embed_of_1d_ids_names_a_bad_id():
    net = load_network_from(word_lm("GRU", nlayers=1))
    assert net.embed(np.array([1, 2])).shape == (2, 5)  # valid 1-D ids are accepted
    with pytest.raises(RnnvizError, match=f"token id {V + 3}"):
        net.embed(np.array([1, V + 3]))


def test_one_token_per_line_splits_at_newlines_only(tmp_path):
    tokens = ("a", "\x0c", "b", "\u2028")
    (tmp_path / "chars.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")
    assert read_vocabulary(tmp_path / "chars.txt").tokens == tokens
