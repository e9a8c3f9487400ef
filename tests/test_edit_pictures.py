"""Edits on the picture commands: `rnnviz snapshot --clamp …` shows the edited run (what
the window shows with the same edits), and a bad edit is one line, nothing written."""

from __future__ import annotations

import numpy as np
from PIL import Image

from rnnviz.cli import main

VIEW = ["--cell", "lstm", "--hidden-size", "8", "--length", "30", "--panel", "graph",
        "--size", "800x450", "--step", "20"]


def _png(path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def test_a_clamped_snapshot_differs_from_the_plain_one_and_repeats_exactly(tmp_path, qapp):
    assert main(["snapshot", *VIEW, "-o", str(tmp_path / "plain.png")]) == 0
    assert main(["snapshot", *VIEW, "--clamp", "f=1@10:", "-o", str(tmp_path / "a.png")]) == 0
    assert main(["snapshot", *VIEW, "--clamp", "f=1@10:", "-o", str(tmp_path / "b.png")]) == 0
    plain, a, b = (_png(tmp_path / n) for n in ("plain.png", "a.png", "b.png"))
    assert np.array_equal(a, b)
    assert not np.array_equal(plain, a)


def test_the_window_config_from_the_flags_holds_the_edits():
    from rnnviz.cli import build_parser
    from rnnviz.gui.config import Config

    args = build_parser().parse_args(["snapshot", *VIEW, "--clamp", "f=1@10:", "--edit-x",
                                      "3=0.5", "--set", "bias_ih_l0[0]=0", "-o", "x.png"])
    config = Config.from_args(args)
    assert config.edits.splitlines() == ["edit-x 3=0.5", "clamp f=1@10:",
                                         "set bias_ih_l0[0]=0"]


def test_a_bad_edit_on_a_snapshot_is_one_line_and_writes_nothing(tmp_path, qapp, capsys):
    out = tmp_path / "bad.png"
    assert main(["snapshot", *VIEW, "--clamp", "l3.f=1", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no layer l3" in err[0] and "l0" in err[0]
    assert not out.exists()
