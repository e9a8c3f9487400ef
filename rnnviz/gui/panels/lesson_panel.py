"""The Lesson panel: a lesson's scenes in order, recorded from the window, reordered and
captioned (in English and in Chinese), and given on the stage from any of them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rnnviz.gui.i18n import LANGUAGES, tr
from rnnviz.gui.quiet import quiet


class LessonPanel(QWidget):
    """Scenes of the window's lesson (rnnviz.gui.lesson_control keeps the player)."""

    def __init__(self, control, parent=None):
        super().__init__(parent)
        self.control = control
        layout = QVBoxLayout(self)
        self.hint = QLabel(tr("No lesson yet. Lesson → New lesson starts one from the window "
                              "as it is; Add scene records what the window shows now "
                              "(network, input, step, selection and stage views) as the next "
                              "scene."))
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Captions in")))
        self.language = QComboBox()
        for key, name in LANGUAGES.items():
            self.language.addItem(name, key)
        self.language.setToolTip(tr("the language of the captions edited here and shown on "
                                    "the stage"))
        self.language.currentIndexChanged.connect(self._language_changed)
        row.addWidget(self.language, 1)
        layout.addLayout(row)
        self.scenes = QListWidget()
        self.scenes.setObjectName("lessonScenes")
        self.scenes.setSelectionMode(QAbstractItemView.SingleSelection)
        self.scenes.currentRowChanged.connect(self._selected)
        self.scenes.itemActivated.connect(lambda _item: self._present())
        layout.addWidget(self.scenes, 2)
        buttons = QHBoxLayout()
        self.add_button = self._button(buttons, tr("Add scene"), control.add_scene,
                                       tr("record what the window shows now as the next "
                                          "scene (Ctrl+M)"))
        self.update_button = self._button(buttons, tr("Update"), self._update,
                                          tr("this scene shows what the window shows now; "
                                             "its caption stays"))
        self.remove_button = self._button(buttons, tr("Remove"), self._remove,
                                          tr("remove this scene"))
        layout.addLayout(buttons)
        order = QHBoxLayout()
        self.up_button = self._button(order, "▲", lambda: self._move(-1), tr("move up"))
        self.down_button = self._button(order, "▼", lambda: self._move(1), tr("move down"))
        self.present_button = self._button(order, tr("Present from here"), self._present,
                                           tr("the lesson on the stage from this scene "
                                              "(PageDown / PageUp go on, Esc leaves)"))
        layout.addLayout(order)
        layout.addWidget(QLabel(tr("Title")))
        self.title = QLineEdit()
        self.title.setObjectName("sceneTitle")
        self.title.textEdited.connect(lambda text: self._set("title", text))
        layout.addWidget(self.title)
        layout.addWidget(QLabel(tr("Caption (Markdown; math between $…$)")))
        self.caption = QPlainTextEdit()
        self.caption.setObjectName("sceneCaption")
        self.caption.setPlaceholderText(tr("e.g. The forget gate $f_t$ keeps the memory: "
                                           "$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$"))
        self.caption.textChanged.connect(self._caption_typed)
        layout.addWidget(self.caption, 2)
        play = QHBoxLayout()
        self.play = QCheckBox(tr("Play steps"))
        self.play.setToolTip(tr("when the scene is shown, play these steps once"))
        self.play_from, self.play_to = QSpinBox(), QSpinBox()
        for box in (self.play_from, self.play_to):
            box.setRange(0, 10_000_000)
        play.addWidget(self.play)
        play.addWidget(self.play_from)
        play.addWidget(QLabel("–"))
        play.addWidget(self.play_to)
        self.play.toggled.connect(self._play_changed)
        # stored when a box is left or Enter is pressed: not at each digit typed
        self.play_from.editingFinished.connect(self._play_changed)
        self.play_to.editingFinished.connect(self._play_changed)
        layout.addLayout(play)
        self.preview = QLabel()
        self.preview.setObjectName("captionPreview")
        self.preview.setTextFormat(Qt.RichText)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(self.preview, 1)
        self._typing = QTimer(self)  # a caption is stored when typing pauses, not per key
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self._store_caption)
        self._typing_at = None  # (scene, language) the caption being typed belongs to
        self.refresh()

    def _button(self, row, text, slot, tip) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    @property
    def player(self):
        return self.control.player

    def current(self) -> int | None:
        k = self.scenes.currentRow()
        return k if self.player is not None and 0 <= k < len(self.player.lesson.scenes) \
            else None

    # ----- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        """The scene list and the editor from the lesson (after any change)."""
        self.flush()
        player = self.player
        self.hint.setVisible(player is None or not player.lesson.scenes)
        with quiet(self.language):
            key = player.language if player is not None else "en"
            self.language.setCurrentIndex(max(0, self.language.findData(key)))
        keep = self.scenes.currentRow()
        with quiet(self.scenes):
            self.scenes.clear()
            for k in range(len(player.lesson.scenes) if player is not None else 0):
                item = QListWidgetItem(f"{k + 1}. {player.title(k)}")
                if player.lesson.scenes[k].broken is not None:
                    item.setForeground(QColor("#999999"))
                self.scenes.addItem(item)
            if player is not None and player.index is not None:
                keep = player.index
            if 0 <= keep < self.scenes.count():
                self.scenes.setCurrentRow(keep)
        self._show_editor()

    def _show_editor(self) -> None:
        k = self.current()
        scene = None if k is None else self.player.lesson.scenes[k]
        usable = scene is not None and scene.broken is None
        for widget in (self.update_button, self.remove_button, self.up_button,
                       self.down_button, self.present_button):
            widget.setEnabled(k is not None)
        for widget in (self.title, self.caption, self.play, self.play_from, self.play_to,
                       self.update_button, self.present_button):
            widget.setEnabled(usable)
        self.add_button.setEnabled(self.player is not None)
        lang = self.player.language if self.player is not None else "en"
        with quiet(self.title), quiet(self.caption), quiet(self.play), \
                quiet(self.play_from), quiet(self.play_to):
            # only when it differs: setting a field moves its cursor (typing goes on)
            title = scene.title.get(lang, "") if usable else ""
            if self.title.text() != title:
                self.title.setText(title)
            caption = scene.caption.get(lang, "") if usable else ""
            if self.caption.toPlainText() != caption:
                self.caption.setPlainText(caption)
            played = usable and scene.play is not None
            self.play.setChecked(played)
            self.play_from.setValue(scene.play[0] if played else 0)
            self.play_to.setValue(scene.play[1] if played else 0)
        self.preview.setText(self.player.caption(k) if usable else "")

    # ----- editing -------------------------------------------------------------------------
    def _selected(self, k: int) -> None:
        self.flush()
        self._show_editor()
        if self.player is not None and 0 <= k < len(self.player.lesson.scenes) \
                and k != self.player.index and self.player.lesson.scenes[k].broken is None:
            self.player.show_scene(k)

    def _language_changed(self) -> None:
        """Another caption language: the texts shown and edited change; the scene shown,
        its step and its network stay."""
        if self.player is not None:
            chosen = self.language.currentData()  # (storing a caption refreshes the combo)
            self.flush()  # what was typed belongs to the language it was typed in
            self.player.caption_language = chosen
            self.refresh()
            if self.player.index is not None:
                self.player.show_caption(self.player.index)

    def _set(self, which: str, text: str, k: int | None = None) -> None:
        k = self.current() if k is None else k
        if k is None or self.player is None or k >= len(self.player.lesson.scenes):
            return
        self.player.set_text(k, which, self.player.language, text)
        self.preview.setText(self.player.caption(k))
        item = self.scenes.item(k)
        if item is not None:
            item.setText(f"{k + 1}. {self.player.title(k)}")

    def _caption_typed(self) -> None:
        k = self.current()
        if k is not None:
            self._typing_at = (self.player.lesson.scenes[k], self.player.language)
            self._typing.start()

    def _store_caption(self) -> None:
        """The caption typed, onto the scene and language it was typed for (wherever that
        scene is now in the list)."""
        if self._typing_at is None or self.player is None:
            return
        scene, lang = self._typing_at
        self._typing_at = None
        scenes = self.player.lesson.scenes
        k = next((i for i, s in enumerate(scenes) if s is scene), None)
        if k is not None:
            self.player.set_text(k, "caption", lang, self.caption.toPlainText())
            if k == self.current():
                self.preview.setText(self.player.caption(k))

    def flush(self) -> None:
        """A caption still being typed is stored now (before the scene or lesson changes,
        or the lesson is saved)."""
        if self._typing.isActive():
            self._typing.stop()
            self._store_caption()

    def _play_changed(self, *_args) -> None:
        k = self.current()
        if k is None:
            return
        scene = self.player.lesson.scenes[k]
        first, last = self.play_from.value(), self.play_to.value()
        play = (min(first, last), max(first, last)) if self.play.isChecked() else None
        if play != scene.play:
            scene.play = play
            self.player.mark_changed()

    def _update(self) -> None:
        k = self.current()
        if k is not None:
            self.player.update_scene(k)

    def _remove(self) -> None:
        self.flush()
        k = self.current()
        if k is not None:
            self.player.remove(k)
            shown = self.player.lesson.playable()
            after = [i for i in shown if i >= k] or shown[-1:]
            if after:  # the window shows the scene now selected, as the list says
                self.player.show_scene(after[0])

    def _move(self, delta: int) -> None:
        self.flush()
        k = self.current()
        if k is not None:
            to = self.player.move(k, delta)
            self.scenes.setCurrentRow(to)

    def _present(self) -> None:
        k = self.current()
        if k is not None and k in self.player.lesson.playable():
            self.control.present(k)
