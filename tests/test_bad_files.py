"""Files rnnviz reads, malformed: one line naming the file and the key, never a traceback,
never a path out of the checkpoint's folder."""

from __future__ import annotations

import json

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from torch import nn

from rnnviz.cli import main
from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.checkpoint import read_sidecar, sidecar_defaults, sidecar_path
from rnnviz.core.files.modelio import load_checkpoint, load_network


@pytest.fixture
def model(tmp_path):
    path = tmp_path / "m.pt"
    torch.save(nn.GRU(1, 3).state_dict(), path)
    return path


@pytest.mark.parametrize("sidecar, match", [
    ({"input": "x.npy"}, "'input' should be an object"),
    ({"settings": "fast"}, "'settings' should be an object"),
    ({"settings": {"seed": "zero"}}, "'settings.seed' should be a whole number"),
    ({"input": {"vocab": 7}}, "'input.vocab' should be text"),
    ({"input": {"input": "../../../../etc/passwd"}}, "a plain file name, no folders"),
    ({"input": {"input": "/etc/passwd"}}, "a plain file name"),
    ({"nonlinearity": "sigmoid"}, "'nonlinearity' should be one of tanh, relu"),
    ({"topology": 3}, "'topology' should be one of"),
    ({"input": {"preset": "chirp"}}, "'input.preset' should be one of"),
    ([1, 2], "not an object"),
])
def test_malformed_sidecars_are_refused_by_name(model, sidecar, match, capsys):
    sidecar_path(model).write_text(json.dumps(sidecar))
    with pytest.raises(RnnvizError, match=match):
        read_sidecar(model)
    code = main(["trace", "--model", str(model), "-o", str(model.with_name("t.npz"))])
    err = capsys.readouterr().err
    assert code == 2 and "m.rnnviz.json" in err and "Traceback" not in err
    assert not model.with_name("t.npz").exists()


def test_an_example_input_is_only_read_beside_the_checkpoint(model):
    (model.parent / "m.input.npy").write_bytes(b"")
    sidecar_path(model).write_text(json.dumps({"input": {"input": "m.input.npy"}}))
    assert sidecar_defaults(model)["input"] == str(model.parent / "m.input.npy")


def test_a_deeply_nested_checkpoint_and_complex_weights_are_refused(tmp_path):
    nested = cur = {}
    for _ in range(300):
        cur["a"] = {}
        cur = cur["a"]
    cur["w"] = torch.zeros(2)
    torch.save(nested, tmp_path / "deep.pt")
    with pytest.raises(RnnvizError, match="nests dicts more than"):
        load_checkpoint(tmp_path / "deep.pt")
    state = {k: v.to(torch.complex64) for k, v in nn.GRU(2, 3).state_dict().items()}
    torch.save(state, tmp_path / "complex.pt")
    with pytest.raises(RnnvizError, match="complex64 values.*real floating-point"):
        load_network(tmp_path / "complex.pt")


JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8)
                    | st.floats(allow_nan=False), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["input", "settings", "seed", "vocab",
                                                       "text", "preset", "topology",
                                                       "nonlinearity", "head_activation",
                                                       "task", "seq2seq"]), inner,
                                      max_size=4), max_leaves=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sidecar=st.dictionaries(st.sampled_from(["input", "settings", "topology",
                                                "nonlinearity", "head_activation", "task",
                                                "seq2seq", "rnnviz"]), JSON, max_size=5))
def test_any_sidecar_is_read_or_refused_in_one_line(tmp_path_factory, sidecar):
    folder = tmp_path_factory.mktemp("fuzz")
    model = folder / "m.pt"
    torch.save(nn.GRU(1, 3).state_dict(), model)
    sidecar_path(model).write_text(json.dumps(sidecar))
    try:
        sidecar_defaults(model)
    except RnnvizError as exc:
        assert "\n" not in str(exc) and "m.rnnviz.json" in str(exc)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=JSON)
def test_any_init_values_are_used_or_refused_in_one_line(tmp_path_factory, values, capsys):
    folder = tmp_path_factory.mktemp("init")
    code = _main_or_usage(["trace", "--hidden-size", "3", "--length", "4", "--init", "given",
                           "--init-values", json.dumps(values), "-o", str(folder / "t.npz")])
    _one_line_or_none(code, capsys.readouterr().err)


CELL = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr),
                 st.integers(-10**6, 10**6).map(str), st.text(alphabet="0123456789.,;e-+ \t\"ab",
                                                              max_size=6))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=3), max_size=5),
       sep=st.sampled_from([",", ";", "\t", " "]))
def test_any_csv_is_read_or_refused_in_one_line(tmp_path_factory, capsys, rows, sep):
    folder = tmp_path_factory.mktemp("csv")
    (folder / "x.csv").write_text("\n".join(sep.join(row) for row in rows), encoding="utf-8")
    code = _main_or_usage(["trace", "--hidden-size", "3", "--input", str(folder / "x.csv"),
                           "-o", str(folder / "t.npz")])
    _one_line_or_none(code, capsys.readouterr().err)
    if code != 0:
        assert not (folder / "t.npz").exists()


def _main_or_usage(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse refusing a flag's value
        return exc.code


def _one_line_or_none(code: int, err: str) -> None:
    assert "Traceback" not in err and code in (0, 2), err
    if code == 2:
        said = [line for line in err.splitlines()
                if line.strip() and not line.startswith(("note:", "usage:", " "))]
        assert len(said) == 1, err
