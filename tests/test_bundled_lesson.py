"""The lesson that ships with rnnviz: it opens with nothing missing, every scene has its
texts in English and Chinese and renders in both languages, and what its captions state
about shapes and gradients is what torch computes."""

from __future__ import annotations

import re

import numpy as np
import pytest

from rnnviz.core.files.resource_files import resource
from rnnviz.core.files.workspace import open_workspace

LESSON = resource("lesson.rnnviz")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    return open_workspace(LESSON, tmp_path_factory.mktemp("cache"))


def _scene(bundled, title: str):
    return next(s for s in bundled.lesson.scenes if s.title["en"].startswith(title))


def test_it_opens_whole_with_both_languages(bundled):
    assert bundled.notes == []
    scenes = bundled.lesson.scenes
    assert len(scenes) >= 14 and bundled.lesson.playable() == list(range(len(scenes)))
    for scene in scenes:
        for texts in (scene.title, scene.caption):
            assert set(texts) == {"en", "zh_CN"}
            assert re.search(r"[\u4e00-\u9fff]", texts["zh_CN"]), texts["zh_CN"]
            # the formulas are the same in both languages
            assert re.findall(r"\$[^$]+\$", texts["en"]) == \
                re.findall(r"\$[^$]+\$", texts["zh_CN"]) or scene.title["en"].startswith(
                    ("GRU", "…and")), scene.title["en"]
    topics = " ".join(s.title["en"] for s in scenes)
    for topic in ("RNN", "relu", "shapes", "LSTM", "forget", "GRU", "Stacked",
                  "Bidirectional", "LogSoftmax", "N → N", "N → 1", "1 → N", "Encoder",
                  "Training", "Vanishing"):
        assert topic in topics, topic


def test_the_shapes_in_its_caption_are_torchs(bundled):
    import torch

    from rnnviz.core.files.lesson import scene_config

    scene = _scene(bundled, "The parameters")
    config = scene_config(bundled.config, scene)
    stated = dict(re.findall(r"`(\w+)` \[([\d, ]+)\]", scene.caption["en"]))
    assert stated == dict(re.findall(r"`(\w+)` \[([\d, ]+)\]", scene.caption["zh_CN"]))
    rnn = torch.nn.RNN(1, config["hidden_size"], nonlinearity=config["nonlinearity"])
    output, h_n = rnn(torch.zeros(config["length"], config["batch"], 1))
    actual = {name: list(p.shape) for name, p in rnn.named_parameters()}
    actual.update(output=list(output.shape), h_n=list(h_n.shape))
    assert stated, scene.caption["en"]
    for name, dims in stated.items():
        assert [int(d) for d in dims.split(",")] == actual[name], name


def test_the_rnn_gradient_vanishes_and_the_lstms_does_not(bundled, tmp_path):
    from rnnviz.cli import main

    ratios = {}
    for title in ("Vanishing gradients", "…and an LSTM"):
        scene = _scene(bundled, title)
        out = tmp_path / f"{len(ratios)}.npz"
        assert main(["grads", "--model", scene.config["model"], "--of", "loss", "-o",
                     str(out)]) == 0
        norms = np.load(out)["l0_fwd_dh_norm"][:, 0]
        ratios[title] = norms[0] / norms[-1]
    assert ratios["Vanishing gradients"] < 1e-6  # "many orders of magnitude"
    assert ratios["…and an LSTM"] > 1e-2  # "still reaches the first steps"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_scene_renders_in_both_languages(qtbot, window, tmp_path, language):
    from PySide6.QtGui import QImage

    from rnnviz.gui.i18n import install_language
    from rnnviz.gui.lesson_export import export_lesson
    from rnnviz.gui.workspace_io import open_lesson

    install_language(language)
    try:
        assert open_lesson(window, LESSON) == []
        player = window.lessons.player
        player.caption_language = language
        written = export_lesson(window, player, folder=tmp_path, size=(960, 540),
                                formats=("png",))
    finally:
        install_language("en")
    assert len(written) == len(player.lesson.scenes)
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (960, 540)
        # the drawing (left) and the caption (right) both have ink on them
        for x0, x1 in ((0, 600), (700, 960)):
            pixels = {image.pixel(x, y) for x in range(x0, x1, 7) for y in range(40, 500, 7)}
            assert len(pixels) > 3, (path.name, x0)
