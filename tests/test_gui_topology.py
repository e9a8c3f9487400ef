"""Sequence shapes in the window: N→1, 1→N and an encoder–decoder stepped end to end."""

from pathlib import Path

import numpy as np
import pytest
from gui_support import load
from PySide6.QtCore import Qt

from rnnviz.cli import main
from rnnviz.gui.config import Config
from rnnviz.gui.views.graph_layout import PIXELS_PER_STEP


@pytest.fixture(scope="module")
def reverse_model():
    """The bundled trained reverser (the README's recipe; training from the window is
    tested in test_gui_training.py)."""
    return Path(__file__).parent.parent / "resources" / "models" / "reverse.pt"


def _alpha_by_step(image) -> np.ndarray:
    """(T,) whether each column of a strip image is drawn at all."""
    alpha = image[..., 3]
    return alpha.reshape(alpha.shape[0], -1, PIXELS_PER_STEP).max(axis=(0, 2)) > 0


def test_stepping_a_trained_seq2seq_shows_the_decoder_writing_the_reverse(
        qtbot, window, reverse_model):
    load(qtbot, window, Config(model=str(reverse_model), topology="seq2seq", preset="text",
                               text="bcafh", vocab="abcdefgh"))
    sim, graph = window.sim, window.graph
    assert sim.length == 10 and sim.snapshot.half == "enc"
    assert [b.half for b in graph.blocks] == ["enc", "dec"]
    assert graph.blocks[1].written == "hfacb"  # the reversed input, symbol by symbol
    assert graph.blocks[1].x0 == 6  # after the encoder's 5 columns and the context's one
    written = []
    for position in range(sim.length):
        assert sim.position == position
        half = "enc" if position < 5 else "dec"
        assert sim.snapshot.half == half and sim.t == position % 5
        assert window.transport.slider.value() == position
        x = position if half == "enc" else position + 1
        assert graph._column.rect().center().x() == pytest.approx(x)
        title = window.cell_view.title.text()
        assert ("GRU 1×64 cell" in title) and f"t = {sim.t}" in title
        caption = window.output_view.caption.text()
        if half == "dec":
            written.append(caption.split("writes: '")[1][0])
            # the cell and equations show the decoder's own numbers at its step t
            h = sim.trace.part(0, "fwd", "h")[sim.t, 0, sim.unit]
            h_line = next(line for line in window.equation_view.lines
                          if line.lhs.startswith("h_t"))  # the head's lines follow it
            assert h_line.value == pytest.approx(h)
            assert sim.trace is sim.snapshot.s2s.dec
        else:
            assert "the encoder has no output" in caption
            assert sim.trace is sim.snapshot.s2s.enc
        qtbot.keyClick(window, Qt.Key_Right)
    assert "".join(written) == "hfacb"
    assert "decoder t = 4" in window.transport.label.text()
    qtbot.keyClick(window, Qt.Key_Home)  # back across the context into the encoder
    assert sim.snapshot.half == "enc" and sim.position == 0


def test_clicking_a_decoder_column_moves_there(qtbot, window, reverse_model):
    load(qtbot, window, Config(model=str(reverse_model), topology="seq2seq", preset="text",
                               text="abcde", vocab="abcdefgh"))
    graph = window.graph
    row = next(r for r in graph.blocks[1].rows if r.kind == "layer")
    view = graph.getViewBox()
    point = view.mapViewToScene(pg_point(graph.blocks[1].x0 + 2, row.y))
    qtbot.mouseClick(graph.viewport(), Qt.LeftButton, pos=graph.mapFromScene(point))
    assert window.sim.position == 7 and window.sim.snapshot.half == "dec"


def pg_point(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_a_single_network_checkpoint_is_refused_for_seq2seq(qtbot, window, tmp_path):
    path = tmp_path / "sign.pt"
    assert main(["train", "--task", "sign", "--steps", "3", "-o", str(path)]) == 0
    load(qtbot, window, Config(hidden_size=4, length=5))
    with qtbot.waitSignal(window.sim.error, timeout=30_000):
        window.start(Config(model=str(path), topology="seq2seq"))
    assert "encoder" in window.last_error and "decoder" in window.last_error
    assert window.sim.snapshot.s2s is None  # the previous network stays


def test_n2one_draws_one_output_and_one2n_one_input(qtbot, window):
    load(qtbot, window, Config(cell="gru", hidden_size=4, length=12, head="linear",
                               output_size=2, topology="n2one"))
    graph = window.graph
    images = {row.kind: image.image for row, image in zip(graph.rows, graph._images)}
    shown = _alpha_by_step(images["y"])
    assert shown.tolist() == [False] * 11 + [True]
    assert "none at this step" in window.output_view.caption.text()
    qtbot.keyClick(window, Qt.Key_End)
    assert "output at t = 11" in window.output_view.caption.text()
    load(qtbot, window, window.sim.config.with_(topology="one2n", feed="first",
                                                decode_steps=9))
    images = {row.kind: image.image for row, image in zip(graph.rows, graph._images)}
    assert window.sim.length == 9
    assert _alpha_by_step(images["x"]).tolist() == [True] + [False] * 8
    assert (window.sim.trace.x[1:] == 0).all()  # fed once: no input after the first step
    assert "1→N" in graph.getPlotItem().titleLabel.text


def test_seq2seq_gradients_flow_from_the_decoder_through_c_into_the_encoder(
        qtbot, window, reverse_model):
    load(qtbot, window, Config(model=str(reverse_model), topology="seq2seq", preset="text",
                               text="bcafh", vocab="abcdefgh", gradients="h_T"))
    sim, view = window.sim, window.gradient_view
    qtbot.waitUntil(lambda: sim.s2s_gradients is not None, timeout=30_000)
    both = sim.s2s_gradients
    assert sim.gradients is both.enc  # the encoder's half is shown first
    enc = view.curves["encoder:l0_fwd_dh_norm"]
    dec = view.curves["decoder:l0_fwd_dh_norm"]
    assert enc.xData.tolist() == [0, 1, 2, 3, 4] and dec.xData.tolist() == [6, 7, 8, 9, 10]
    np.testing.assert_allclose(dec.yData, both.dec.arrays["l0_fwd_dh_norm"][:, 0])
    assert view.curves["context"].xData.tolist() == [5]
    assert window.equation_view.lines[0].lhs == "∂L/∂h_t[0]"
    for _ in range(7):
        qtbot.keyClick(window, Qt.Key_Right)
    assert sim.snapshot.half == "dec" and sim.gradients is both.dec
    assert view.cursor.value() == 8  # the graph's column: after the context
    line = window.equation_view.lines[0]
    assert line.value == pytest.approx(both.dec.arrays["l0_fwd_dh"][2, 0, 0])


def test_selection_survives_a_trip_through_the_decoder_and_labels_follow_the_batch(
        qtbot, window, tmp_path):
    x = np.zeros((5, 2, 8))
    x[np.arange(5), 0, [0, 1, 2, 3, 4]] = 1  # sequence 0: abcde
    x[np.arange(5), 1, [7, 6, 5, 1, 0]] = 1  # sequence 1: hgfba
    np.save(tmp_path / "two.npy", x)
    load(qtbot, window, Config(topology="seq2seq", cell="gru", hidden_size=6, num_layers=2,
                               bidirectional=True, input=str(tmp_path / "two.npy"),
                               target_vocab="abcdefgh"))
    sim = window.sim
    sim.select(layer=1, direction="bwd", unit=4)
    sim.seek(8)  # into the decoder: one layer, one direction
    assert (sim.layer, sim.direction) == (0, "fwd")
    sim.seek(1)
    assert (sim.layer, sim.direction, sim.unit) == (1, "bwd", 4)
    sim.select(batch=1)
    decoder = window.graph.blocks[1]
    fed = sim.snapshot.s2s.fed[:, 1]
    assert decoder.fed == "".join(("abcdefgh^")[i] for i in fed)
    assert decoder.fed[1:] == decoder.written[:-1]  # greedy: what it wrote, fed back


def test_a_leftover_output_count_does_not_block_other_shapes(qtbot, window):
    load(qtbot, window, Config(topology="one2n", decode_steps=7, hidden_size=4))
    load(qtbot, window, window.sim.config.with_(topology="n2one"))
    assert window.sim.length == window.sim.config.length and window.last_error == ""


def test_one2n_title_reads_as_english(qtbot, window):
    load(qtbot, window, Config(topology="one2n", feed="every", decode_steps=5, hidden_size=4))
    assert window.graph.getPlotItem().titleLabel.text.endswith("(input at every step)")
    load(qtbot, window, window.sim.config.with_(feed="first"))
    assert window.graph.getPlotItem().titleLabel.text.endswith("(input at the first step only)")
