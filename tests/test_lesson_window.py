"""Lessons in the window: scenes recorded, saved and given again the same; PageDown /
PageUp on the stage; the caption beside the views; a PDF with a page per scene and its
caption as text; a scene that cannot be shown skipped, never lost."""

from __future__ import annotations

import json

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import Qt

from rnnviz.gui.config import Config
from rnnviz.gui.workspace_io import open_lesson, save_window


def _settle(qtbot, window):
    for _ in range(3):
        window.sim.wait(30_000)
        qtbot.wait(20)


def _record(qtbot, window):
    """Three scenes: an LSTM at t=4, the same at t=9 on unit 2, a GRU at t=6."""
    load(qtbot, window, Config(cell="lstm", hidden_size=5, length=16))
    window.sim.seek(4)
    window.lessons.add_scene()
    player = window.lessons.player
    player.set_text(0, "title", "en", "Gates")
    player.set_text(0, "caption", "en", "The **forget gate** $f_t$ keeps $c_{t-1}$.")
    player.set_text(0, "caption", "zh_CN", "遗忘门 $f_t$ 保留 $c_{t-1}$。")
    window.sim.seek(9)
    window.sim.select(unit=2)
    window.lessons.add_scene()
    load(qtbot, window, Config(cell="gru", hidden_size=5, length=16))
    window.sim.seek(6)
    window.stage_control.names = ["cell", "equations"]
    window.lessons.add_scene()
    return player


def test_scenes_recorded_keep_only_what_differs(qtbot, window):
    player = _record(qtbot, window)
    scenes = player.lesson.scenes
    assert [s.cursor["position"] for s in scenes] == [4, 9, 6]
    assert scenes[0].config == {} and scenes[1].config == {}  # the lesson's own network
    assert scenes[2].config == {"cell": "gru"}
    assert scenes[1].cursor["unit"] == 2 and scenes[2].stage == ["cell", "equations"]
    assert window.docks["lesson"].isVisible()
    assert window.lessons.panel.scenes.count() == 3


def test_a_saved_lesson_reopens_with_the_same_scenes_and_numbers(qtbot, window, tmp_path):
    player = _record(qtbot, window)
    player.show_scene(2)
    _settle(qtbot, window)
    gru_parts = {k: v.copy() for k, v in window.sim.trace.parts.items()}
    path = save_window(window, tmp_path / "class.rnnviz")
    saved = json.loads(path.read_text())
    assert saved["config"]["cell"] == "lstm"  # the lesson's own, not the scene shown
    assert len(saved["lesson"]["scenes"]) == 3

    from rnnviz.gui.app import create_window

    _app, other = create_window()
    qtbot.addWidget(other)
    other.resize(1400, 900)
    other.show()
    assert open_lesson(other, path) == []
    _settle(qtbot, other)
    assert other.lessons.player.lesson.scenes == player.lesson.scenes
    assert other.sim.config.cell == "lstm" and other.sim.position == 4  # the first scene
    other.lessons.player.show_scene(2)
    _settle(qtbot, other)
    assert other.sim.config.cell == "gru" and other.sim.position == 6
    for key, value in gru_parts.items():
        assert np.array_equal(other.sim.trace.parts[key], value), key
    other.sim.wait(10_000)
    other.close()


def test_pagedown_and_pageup_go_through_scenes_on_the_stage(qtbot, window):
    player = _record(qtbot, window)
    window.lessons.present(0)
    _settle(qtbot, window)
    stage = window.stage_control.stage
    assert stage is not None and stage.caption.isVisible()
    assert "forget gate" in stage.caption.text() and "1 / 3" in stage.caption.text()
    qtbot.keyClick(stage, Qt.Key_PageDown)
    _settle(qtbot, window)
    assert player.index == 1 and (window.sim.position, window.sim.unit) == (9, 2)
    qtbot.keyClick(stage, Qt.Key_Right)  # → still steps within the scene
    assert window.sim.position == 10
    qtbot.keyClick(stage, Qt.Key_PageDown)
    _settle(qtbot, window)
    assert player.index == 2 and window.sim.config.cell == "gru"
    assert window.stage_control.stage.names == ["cell", "equations"]
    qtbot.keyClick(window.stage_control.stage, Qt.Key_PageDown)  # the last: stays
    _settle(qtbot, window)
    assert player.index == 2
    qtbot.keyClick(window.stage_control.stage, Qt.Key_PageUp)
    _settle(qtbot, window)
    assert player.index == 1 and window.sim.config.cell == "lstm"
    qtbot.keyClick(window.stage_control.stage, Qt.Key_Escape)
    assert not window.stage_control.active


def test_captions_follow_the_caption_language(qtbot, window):
    player = _record(qtbot, window)
    player.caption_language = "zh_CN"
    assert "遗忘门" in player.caption(0)
    assert "Gates" in player.caption(0)  # no Chinese title: the English one
    assert "Scene 2" in player.title(1) or "场景" in player.title(1)


def test_the_pdf_has_a_page_per_scene_with_its_caption_as_text(qtbot, window, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    from rnnviz.gui.lesson_export import export_lesson

    player = _record(qtbot, window)
    player.set_text(2, "caption", "en", "The update gate $z_t$ decides.")
    written = export_lesson(window, player, pdf=tmp_path / "class.pdf",
                            folder=tmp_path / "figures", size=(960, 540))
    reader = pypdf.PdfReader(str(tmp_path / "class.pdf"))
    assert len(reader.pages) == 3
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "forget gate" in texts[0] and "update gate" in texts[2]
    assert "GRU" in texts[2] and "LSTM" in texts[0]
    pngs = sorted(p.name for p in written if p.suffix == ".png")
    assert pngs == ["01-gates.png", "02-scene-2.png", "03-scene-3.png"]
    assert (tmp_path / "figures" / "01-gates.svg").read_text().count("<text") > 0 or \
        "forget" in (tmp_path / "figures" / "01-gates.svg").read_text()


def test_a_scene_that_cannot_be_shown_is_skipped_and_kept(qtbot, window, tmp_path):
    path = tmp_path / "l.rnnviz"
    path.write_text(json.dumps({
        "format": "rnnviz-workspace", "version": 1,
        "config": {"cell": "lstm", "hidden_size": 4, "length": 12},
        "lesson": {"scenes": [{"cursor": {"position": 2}}, {"stage": ["nowhere"]},
                              {"config": {"cell": "gru"}, "cursor": {"position": 5}}]}}))
    notes = open_lesson(window, path)
    assert any("scene 2 cannot be shown" in n for n in notes)
    _settle(qtbot, window)
    player = window.lessons.player
    assert player.index == 0 and window.sim.position == 2
    player.next()
    _settle(qtbot, window)
    assert player.index == 2 and window.sim.config.cell == "gru"
    save_window(window, path)
    assert json.loads(path.read_text())["lesson"]["scenes"][1] == {"stage": ["nowhere"]}


def test_a_scene_whose_network_fails_keeps_the_window_and_says_so(qtbot, window, tmp_path):
    path = tmp_path / "l.rnnviz"
    path.write_text(json.dumps({
        "format": "rnnviz-workspace", "version": 1,
        "config": {"cell": "lstm", "hidden_size": 4, "length": 12},
        "lesson": {"scenes": [{}, {"config": {"hidden_size": 0}}]}}))
    open_lesson(window, path)
    _settle(qtbot, window)
    player = window.lessons.player
    player.next()
    _settle(qtbot, window)
    assert window.sim.config.hidden_size == 4  # the shown network stays
    assert "hidden" in window.last_error.lower()


def test_reordering_and_removing_scenes(qtbot, window):
    player = _record(qtbot, window)
    first = player.lesson.scenes[0]
    assert player.move(0, 2) == 2 and player.lesson.scenes[2] is first
    player.remove(2)
    assert first not in player.lesson.scenes and len(player.lesson.scenes) == 2
    assert player.unsaved


def test_typing_a_caption_keeps_the_cursor_and_stores_the_text(qtbot, window):
    from PySide6.QtGui import QTextCursor

    player = _record(qtbot, window)
    panel = window.lessons.panel
    panel.scenes.setCurrentRow(1)
    _settle(qtbot, window)
    panel.caption.moveCursor(QTextCursor.End)
    qtbot.keyClicks(panel.caption, "Hidden $h_t$")
    qtbot.wait(400)  # stored when typing pauses
    assert player.lesson.scenes[1].caption["en"] == "Hidden $h_t$"
    qtbot.keyClicks(panel.caption, " grows")
    assert panel.caption.toPlainText() == "Hidden $h_t$ grows"  # the cursor stayed at the end
    panel.scenes.setCurrentRow(0)  # switching scenes stores what was typed, on its scene
    assert player.lesson.scenes[1].caption["en"] == "Hidden $h_t$ grows"
    assert "forget gate" in player.lesson.scenes[0].caption["en"]


def test_a_refused_scene_leaves_nothing_waiting(qtbot, window, tmp_path):
    """A configuration refused before computing (hidden size 0) is said; a later change of
    the user's own does not jump to that scene's step."""
    path = tmp_path / "l.rnnviz"
    path.write_text(json.dumps({
        "format": "rnnviz-workspace", "version": 1,
        "config": {"cell": "lstm", "hidden_size": 4, "length": 12},
        "lesson": {"scenes": [{}, {"config": {"hidden_size": 0},
                                   "cursor": {"position": 9}}]}}))
    open_lesson(window, path)
    _settle(qtbot, window)
    window.lessons.player.next()
    assert "Scene 2 cannot be shown" in window.last_error
    window.sim.seek(1)
    window.last_error = ""
    load(qtbot, window, window.sim.config.with_(hidden_size=5))
    _settle(qtbot, window)
    assert window.sim.position == 1


def test_update_keeps_what_the_window_does_not_show(qtbot, window):
    player = _record(qtbot, window)
    player.lesson.scenes[2].train = {"task": "sine", "steps": 10}
    player.show_scene(2)
    _settle(qtbot, window)
    player.update_scene(2)
    assert player.lesson.scenes[2].train == {"task": "sine", "steps": 10}
    assert player.lesson.scenes[2].stage == ["cell", "equations"]  # off the stage: kept
    from rnnviz.gui.lesson_player import abandon_training

    abandon_training(window)


def test_a_scenes_training_stops_when_another_scene_is_shown(qtbot, window):
    from rnnviz.gui.lesson_player import training_running

    player = _record(qtbot, window)
    player.lesson.scenes[0].train = {"task": "sine", "steps": 50_000}
    player.show_scene(0)
    _settle(qtbot, window)
    assert training_running(window)
    window.lessons.add_scene()  # inserted after it: the run is still the first scene's
    player.show_scene(3)  # the GRU scene, moved down by one
    assert not training_running(window)
    _settle(qtbot, window)
    assert window.sim.config.cell == "gru"  # not replaced by a trained LSTM


def test_the_caption_language_changes_texts_not_the_scene(qtbot, window):
    player = _record(qtbot, window)
    player.show_scene(0)
    _settle(qtbot, window)
    window.sim.seek(11)
    panel = window.lessons.panel
    panel.caption.setPlainText("typed in English")  # not stored yet when switching
    panel.language.setCurrentIndex(panel.language.findData("zh_CN"))
    assert window.sim.position == 11
    assert player.lesson.scenes[0].caption["en"] == "typed in English"
    assert player.lesson.scenes[0].caption["zh_CN"] == "遗忘门 $f_t$ 保留 $c_{t-1}$。"
    assert panel.caption.toPlainText() == "遗忘门 $f_t$ 保留 $c_{t-1}$。"


def test_pagedown_in_a_text_field_is_the_fields(qtbot, window):
    player = _record(qtbot, window)
    player.show_scene(0)
    _settle(qtbot, window)
    panel = window.lessons.panel
    panel.caption.setFocus()
    qtbot.keyClick(panel.caption, Qt.Key_PageDown)
    assert player.index == 0


def test_exporting_leaves_the_window_on_its_scene(qtbot, window, tmp_path):
    from rnnviz.gui.lesson_export import export_lesson

    player = _record(qtbot, window)
    player.show_scene(1)
    _settle(qtbot, window)
    window.sim.seek(12)
    export_lesson(window, player, folder=tmp_path, size=(640, 360), formats=("png",))
    assert player.index == 1 and window.sim.config.cell == "lstm"
    assert (window.sim.position, window.sim.unit) == (9, 2)  # the scene, as it is given


def test_removing_a_scene_shows_the_one_selected(qtbot, window):
    player = _record(qtbot, window)
    panel = window.lessons.panel
    player.show_scene(1)
    _settle(qtbot, window)
    panel._remove()
    _settle(qtbot, window)
    assert panel.scenes.currentRow() == 1 == player.index
    assert window.sim.config.cell == "gru"  # the former third scene, now second
