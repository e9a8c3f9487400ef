"""Workspace files (`.rnnviz`): what the window shows, saved to be opened again anywhere.

A workspace is JSON, readable and diffable:

    {"format": "rnnviz-workspace", "version": 1,
     "config": {...the window's configuration...},
     "cursor": {"position": 12, "layer": 0, "direction": "fwd", "unit": 3, "batch": 0},
     "view": {"stage": ["graph", "cell"], "layout": "<base64>", "geometry": "<base64>"},
     "files": {"model": {"name": "adding.pt", "data": "<base64>"}, ...}}

Files the configuration names (a model and its `.rnnviz.json` and example input, an input
file, vocabularies) are referenced relative to the workspace when they sit in its folder,
and carried inside it otherwise, so the workspace opens the same on another machine. A
path inside a workspace must stay inside its folder. Keys this version does not know are
kept and written back when it is saved again; a newer version's file opens as far as it
can, with a note.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.atomic import atomic_path
from rnnviz.core.files.lesson import check_cursor, lesson_from_json, lesson_to_json

FORMAT = "rnnviz-workspace"
VERSION = 1
SUFFIX = ".rnnviz"
FILE_FIELDS = ("model", "input", "vocab_file", "target_vocab_file")  # config keys naming files
MAX_CARRIED = 64 << 20  # a file carried inside a workspace: at most this many bytes
MAX_WORKSPACE = 256 << 20


@dataclass
class Workspace:
    config: dict  # the window's Config, as its to_json gives it
    cursor: dict = field(default_factory=dict)  # position, layer, direction, unit, batch
    view: dict = field(default_factory=dict)  # stage views, layout, geometry (base64)
    extra: dict = field(default_factory=dict)  # keys of a newer version, kept as they were
    notes: list[str] = field(default_factory=list)  # what opening it could not do
    lesson: object = None  # a lesson's scenes (core/files/lesson.py Lesson), or None


def _companions(name: str, path: Path) -> list[Path]:
    """A checkpoint travels with its .rnnviz.json and example input (checkpoint.py)."""
    if name != "model":
        return [path]
    from rnnviz.core.files.checkpoint import example_input_path, sidecar_path

    return [path, sidecar_path(path), example_input_path(path)]


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _pack_files(config: dict, folder: Path, carried: dict, where: str) -> dict:
    """`config` with its files named relative to `folder` when inside it, else carried
    (read into `carried` under `where` + key: "model", "lesson.scenes.2.model")."""
    config = dict(config)
    for key in FILE_FIELDS:
        value = config.get(key)
        if not value:
            continue
        source = Path(value)
        if not source.is_file():
            raise RnnvizError(f"the {key.replace('_', ' ')} {source} does not exist; open "
                              f"another one before saving the workspace")
        if _inside(source, folder):
            config[key] = source.resolve().relative_to(folder.resolve()).as_posix()
            continue
        entries = []
        for part in _companions(key, source):
            if not part.is_file():
                continue
            size = part.stat().st_size
            if size > MAX_CARRIED:
                raise RnnvizError(f"{part.name} is {size / 2**20:.0f} MiB, too large to carry "
                                  f"inside a workspace (at most {MAX_CARRIED >> 20} MiB); put "
                                  f"it in {folder} and save again")
            entries.append({"name": part.name,
                            "data": base64.b64encode(part.read_bytes()).decode("ascii")})
        carried[where + key] = entries
        config[key] = f"carried:{source.name}"
    return config


def save_workspace(path: str | Path, workspace: Workspace) -> Path:
    """Write `workspace` to `path` (.rnnviz), atomically; carried files are read now."""
    path = Path(path)
    if path.suffix != SUFFIX:
        raise RnnvizError(f"workspace files end in {SUFFIX}; got {path.name} "
                          f"(try {path.stem}{SUFFIX})")
    folder = path.parent if str(path.parent) else Path(".")
    carried: dict[str, list[dict]] = {}
    config = _pack_files(workspace.config, folder, carried, "")
    data = {**workspace.extra, "format": FORMAT, "version": VERSION, "config": config,
            "cursor": workspace.cursor, "view": workspace.view}
    if workspace.lesson is not None:
        data["lesson"] = lesson_to_json(
            workspace.lesson, lambda scene_config, where: _pack_files(
                scene_config, folder, carried, where), carried)
    if carried:
        data["files"] = carried
    text = json.dumps(data, indent=1, ensure_ascii=False)
    if len(text.encode("utf-8")) > MAX_WORKSPACE:  # it would not open again
        raise RnnvizError(f"this workspace would be {len(text) / 2**20:.0f} MiB with the "
                          f"files it carries, more than rnnviz opens "
                          f"({MAX_WORKSPACE >> 20} MiB); put the models beside it (in "
                          f"{folder}) and save again")
    with atomic_path(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
    return path


def open_workspace(path: str | Path, cache: str | Path) -> Workspace:
    """Read a workspace; carried files are written into `cache` (a folder of the app's,
    named by their contents) and the configuration points at them there."""
    path = Path(path)
    name = path.name
    try:
        if path.stat().st_size > MAX_WORKSPACE:
            raise RnnvizError(f"{name} is larger than any workspace rnnviz writes "
                              f"({MAX_WORKSPACE >> 20} MiB); is it the right file?")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RnnvizError(f"workspace {path} does not exist") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RnnvizError(f"{name} is not a workspace file (not JSON: {exc}); open a "
                          f"{SUFFIX} file saved by rnnviz") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RnnvizError(f"{name} is not an rnnviz workspace (its 'format' is not {FORMAT!r})")
    notes = []
    version = data.get("version")
    if not isinstance(version, int):
        raise RnnvizError(f"{name}: 'version' must be a whole number, got {version!r}")
    if version > VERSION:
        notes.append(f"{name} was written by a newer rnnviz (workspace version {version}; "
                     f"this one reads {VERSION}): opened as far as this version can")
    config = _mapping(data, "config", name)
    cursor = _mapping(data, "cursor", name, required=False)
    view = _mapping(data, "view", name, required=False)
    files = _mapping(data, "files", name, required=False)
    folder = path.parent if str(path.parent) else Path(".")
    config = _unpack_files(config, files, folder, Path(cache), name, notes, "")
    check_cursor(cursor, f"{name}: 'cursor")
    lesson = None
    if data.get("lesson") is not None:
        lesson = lesson_from_json(
            data["lesson"], name, notes, lambda scene_config, where: _unpack_files(
                scene_config, files, folder, Path(cache), name, notes, where), files)
    known = {"format", "version", "config", "cursor", "view", "files", "lesson"}
    extra = {k: v for k, v in data.items() if k not in known}
    return Workspace(config, cursor, view, extra, notes, lesson)


def _unpack_files(config: dict, files: dict, folder: Path, cache: Path, name: str,
                  notes: list[str], where: str) -> dict:
    """`config` with its file names made paths: beside the workspace, or carried inside it
    (unpacked into `cache`); a missing file is left out with a note naming its key."""
    config = dict(config)
    for key in FILE_FIELDS:
        value = config.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value:
            raise RnnvizError(f"{name}: '{_key(where, key)}' must be a file name, got "
                              f"{value!r}")
        if value.startswith("carried:"):
            config[key] = str(_unpack(files.get(where + key), where + key,
                                      value[len("carried:"):], name, cache))
            continue
        target = folder / value
        if Path(value).is_absolute() or not _inside(target, folder):
            raise RnnvizError(f"{name}: '{_key(where, key)}' ({value}) must name a file in "
                              f"the workspace's folder or below it, not elsewhere")
        if not target.is_file() and where:  # a scene without its model is not that scene
            raise RnnvizError(f"the {key.replace('_', ' ')} {value} ('{_key(where, key)}') "
                              f"is missing beside the workspace")
        if not target.is_file():
            notes.append(f"{name}: the {key.replace('_', ' ')} {value} "
                         f"('{_key(where, key)}') is missing beside the workspace; opened "
                         f"without it")
            config[key] = None
            continue
        config[key] = str(target)
    return config


def _key(where: str, key: str) -> str:
    """The dotted key a note names: 'config.model', 'lesson.scenes.2.config.model'."""
    return f"{where}config.{key}"


def _mapping(data: dict, key: str, name: str, required: bool = True) -> dict:
    value = data.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise RnnvizError(f"{name}: '{key}' must be an object of settings, got "
                          f"{type(value).__name__}")
    return dict(value)


def _unpack(entries, key: str, wanted: str, name: str, cache: Path) -> Path:
    """The carried files of one key into the cache: returns the main file's path."""
    if not isinstance(entries, list) or not entries:
        raise RnnvizError(f"{name}: 'config.{key}' says the file is carried inside, but "
                          f"'files.{key}' holds nothing")
    blobs = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) \
                or not isinstance(entry.get("data"), str):
            raise RnnvizError(f"{name}: each of 'files.{key}' needs a 'name' and 'data'")
        part = entry["name"]
        if Path(part).name != part or part in ("", ".", ".."):
            raise RnnvizError(f"{name}: 'files.{key}' names {part!r}; a carried file is a "
                              f"plain file name")
        try:
            raw = base64.b64decode(entry["data"], validate=True)
        except ValueError:
            raise RnnvizError(f"{name}: 'files.{key}' {part}: its data is not base64") \
                from None
        blobs.append((part, raw))
    digest = hashlib.sha256(b"".join(raw for _, raw in blobs)).hexdigest()[:16]
    folder = cache / digest
    folder.mkdir(parents=True, exist_ok=True)
    for part, raw in blobs:
        target = folder / part
        if not target.is_file() or target.read_bytes() != raw:
            with atomic_path(target) as tmp:
                Path(tmp).write_bytes(raw)
    main = folder / wanted
    if not main.is_file():
        raise RnnvizError(f"{name}: 'files.{key}' does not carry {wanted}")
    return main
