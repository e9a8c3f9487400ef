"""A battery of bad inputs across the commands: each ends in exit 0, or exit 2 with one
line naming the problem — never a traceback, never a half-written or temporary file.

Every case is small (a few steps, a few units), so the battery runs in the fast suite.
"""

from __future__ import annotations

import json
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from rnnviz.cli import main

NET = ["--hidden-size", "3", "--length", "6"]


def _files(folder: Path) -> dict[str, Path]:
    """Bad (and a few good) input files, written once per test."""
    f = {}

    def text(name, body, encoding="utf-8"):
        f[name] = folder / name
        f[name].write_bytes(body.encode(encoding) if isinstance(body, str) else body)

    text("ragged.csv", "1,2\n3\n")
    text("empty.csv", "")
    text("header_only.csv", "a,b\n")
    text("nan.csv", "1\nnan\n")
    text("inf.csv", "1\ninf\n")
    text("words.csv", "1\nhello\n")
    text("latin1.csv", "caf\xe9\n1\n", "latin-1")
    text("blank_line.csv", "1\n\n2\n")
    text("model.txt", "not a model")
    text("junk.pt", b"\x00\x01garbage")
    text("empty.pt", b"")
    text("vocab_dup.txt", "a\nb\na\n")
    text("vocab_gaps.json", json.dumps({"a": 0, "b": 5}))
    text("init_bad.json", "{not json")
    for name, array in {"object.npy": None, "complex.npy": np.ones(4, complex),
                        "four_d.npy": np.ones((2, 2, 2, 2)), "empty.npy": np.ones((0, 1)),
                        "nan.npy": np.array([1.0, np.nan]), "strings.npy": np.array(["a"]),
                        "ok.npy": np.ones((6, 1)), "ids_float.npy": np.ones(4)}.items():
        f[name] = folder / name
        if array is None:
            np.save(f[name], np.array([{"a": 1}], dtype=object), allow_pickle=True)
        else:
            np.save(f[name], array)
    f["zip.pt"] = folder / "zip.pt"
    with zipfile.ZipFile(f["zip.pt"], "w") as zf:
        zf.writestr("x.txt", "not torch")
    f["evil.pt"] = folder / "evil.pt"
    with open(f["evil.pt"], "wb") as fh:
        pickle.dump({"w": _Evil()}, fh, protocol=2)
    f["norrn.pt"] = folder / "norrn.pt"
    torch.save({"a": torch.zeros(3)}, f["norrn.pt"])
    f["complex.pt"] = folder / "complex.pt"
    torch.save({k: v.to(torch.complex64) for k, v in nn.GRU(1, 3).state_dict().items()},
               f["complex.pt"])
    f["nan.pt"] = folder / "nan.pt"
    torch.save({k: v.fill_(float("nan")) for k, v in nn.GRU(1, 3).state_dict().items()},
               f["nan.pt"])
    f["gru.pt"] = folder / "gru.pt"
    torch.save(nn.GRU(1, 3).state_dict(), f["gru.pt"])
    for i, sidecar in enumerate(['{"input": "x"}', '{"settings": 3}', '{"input": {"vocab": 1}}',
                                 '{"input": {"input": "../x.npy"}}', "[1]", "{bad json"]):
        model = folder / f"side{i}.pt"
        torch.save(nn.GRU(1, 3).state_dict(), model)
        (folder / f"side{i}.rnnviz.json").write_text(sidecar)
        f[f"side{i}.pt"] = model
    f["lm.pt"] = folder / "lm.pt"
    lm = nn.Module()
    lm.embedding = nn.Embedding(5, 2)
    lm.rnn = nn.GRU(2, 3)
    lm.fc = nn.Linear(3, 5)
    torch.save(lm.state_dict(), f["lm.pt"])
    text("vocab3.txt", "a\nb\nc\n")
    text("vocab5.txt", "a\nb\nc\nd\ne\n")
    return f


class _Evil:
    def __reduce__(self):
        return (print, ("this must never run",))


def _cases() -> list[tuple[str, list[str]]]:
    c: list[tuple[str, list[str]]] = []

    def add(name, *argv):
        c.append((name, list(argv)))

    for value in ["0", "-5", "x", "1e3", "99999999999", "2000000"]:
        add(f"hidden {value}", "trace", "--hidden-size", value, "--length", "6")
    for value in ["0", "-1", "1000000"]:
        add(f"layers {value}", "trace", "--num-layers", value, *NET)
    for value in ["0", "-3", "1000000000"]:
        add(f"input size {value}", "trace", "--input-size", value, *NET)
    for value in ["-1", "3", "9"]:
        add(f"proj {value}", "trace", "--cell", "lstm", "--proj-size", value, *NET)
    for value in ["-0.1", "1.0", "5", "nan"]:
        add(f"dropout {value}", "trace", "--dropout", value, "--num-layers", "2", *NET)
    add("cell", "trace", "--cell", "transformer", *NET)
    add("lstm relu", "trace", "--cell", "lstm", "--nonlinearity", "relu", *NET)
    for value in ["0", "-2", "1000000000"]:
        add(f"output size {value}", "trace", "--head", "softmax", "--output-size", value, *NET)
    for value in ["0", "-1", "10000000000"]:
        add(f"length {value}", "trace", "--length", value, "--hidden-size", "3")
    for value in ["0", "1000000000"]:
        add(f"batch {value}", "trace", "--batch", value, *NET)
    for value in ["nan", "inf", "-inf"]:
        add(f"amplitude {value}", "trace", "--amplitude", value, *NET)
    add("frequency", "trace", "--frequency", "-1", *NET)
    add("text preset, no text", "trace", "--preset", "text", "--hidden-size", "3")
    add("text empty", "trace", "--preset", "text", "--text", "", "--hidden-size", "3")
    add("vocab lacks a char", "trace", "--preset", "text", "--text", "abc", "--vocab", "ab",
        "--hidden-size", "3")
    add("tokens no embedding", "trace", "--tokens", "1,2", *NET)
    for value in ["a,b", "0,1", "9", "1,2,3"]:
        add(f"lengths {value}", "trace", "--lengths", value, "--batch", "2", *NET)
    for name in ["ragged.csv", "empty.csv", "header_only.csv", "nan.csv", "inf.csv",
                 "words.csv", "latin1.csv", "blank_line.csv", "object.npy", "complex.npy",
                 "four_d.npy", "empty.npy", "nan.npy", "strings.npy", "model.txt"]:
        add(f"input {name}", "trace", "--input", f"@{name}", "--hidden-size", "3")
    add("input missing", "trace", "--input", "@nope.csv", "--hidden-size", "3")
    add("input folder", "trace", "--input", "@.", "--hidden-size", "3")
    add("input device", "trace", "--input", "/dev/null", "--hidden-size", "3")
    for name in ["model.txt", "junk.pt", "empty.pt", "zip.pt", "evil.pt", "norrn.pt",
                 "complex.pt", "nan.pt", "nope.pt"] + [f"side{i}.pt" for i in range(6)]:
        add(f"model {name}", "trace", "--model", f"@{name}")
    add("model wrong input width", "trace", "--model", "@gru.pt", "--input", "@ragged.csv")
    add("model prefix", "trace", "--model", "@gru.pt", "--layer-prefix", "encoder")
    add("model head prefix", "trace", "--model", "@gru.pt", "--head-prefix", "fc")
    add("lm no tokens", "trace", "--model", "@lm.pt")
    add("lm text no vocab", "trace", "--model", "@lm.pt", "--text", "a b")
    add("lm vocab size", "trace", "--model", "@lm.pt", "--text", "a b",
        "--vocab-file", "@vocab3.txt")
    add("lm unknown word", "trace", "--model", "@lm.pt", "--text", "a z",
        "--vocab-file", "@vocab5.txt")
    add("lm unk not in vocab", "trace", "--model", "@lm.pt", "--text", "a z",
        "--vocab-file", "@vocab5.txt", "--unk", "<unk>")
    add("lm id range", "trace", "--model", "@lm.pt", "--tokens", "1,7")
    add("lm ids text", "trace", "--model", "@lm.pt", "--tokens", "one,two")
    add("lm float ids", "trace", "--model", "@lm.pt", "--input", "@ids_float.npy")
    add("lm dup vocab", "trace", "--model", "@lm.pt", "--text", "a", "--vocab-file",
        "@vocab_dup.txt")
    add("lm gaps vocab", "trace", "--model", "@lm.pt", "--text", "a", "--vocab-file",
        "@vocab_gaps.json")
    add("lm classes count", "trace", "--model", "@lm.pt", "--tokens", "1", "--classes", "a,b")
    add("init bad json", "trace", "--init", "given", "--init-values", "{nope", *NET)
    add("init file bad", "trace", "--init", "given", "--init-values", "@init_bad.json", *NET)
    add("init wrong shape", "trace", "--init", "given", "--init-values", '{"h0": [[1, 2]]}',
        *NET)
    add("init nan", "trace", "--init", "given", "--init-values", '{"h0": [[NaN, 0, 0]]}',
        *NET)
    add("init values without given", "trace", "--init-values", '{"h0": [[0, 0, 0]]}', *NET)
    add("out folder missing", "trace", *NET, "-o", "@missing/t.npz")
    add("out suffix", "trace", *NET, "-o", "@t.txt")
    add("out is a folder", "trace", *NET, "-o", "@.")
    for value in ["h_X", "unit:99", "y:5", "loss", "unit:-1"]:
        add(f"grads {value}", "grads", "--of", value, *NET)
    add("grads lengths", "grads", "--of", "h_T", "--batch", "2", "--lengths", "3,6", *NET)
    for value in ["0", "-1", "100"]:
        add(f"train lr {value}", "train", "--task", "sine", "--lr", value, "--steps", "1",
            "--hidden-size", "3")
    add("train steps 0", "train", "--task", "sine", "--steps", "0", "--hidden-size", "3")
    add("train clip", "train", "--task", "sine", "--clip", "-1", "--steps", "1")
    add("train optimizer", "train", "--task", "sine", "--optimizer", "lbfgs", "--steps", "1")
    add("train task", "train", "--task", "poetry", "--steps", "1")
    add("train batch", "train", "--task", "sine", "--batch-size", "0", "--steps", "1")
    add("topology seq2seq no vocab", "trace", "--topology", "seq2seq", *NET)
    add("decode steps n2n", "trace", "--decode-steps", "4", *NET)
    add("feed bad", "trace", "--topology", "one2n", "--feed", "sometimes", *NET)
    for value in ["-1", "99"]:
        add(f"snapshot step {value}", "snapshot", "--step", value, *NET, "-o", "@s.png")
    add("snapshot size", "snapshot", "--size", "10x", *NET, "-o", "@s.png")
    add("snapshot scale", "snapshot", "--scale", "0", *NET, "-o", "@s.png")
    add("snapshot layer", "snapshot", "--layer", "5", *NET, "-o", "@s.png")
    add("snapshot unit", "snapshot", "--unit", "99", *NET, "-o", "@s.png")
    add("snapshot direction", "snapshot", "--direction", "bwd", *NET, "-o", "@s.png")
    add("snapshot suffix", "snapshot", *NET, "-o", "@s.bmp")
    add("animate fps", "animate", "--fps", "0", *NET, "-o", "@a.gif")
    add("animate range", "animate", "--from", "2", "--to", "99", *NET, "-o", "@a.gif")
    return c


CASES = _cases()


def test_the_battery_is_large():
    assert len(CASES) >= 100


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("bad")
    _files(path)
    return path


@pytest.mark.parametrize("name, argv", CASES, ids=[name for name, _ in CASES])
def test_bad_input(folder, capsys, name, argv, qapp):
    work = folder / name.replace(" ", "_").replace("/", "_")
    work.mkdir(exist_ok=True)
    argv = [str(folder / a[1:]) if a.startswith("@") and a != "@." else
            (str(folder) if a == "@." else a) for a in argv]
    if "-o" not in argv:
        argv += ["-o", str(work / ("m.pt" if argv[0] == "train" else "out.npz"))]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: a flag it cannot read at all
        code = exc.code
    err = capsys.readouterr().err
    assert "Traceback" not in err and "this must never run" not in err, err
    assert code in (0, 2), (code, err)
    if code == 2:
        said = [line for line in err.splitlines() if line.strip()
                and not line.startswith(("note:", "usage:", " "))]
        assert len(said) == 1 and "error" in said[0], err
        target = Path(argv[argv.index("-o") + 1])
        if target.parent == work:
            assert not target.exists()
    leftovers = [p.name for p in folder.rglob(".*") if p.name.startswith((".", ".rnnviz"))]
    assert leftovers == [], leftovers
