"""A padded batch whose sequences have their own lengths, as pack_padded_sequence runs it."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from rnnviz.cli import main
from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.tracefile import read_trace_file
from rnnviz.core.network import Network
from rnnviz.core.states import InitialState, make_initial_state
from rnnviz.core.trace import compute_trace

LENGTHS = [7, 3, 5, 3]


def packed_forward(module, x, lengths, hx=None):
    packed = pack_padded_sequence(x, torch.tensor(lengths), enforce_sorted=False)
    with torch.no_grad():
        out, state = module(packed, hx)
    out, _ = pad_packed_sequence(out, total_length=x.shape[0])
    return out, state


@pytest.mark.parametrize("cell", ["lstm", "gru", "rnn"])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_each_sequence_stops_at_its_length_as_packed(cell, bidirectional):
    torch.manual_seed(0)
    kind = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}[cell]
    module = kind(3, 4, num_layers=2, bidirectional=bidirectional).double()
    x = torch.randn(7, len(LENGTHS), 3, dtype=torch.float64)
    out, state = packed_forward(module, x, LENGTHS)
    trace = compute_trace(Network.from_module(module), x.numpy(), lengths=LENGTHS)
    np.testing.assert_allclose(trace.output, out.numpy(), atol=1e-10)
    h_n = state[0] if cell == "lstm" else state
    np.testing.assert_allclose(trace.h_n, h_n.numpy(), atol=1e-10)
    if cell == "lstm":
        np.testing.assert_allclose(trace.c_n, state[1].numpy(), atol=1e-10)
    for b, length in enumerate(LENGTHS):  # past its end a sequence has zeros, as padded
        assert not trace.part(1, "fwd", "h")[length:, b].any()
        assert trace.real_steps(b) == length
    assert np.array_equal(trace.arrays()["lengths"], LENGTHS)


def test_an_initial_state_per_sequence():
    torch.manual_seed(1)
    module = nn.GRU(2, 3).double()
    x = torch.randn(5, 2, 2, dtype=torch.float64)
    h0 = torch.randn(1, 2, 3, dtype=torch.float64)  # a different start for each sequence
    out, h_n = packed_forward(module, x, [5, 2], h0)
    net = Network.from_module(module)
    start = make_initial_state(net.spec, 2, "given", values={"h0": h0.tolist()})
    trace = compute_trace(net, x.numpy(), initial=start, lengths=[5, 2])
    np.testing.assert_allclose(trace.output, out.numpy(), atol=1e-10)
    np.testing.assert_allclose(trace.h_n, h_n.numpy(), atol=1e-10)
    one_row = make_initial_state(net.spec, 2, "given", values={"h0": [[0.1, 0.2, 0.3]]})
    assert isinstance(one_row, InitialState) and one_row.h0.shape == (1, 2, 3)


@pytest.mark.parametrize("lengths, match", [
    ([7, 3], "2 length\\(s\\) for a batch of 4"),
    ([7, 3, 0, 1], "sequence 2 has length 0, outside 1..7"),
    ([7, 8, 1, 1], "sequence 1 has length 8"),
    ([7, 2.5, 1, 1], "whole numbers"),
])
def test_lengths_that_do_not_fit_are_refused(lengths, match):
    net = Network.random(__import__("rnnviz.core.spec", fromlist=["NetworkSpec"])
                         .NetworkSpec("gru", 1, 2), seed=0)
    with pytest.raises(RnnvizError, match=match):
        compute_trace(net, np.zeros((7, 4, 1)), lengths=lengths)


def test_cli_lengths(tmp_path, capsys):
    torch.manual_seed(2)
    module = nn.LSTM(2, 3)
    torch.save(module.state_dict(), tmp_path / "m.pt")
    x = np.random.default_rng(0).standard_normal((6, 3, 2))
    np.save(tmp_path / "x.npy", x)
    out_path = tmp_path / "t.npz"
    code = main(["trace", "--model", str(tmp_path / "m.pt"), "--input", str(tmp_path / "x.npy"),
                 "--lengths", "6,2,4", "--dtype", "float64", "-o", str(out_path)])
    assert code == 0
    capsys.readouterr()
    _, meta, arrays = read_trace_file(out_path)
    _, (h_n, c_n) = packed_forward(module.double(), torch.from_numpy(x), [6, 2, 4])
    np.testing.assert_allclose(arrays["h_n"], h_n.numpy(), atol=1e-10)
    assert arrays["lengths"].tolist() == [6, 2, 4]
    code = main(["trace", "--model", str(tmp_path / "m.pt"), "--input", str(tmp_path / "x.npy"),
                 "--lengths", "6,2", "-o", str(tmp_path / "bad.npz")])
    err = capsys.readouterr().err
    assert code == 2 and "2 length(s) for a batch of 3" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "bad.npz").exists()
    code = main(["trace", "--model", str(tmp_path / "m.pt"), "--input", str(tmp_path / "x.npy"),
                 "--lengths", "6,2,4", "--topology", "n2one", "-o", str(tmp_path / "b.npz")])
    assert code == 2 and "--lengths is for N→N" in capsys.readouterr().err
    assert json.loads(json.dumps(meta))["batch"] == 3


def test_window_draws_the_steps_a_sequence_lacks_as_absent(qtbot, window):
    from gui_support import load

    from rnnviz.gui.config import Config

    load(qtbot, window, Config(cell="gru", hidden_size=4, length=8, batch=3, preset="noise",
                               lengths="8,3,5"))
    window.sim.select(batch=1)
    block = window.graph.blocks[0]
    assert block.real.tolist() == [True] * 3 + [False] * 5
    assert block.has_input.tolist() == [True] * 3 + [False] * 5
    assert window.sim.trace.real_steps(1) == 3
    with qtbot.waitSignal(window.sim.error) as said:
        window.sim.set_objective("h_T")
    assert "padded batch" in said.args[0]


def test_typing_more_text_recomputes_a_padded_batch(qtbot, window):
    """A padded batch is never extended from its padded final state."""
    from gui_support import load

    from rnnviz.gui.config import Config

    load(qtbot, window, Config(preset="text", text="hello", vocab="helo", lengths="3"))
    with qtbot.waitSignal(window.sim.trace_changed, timeout=20_000):
        window.edit({"text": "hellol"})
    trace = window.sim.trace
    assert trace.lengths.tolist() == [3]
    assert not trace.part(0, "fwd", "h")[3:].any()


def test_grads_refuses_lengths(tmp_path, capsys):
    code = main(["grads", "--batch", "2", "--length", "6", "--lengths", "3,6", "--of", "h_T",
                 "-o", str(tmp_path / "g.npz")])
    err = capsys.readouterr().err
    assert code == 2 and "padded batch" in err and not (tmp_path / "g.npz").exists()


def test_lengths_of_strings_and_bad_settings_give_one_line(tmp_path, capsys, monkeypatch):
    np.save(tmp_path / "lens.npy", np.array(["a", "b"]))
    code = main(["trace", "--batch", "2", "--length", "4", "--lengths",
                 str(tmp_path / "lens.npy"), "-o", str(tmp_path / "t.npz")])
    assert code == 2 and "whole numbers" in capsys.readouterr().err
    monkeypatch.setenv("RNNVIZ_LONG_TRACE_MIB", "lots")  # mistyped: the default applies
    assert main(["trace", "--length", "4", "-o", str(tmp_path / "u.npz")]) == 0
    (tmp_path / "classes.txt").write_bytes(b"\xff\xfe\x00bad")
    code = main(["trace", "--length", "4", "--head", "linear", "--output-size", "2",
                 "--classes", str(tmp_path / "classes.txt"), "-o", str(tmp_path / "v.npz")])
    err = capsys.readouterr().err
    assert code == 2 and "cannot read the classes" in err
