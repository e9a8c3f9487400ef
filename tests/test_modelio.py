"""Loading users' checkpoints: seed-article models, bare layers, nesting, refusals."""

import os
import pickle

import numpy as np
import pytest
import torch
from torch import nn

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.modelio import (
    LoadOptions,
    load_checkpoint,
    load_network,
    network_from_state_dict,
    save_state_dict,
)
from rnnviz.core.network import Network
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.trace import compute_trace


class ArticleRNN(nn.Module):
    """The seed article's model: nn.RNN + nn.Linear + nn.LogSoftmax."""

    def __init__(self, input_size, hidden_size, output_size, num_layers=1):
        super().__init__()
        self.rnn = nn.RNN(input_size, hidden_size, num_layers)
        self.linear = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=-1)

    def forward(self, x, hidden):
        rr, hn = self.rnn(x, hidden)
        return self.softmax(self.linear(rr)), hn


def test_article_model_state_dict_loads_and_head_matches(tmp_path):
    torch.manual_seed(0)
    model = ArticleRNN(57, 128, 18, num_layers=2)
    path = tmp_path / "model.pt"
    torch.save(model.state_dict(), path)

    net = load_network(path, LoadOptions(head_activation="log_softmax"))
    assert net.spec.cell == "rnn" and net.spec.num_layers == 2
    assert net.spec.head == HeadSpec(18, "log_softmax", True)
    assert any("'rnn'" in n for n in net.spec.notes)
    assert any("'linear'" in n for n in net.spec.notes)
    assert any("assumed tanh" in n for n in net.spec.notes)

    x = torch.randn(6, 1, 57)
    h0 = torch.zeros(2, 1, 128)
    with torch.no_grad():
        want, _ = model(x, h0)
    trace = compute_trace(net, x, device="cpu")
    np.testing.assert_allclose(trace.y, want.numpy(), atol=1e-5, rtol=0)
    assert trace.y.shape == (6, 1, 18)


def test_softmax_not_stored_so_default_is_raw_scores_and_note_says_so():
    model = ArticleRNN(3, 4, 2)
    net = network_from_state_dict(model.state_dict())
    assert net.spec.head.activation == "none"
    assert any("softmax is not stored" in n for n in net.spec.notes)


def test_relu_rnn_needs_the_user_to_say_so():
    torch.manual_seed(1)
    rnn = nn.RNN(2, 3, nonlinearity="relu")
    x = torch.randn(5, 1, 2) * 3
    with torch.no_grad():
        want, _ = rnn(x)
    assumed = network_from_state_dict(rnn.state_dict())
    told = network_from_state_dict(rnn.state_dict(), LoadOptions(nonlinearity="relu"))
    assert assumed.spec.nonlinearity == "tanh"
    assert not np.allclose(compute_trace(assumed, x).output, want.numpy(), atol=1e-5)
    np.testing.assert_allclose(compute_trace(told, x).output, want.numpy(), atol=1e-6)


@pytest.mark.parametrize("make", [
    lambda: nn.LSTM(4, 6, num_layers=2, bidirectional=True, proj_size=3),
    lambda: nn.GRU(4, 5, bias=False),
    lambda: nn.RNN(4, 5, num_layers=3),
])
def test_bare_module_state_dict_infers_spec(make):
    module = make()
    net = network_from_state_dict(module.state_dict())
    assert net.spec == Network.from_module(module).spec
    assert net.spec.head is None


def test_nested_training_checkpoint(tmp_path):
    model = ArticleRNN(3, 4, 2)
    path = tmp_path / "ckpt.pth"
    torch.save({"epoch": 3, "model_state_dict": model.state_dict(), "loss": 0.5}, path)
    net = load_network(path)
    assert net.spec.hidden_size == 4 and net.spec.head.output_size == 2


def test_two_recurrent_layers_need_a_prefix():
    class Seq2Seq(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.GRU(3, 4)
            self.decoder = nn.GRU(2, 4)
            self.out = nn.Linear(4, 2)

    sd = Seq2Seq().state_dict()
    with pytest.raises(RnnvizError, match="2 recurrent layers.*--layer-prefix"):
        network_from_state_dict(sd)
    dec = network_from_state_dict(sd, LoadOptions(prefix="decoder"))
    assert dec.spec.input_size == 2 and dec.spec.head.output_size == 2
    with pytest.raises(RnnvizError, match="no recurrent layer under 'nope'"):
        network_from_state_dict(sd, LoadOptions(prefix="nope"))


def test_round_trip_through_export(tmp_path):
    spec = NetworkSpec("lstm", 3, 5, num_layers=2, head=HeadSpec(4, "softmax"))
    net = Network.random(spec, seed=4)
    path = tmp_path / "out.pt"
    save_state_dict(net, path)
    back = load_network(path, LoadOptions(head_activation="softmax"))
    assert back.spec == spec
    for k, v in net.params.items():
        assert torch.equal(v, back.params[k])
    model = net.to_module()
    x = torch.randn(7, 2, 3)
    with torch.no_grad():
        y, _ = model(x)
    np.testing.assert_allclose(compute_trace(net, x).y, y.numpy(), atol=1e-6)


def test_safetensors_round_trip(tmp_path):
    pytest.importorskip("safetensors")
    net = Network.random(NetworkSpec("gru", 2, 3), seed=0)
    save_state_dict(net, tmp_path / "m.safetensors")
    back = load_network(tmp_path / "m.safetensors")
    assert torch.equal(back.params["weight_hh_l0"], net.params["weight_hh_l0"])


class Evil:
    def __reduce__(self):
        return (os.system, (f"touch {Evil.marker}",))


def test_pickle_that_would_run_code_is_refused_and_nothing_runs(tmp_path):
    Evil.marker = tmp_path / "pwned"
    path = tmp_path / "evil.pt"
    torch.save({"weight": Evil()}, path)  # torch's own format, with a code-running global
    with pytest.raises(RnnvizError, match="holds pickled Python objects.*never runs"):
        load_checkpoint(path)
    assert not Evil.marker.exists()


@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_raw_pickle_that_would_run_code_is_refused_and_nothing_runs(tmp_path, protocol):
    Evil.marker = tmp_path / "pwned"
    path = tmp_path / "evil.pkl.pt"
    with open(path, "wb") as fh:
        pickle.dump({"weight": Evil()}, fh, protocol=protocol)
    with pytest.raises(RnnvizError, match="nothing in it was run|never runs"):
        load_checkpoint(path)
    assert not Evil.marker.exists()


TRAP_MODULE = """
import os
import torch.nn as nn

if os.environ.get("RNNVIZ_TRAP"):
    raise RuntimeError("the model's own module was imported while opening its file")


class CharRNN(nn.Module):
    def __init__(self, vocab=11, emb=4, hidden=6, cell="LSTM", nonlinearity="tanh"):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb)
        if cell == "RNN":
            self.rnn = nn.RNN(emb, hidden, 2, nonlinearity=nonlinearity)
        else:
            self.rnn = getattr(nn, cell)(emb, hidden, 2)
        self.fc = nn.Linear(hidden, vocab)

    def forward(self, ids):
        out, state = self.rnn(self.embedding(ids))
        return self.fc(out), state
"""


@pytest.fixture
def trap_module(tmp_path, monkeypatch):
    """A model class whose module raises if imported once the trap is set."""
    import importlib
    import sys

    (tmp_path / "trapped_model.py").write_text(TRAP_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("trapped_model")
    yield module
    sys.modules.pop("trapped_model", None)


@pytest.mark.parametrize("cell, nonlinearity", [("LSTM", "tanh"), ("GRU", "tanh"),
                                                ("RNN", "relu")])
def test_whole_model_file_opens_without_importing_its_code(tmp_path, trap_module, monkeypatch,
                                                            cell, nonlinearity):
    import sys

    torch.manual_seed(0)
    model = trap_module.CharRNN(cell=cell, nonlinearity=nonlinearity).eval()
    path = tmp_path / "whole.pt"
    torch.save(model, path)  # as the char-RNN and PyTorch's word LM save
    ids = torch.tensor([[1, 4], [10, 0], [3, 3], [7, 2]])
    with torch.no_grad():
        want, state = model(ids)
    sys.modules.pop("trapped_model")
    monkeypatch.setenv("RNNVIZ_TRAP", "1")  # importing it now raises
    net = load_network(path)
    assert "trapped_model" not in sys.modules
    assert net.spec.nonlinearity == nonlinearity  # read from the file's nn.RNN, not assumed
    assert net.spec.embedding is not None and net.spec.embedding.name == "embedding"
    assert any("whole model" in note for note in net.spec.notes)
    trace = compute_trace(net, net.embed(ids.numpy()))
    np.testing.assert_allclose(trace.y, want.numpy(), atol=1e-5)
    h_n = state[0] if cell == "LSTM" else state
    np.testing.assert_allclose(trace.h_n, h_n.numpy(), atol=1e-5)


def test_article_model_saved_whole_opens(tmp_path):
    model = ArticleRNN(2, 3, 2).eval()
    path = tmp_path / "whole.pt"
    torch.save(model, path)
    net = load_network(path, LoadOptions(head_activation="log_softmax"))
    x = torch.randn(5, 1, 2)
    with torch.no_grad():
        y, _ = model(x, torch.zeros(1, 1, 3))
    np.testing.assert_allclose(compute_trace(net, x).y, y.numpy(), atol=1e-6)


class EvilModule(nn.Module):
    """A module tree that hides code to run: in an attribute, a child and a buffer."""

    def __init__(self):
        super().__init__()
        self.rnn = nn.GRU(2, 3)
        self.payload = Evil()
        self.child = nn.Module()
        self.child.payload = Evil()


@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_whole_model_with_code_to_run_never_runs_it(tmp_path, protocol):
    Evil.marker = tmp_path / "pwned"
    path = tmp_path / "evil_whole.pt"
    torch.save(EvilModule(), path, pickle_protocol=protocol)
    net = load_network(path)  # the recurrent layer is read; the payloads stay records
    assert net.spec.cell == "gru"
    assert not Evil.marker.exists()


def test_code_hidden_as_a_storage_type_is_refused(tmp_path):
    """A persistent id whose storage 'type' is a code-running global: refused, not run."""
    import zipfile

    Evil.marker = tmp_path / "pwned"

    class Sneaky(pickle.Pickler):
        def persistent_id(self, obj):
            return ("storage", os.system, "0", "cpu", 1) if obj == "bait" else None

    import io

    buf = io.BytesIO()
    Sneaky(buf, protocol=2).dump({"weight": "bait"})
    path = tmp_path / "sneaky.pt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("sneaky/data.pkl", buf.getvalue())
        zf.writestr("sneaky/data/0", b"\0" * 4)
        zf.writestr("sneaky/version", "3\n")
    with pytest.raises(RnnvizError, match="state_dict"):
        load_checkpoint(path)
    assert not Evil.marker.exists()


@pytest.mark.parametrize("content, match", [
    (b"", "not a readable torch checkpoint"),
    (b"hello, this is text", "torch checkpoint"),
])
def test_garbage_files(tmp_path, content, match):
    path = tmp_path / "bad.pt"
    path.write_bytes(content)
    with pytest.raises(RnnvizError, match=match):
        load_checkpoint(path)


def test_not_a_state_dict(tmp_path):
    path = tmp_path / "t.pt"
    torch.save(torch.zeros(3), path)
    with pytest.raises(RnnvizError, match="not a state_dict"):
        load_checkpoint(path)
    torch.save({"a": torch.zeros(3)}, path)
    with pytest.raises(RnnvizError, match="no nn.RNN/LSTM/GRU weights"):
        load_network(path)


def test_missing_file():
    with pytest.raises(RnnvizError, match="does not exist"):
        load_checkpoint("/nonexistent/model.pt")


def test_shapes_that_do_not_fit():
    sd = nn.LSTM(3, 4, num_layers=2).state_dict()
    sd["weight_hh_l1"] = torch.zeros(16, 5)
    with pytest.raises(RnnvizError, match="weight_hh_l1 has shape"):
        network_from_state_dict(sd)
    sd = nn.LSTM(3, 4).state_dict()
    sd["weight_ih_l0"] = torch.zeros(10, 3)
    with pytest.raises(RnnvizError, match="not 1 \\(RNN\\), 3 \\(GRU\\) or 4 \\(LSTM\\)"):
        network_from_state_dict(sd)
    sd = nn.LSTM(3, 4).state_dict()
    del sd["bias_hh_l0"]
    with pytest.raises(RnnvizError, match="missing"):
        network_from_state_dict(sd)


def test_nan_weights_refused():
    sd = nn.GRU(2, 3).state_dict()
    sd["weight_ih_l0"][0, 0] = float("nan")
    with pytest.raises(RnnvizError, match="NaN"):
        network_from_state_dict(sd)


def test_half_precision_checkpoint_is_computed_in_float32():
    sd = {k: v.half() for k, v in nn.GRU(2, 3).state_dict().items()}
    net = network_from_state_dict(sd)
    assert net.dtype == torch.float32


def test_safetensors_export_keeps_its_head(tmp_path):
    pytest.importorskip("safetensors")
    spec = NetworkSpec("lstm", 2, 3, head=HeadSpec(4, "none"))
    net = Network.random(spec, seed=1)
    save_state_dict(net, tmp_path / "m.safetensors")
    back = load_network(tmp_path / "m.safetensors")
    assert back.spec.head == HeadSpec(4, "none", True)
    assert torch.equal(back.params["head.weight"], net.params["head.weight"])


def test_head_registered_before_the_rnn_is_found():
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(5, 3)
            self.rnn = nn.GRU(2, 5)

    net = network_from_state_dict(Model().state_dict())
    assert net.spec.head.output_size == 3


def test_layers_that_only_look_like_a_head():
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.LSTM(3, 8)
            self.embedding = nn.Embedding(50, 8)  # same shape as a bias-free Linear 8 -> 50
            self.attn = nn.MultiheadAttention(8, 2)
            self.out = nn.Linear(8, 4)

    net = network_from_state_dict(Model().state_dict())
    head = net.spec.head
    # the attention's out_proj comes first; the notes name the alternative and the flag
    assert head.output_size == 8
    assert any("'attn.out_proj'" in n for n in net.spec.notes)
    assert any("out" in n and "--head-prefix" in n for n in net.spec.notes)
    chosen = network_from_state_dict(Model().state_dict(), LoadOptions(head_prefix="out"))
    assert chosen.spec.head.output_size == 4
    with pytest.raises(RnnvizError, match="'embedding' is not a Linear"):
        network_from_state_dict(Model().state_dict(), LoadOptions(head_prefix="embedding"))


def test_no_head_is_said():
    net = network_from_state_dict(nn.GRU(2, 3).state_dict(),
                                  LoadOptions(head_activation="softmax"))
    assert net.spec.head is None
    assert any("no Linear reading" in n for n in net.spec.notes)
    assert any("--head softmax was asked for" in n for n in net.spec.notes)


def test_mlp_head_is_named_as_deeper():
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.RNN(2, 6)
            self.head = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 3))

    net = network_from_state_dict(Model().state_dict())
    assert net.spec.head.output_size == 5
    assert any("'head.2' reads the head's 5 outputs" in n for n in net.spec.notes)


class TimeSequence(nn.Module):
    """The PyTorch examples' time-sequence prediction model: two LSTMCells and a Linear."""

    def __init__(self, hidden=7):
        super().__init__()
        self.hidden = hidden
        self.lstm1 = nn.LSTMCell(1, hidden)
        self.lstm2 = nn.LSTMCell(hidden, hidden)
        self.linear = nn.Linear(hidden, 1)

    def forward(self, x):  # x (B, T), as the example feeds it
        zeros = torch.zeros(x.size(0), self.hidden, dtype=x.dtype)
        h1, c1, h2, c2 = zeros, zeros, zeros, zeros
        outputs = []
        for x_t in x.split(1, dim=1):
            h1, c1 = self.lstm1(x_t, (h1, c1))
            h2, c2 = self.lstm2(h1, (h2, c2))
            outputs.append(self.linear(h2))
        return torch.cat(outputs, dim=1), (h1, c1, h2, c2)


@pytest.mark.parametrize("whole", [False, True])
def test_lstm_cells_open_stacked_in_the_order_found(tmp_path, whole):
    torch.manual_seed(0)
    model = TimeSequence().double()
    path = tmp_path / "cells.pt"
    torch.save(model if whole else model.state_dict(), path)
    net = load_network(path).to(torch.float64)
    assert net.spec.cell == "lstm" and net.spec.num_layers == 2
    assert "'lstm1' (layer 1), 'lstm2' (layer 2)" in " ".join(net.spec.notes)
    x = torch.sin(torch.arange(12, dtype=torch.float64) / 3)[None]
    with torch.no_grad():
        y, (h1, c1, h2, c2) = model(x)
    trace = compute_trace(net, x.T[:, :, None].numpy())
    np.testing.assert_allclose(trace.y[:, 0, 0], y[0].numpy(), atol=1e-10)
    np.testing.assert_allclose(trace.h_n, torch.stack([h1, h2]).numpy(), atol=1e-10)
    np.testing.assert_allclose(trace.c_n, torch.stack([c1, c2]).numpy(), atol=1e-10)


@pytest.mark.parametrize("cell", ["gru", "rnn"])
def test_one_cell_opens_and_cells_of_other_sizes_are_not_stacked(tmp_path, cell):
    torch.manual_seed(1)
    kind = {"gru": nn.GRUCell, "rnn": nn.RNNCell}[cell]
    first, other = kind(3, 5), kind(5, 4)  # the second has another hidden size
    state = {f"a.{k}": v for k, v in first.state_dict().items()}
    state.update({f"b.{k}": v for k, v in other.state_dict().items()})
    torch.save(state, tmp_path / "c.pt")
    net = load_network(tmp_path / "c.pt")
    assert net.spec.cell == cell and net.spec.num_layers == 1 and net.spec.hidden_size == 5
    assert "not stacked: 'b'" in " ".join(net.spec.notes)
    x = torch.randn(6, 3)
    h = torch.zeros(1, 5)
    outs = []
    with torch.no_grad():
        for x_t in x:
            h = first(x_t[None], h)
            outs.append(h[0])
    trace = compute_trace(net, x.numpy())
    np.testing.assert_allclose(trace.output[:, 0], torch.stack(outs).numpy(), atol=1e-6)
    picked = load_network(tmp_path / "c.pt", LoadOptions(prefix="b"))
    assert picked.spec.hidden_size == 4


class TutorialEncoder(nn.Module):
    """The PyTorch translation tutorial's EncoderRNN: Embedding → GRU."""

    def __init__(self, vocab, hidden):
        super().__init__()
        self.embedding = nn.Embedding(vocab, hidden)
        self.gru = nn.GRU(hidden, hidden, batch_first=True)


class TutorialDecoder(nn.Module):
    """Its DecoderRNN: Embedding of the previous word → ReLU → GRU → Linear."""

    def __init__(self, hidden, vocab):
        super().__init__()
        self.embedding = nn.Embedding(vocab, hidden)
        self.gru = nn.GRU(hidden, hidden, batch_first=True)
        self.out = nn.Linear(hidden, vocab)


def test_translation_tutorial_pair_opens_as_a_pair_and_its_halves_alone(tmp_path):
    torch.manual_seed(3)
    encoder, decoder = TutorialEncoder(12, 6), TutorialDecoder(6, 9)
    path = tmp_path / "pair.pt"
    torch.save({"encoder": encoder.state_dict(), "decoder": decoder.state_dict()}, path)
    from rnnviz.core.files.seq2seq_io import load_seq2seq

    pair, _ = load_seq2seq(path)  # tests/test_seq2seq_embedding.py checks its numbers
    assert pair.spec.embedded and pair.encoder.spec.embedding.name == "encoder.embedding"
    with pytest.raises(RnnvizError, match="e.g. --layer-prefix encoder.gru.*--topology "
                                          "seq2seq"):
        load_network(path)
    enc = load_network(path, LoadOptions(prefix="encoder.gru"))
    assert enc.spec.embedding.name == "encoder.embedding" and enc.spec.head is None
    dec = load_network(path, LoadOptions(prefix="decoder.gru"))
    assert dec.spec.embedding.name == "decoder.embedding"  # its own table, not the encoder's
    assert dec.spec.head is not None and dec.spec.head.output_size == 9
    ids = torch.tensor([[1, 5, 7, 2]])
    with torch.no_grad():
        out, h_n = encoder.gru(encoder.embedding(ids))
    trace = compute_trace(enc, enc.embed(ids.T.numpy()))
    np.testing.assert_allclose(trace.output[:, 0], out[0].numpy(), atol=1e-6)


# ----- the inert reader against crafted whole-model files ---------------------------------
class _Storage:
    def __init__(self, key, count):
        self.key, self.count = key, count


class _Tensor:
    def __init__(self, storage, size, stride, state=None):
        self.storage, self.size, self.stride, self.state = storage, size, stride, state


class _Crafted(pickle.Pickler):
    """Writes torch.save-like pickles with whatever sizes, strides and BUILD states."""

    def persistent_id(self, obj):
        if isinstance(obj, _Storage):
            return ("storage", torch.FloatStorage, obj.key, "cpu", obj.count)
        return None

    def reducer_override(self, obj):
        if isinstance(obj, _Tensor):
            import collections

            reduced = (torch._utils._rebuild_tensor_v2,
                       (obj.storage, 0, obj.size, obj.stride, False,
                        collections.OrderedDict()))
            return reduced + ((obj.state,) if obj.state is not None else ())
        return NotImplemented


def _write_crafted(path, top, storages):
    import io
    import zipfile

    buf = io.BytesIO()
    _Crafted(buf, protocol=2).dump(top)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("m/data.pkl", buf.getvalue())
        for key, data in storages.items():
            zf.writestr(f"m/data/{key}", data)
        zf.writestr("m/version", "3\n")


def test_a_tensor_claiming_more_elements_than_its_storage_is_refused(tmp_path):
    storage = _Storage("0", 1)
    _write_crafted(tmp_path / "expand.pt", {"w": _Tensor(storage, (20000, 20000), (0, 0))},
                   {"0": b"\0" * 4})  # 16 bytes would become 1.6 GB
    with pytest.raises(RnnvizError, match="claims more elements"):
        from rnnviz.core.files.inert_pickle import read_whole_model

        read_whole_model(tmp_path / "expand.pt")


def test_setting_a_tensors_state_from_the_file_is_refused(tmp_path):
    from rnnviz.core.files.inert_pickle import read_whole_model

    storage = _Storage("0", 4)
    source = _Tensor(storage, (2,), (1,))
    _write_crafted(tmp_path / "state.pt", {"w": _Tensor(storage, (2,), (1,),
                                                        state=(source, 0, (10**8,), (1,)))},
                   {"0": b"\0" * 16})
    with pytest.raises(RnnvizError, match="internal state"):
        read_whole_model(tmp_path / "state.pt")


def test_a_module_tree_that_branches_on_itself_is_walked_once(tmp_path):
    """m.a = m.b = the next level, 24 deep: 2^24 paths, a few kilobytes."""
    import time

    from rnnviz.core.files.inert_pickle import read_whole_model

    top = node = nn.Module()
    node.rnn = nn.GRU(2, 3)
    for _ in range(24):
        child = nn.Module()
        node.a = node.b = child
        node = child
    torch.save(top, tmp_path / "chain.pt")
    start = time.perf_counter()
    params, _ = read_whole_model(tmp_path / "chain.pt")
    assert time.perf_counter() - start < 5
    assert "rnn.weight_ih_l0" in params


def test_odd_module_records_give_one_line_not_a_traceback(tmp_path):
    import io
    import zipfile

    buf = io.BytesIO()
    pickle.dump({"model": {"_parameters": [1, 2]}}, buf, protocol=2)
    with zipfile.ZipFile(tmp_path / "odd.pt", "w") as zf:
        zf.writestr("m/data.pkl", buf.getvalue())
    with pytest.raises(RnnvizError):
        load_network(tmp_path / "odd.pt")


def test_refusal_names_the_global_in_a_whole_sentence(tmp_path):
    Evil.marker = tmp_path / "pwned"
    torch.save({"weight": Evil()}, tmp_path / "e.pt")
    with pytest.raises(RnnvizError) as info:
        load_checkpoint(tmp_path / "e.pt")
    message = str(info.value)
    assert "it names posix.system" in message or "it names nt.system" in message
    assert "Please" not in message and message.count("(") == message.count(")")


def test_a_square_input_linear_before_the_layer_is_no_embedding(tmp_path):
    model = nn.Module()
    model.inp = nn.Linear(4, 4, bias=False)  # an input projection, not a table of tokens
    model.gru = nn.GRU(4, 8)
    torch.save(model.state_dict(), tmp_path / "proj.pt")
    assert load_network(tmp_path / "proj.pt").spec.embedding is None
    table = nn.Module()
    table.words = nn.Embedding(30, 4)  # unnamed like one, registered before: a table
    table.gru = nn.GRU(4, 8)
    torch.save(table.state_dict(), tmp_path / "t.pt")
    assert load_network(tmp_path / "t.pt").spec.embedding.name == "words"
    assert load_network(tmp_path / "t.pt", LoadOptions(use_embedding=False)).spec.embedding \
        is None
