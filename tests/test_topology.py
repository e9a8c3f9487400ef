"""N→1 and 1→N equal plain PyTorch; the trace file keeps what exists; bad shapes refused."""

import json

import numpy as np
import pytest
import torch
from torch import nn

from rnnviz.cli import main
from rnnviz.core.errors import RnnvizError
from rnnviz.core.network import Network
from rnnviz.core.run import run_model
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.topology import one2n_input


def plain(net: Network, x: np.ndarray):
    model = net.to_module()
    with torch.no_grad():
        out, _ = model.rnn(torch.from_numpy(x))
        return out.numpy(), model.linear(out).numpy()


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_n2one_is_the_head_on_the_last_state(cell):
    net = Network.random(NetworkSpec(cell, 3, 5, num_layers=2, head=HeadSpec(4)), seed=1,
                         dtype=torch.float64)
    x = np.random.default_rng(0).normal(size=(9, 2, 3))
    trace, _ = run_model(net, x, topology="n2one", device="cpu")
    _, y = plain(net, x)
    arrays = trace.arrays()
    assert arrays["y"].shape == (1, 2, 4) and arrays["output_steps"].tolist() == [8]
    np.testing.assert_allclose(arrays["y"][0], y[-1], atol=1e-10)


@pytest.mark.parametrize("feed", ["first", "every"])
@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_one2n_feeds_one_input_once_or_at_every_step(cell, feed):
    net = Network.random(NetworkSpec(cell, 3, 4, head=HeadSpec(2)), seed=2, dtype=torch.float64)
    x0 = np.random.default_rng(1).normal(size=(1, 2, 3))
    trace, _ = run_model(net, x0, topology="one2n", feed=feed, steps=6, device="cpu")
    fed = np.repeat(x0, 6, 0) if feed == "every" else np.concatenate([x0, np.zeros((5, 2, 3))])
    # the plain PyTorch 1→N: the one input, then (first) nothing, i.e. zero input
    out, y = plain(net, fed)
    np.testing.assert_allclose(trace.output, out, atol=1e-10)
    np.testing.assert_allclose(trace.y, y, atol=1e-10)
    assert trace.arrays()["input_steps"].tolist() == ([0] if feed == "first" else list(range(6)))
    np.testing.assert_array_equal(one2n_input(x0, 6, feed), fed)


def test_topology_that_does_not_fit_is_refused():
    net = Network.random(NetworkSpec("gru", 2, 3))
    with pytest.raises(RnnvizError, match="single GRU 1×3"):
        run_model(net, np.zeros((4, 1, 2)), topology="seq2seq")
    with pytest.raises(RnnvizError, match="unknown topology"):
        run_model(net, np.zeros((4, 1, 2)), topology="n2m")
    with pytest.raises(RnnvizError, match="--decode-steps is for one2n and seq2seq"):
        run_model(net, np.zeros((4, 1, 2)), topology="n2one", steps=2)


def test_seq2seq_trace_file_has_both_halves(tmp_path, capsys):
    out = tmp_path / "s.npz"
    assert main(["trace", "--topology", "seq2seq", "--cell", "gru", "--decoder-cell", "lstm",
                 "--preset", "text", "--text", "hello", "--decode-steps", "3", "-o",
                 str(out)]) == 0
    assert "decoded" in capsys.readouterr().out
    with np.load(out) as data:
        meta = json.loads(str(data["meta"]))
        assert meta["topology"] == "seq2seq" and meta["decoder_steps"] == 3
        assert data["enc_x"].shape == (5, 1, 4) and data["dec_y"].shape == (3, 1, 4)
        assert data["dec_l0_fwd_c"].shape == (3, 1, 8) and data["context"].shape == (1, 8)
        assert "".join("ehlo"[i] for i in data["dec_tokens"][:, 0]) == meta["decoded"][0]
    from rnnviz.core.files.tracefile import read_trace_file

    spec, _, _ = read_trace_file(out)
    assert spec.decoder.cell == "lstm" and spec.target_vocab == "ehlo"


@pytest.mark.parametrize("argv, message", [
    (["--topology", "seq2seq"], "needs symbols to write"),
    (["--topology", "seq2seq", "--preset", "text", "--text", "ab", "--hidden-size", "4",
      "--decoder-hidden-size", "6"], "(--context-map)"),
    (["--topology", "seq2seq", "--preset", "text", "--text", "ab", "--init", "random"],
     "leave out --init"),
    (["--decode-steps", "4"], "--decode-steps is for one2n and seq2seq"),
])
def test_bad_shapes_exit_2_and_write_nothing(tmp_path, capsys, argv, message):
    out = tmp_path / "t.npz"
    assert main(["trace", *argv, "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_trained_seq2seq_checkpoint_refuses_other_shapes_and_foreign_symbols(tmp_path, capsys):
    model = tmp_path / "rev.pt"
    assert main(["train", "--task", "reverse", "--steps", "3", "-o", str(model)]) == 0
    out = tmp_path / "t.npz"
    assert main(["trace", "--model", str(model), "--topology", "n2n", "-o", str(out)]) == 2
    assert "--topology seq2seq" in capsys.readouterr().err
    assert main(["trace", "--model", str(model), "--text", "abxz", "-o", str(out)]) == 2
    assert "'xz'" in capsys.readouterr().err
    assert main(["trace", "--model", str(model), "-o", str(out)]) == 0  # its sidecar: seq2seq
    assert not (tmp_path / "x.pt").exists()
    code = main(["train", "--task", "reverse", "--topology", "n2one", "-o", str(tmp_path / "x.pt")])
    assert code == 2 and "does not fit" in capsys.readouterr().err


def test_plain_seq2seq_state_dict_loads_by_shapes(tmp_path):
    from rnnviz.core.files.seq2seq_io import load_seq2seq

    class Plain(nn.Module):  # a user's own encoder–decoder, saved as a plain state_dict
        def __init__(self):
            super().__init__()
            self.encoder = nn.GRU(4, 6)
            self.decoder = nn.GRU(3 + 1 + 6, 6)
            self.linear = nn.Linear(6, 3)

    path = tmp_path / "plain.pt"
    torch.save(Plain().state_dict(), path)
    model, notes = load_seq2seq(path)
    assert model.spec.context == "input" and model.spec.target_vocab == "012"
    assert any("--target-vocab" in n for n in notes)
    model, _ = load_seq2seq(path, target_vocab="xyz")
    assert model.spec.target_vocab == "xyz"
    with pytest.raises(RnnvizError, match="writes 3"):
        load_seq2seq(path, target_vocab="xy")


def test_grads_follow_the_inputs_one2n_really_fed_and_through_seq2seq(tmp_path, capsys):
    out = tmp_path / "g.npz"
    assert main(["grads", "--topology", "one2n", "--feed", "first", "--decode-steps", "12",
                 "--of", "h_T", "-o", str(out)]) == 0
    with np.load(out) as data:
        assert data["dx"].shape == (12, 1, 1)
    out = tmp_path / "s.npz"
    assert main(["grads", "--topology", "seq2seq", "--preset", "text", "--text", "abc",
                 "--decode-steps", "2", "--of", "y:1", "-o", str(out)]) == 0
    assert "‖∂L/∂c‖" in capsys.readouterr().out
    with np.load(out) as data:
        assert data["enc_dx"].shape == (3, 1, 3) and data["dec_l0_fwd_dh"].shape == (2, 1, 8)
        assert data["context"].shape == (1, 8)


def test_foreign_seq2seq_without_head_bias_loads_and_float64_is_applied(tmp_path, capsys):
    class NoBias(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.GRU(4, 6)
            self.decoder = nn.GRU(3 + 1, 6)
            self.linear = nn.Linear(6, 3, bias=False)

    path = tmp_path / "nobias.pt"
    torch.save(NoBias().state_dict(), path)
    out = tmp_path / "t.npz"
    assert main(["trace", "--topology", "seq2seq", "--model", str(path), "--preset", "noise",
                 "--input-size", "4", "--length", "5", "--dtype", "float64", "-o",
                 str(out)]) == 0, capsys.readouterr().err
    with np.load(out) as data:
        assert data["dec_y"].dtype == np.float64 and data["dec_y"].shape[-1] == 3


def test_loss_objective_needs_the_task_shape(tmp_path, capsys):
    model = tmp_path / "sine.pt"
    assert main(["train", "--task", "sine", "--hidden-size", "4", "--steps", "2", "-o",
                 str(model)]) == 0
    code = main(["grads", "--model", str(model), "--topology", "one2n", "--decode-steps", "3",
                 "--of", "loss", "-o", str(tmp_path / "g.npz")])
    assert code == 2 and "own shape (n2n)" in capsys.readouterr().err


def test_untrained_is_drawn_in_float32_like_training():
    from rnnviz.core.gradients import compare_gradients

    spec = NetworkSpec("gru", 1, 4, head=HeadSpec(2))
    trained = Network.random(spec, 9).to(torch.float64)
    x = np.random.default_rng(0).normal(size=(5, 1, 1))
    [(_, g64)] = compare_gradients(trained, x, "h_T", "untrained", start_seed=7)
    [(_, g32)] = compare_gradients(trained.to(torch.float32), x, "h_T", "untrained",
                                   start_seed=7)
    np.testing.assert_allclose(g64.arrays["dx"], g32.arrays["dx"], rtol=1e-4, atol=1e-7)
