"""The figure and animation dialogs: defaults per panel, validation as you type, choice()."""

import dataclasses

import pytest
from PySide6.QtCore import Qt

from rnnviz.gui.panels.animation_dialog import AnimationChoice, AnimationDialog
from rnnviz.gui.panels.figure_dialog import FigureChoice, FigureDialog

SIZES = {"graph": (540, 560), "cell": (560, 330), "states": (900, 300)}
NO_MP4 = {".mp4": "MP4 needs ffmpeg: pip install 'rnnviz[mp4]'"}


@pytest.fixture
def figure(qtbot):
    dialog = FigureDialog(list(SIZES), SIZES.__getitem__, panel="cell")
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def animation(qtbot):
    dialog = AnimationDialog(24, list(SIZES), SIZES.__getitem__, panel="graph",
                             missing=NO_MP4)
    qtbot.addWidget(dialog)
    return dialog


def test_figure_starts_at_the_panels_default_size(figure):
    assert figure.choice() == FigureChoice("cell", ".png", 560, 330, 1.0)
    assert figure.ok_button.isEnabled() and figure.problem.text() == ""
    assert figure.pixels.text() == "a PNG of 560×330 pixels"


def test_figure_follows_the_panel_and_goes_back_to_the_default(figure):
    figure.panel.setCurrentText("states")
    assert figure.choice() == FigureChoice("states", ".png", 900, 300, 1.0)
    figure.sizes.width.setValue(1200)
    figure.sizes.default.click()
    assert (figure.choice().width, figure.choice().height) == (900, 300)


def test_figure_png_scale_gives_the_pixel_size(figure):
    figure.sizes.scale.setCurrentText("3")
    assert figure.choice().scale == 3.0 and figure.pixels.text() == "a PNG of 1680×990 pixels"
    figure.sizes.scale.setEditText("1.5x")  # typed, with the × people write
    assert figure.choice().scale == 1.5 and figure.ok_button.isEnabled()


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_figure_vectors_have_no_scale(figure, suffix):
    figure.sizes.scale.setCurrentText("4")
    figure.format.setCurrentIndex(figure.format.findData(suffix))
    assert not figure.sizes.scale.isEnabled()
    assert figure.choice() == FigureChoice("cell", suffix, 560, 330, 1.0)
    assert "vector" in figure.pixels.text()


@pytest.mark.parametrize("edit, reason", [
    (lambda d: d.sizes.width.setValue(0), "a 0×330 figure is empty; choose a size of at least"),
    (lambda d: d.sizes.height.setValue(20), "too small to read; choose a size of at least 64"),
    (lambda d: d.sizes.scale.setEditText("12"), "scale 12: use a value from 0.25 to 8"),
    (lambda d: d.sizes.scale.setEditText("big"), "scale 'big' is not a number"),
    (lambda d: (d.sizes.width.setValue(100_000), d.sizes.height.setValue(100_000),
                d.sizes.scale.setEditText("8")), "of memory but only"),
])
def test_figure_validates_as_you_type(figure, edit, reason):
    edit(figure)
    assert not figure.ok_button.isEnabled()
    assert reason in figure.problem.text() and figure.pixels.text() == ""
    figure.sizes.default.click()
    figure.sizes.scale.setCurrentText("2")
    assert figure.ok_button.isEnabled() and figure.problem.text() == ""


def test_a_bad_scale_does_not_block_a_vector_figure(figure):
    figure.sizes.scale.setEditText("0")
    assert not figure.ok_button.isEnabled()
    figure.format.setCurrentIndex(figure.format.findData(".svg"))
    assert figure.ok_button.isEnabled()


def test_animation_choice_is_a_frozen_record(animation):
    choice = animation.choice()
    assert choice == AnimationChoice(0, 23, 8.0, "graph", ".gif", 540, 560, 1.0)
    assert list(choice.steps) == list(range(24))
    with pytest.raises(dataclasses.FrozenInstanceError):
        choice.first = 3


def test_animation_may_run_backwards(animation):
    animation.first.setValue(20)
    animation.last.setValue(5)
    assert animation.ok_button.isEnabled()
    assert animation.direction.text() == "backwards, for the backward pass"
    assert list(animation.choice().steps) == list(range(20, 4, -1))
    assert animation.pixels.text() == "16 frames of 540×560 pixels"
    animation.last.setValue(20)
    assert animation.direction.text() == "forwards" and list(animation.choice().steps) == [20]


def test_animation_formats_say_what_they_do_to_colours(animation):
    suffixes = [animation.format.itemData(i) for i in range(animation.format.count())]
    assert suffixes == [".gif", ".apng", ".webp", ".mp4"]
    model = animation.format.model()
    assert not model.item(3).isEnabled()  # no ffmpeg here: listed, disabled, with the fix
    assert "pip install 'rnnviz[mp4]'" in animation.format.itemData(3, Qt.ToolTipRole)
    assert "pip install 'rnnviz[mp4]'" in animation.hint.text()
    animation.format.setCurrentIndex(1)
    assert animation.hint.text().startswith("APNG: lossless")
    animation.format.setCurrentIndex(0)
    assert "256 colours" in animation.hint.text()
    assert animation.choice().suffix == ".gif"


def test_animation_size_and_scale_follow_the_panel_and_the_rule(animation):
    animation.panel.setCurrentText("cell")
    animation.sizes.scale.setCurrentText("2")
    assert animation.choice() == AnimationChoice(0, 23, 8.0, "cell", ".gif", 560, 330, 2.0)
    assert animation.pixels.text() == "24 frames of 1120×660 pixels"
    animation.sizes.width.setValue(30)
    assert not animation.ok_button.isEnabled() and "at least 64" in animation.problem.text()
    animation.sizes.width.setValue(20_000)
    animation.sizes.height.setValue(20_000)
    animation.sizes.scale.setCurrentText("4")
    assert not animation.ok_button.isEnabled()
    assert animation.problem.text().startswith("24 frames of 20000×20000 at 4× need about")
    assert animation.problem.text().endswith("choose fewer steps, or a smaller size or scale")
