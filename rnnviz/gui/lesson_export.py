"""A lesson exported: one PDF page per scene (the stage picture and its caption, vector,
the caption's text as text), or a folder of PNG and SVG figures, one of each per scene.

Each scene is computed and arranged as the stage would show it, then drawn by the stage
itself, off screen, at the size of a 1080p projector (figure.staged): a page is what the
room saw. A scene that plays a range of steps is drawn at the range's last step.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QWidget

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.atomic import atomic_path
from rnnviz.gui.figure import (
    DPI,
    render_image,
    settle,
    staged,
    vector_symbols,
    warm_up,
    write_vector,
)
from rnnviz.gui.i18n import tr
from rnnviz.gui.workspace_io import put_cursor

PAGE = (1920, 1080)  # logical pixels: a 1080p screen
FLOOR_PX = 18.0  # the smallest text on a 1080p stage (stage.floor_for_screen)
TRAIN_LIMIT_S = 600


def _file_stem(k: int, title: str) -> str:
    words = re.sub(r"[^\w]+", "-", title, flags=re.UNICODE).strip("-").lower()
    return f"{k + 1:02d}-{words[:40] or 'scene'}"


def arrange_now(window, player, k: int) -> None:
    """Scene k computed and arranged, synchronously (no play: the range's last step)."""
    scene, sim = player.lesson.scenes[k], window.sim
    config = player.config_of(k)
    if sim.snapshot is None or config != sim.config:
        errors: list[str] = []
        sim.error.connect(errors.append)
        try:
            window.start(config)
            sim.wait()
            QApplication.processEvents()
            sim.wait()  # gradients, when the scene asks for them
            QApplication.processEvents()
        finally:
            sim.error.disconnect(errors.append)
        if errors or sim.config != config:
            raise RnnvizError(tr("scene {n} could not be computed: {why}").format(
                n=k + 1, why=errors[-1] if errors else tr("the configuration was refused")))
    if scene.train is not None:  # the page shows the run finished: its curve, its network
        _train_now(window, scene.train)
    put_cursor(sim, scene.cursor, scene.play[1] if scene.play is not None else None)
    player.index = k
    QApplication.processEvents()


def _train_now(window, train: dict) -> None:
    import time

    from rnnviz.gui.lesson_player import start_training, training_running

    start_training(window, train)
    deadline = time.monotonic() + TRAIN_LIMIT_S
    while training_running(window):
        if time.monotonic() > deadline:
            raise RnnvizError(tr("a scene's training ran past {s} s; give it fewer steps")
                              .format(s=TRAIN_LIMIT_S))
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(3):  # the trained network opened, computed, laid out
        QApplication.processEvents()
        window.sim.wait()
    QApplication.processEvents()


def export_lesson(window, player, pdf: str | Path | None = None,
                  folder: str | Path | None = None, size: tuple[int, int] = PAGE,
                  formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Write the lesson's scenes: a PDF (one page each) and/or PNG/SVG files in `folder`.
    Nothing is left half-written if a scene fails. Returns the files written."""
    scenes = player.lesson.playable()
    if not scenes:
        raise RnnvizError(tr("the lesson has no scene to export"))
    player.hold()
    before = _window_state(window, player)
    existing = {p for p in ([Path(pdf)] if pdf is not None else []) if p.exists()}
    if folder is not None and Path(folder).is_dir():
        existing |= set(Path(folder).iterdir())
    written: list[Path] = []
    try:
        _write(window, player, scenes, pdf, folder, size, formats, written)
    except BaseException:
        for path in written:  # a lesson exported whole or not at all (files that were
            if path not in existing:  # there before are another export's: kept)
                path.unlink(missing_ok=True)
        raise
    finally:
        _restore(window, player, before)
    return written


def _window_state(window, player) -> tuple:
    sim = window.sim
    return (player.index, sim.config, sim.position, sim.layer, sim.direction, sim.unit,
            sim.batch_index)


def _restore(window, player, state: tuple) -> None:
    """The window as it was before the export: its scene, or its network and cursor."""
    index, config, position, layer, direction, unit, batch = state
    sim = window.sim
    if index is not None and index in player.lesson.playable():
        arrange_now(window, player, index)
        player.scene_shown.emit(index)
        return
    player.index = index
    if config != sim.config:
        window.start(config)
        sim.wait()
        QApplication.processEvents()
    sim.select(layer=layer, direction=direction, unit=unit, batch=batch)
    sim.seek(position)


def _write(window, player, scenes, pdf, folder, size, formats, written: list) -> None:
    width, height = size
    if folder is not None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
    if pdf is not None:
        pdf = Path(pdf)
        with atomic_path(pdf) as tmp:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(DPI)
            writer.setCreator("rnnviz")
            writer.setTitle(player.lesson_title())
            points = QSizeF(width * 72 / DPI, height * 72 / DPI)
            # the page is the stage's size as given (no rotation: a viewer shows it wide)
            writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize.Point),
                                             QPageLayout.Portrait, QMarginsF(0, 0, 0, 0)))
            painter = QPainter()
            try:
                for n, k in enumerate(scenes):
                    with _scene_stage(window, player, k, width, height) as stage:
                        if n == 0:
                            if not painter.begin(writer):
                                raise RnnvizError(tr("could not start writing {name} (is the "
                                                     "folder writable?)").format(name=pdf.name))
                        else:
                            writer.newPage()
                        with vector_symbols(stage):
                            QWidget.render(stage, painter, QPoint())
            finally:
                if painter.isActive() and not painter.end():
                    raise RnnvizError(tr("could not finish writing {name} (is the disk "
                                         "full?)").format(name=pdf.name))
            del writer  # the file closed before it is renamed into place
        written.append(pdf)
    if folder is not None:
        for k in scenes:
            stem = _file_stem(k, player.title(k))
            with _scene_stage(window, player, k, width, height) as stage:
                if "png" in formats:
                    path = folder / f"{stem}.png"
                    image = render_image(stage, 1.0)
                    with atomic_path(path) as tmp:
                        if not image.save(str(tmp), "PNG"):
                            raise RnnvizError(tr("could not write {name}").format(
                                name=path.name))
                    written.append(path)
                if "svg" in formats:
                    written.append(write_vector(stage, folder / f"{stem}.svg",
                                                player.title(k)))


@contextlib.contextmanager
def _scene_stage(window, player, k: int, width: int, height: int):
    """Scene k arranged and drawn on an off-screen stage of width × height, with its
    header and caption, as the room sees it."""
    arrange_now(window, player, k)
    with staged(window, list(player.lesson.scenes[k].stage), width, height, header=True,
                floor_px=FLOOR_PX * height / PAGE[1]) as stage:
        stage.set_caption(player.caption(k))
        stage.refresh()
        settle()
        warm_up(stage)  # the views narrowed for the caption: axes measured again
        yield stage
