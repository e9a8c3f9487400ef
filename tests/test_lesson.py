"""Lessons in workspace files: scenes saved and opened again exactly, their files carried
or named relative, texts by language, and a scene that cannot be read kept, not lost."""

from __future__ import annotations

import json

import pytest
from file_support import tiny_checkpoint

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.lesson import (
    Lesson,
    Scene,
    config_changes,
    scene_config,
    text_in,
)
from rnnviz.core.files.workspace import Workspace, open_workspace, save_workspace


def _lesson(*scenes: Scene) -> Lesson:
    return Lesson(title={"en": "RNNs", "zh_CN": "循环神经网络"}, scenes=list(scenes))


def test_scenes_round_trip_exactly(tmp_path):
    scenes = [Scene(config={"cell": "gru"}, cursor={"position": 3, "unit": 2},
                    stage=["cell"], caption={"en": "The *update* gate $z_t$", "zh_CN": "更新门"},
                    title={"en": "GRU", "zh_CN": "门控循环单元"}, play=(0, 9)),
              Scene(config={}, cursor={"position": 0}, stage=["graph", "states"])]
    ws = Workspace({"cell": "lstm", "hidden_size": 4}, lesson=_lesson(*scenes))
    path = save_workspace(tmp_path / "l.rnnviz", ws)
    back = open_workspace(path, tmp_path / "cache").lesson
    assert back.title == {"en": "RNNs", "zh_CN": "循环神经网络"}
    assert back.scenes == scenes
    assert back.playable() == [0, 1]


def test_a_scene_names_only_what_differs_and_inherits_the_rest():
    base = {"cell": "lstm", "hidden_size": 4, "length": 30}
    changed = config_changes(base, {"cell": "gru", "hidden_size": 4, "length": 30})
    assert changed == {"cell": "gru"}
    assert scene_config(base, Scene(config=changed)) == {**base, "cell": "gru"}


def test_texts_fall_back_to_english_then_any():
    assert text_in({"en": "gate", "zh_CN": "门"}, "zh_CN") == "门"
    assert text_in({"en": "gate"}, "zh_CN") == "gate"
    assert text_in({"zh_CN": "门"}, "en") == "门"
    assert text_in({}, "en") == ""


def test_each_scenes_model_is_carried_under_its_own_key_and_opens_elsewhere(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    a, b = tiny_checkpoint(models, "a.pt"), tiny_checkpoint(models, "b.pt")
    folder = tmp_path / "lecture"
    folder.mkdir()
    ws = Workspace({"model": str(a)}, lesson=_lesson(Scene(config={}),
                                                      Scene(config={"model": str(b)})))
    path = save_workspace(folder / "l.rnnviz", ws)
    saved = json.loads(path.read_text())
    assert saved["lesson"]["scenes"][1]["config"]["model"] == "carried:b.pt"
    assert {"model", "lesson.scenes.1.model"} <= set(saved["files"])
    for f in models.iterdir():
        f.unlink()
    back = open_workspace(path, tmp_path / "cache")
    assert back.config["model"].endswith("a.pt")
    assert back.lesson.scenes[1].config["model"].endswith("b.pt")
    assert back.lesson.scenes[1].config["model"] != back.config["model"]


def test_a_scene_whose_file_is_missing_is_kept_aside_with_its_key(tmp_path):
    """Shown without its model, a scene would show another network: it is skipped, named,
    and saved back naming the file still (put the file back and it opens)."""
    path = tmp_path / "l.rnnviz"
    scene = {"config": {"input": "gone.csv"}}
    path.write_text(json.dumps({
        "format": "rnnviz-workspace", "version": 1, "config": {"cell": "lstm"},
        "lesson": {"scenes": [scene]}}))
    ws = open_workspace(path, tmp_path / "cache")
    assert ws.lesson.playable() == []
    assert any("gone.csv" in n and "lesson.scenes.0.config.input" in n for n in ws.notes)
    save_workspace(path, ws)
    assert json.loads(path.read_text())["lesson"]["scenes"] == [scene]
    (tmp_path / "gone.csv").write_text("0.1\n0.2\n")
    assert open_workspace(path, tmp_path / "cache").lesson.playable() == [0]


def test_a_broken_scene_keeps_its_carried_files_when_saved_back(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    model = tiny_checkpoint(models, "m.pt")
    folder = tmp_path / "lecture"
    folder.mkdir()
    ws = Workspace({}, lesson=_lesson(Scene(config={"model": str(model)})))
    path = save_workspace(folder / "l.rnnviz", ws)
    data = json.loads(path.read_text())
    data["lesson"]["scenes"][0]["stage"] = ["attention"]  # a view of a newer version
    data["lesson"]["scenes"].insert(0, {"caption": "first"})
    data["files"]["lesson.scenes.1.model"] = data["files"].pop("lesson.scenes.0.model")
    path.write_text(json.dumps(data))
    back = open_workspace(path, tmp_path / "cache")
    assert back.lesson.playable() == [0]
    back.lesson.scenes.pop(0)  # the scene before it removed: it moves to index 0
    save_workspace(path, back)
    saved = json.loads(path.read_text())
    assert {e["name"] for e in saved["files"]["lesson.scenes.0.model"]} >= {"m.pt"}


@pytest.mark.parametrize("scene, words", [
    ("not a scene", "must be an object"),
    ({"stage": ["graph", "cell", "states"]}, "one or two"),
    ({"stage": ["nowhere"]}, "one or two"),
    ({"stage": ["graph", "graph"]}, "different views"),
    ({"play": [0, 10**12]}, "at most"),
    ({"train": {"task": "sine", "seed": 10**12}}, "'seed'"),
    ({"cursor": {"position": -1}}, "cursor.position"),
    ({"cursor": {"direction": "up"}}, "fwd or bwd"),
    ({"play": [5, 2]}, "first ≤ last"),
    ({"caption": 7}, "texts by language"),
    ({"config": {"model": "/etc/passwd"}}, "workspace's folder"),
    ({"config": {"model": "carried:x.pt"}}, "carried inside"),
])
def test_a_bad_scene_is_kept_as_it_was_skipped_and_named(tmp_path, scene, words):
    path = tmp_path / "l.rnnviz"
    good = {"caption": "fine"}
    path.write_text(json.dumps({"format": "rnnviz-workspace", "version": 1,
                                "config": {}, "lesson": {"scenes": [good, scene]}}))
    ws = open_workspace(path, tmp_path / "cache")
    assert ws.lesson.playable() == [0]
    assert words in ws.lesson.scenes[1].broken
    assert any("scene 2 cannot be shown" in n and words in n for n in ws.notes)
    save_workspace(path, ws)  # saved back: the broken scene is exactly as it was
    assert json.loads(path.read_text())["lesson"]["scenes"][1] == scene


@pytest.mark.parametrize("lesson, words", [
    ([1], "'lesson' must be an object"),
    ({"scenes": {"a": 1}}, "'lesson.scenes' must be a list"),
    ({"title": 3, "scenes": []}, "'lesson.title'"),
])
def test_a_malformed_lesson_is_refused_in_one_sentence(tmp_path, lesson, words):
    path = tmp_path / "l.rnnviz"
    path.write_text(json.dumps({"format": "rnnviz-workspace", "version": 1, "config": {},
                                "lesson": lesson}))
    with pytest.raises(RnnvizError, match=words.replace("(", r"\(")):
        open_workspace(path, tmp_path / "cache")
