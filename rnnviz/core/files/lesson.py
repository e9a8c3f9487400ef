"""Lessons: a workspace with an ordered list of scenes, each a state of the window and a
caption, given one after another (PageDown / PageUp) on the stage.

In the workspace file (core/files/workspace.py), under "lesson":

    "lesson": {"title": {"en": "Recurrent networks", "zh_CN": "循环神经网络"},
               "scenes": [{"title": {"en": "The forget gate", "zh_CN": "遗忘门"},
                           "config": {"cell": "lstm"},      <- only what differs from the
                           "cursor": {"position": 12},          workspace's own "config"
                           "stage": ["graph", "cell"],
                           "caption": {"en": "Markdown with $c_t = f_t ⊙ c_{t-1}$ ...",
                                       "zh_CN": "..."},
                           "play": [0, 20]},
                          {"stage": ["training", "graph"],
                           "train": {"task": "sine", "steps": 300}}, ...]}

A scene with "train" trains the network it shows on a bundled task when it is shown (the
Training panel's run: the loss curve drawn live). A scene's configuration is the
workspace's with the scene's keys on top, so a hand-written
lesson names only what changes. Texts are given per language (a key of the window's
languages; a plain string means English) and shown in the window's language, else English.
A scene that cannot be read is kept as it was (and written back so) and skipped, with a
note saying which and why: opening a lesson never loses part of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rnnviz.core.errors import RnnvizError

CURSOR_KEYS = ("position", "layer", "direction", "unit", "batch")
VIEW_NAMES = ("graph", "cell", "equations", "states", "output", "gradients", "training")
SCENE_KEYS = {"title", "config", "cursor", "stage", "caption", "play", "train"}
TRAIN_KEYS = {"task": str, "steps": int, "lr": float, "batch_size": int, "seed": int}
MAX_TRAIN_STEPS = 100_000
MAX_STEP = 100_000_000  # a play range's steps (a window shows sequences up to 10^6)
MAX_SEED = 2**31 - 1


@dataclass
class Scene:
    config: dict = field(default_factory=dict)  # overrides onto the lesson's configuration
    cursor: dict = field(default_factory=dict)
    stage: list[str] = field(default_factory=lambda: ["graph", "cell"])
    caption: dict[str, str] = field(default_factory=dict)  # language -> Markdown
    title: dict[str, str] = field(default_factory=dict)
    play: tuple[int, int] | None = None  # steps to play, first and last (inclusive)
    train: dict | None = None  # a training run when shown: task, steps, lr, batch_size, seed
    extra: dict = field(default_factory=dict)  # keys of a newer version, kept
    broken: str | None = None  # why it cannot be shown (then `raw` is what the file held)
    raw: object = None
    raw_files: dict = field(default_factory=dict)  # a broken scene's carried files, by key


@dataclass
class Lesson:
    title: dict[str, str] = field(default_factory=dict)
    scenes: list[Scene] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def playable(self) -> list[int]:
        """Indices of the scenes that can be shown."""
        return [k for k, s in enumerate(self.scenes) if s.broken is None]


def text_in(texts: dict[str, str], language: str) -> str:
    """A text in `language`, else English, else any there is, else ''."""
    if not texts:
        return ""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()))


def scene_config(base: dict, scene: Scene) -> dict:
    """The configuration a scene shows: the lesson's, with the scene's keys on top."""
    return {**base, **scene.config}


def config_changes(base: dict, config: dict) -> dict:
    """What a recorded scene keeps: the keys whose values differ from the lesson's."""
    return {k: v for k, v in config.items() if base.get(k) != v}


# ----- to and from the file ----------------------------------------------------------------
def lesson_to_json(lesson: Lesson, place_files: Callable[[dict, str], dict],
                   carried: dict) -> dict:
    """The "lesson" entry of a workspace. `place_files(config, where)` names or carries
    the files a scene's configuration points at (workspace.py); a scene that could not be
    read goes back as it was, its carried files (into `carried`) with it."""
    scenes = []
    for k, scene in enumerate(lesson.scenes):
        if scene.broken is not None:
            scenes.append(scene.raw)
            for key, entries in scene.raw_files.items():
                carried[f"lesson.scenes.{k}.{key}"] = entries
            continue
        entry = {**scene.extra, "title": scene.title,
                 "config": place_files(scene.config, f"lesson.scenes.{k}."),
                 "cursor": scene.cursor, "stage": list(scene.stage), "caption": scene.caption}
        if scene.play is not None:
            entry["play"] = list(scene.play)
        if scene.train is not None:
            entry["train"] = dict(scene.train)
        scenes.append(entry)
    return {**lesson.extra, "title": lesson.title, "scenes": scenes}


def lesson_from_json(data, name: str, notes: list[str],
                     open_files: Callable[[dict, str], dict], files: dict) -> Lesson:
    """A Lesson from a workspace's "lesson" entry; a scene that cannot be read is kept as
    it was (with its carried files, from `files`), marked broken, with a note naming it
    and its key."""
    if not isinstance(data, dict):
        raise RnnvizError(f"{name}: 'lesson' must be an object with 'scenes', got "
                          f"{type(data).__name__}")
    scenes_data = data.get("scenes", [])
    if not isinstance(scenes_data, list):
        raise RnnvizError(f"{name}: 'lesson.scenes' must be a list of scenes, got "
                          f"{type(scenes_data).__name__}")
    lesson = Lesson(title=_texts(data.get("title"), f"{name}: 'lesson.title'"),
                    extra={k: v for k, v in data.items() if k not in ("title", "scenes")})
    for k, raw in enumerate(scenes_data):
        where, notes_before = f"lesson.scenes.{k}.", len(notes)
        try:
            scene = _scene(raw, f"{name}: 'lesson.scenes.{k}")
            scene.config = open_files(scene.config, where)
        except RnnvizError as exc:
            del notes[notes_before:]  # the scene's own file notes: it is not shown at all
            reason = str(exc).removeprefix(f"{name}: ")
            notes.append(f"{name}: scene {k + 1} cannot be shown ({reason}); it is kept as "
                         f"it is in the file")
            prefix = f"lesson.scenes.{k}."
            scene = Scene(broken=reason, raw=raw,
                          raw_files={key[len(prefix):]: entries for key, entries
                                     in files.items() if key.startswith(prefix)})
        lesson.scenes.append(scene)
    return lesson


def _scene(raw, where: str) -> Scene:
    if not isinstance(raw, dict):
        raise RnnvizError(f"{where}' must be an object, got {type(raw).__name__}")
    config = raw.get("config", {})
    if not isinstance(config, dict):
        raise RnnvizError(f"{where}.config' must be an object of settings")
    cursor = raw.get("cursor", {})
    if not isinstance(cursor, dict):
        raise RnnvizError(f"{where}.cursor' must be an object")
    check_cursor(cursor, where + ".cursor")
    stage = raw.get("stage", ["graph", "cell"])
    if not isinstance(stage, list) or not 1 <= len(stage) <= 2 or \
            any(v not in VIEW_NAMES for v in stage) or len(set(stage)) != len(stage):
        raise RnnvizError(f"{where}.stage' must list one or two different views of "
                          f"{', '.join(VIEW_NAMES)}, got {stage!r}")
    play = raw.get("play")
    if play is not None:
        if not (isinstance(play, list) and len(play) == 2 and
                all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_STEP
                    for v in play)
                and play[0] <= play[1]):
            raise RnnvizError(f"{where}.play' must be [first, last] steps, first ≤ last, "
                              f"at most {MAX_STEP:,}, got {play!r}")
        play = (play[0], play[1])
    train = raw.get("train")
    if train is not None:
        _check_train(train, where + ".train'")
    return Scene(config=dict(config), cursor=dict(cursor), stage=list(stage), train=train,
                 caption=_texts(raw.get("caption"), where + ".caption'"),
                 title=_texts(raw.get("title"), where + ".title'"), play=play,
                 extra={k: v for k, v in raw.items() if k not in SCENE_KEYS})


def _check_train(train, where: str) -> None:
    from rnnviz.core.tasks import TASK_NAMES

    if not isinstance(train, dict) or train.get("task") not in TASK_NAMES:
        raise RnnvizError(f"{where} needs a 'task', one of {', '.join(TASK_NAMES)}; got "
                          f"{train!r}")
    for key, value in train.items():
        kind = TRAIN_KEYS.get(key)
        if kind is None:
            raise RnnvizError(f"{where} has {key!r}; it takes {', '.join(TRAIN_KEYS)}")
        if kind is int and (not isinstance(value, int) or isinstance(value, bool)
                            or not 1 <= value <= MAX_TRAIN_STEPS) and key != "seed":
            raise RnnvizError(f"{where}: {key!r} must be a whole number from 1 to "
                              f"{MAX_TRAIN_STEPS:,}, got {value!r}")
        if kind is float and (not isinstance(value, (int, float)) or isinstance(value, bool)
                              or not 0 < value < 10):
            raise RnnvizError(f"{where}: {key!r} must be a number between 0 and 10, got "
                              f"{value!r}")
        if key == "seed" and (not isinstance(value, int) or isinstance(value, bool)
                              or not 0 <= value <= MAX_SEED):
            raise RnnvizError(f"{where}: 'seed' must be a whole number from 0 to "
                              f"{MAX_SEED}, got {value!r}")


def _texts(value, where: str) -> dict[str, str]:
    """{"en": ..., "zh_CN": ...}; a plain string is English."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str)
                                       for k, v in value.items()):
        return dict(value)
    raise RnnvizError(f"{where} must be a text or texts by language "
                      f"({{\"en\": ..., \"zh_CN\": ...}}), got {value!r}")


def check_cursor(cursor: dict, where: str) -> None:
    """Whole numbers ≥ 0 for position, layer, unit and batch; fwd or bwd."""
    for key in ("position", "layer", "unit", "batch"):
        value = cursor.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise RnnvizError(f"{where}.{key}' must be a whole number ≥ 0, got {value!r}")
    if cursor.get("direction", "fwd") not in ("fwd", "bwd"):
        raise RnnvizError(f"{where}.direction' must be fwd or bwd, got "
                          f"{cursor.get('direction')!r}")
