"""Figures: each view drawn alone at the size asked for — vectors, every label as text,
true 2× renders, animation frames equal to the stills, bad requests refused."""

import re

import numpy as np
import pytest
from gui_support import load
from PIL import Image
from svg_support import all_text, png_rgb, read_svg

from rnnviz.cli import main
from rnnviz.gui.config import Config
from rnnviz.gui.equations import line_texts
from rnnviz.gui.pictures import Picture, save_picture, surface

T = 24
FLAGS = ["--cell", "lstm", "--hidden-size", "6", "--num-layers", "2", "--length", str(T),
         "--head", "softmax", "--output-size", "4"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def figure_svg(capsys, tmp_path, panel: str, *flags):
    out = tmp_path / f"{panel}.svg"
    code, _, err = run(capsys, "snapshot", *flags, "--step", "7", "--panel", panel,
                       "-o", str(out))
    assert code == 0, err
    return read_svg(out)


def assert_heatmaps_only(images, most_pixels: int) -> None:
    """Images are data (a few pixels per value: the graph's strips keep a gap between
    steps; never smoothed), never a cached drawing of text or lines."""
    for image in images:
        width, height = image.pixels
        assert width * height <= most_pixels, f"a {width}×{height} bitmap is not a heatmap"
        assert not image.smooth


CELL_LABELS = {"lstm": ["forget", "input", "output", "c(t−1)", "c(t)", "h(t)", "x(t)", "×",
                        "+", "tanh", "σ"],
               "gru": ["reset", "update", "h(t)", "x(t)", "×", "+", "σ", "tanh"],
               "rnn": ["h(t)", "x(t)", "tanh"]}


@pytest.mark.parametrize("cell", ["lstm", "gru", "rnn"])
def test_cell_figure_is_vectors_with_every_label_as_text(tmp_path, capsys, qapp, cell):
    flags = ["--cell", cell, "--hidden-size", "8", "--length", "12"]
    texts, images = figure_svg(capsys, tmp_path, "cell", *flags)
    assert images == []  # 8 units are bars: no bitmap at all
    words = all_text(texts)
    for label in CELL_LABELS[cell]:
        assert label in words, f"{label!r} is not text in the {cell} cell figure"
    assert "top-k" not in words  # the drawing alone: no check box


@pytest.mark.parametrize("panel, labels", [
    ("graph", ["unrolled", "layer 1", "layer 2", "input", "output"]),
    ("states", ["unit", "picked units"]),
    ("output", ["output at t = 7"]),
    ("equations", ["f_t[0]", "c_t[0]", "h_t[0]"]),
    ("training", ["optimizer step", "loss (log scale)", "validation"]),
])
def test_view_figure_keeps_labels_as_text_and_only_heatmaps_as_images(tmp_path, capsys,
                                                                       qapp, panel, labels):
    texts, images = figure_svg(capsys, tmp_path, panel, *FLAGS)
    assert_heatmaps_only(images, 8 * T * 6)
    words = all_text(texts)
    for label in labels:
        assert label in words, f"{label!r} is not text in the {panel} figure"
    assert "plot units" not in words and "top-k" not in words


def test_gradient_figure(tmp_path, capsys, qapp):
    texts, images = figure_svg(capsys, tmp_path, "gradients", *FLAGS, "--gradients", "h_T",
                               "--compare", "gru")
    assert_heatmaps_only(images, 8 * T * 6)
    assert "‖" in all_text(texts)  # the curves' legend names the norms


def test_figure_png_has_exactly_the_size_asked_and_2x_is_a_true_render(tmp_path, capsys,
                                                                        qapp):
    one, two = tmp_path / "c1.png", tmp_path / "c2.png"
    for path, scale in ((one, "1"), (two, "2")):
        code, _, err = run(capsys, "snapshot", *FLAGS, "--panel", "cell", "--size", "900x480",
                           "--scale", scale, "--step", "5", "-o", str(path))
        assert code == 0, err
    assert Image.open(one).size == (900, 480) and Image.open(two).size == (1800, 960)
    small, big = png_rgb(one), png_rgb(two)
    upscaled = small.repeat(2, axis=0).repeat(2, axis=1)
    # the 2× render is redrawn, not the 1× picture enlarged: its edges are sharper, so it
    # differs from the enlargement, and averaged back down it is close to the 1× render
    assert np.abs(big - upscaled).mean() > 2.0
    halved = big.reshape(480, 2, 900, 2, 3).mean(axis=(1, 3))
    assert np.abs(halved - small).mean() < 6.0
    # sharp text: a 2× render has proportionally fewer half-grey edge pixels per ink pixel
    def blur(rgb):
        grey = rgb.mean(axis=-1)
        return ((grey > 40) & (grey < 215)).sum() / max((grey <= 215).sum(), 1)
    assert blur(big) < blur(upscaled)


def test_equations_figure_holds_every_line(qtbot, window, tmp_path):
    load(qtbot, window, Config(cell="lstm", hidden_size=6, num_layers=2, length=T,
                               head="softmax", output_size=4, preset="sine"))
    window.sim.seek(9)
    rows = [text for line in window.equation_view.lines for text in line_texts(line) if text]
    assert len(rows) >= 12
    for size in ((1400, 900), (500, 300)):  # small: the text shrinks, no line is cut
        path = tmp_path / f"eq-{size[0]}.svg"
        with surface(window, Picture("figure", ("equations",), *size)) as widget:
            save_picture(widget, path, 1.0, "equations")
        texts, images = read_svg(path)
        # SVG splits a line where its font changes (σ comes from another font): join them
        shown = "".join(t.text for t in texts).replace(" ", "")
        assert images == []
        for row in rows:
            assert row.replace(" ", "") in shown, f"line {row!r} is missing at {size}"


def test_pdf_figure_is_a_page_of_the_figure_size(tmp_path, capsys, qapp):
    out = tmp_path / "graph.pdf"
    code, _, err = run(capsys, "snapshot", *FLAGS, "--panel", "graph", "--size", "1200x600",
                       "-o", str(out))
    assert code == 0, err
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert box and abs(float(box.group(1)) - 900) < 1 and abs(float(box.group(2)) - 450) < 1


def test_stage_snapshot_has_the_screen_size(tmp_path, capsys, qapp):
    out = tmp_path / "s.png"
    code, stdout, err = run(capsys, "snapshot", *FLAGS, "--stage", "graph,cell", "--size",
                            "1280x800", "-o", str(out))
    assert code == 0, err
    assert Image.open(out).size == (1280, 800) and "stage graph+cell" in stdout
    svg = tmp_path / "s.svg"
    assert run(capsys, "snapshot", *FLAGS, "--stage", "graph", "-o", str(svg))[0] == 0
    assert "Esc" not in all_text(read_svg(svg)[0])  # the key hint is for people, not pictures


def test_layer_direction_and_unit_choose_the_cell(tmp_path, capsys, qapp):
    flags = ["--cell", "gru", "--hidden-size", "6", "--num-layers", "2", "--bidirectional",
             "--length", "10"]
    texts, _ = figure_svg(capsys, tmp_path, "cell", *flags, "--layer", "2", "--direction",
                          "bwd", "--unit", "3")
    words = all_text(texts)
    assert "layer 2 ←" in words and "unit 3" in words


@pytest.mark.parametrize("suffix", [".apng", ".gif"])
@pytest.mark.parametrize("first, last", [(3, 8), (8, 3)])
def test_animation_frame_equals_the_still_of_its_step(tmp_path, capsys, qapp, suffix, first,
                                                      last):
    """Frame k of `animate` against `snapshot --step` of the same view and size: APNG
    exactly; GIF within its per-frame palette (antialiased frames have more than 256
    colours): at most 24 of 255 per channel, 0.5 on average."""
    movie = tmp_path / f"a{suffix}"
    code, _, err = run(capsys, "animate", *FLAGS, "--panel", "cell", "--size", "700x360",
                       "--from", str(first), "--to", str(last), "--fps", "5", "-o", str(movie))
    assert code == 0, err
    frames = Image.open(movie)
    assert frames.n_frames == 6
    for k in (0, 2, 5):
        step = first + k if last >= first else first - k
        still = tmp_path / f"s{step}.png"
        code, _, err = run(capsys, "snapshot", *FLAGS, "--panel", "cell", "--size", "700x360",
                           "--step", str(step), "-o", str(still))
        assert code == 0, err
        frames.seek(k)
        frame = np.asarray(frames.convert("RGB")).astype(int)
        delta = np.abs(frame - png_rgb(still))
        exact = suffix == ".apng"
        assert delta.max() <= (0 if exact else 24), (k, delta.max(), delta.mean())
        assert delta.mean() <= (0 if exact else 0.5), (k, delta.max(), delta.mean())


def test_graph_frames_equal_the_stills_while_the_view_slides(tmp_path, capsys, qapp):
    """The graph's view slides with t (from the first view on, and up to the last step):
    every frame of a forward animation is the still of its step, pixel for pixel."""
    flags = ["--cell", "gru", "--hidden-size", "4", "--length", "40", "--panel", "graph",
             "--size", "800x400"]
    movie = tmp_path / "g.apng"
    code, _, err = run(capsys, "animate", *flags, "--from", "20", "--to", "39", "-o",
                       str(movie))
    assert code == 0, err
    frames = Image.open(movie)
    for step in (21, 22, 23, 24, 38, 39):  # the first slides, and the end
        still = tmp_path / f"s{step}.png"
        code, _, err = run(capsys, "snapshot", *flags, "--step", str(step), "-o", str(still))
        assert code == 0, err
        frames.seek(step - 20)
        np.testing.assert_array_equal(np.asarray(frames.convert("RGB")), png_rgb(still),
                                      err_msg=f"t = {step}")


@pytest.mark.parametrize("argv, match", [
    (["--panel", "cell", "--size", "0x0"], "--size"),
    (["--panel", "cell", "--size=-5x300"], "--size"),
    (["--panel", "cell", "--size", "100000x100000"], "memory"),
    (["--panel", "cell", "--scale", "0"], "scale"),
    (["--panel", "cell", "--scale", "100"], "scale"),
    (["--stage", "graph,nothing"], "--stage"),
    (["--stage", "graph,cell,states"], "--stage"),
    (["--stage", "graph", "--panel", "cell"], "not both"),
    (["--panel", "cell", "--layer", "3"], "--layer 3"),
    (["--panel", "cell", "--direction", "bwd"], "not bidirectional"),
    (["--panel", "cell", "--unit", "6"], "--unit 6"),
])
def test_bad_picture_requests_are_refused_and_leave_nothing(tmp_path, capsys, qapp, argv,
                                                            match):
    code, _, err = run(capsys, "snapshot", *FLAGS, *argv, "-o", str(tmp_path / "x.png"))
    assert code == 2 and match in err and err.count("\n") == 1, err
    assert list(tmp_path.iterdir()) == []


def test_no_figure_shows_a_control(qtbot, window):
    """The drawing alone: no check box, spin box, combo box or line edit is visible in any
    view's figure (they are shown again in the window afterwards)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QWidget,
    )

    from rnnviz.gui.stage import VIEWS

    controls = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit)
    load(qtbot, window, Config(cell="gru", hidden_size=8, length=12, preset="sine",
                               gradients="h_T"))
    for view in VIEWS:
        with surface(window, Picture("figure", (view,), 900, 500)) as widget:
            shown = [c for c in widget.findChildren(QWidget)
                     if isinstance(c, controls) and c.isVisibleTo(widget)]
            assert shown == [], f"{view}: {[type(c).__name__ for c in shown]}"
    assert window.cell_view.top_k.isVisibleTo(window)
    assert window.state_view.units_edit.isVisibleTo(window)
