"""`rnnviz trace`: the file it writes, its flags, and its one-line errors."""

import json
import subprocess
import sys

import numpy as np
import pytest
import torch
from torch import nn

from rnnviz.cli import main
from rnnviz.core.files.tracefile import read_trace_file


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_default_preset_writes_every_documented_key(tmp_path, capsys):
    out = tmp_path / "run.npz"
    code, stdout, _ = run(capsys, "trace", "--cell", "lstm", "--hidden-size", "4",
                          "--num-layers", "2", "--bidirectional", "--length", "30",
                          "-o", str(out))
    assert code == 0 and "wrote" in stdout
    spec, meta, arrays = read_trace_file(out)
    assert spec.cell == "lstm" and spec.num_layers == 2 and spec.bidirectional
    assert arrays["x"].shape == (30, 1, 1)
    assert arrays["output"].shape == (30, 1, 8)
    assert arrays["h_n"].shape == (4, 1, 4) and arrays["c_n"].shape == (4, 1, 4)
    for layer in (0, 1):
        for d in ("fwd", "bwd"):
            for part in "ifgoch":
                assert arrays[f"l{layer}_{d}_{part}"].shape == (30, 1, 4)
    assert meta["steps"] == 30 and meta["input"] == "sine"
    # the file is readable with plain numpy and no pickle
    with np.load(out, allow_pickle=False) as data:
        assert "spec" in data.files


def test_model_and_csv_input_match_torch(tmp_path, capsys):
    torch.manual_seed(0)
    rnn = nn.RNN(2, 3, nonlinearity="relu")
    torch.save(rnn.state_dict(), tmp_path / "m.pt")
    rows = np.random.default_rng(0).standard_normal((7, 2))
    np.savetxt(tmp_path / "x.csv", rows, delimiter=",", header="a,b", comments="")
    code, _, err = run(capsys, "trace", "--model", str(tmp_path / "m.pt"), "--input",
                       str(tmp_path / "x.csv"), "--nonlinearity", "relu", "--dtype", "float64",
                       "-o", str(tmp_path / "r.npz"))
    assert code == 0
    _, _, arrays = read_trace_file(tmp_path / "r.npz")
    with torch.no_grad():
        want, h_n = rnn.double()(torch.from_numpy(rows)[:, None, :])
    np.testing.assert_allclose(arrays["output"], want.numpy(), atol=1e-10)
    assert "assumed" not in err  # the user said relu, nothing was assumed


def test_assumption_is_reported(tmp_path, capsys):
    torch.save(nn.RNN(1, 2).state_dict(), tmp_path / "m.pt")
    code, _, err = run(capsys, "trace", "--model", str(tmp_path / "m.pt"),
                       "-o", str(tmp_path / "r.npz"))
    assert code == 0 and "assumed tanh" in err
    code, _, err = run(capsys, "grads", "--model", str(tmp_path / "m.pt"), "--of", "h_T",
                       "-o", str(tmp_path / "g.npz"))  # the same assumption, said the same way
    assert code == 0 and "note:" in err and "assumed tanh" in err


def test_y_logits_is_written_for_every_head(tmp_path, capsys):
    code, _, _ = run(capsys, "trace", "--cell", "gru", "--hidden-size", "3", "--length", "5",
                     "--head", "linear", "--output-size", "2", "-o", str(tmp_path / "y.npz"))
    assert code == 0
    _, _, arrays = read_trace_file(tmp_path / "y.npz")
    assert arrays["y_logits"].shape == (5, 1, 2)
    np.testing.assert_array_equal(arrays["y_logits"], arrays["y"])  # no activation: equal


def test_text_preset_with_softmax_head(tmp_path, capsys):
    code, _, _ = run(capsys, "trace", "--preset", "text", "--text", "hello world",
                     "--cell", "gru", "--head", "softmax", "-o", str(tmp_path / "t.npz"))
    assert code == 0
    spec, meta, arrays = read_trace_file(tmp_path / "t.npz")
    assert meta["vocab"] == " dehlorw" and meta["text"] == "hello world"
    assert spec.input_size == 8 and arrays["y"].shape == (11, 1, 8)
    np.testing.assert_allclose(arrays["y"].sum(-1), 1, atol=1e-6)


@pytest.mark.parametrize("setup, argv, match", [
    (lambda d: (d / "x.csv").write_text("1,2\n3\n"), ["--input", "{d}/x.csv"], "line 2 has 1"),
    (lambda d: (d / "x.csv").write_text("1\nabc\n"), ["--input", "{d}/x.csv"], "not a number"),
    (lambda d: (d / "x.csv").write_text("1\nnan\n"), ["--input", "{d}/x.csv"], "nan"),
    (lambda d: (d / "x.csv").write_text(""), ["--input", "{d}/x.csv"], "no data rows"),
    (lambda d: (d / "x.csv").write_text("1,2\n3,4\n"),
     ["--input", "{d}/x.csv", "--input-size", "3"], "2 features per step but"),
    (lambda d: (torch.save(nn.GRU(3, 2).state_dict(), d / "m.pt"),
                (d / "x.csv").write_text("1\n2\n")),
     ["--model", "{d}/m.pt", "--input", "{d}/x.csv"], "1 feature per step but"),
    (lambda d: (d / "m.pt").write_bytes(b"junk"), ["--model", "{d}/m.pt"], "torch checkpoint"),
    (lambda d: None, ["--hidden-size", "0"], "hidden_size must be"),
    (lambda d: None, ["--preset", "text"], "needs --text"),
    (lambda d: None, ["--length", "0"], "length must be at least 1"),
])
def test_errors_are_one_line_nonzero_and_leave_no_file(tmp_path, capsys, setup, argv, match):
    setup(tmp_path)
    out = tmp_path / "run.npz"
    argv = [a.format(d=tmp_path) for a in argv]
    code, stdout, err = run(capsys, "trace", *argv, "-o", str(out))
    assert code != 0
    assert err.count("\n") == 1 and match in err, err
    assert not out.exists()
    assert not list(tmp_path.glob(".run.npz*")), "a temporary file was left behind"


def test_failure_while_writing_leaves_no_partial_file(tmp_path, monkeypatch, capsys):
    import rnnviz.core.files.tracefile as tf

    def broken(fh, **arrays):
        fh.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tf.np, "savez", broken)
    assert main(["trace", "-o", str(tmp_path / "run.npz")]) == 2  # one line, no traceback
    assert "is full" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_subprocess_exit_code_and_help():
    result = subprocess.run([sys.executable, "-m", "rnnviz", "trace", "--length", "-3",
                             "-o", "/tmp/never.npz"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "length must be at least 1" in result.stderr
    assert result.stderr.strip().count("\n") == 0
    helped = subprocess.run([sys.executable, "-m", "rnnviz", "trace", "--help"],
                            capture_output=True, text=True)
    assert helped.returncode == 0 and "--nonlinearity" in helped.stdout
    assert "--proj-size" in helped.stdout


def test_bench_prints_json(capsys):
    code, stdout, _ = run(capsys, "bench", "--part", "core", "--hidden", "8", "--length", "20",
                          "--repeat", "1", "--cells", "lstm", "gru")
    report = json.loads(stdout)
    assert code == 0 and report["part"] == "core"
    assert [r["cell"] for r in report["results"]] == ["lstm", "gru"]
    assert all(r["trace_us_per_step"] > 0 and r["ratio"] > 0 for r in report["results"])


def test_given_initial_state_from_json(tmp_path, capsys):
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"h0": [[0.5, -0.5]]}))
    code, _, err = run(capsys, "trace", "--cell", "gru", "--hidden-size", "2", "--init", "given",
                       "--init-values", str(state), "-o", str(tmp_path / "r.npz"))
    assert code == 0, err
    _, _, arrays = read_trace_file(tmp_path / "r.npz")
    np.testing.assert_array_equal(arrays["h0"], [[[0.5, -0.5]]])
    code, _, err = run(capsys, "trace", "--cell", "gru", "--hidden-size", "3", "--init", "given",
                       "--init-values", str(state), "-o", str(tmp_path / "s.npz"))
    assert code == 2 and "h0 has shape (1, 2) but this network needs (1, 3)" in err
    assert not (tmp_path / "s.npz").exists()


def test_headless_renders_print_only_rnnviz_lines(tmp_path):
    """Qt's offscreen platform notes (propagateSizeHints) never reach the user."""
    result = subprocess.run([sys.executable, "-m", "rnnviz", "snapshot", "--length", "5",
                             "-o", str(tmp_path / "s.png")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "propagateSizeHints" not in result.stderr
    assert result.stdout.startswith("wrote ")


def test_one_feature_is_singular():
    from rnnviz.core.sequences import fit_features, sine

    with pytest.raises(Exception, match="sine has 1 feature per step"):
        fit_features(sine(input_size=1), 2)
