"""Networks trained in the window, kept in the app's data folder until the user discards
them, so that a relaunch reopens what was on screen.

Each set of weights shown is a trained checkpoint (the weights, their .rnnviz.json and
example input: checkpoint.save_trained) in data_folder()/trained/. A window owns the
files it wrote and the ones it reopened at launch; once none of its configurations
names one (another model opened, random weights chosen, newer weights shown) the file
is deleted. Closing the window discards nothing: what it shows stays for the next launch.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from rnnviz.gui.config import Config
from rnnviz.gui.i18n import tr
from rnnviz.gui.settings import data_folder

log = logging.getLogger("rnnviz")
KEPT_FOLDER = "trained"


def kept_folder() -> Path:
    return data_folder() / KEPT_FOLDER


def is_kept(path: str | Path | None) -> bool:
    """Is `path` a file this module keeps (wherever the data folder is now)?"""
    if not path:
        return False
    try:
        return Path(path).resolve().parent == kept_folder().resolve()
    except OSError:
        return False


def checkpoint_files(model: str | Path) -> list[Path]:
    """A trained checkpoint's three files: weights, JSON, example input."""
    from rnnviz.core.files.checkpoint import example_input_path, sidecar_path  # torch: late

    return [Path(model), sidecar_path(model), example_input_path(model)]


def new_kept_path() -> Path:
    """A fresh weights path in the kept folder (created); none of its three files exists.
    OSError when the folder cannot be made (a read-only home, say)."""
    folder = kept_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for k in range(1, 10_000):
        path = folder / f"trained-{stamp}-{k}.pt"
        if not any(p.exists() for p in checkpoint_files(path)):
            return path
    raise OSError(tr("no free file name left in {folder}").format(folder=folder))


def reopenable(config: Config) -> Config | None:
    """A saved configuration as it can reopen: None when its kept network is gone (the
    user emptied the data folder), its input back to the preset when only that is gone."""
    if is_kept(config.model) and not Path(config.model).is_file():
        return None
    if is_kept(config.input) and not Path(config.input).is_file():
        return config.with_(input=None, input_title=None)
    return config


class KeptWeights:
    """The kept files one window owns, deleted once no configuration names them."""

    def __init__(self):
        self.owned: set[Path] = set()

    def adopt(self, config: Config | None) -> None:
        """The files a configuration names in the kept folder become this window's."""
        if config is None:
            return
        self.own(config.model)
        if is_kept(config.input):
            self.owned.add(Path(config.input).resolve())

    def own(self, model: str | Path | None) -> None:
        """A checkpoint written (or reopened) in the kept folder is this window's."""
        if is_kept(model):
            self.owned.update(p.resolve() for p in checkpoint_files(model))

    def discard_unused(self, *configs: Config) -> list[Path]:
        """Delete the owned files that none of `configs` names; returns those deleted."""
        named: set[Path] = set()
        for config in configs:
            if config.model:
                named.update(p.resolve() for p in checkpoint_files(config.model))
            if config.input:
                named.add(Path(config.input).resolve())
        deleted = []
        for path in sorted(self.owned - named):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:  # kept for later: the window goes on either way
                log.warning("could not delete %s: %s", path, exc)
                continue
            self.owned.discard(path)
            deleted.append(path)
        return deleted
