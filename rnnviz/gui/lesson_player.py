"""Giving a lesson: showing its scenes one after another, and recording new ones.

A scene is shown by computing its configuration (only when it differs from what the
window shows: stepping through scenes of one network never recomputes), then putting its
cursor, selection and stage views back, and its caption beside them on the stage. A
scene with a step range plays it once it is shown. The lesson itself (its scenes, their
order and captions) is edited here too, and saved with the workspace (workspace_io).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QTimer, Signal

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.lesson import Lesson, Scene, config_changes, scene_config, text_in
from rnnviz.gui.caption import caption_html
from rnnviz.gui.config import Config
from rnnviz.gui.i18n import language, tr
from rnnviz.gui.validation import check_config
from rnnviz.gui.workspace_io import put_cursor

PLAY_SPEED = 4  # steps per second of a scene's range when the transport says nothing faster


class LessonPlayer(QObject):
    """The window's open lesson: which scene is shown, and the edits to the lesson."""

    scene_shown = Signal(int)  # a scene is on (its index)
    changed = Signal()  # scenes added, removed, moved or re-captioned (unsaved)

    def __init__(self, window, lesson: Lesson, base: dict):
        super().__init__(window)
        self.window = window
        self.lesson = lesson
        self.base = dict(base)  # the lesson's configuration: scenes keep what differs
        self.index: int | None = None
        self.caption_language: str | None = None  # None: the window's language
        self.unsaved = False
        self._waiting = None  # (slot on trace_changed, slot on error) of a scene computing
        self._training: Scene | None = None  # the scene whose training run is going
        self._play = QTimer(self)
        self._play.timeout.connect(self._play_tick)
        self._play_last = 0

    # ----- texts ---------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self.caption_language or language()

    def lesson_title(self) -> str:
        return text_in(self.lesson.title, self.language) or tr("Lesson")

    def title(self, k: int) -> str:
        scene = self.lesson.scenes[k]
        if scene.broken is not None:
            return tr("(cannot be shown: {why})").format(why=scene.broken)
        return text_in(scene.title, self.language) or tr("Scene {n}").format(n=k + 1)

    def caption(self, k: int) -> str:
        """Scene k's caption as rich text (its title a heading), in the caption language."""
        scene = self.lesson.scenes[k]
        return caption_html(text_in(scene.caption, self.language), self.title(k))

    def footer(self, k: int) -> str:
        shown = self.lesson.playable()
        number = shown.index(k) + 1 if k in shown else k + 1
        return (f"<p style='color:#777777'>{number} / {len(shown)} &nbsp;·&nbsp; "
                + tr("PageDown next scene · PageUp previous") + "</p>")

    # ----- showing scenes ------------------------------------------------------------------
    def config_of(self, k: int) -> Config:
        return Config.from_mapping(scene_config(self.base, self.lesson.scenes[k]))

    def show_scene(self, k: int) -> None:
        """Show scene k (in the window, or on the stage when it is up)."""
        scene = self.lesson.scenes[k]
        if scene.broken is not None:
            self.window.report_error(tr("Scene {n} cannot be shown: {why}").format(
                n=k + 1, why=scene.broken))
            return
        self.hold()
        if self._training is not None and self._training is not scene:
            abandon_training(self.window)  # its result must not replace this scene's network
            self._training = None
        self.index = k
        self.scene_shown.emit(k)
        config, sim = self.config_of(k), self.window.sim
        problem = check_config(config)
        if problem:  # refused before computing: said now, the window's network stays
            self.show_caption(k)
            self.window.report_error(tr("Scene {n} cannot be shown: {why}").format(
                n=k + 1, why=problem))
            return
        if sim.snapshot is not None and config == sim.config and sim.requested == sim.config:
            self._arrange(k)
            return

        def arrived() -> None:
            self._cancel_waiting()
            if self.index == k:
                self._arrange(k)

        def failed(*_args) -> None:
            self._cancel_waiting()  # the window says what went wrong; the caption stays
            self.show_caption(k)

        self._waiting = (arrived, failed)
        sim.trace_changed.connect(arrived)
        sim.error.connect(failed)
        self.show_caption(k)
        self.window.start(config)

    def _cancel_waiting(self) -> None:
        if self._waiting is not None:
            arrived, failed = self._waiting
            self._waiting = None
            self.window.sim.trace_changed.disconnect(arrived)
            self.window.sim.error.disconnect(failed)

    def _arrange(self, k: int) -> None:
        """The scene's cursor, selection and views (its configuration is computed)."""
        scene, sim = self.lesson.scenes[k], self.window.sim
        start = scene.play[0] if scene.play is not None else scene.cursor.get("position", 0)
        put_cursor(sim, scene.cursor, start)
        control = self.window.stage_control
        if control.active:
            control.show(list(scene.stage))
        self.show_caption(k)
        if scene.train is not None:
            start_training(self.window, scene.train)
            self._training = scene
        if scene.play is not None and scene.play[1] > start:
            self._play_last = min(scene.play[1], sim.length - 1)
            speed = max(PLAY_SPEED, self.window.transport.speed.value())
            self._play.start(max(1, int(1000 / speed)))

    def show_caption(self, k: int) -> None:
        stage = self.window.stage_control.stage
        if stage is not None:
            stage.set_caption(self.caption(k) + self.footer(k))

    def _play_tick(self) -> None:
        sim = self.window.sim
        if sim.position >= self._play_last:
            self._stop_play()
            return
        sim.step(1)

    def _stop_play(self) -> None:
        self._play.stop()

    def next(self) -> None:
        self._go(+1)

    def previous(self) -> None:
        self._go(-1)

    def _go(self, delta: int) -> None:
        shown = self.lesson.playable()
        if not shown:
            return
        if self.index is None:
            target = shown[0] if delta > 0 else shown[-1]
        else:
            later = [k for k in shown if (k - self.index) * delta > 0]
            if not later:
                return  # the first or last scene: stay
            target = later[0] if delta > 0 else later[-1]
        self.show_scene(target)

    def present(self, k: int | None = None, fullscreen: bool = True) -> None:
        """The lesson on the stage, from scene k (default: the one shown, or the first)."""
        shown = self.lesson.playable()
        if not shown:
            raise RnnvizError(tr("this lesson has no scene to show yet: add one with "
                                 "Lesson → Add scene"))
        k = k if k is not None else self.index if self.index in shown else shown[0]
        if k not in shown:
            raise RnnvizError(tr("Scene {n} cannot be shown: {why}").format(
                n=k + 1, why=self.lesson.scenes[k].broken))
        scene = self.lesson.scenes[k]
        self.window.stage_control.enter(list(scene.stage), fullscreen=fullscreen)
        self.show_scene(k)

    def hold(self) -> None:
        """Nothing of a scene goes on by itself: no play, no scene waiting for its trace."""
        self._stop_play()
        self._cancel_waiting()

    def left_stage(self) -> None:
        self._stop_play()

    def close(self) -> None:
        """The lesson is put away (another opened): nothing of it keeps running."""
        self.hold()
        if self._training is not None:
            abandon_training(self.window)
            self._training = None

    # ----- editing the lesson --------------------------------------------------------------
    def record(self) -> Scene:
        """The window's state now as a scene (no caption yet)."""
        window, sim = self.window, self.window.sim
        config = json.loads(sim.config.to_json())
        control = window.stage_control
        stage = list(control.stage.names) if control.active else list(control.names)
        return Scene(config=config_changes(self.base, config),
                     cursor={"position": sim.position, "layer": sim.layer,
                             "direction": sim.direction, "unit": sim.unit,
                             "batch": sim.batch_index},
                     stage=stage[:2] or ["graph", "cell"])

    def add_scene(self) -> int:
        """Record the window's state as a new scene after the one shown; returns its index."""
        at = len(self.lesson.scenes) if self.index is None else self.index + 1
        self.lesson.scenes.insert(at, self.record())
        self.index = at
        self.mark_changed()
        return at

    def update_scene(self, k: int) -> None:
        """Scene k shows the window's state now; its title and caption stay."""
        old = self.lesson.scenes[k]
        new = self.record()
        new.title, new.caption, new.play, new.train, new.extra = \
            old.title, old.caption, old.play, old.train, old.extra
        if not self.window.stage_control.active:  # the window shows no stage views
            new.stage = list(old.stage)
        self.lesson.scenes[k] = new
        self.mark_changed()

    def remove(self, k: int) -> None:
        del self.lesson.scenes[k]
        if self.index is not None:
            self.index = None if self.index == k else self.index - (self.index > k)
        self.mark_changed()

    def move(self, k: int, delta: int) -> int:
        """Move scene k by delta places (clamped); returns where it is now."""
        to = max(0, min(len(self.lesson.scenes) - 1, k + delta))
        if to != k:
            scene = self.lesson.scenes.pop(k)
            self.lesson.scenes.insert(to, scene)
            if self.index == k:
                self.index = to
            elif self.index is not None and min(k, to) <= self.index <= max(k, to):
                self.index += 1 if to < k else -1
            self.mark_changed()
        return to

    def set_text(self, k: int, which: str, lang: str, text: str) -> None:
        """Scene k's title or caption in `lang` ('' removes that language's text)."""
        scene = self.lesson.scenes[k]
        texts = scene.title if which == "title" else scene.caption
        if texts.get(lang, "") == text:
            return
        if text:
            texts[lang] = text
        else:
            texts.pop(lang, None)
        self.mark_changed()
        if self.index == k:
            self.show_caption(k)

    def mark_changed(self) -> None:
        self.unsaved = True
        self.changed.emit()


def start_training(window, train: dict) -> None:
    """A scene's training run, started in the Training panel (its curves drawn live)."""
    panel = window.training_panel
    if panel.run is not None and panel.run.running:
        return
    index = panel.task.findData(train["task"])
    if index >= 0:
        panel.task.setCurrentIndex(index)
    for key, box in (("steps", panel.steps), ("lr", panel.lr), ("batch_size", panel.batch),
                     ("seed", panel.seed)):
        if key in train:  # within the box's range (a file can say anything)
            box.setValue(min(max(train[key], box.minimum()), box.maximum()))
    panel.start()


def abandon_training(window) -> None:
    """Stop a scene's training run without showing its result (the lesson moved on)."""
    window.training_panel.abandon()


def training_running(window) -> bool:
    run = window.training_panel.run
    return run is not None and run.running
