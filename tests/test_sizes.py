"""Sizes that cannot be handled are refused before anything is allocated, with one line."""

from __future__ import annotations

import resource
import subprocess
import sys

import numpy as np
import pytest

from rnnviz.cli import main

REFUSED = [
    (["trace", "--hidden-size", "1000000000"], "hidden_size 1,000,000,000 is more than"),
    (["trace", "--input-size", "1000000000"], "input_size 1,000,000,000 is more than"),
    (["trace", "--head", "linear", "--output-size", "1000000000"], "outputs are more than"),
    (["trace", "--num-layers", "100000"], "num_layers 100,000 is more than"),
    (["trace", "--hidden-size", "60000"], "weights: about"),
    (["trace", "--topology", "seq2seq", "--preset", "text", "--text", "abc",
      "--decode-steps", "100000000"], "one symbol at a time"),
    (["trace", "--topology", "seq2seq", "--preset", "text", "--text", "abc",
      "--decode-steps", "0"], "whole number ≥ 1, got 0"),
    (["trace", "--topology", "one2n", "--decode-steps", "100000000000"], "needs about"),
    (["grads", "--hidden-size", "256", "--length", "5000000", "--of", "h_T"],
     "gradients through time of this network"),
    (["train", "--task", "sine", "--batch-size", "1000000000"], "batch_size 1,000,000,000"),
    (["train", "--task", "sine", "--hidden-size", "1000000"], "weights: about"),
    (["trace", "--input", "/dev/zero"], "unknown file type"),
    (["trace", "--input", "/dev/zero.csv"], "cannot read"),
]


@pytest.mark.parametrize("argv, match", REFUSED)
def test_impossible_sizes_are_refused_in_one_line(tmp_path, capsys, argv, match):
    out = tmp_path / ("m.pt" if argv[0] == "train" else "o.npz")
    assert main([*argv, "-o", str(out)]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if not line.startswith("note")]
    assert len(err) == 1 and match in err[0], err
    assert list(tmp_path.iterdir()) == []


def test_an_npy_declaring_billions_of_steps_is_refused_before_it_is_read(tmp_path):
    """300M steps declared in a sparse file: refused under a 1 GiB address-space ceiling
    added to what the interpreter already holds."""
    from numpy.lib.format import open_memmap

    big = open_memmap(tmp_path / "big.npy", mode="w+", dtype=np.float32,
                      shape=(300_000_000, 1))
    del big
    code = ("import resource, sys\n"
            "from rnnviz.cli import main\n"
            "import torch\n"
            "soft, hard = resource.getrlimit(resource.RLIMIT_AS)\n"
            "used = int(open('/proc/self/statm').read().split()[0]) * 4096\n"
            "resource.setrlimit(resource.RLIMIT_AS, (used + (1 << 30), hard))\n"
            f"sys.exit(main(['trace', '--input', {str(tmp_path / 'big.npy')!r}, '-o', "
            f"{str(tmp_path / 'o.npz')!r}]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "declares shape (300000000, 1)" in done.stderr
    assert resource.RLIMIT_AS  # the ceiling applied to the child only
