"""Workspace files: saved and opened again, the same configuration and files, anywhere;
paths kept inside the workspace's folder; malformed files refused in one sentence."""

from __future__ import annotations

import json

import numpy as np
import pytest
from file_support import tiny_checkpoint

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.workspace import Workspace, open_workspace, save_workspace


def test_a_file_beside_the_workspace_is_named_relative_and_reopens(tmp_path):
    data = tmp_path / "x.csv"
    data.write_text("0.1\n0.2\n0.3\n")
    ws = Workspace({"cell": "lstm", "input": str(data)},
                   {"position": 2, "layer": 0, "direction": "fwd", "unit": 1, "batch": 0},
                   {"stage": ["graph", "cell"]})
    path = save_workspace(tmp_path / "lecture.rnnviz", ws)
    saved = json.loads(path.read_text())
    assert saved["config"]["input"] == "x.csv" and "files" not in saved
    back = open_workspace(path, tmp_path / "cache")
    assert back.config["input"] == str(tmp_path / "x.csv")
    assert back.cursor["unit"] == 1 and back.view["stage"] == ["graph", "cell"]


def test_a_model_elsewhere_is_carried_with_its_side_files_and_opens_on_another_machine(
        tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    model = tiny_checkpoint(models)
    lecture = tmp_path / "lecture"
    lecture.mkdir()
    path = save_workspace(lecture / "a.rnnviz", Workspace({"model": str(model)}))
    saved = json.loads(path.read_text())
    assert saved["config"]["model"] == "carried:m.pt"
    assert {e["name"] for e in saved["files"]["model"]} == {"m.pt", "m.rnnviz.json",
                                                           "m.input.npy"}
    elsewhere = tmp_path / "other-machine"
    elsewhere.mkdir()
    moved = elsewhere / "a.rnnviz"
    moved.write_bytes(path.read_bytes())
    for f in models.iterdir():  # the original files are gone
        f.unlink()
    back = open_workspace(moved, tmp_path / "cache")
    opened = back.config["model"]
    from rnnviz.core.files.modelio import load_checkpoint

    state = load_checkpoint(opened)
    assert "rnn.weight_ih_l0" in state or any(k.endswith("weight_ih_l0") for k in state)
    from rnnviz.core.files.checkpoint import read_sidecar

    assert read_sidecar(opened)["task"] == "adding"
    again = open_workspace(moved, tmp_path / "cache")  # the same cache entry, reused
    assert again.config["model"] == opened


def test_unknown_keys_are_kept_and_a_newer_version_opens_with_a_note(tmp_path):
    path = tmp_path / "new.rnnviz"
    path.write_text(json.dumps({"format": "rnnviz-workspace", "version": 7,
                                "config": {"cell": "gru"}, "annotations": {"marks": [1, 2]},
                                "lesson": {"scenes": [1, 2], "voice": "alto"}}))
    ws = open_workspace(path, tmp_path / "cache")
    assert ws.extra == {"annotations": {"marks": [1, 2]}}
    assert any("newer rnnviz" in n for n in ws.notes)
    assert [s.broken is not None for s in ws.lesson.scenes] == [True, True]  # kept, skipped
    save_workspace(path, ws)
    saved = json.loads(path.read_text())
    assert saved["annotations"] == {"marks": [1, 2]}
    assert saved["lesson"] == {"scenes": [1, 2], "voice": "alto", "title": {}}


def test_a_missing_file_beside_it_opens_without_it_and_says_which(tmp_path):
    path = tmp_path / "w.rnnviz"
    path.write_text(json.dumps({"format": "rnnviz-workspace", "version": 1,
                                "config": {"input": "gone.csv", "cell": "rnn"}}))
    ws = open_workspace(path, tmp_path / "cache")
    assert ws.config["input"] is None and ws.config["cell"] == "rnn"
    assert any("gone.csv" in n and "config.input" in n for n in ws.notes)


@pytest.mark.parametrize("content, words", [
    ("not json", "not a workspace file"),
    (json.dumps({"format": "other"}), "not an rnnviz workspace"),
    (json.dumps({"format": "rnnviz-workspace", "version": "1", "config": {}}),
     "'version' must be a whole number"),
    (json.dumps({"format": "rnnviz-workspace", "version": 1, "config": []}),
     "'config' must be an object"),
    (json.dumps({"format": "rnnviz-workspace", "version": 1,
                 "config": {"model": "../../etc/passwd"}}), "must name a file in the"),
    (json.dumps({"format": "rnnviz-workspace", "version": 1,
                 "config": {"model": "/etc/passwd"}}), "must name a file in the"),
    (json.dumps({"format": "rnnviz-workspace", "version": 1, "config": {},
                 "cursor": {"unit": -1}}), "'cursor.unit' must be a whole number"),
    (json.dumps({"format": "rnnviz-workspace", "version": 1,
                 "config": {"model": "carried:m.pt"},
                 "files": {"model": [{"name": "../m.pt", "data": ""}]}}),
     "a carried file is a plain file name"),
    (json.dumps({"format": "rnnviz-workspace", "version": 1,
                 "config": {"model": "carried:m.pt"},
                 "files": {"model": [{"name": "m.pt", "data": "%%%"}]}}), "not base64"),
])
def test_malformed_workspaces_are_refused_in_one_sentence(tmp_path, content, words):
    path = tmp_path / "bad.rnnviz"
    path.write_text(content)
    with pytest.raises(RnnvizError, match=words):
        open_workspace(path, tmp_path / "cache")
    assert not (tmp_path / "etc").exists()


def test_saving_needs_the_suffix_and_leaves_no_partial_file(tmp_path):
    with pytest.raises(RnnvizError, match="end in .rnnviz"):
        save_workspace(tmp_path / "w.json", Workspace({}))
    with pytest.raises(RnnvizError, match="does not exist"):
        save_workspace(tmp_path / "w.rnnviz", Workspace({"input": str(tmp_path / "no.csv")}))
    assert list(tmp_path.iterdir()) == []


def test_the_numbers_are_the_same_after_a_round_trip(tmp_path):
    """A trained network carried inside a workspace traces the same numbers reopened."""
    from rnnviz.core.files.modelio import load_network
    from rnnviz.core.trace import compute_trace

    (tmp_path / "models").mkdir()
    (tmp_path / "talk").mkdir()
    model = tiny_checkpoint(tmp_path / "models")
    path = save_workspace(tmp_path / "talk" / "b.rnnviz", Workspace({"model": str(model)}))
    assert json.loads(path.read_text())["config"]["model"] == "carried:m.pt"
    back = open_workspace(path, tmp_path / "cache")
    x = np.random.default_rng(0).normal(size=(5, 1, 2))
    a = compute_trace(load_network(model), x, device="cpu").output
    b = compute_trace(load_network(back.config["model"]), x, device="cpu").output
    assert np.array_equal(a, b)
