"""Exports: PNG, SVG, GIF, MP4, NPZ, CSV — from the CLI (headless) and the window."""

import numpy as np
import pytest
from gui_support import load
from PIL import Image
from PySide6.QtWidgets import QFileDialog

from rnnviz.cli import main
from rnnviz.core.files.tracefile import read_trace_file
from rnnviz.export import Cancelled, encode_png, mp4_writer, write_animation
from rnnviz.gui.capture import render_rgba
from rnnviz.gui.config import Config
from rnnviz.gui.panels.animation_dialog import AnimationChoice
from rnnviz.gui.panels.figure_dialog import FigureChoice

FLAGS = ["--cell", "lstm", "--hidden-size", "6", "--num-layers", "2", "--length", "24"]
CONFIG = Config(cell="lstm", hidden_size=6, num_layers=2, length=24, preset="sine")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def colours(path) -> int:
    pixels = np.asarray(Image.open(path).convert("RGB")).reshape(-1, 3)
    return len(np.unique(pixels, axis=0))


def test_png_encoder_round_trips_exactly():
    rgba = np.random.default_rng(0).integers(0, 255, (37, 53, 4), dtype=np.uint8)
    from io import BytesIO

    decoded = np.asarray(Image.open(BytesIO(encode_png(rgba, dpi=192))))
    np.testing.assert_array_equal(decoded, rgba[..., :3])
    assert Image.open(BytesIO(encode_png(rgba, dpi=192))).info["dpi"][0] == pytest.approx(192,
                                                                                          0.01)


def test_snapshot_window_png_at_2x(tmp_path, capsys, qapp):
    out = tmp_path / "w.png"
    code, stdout, err = run(capsys, "snapshot", *FLAGS, "--step", "10", "--size", "1280x800",
                            "--scale", "2", "-o", str(out))
    assert code == 0, err
    assert "t = 10" in stdout
    image = Image.open(out)
    assert image.size == (2560, 1600)
    assert colours(out) > 200  # a real picture, not a blank canvas


@pytest.mark.parametrize("panel, title", [("graph", "unrolled network"),
                                          ("cell", "LSTM 2×6 cell"),
                                          ("states", "picked units"),
                                          ("equations", "f_t[0]"),
                                          ("output", "output at t = 5")])
def test_snapshot_panel_svg_keeps_its_text(tmp_path, capsys, qapp, panel, title):
    out = tmp_path / f"{panel}.svg"
    code, _, err = run(capsys, "snapshot", *FLAGS, "--step", "5", "--panel", panel,
                       "-o", str(out))
    assert code == 0, err
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    assert title in svg


def test_snapshot_panel_png_has_the_panel_size(tmp_path, capsys, qapp):
    out = tmp_path / "cell.png"
    assert run(capsys, "snapshot", *FLAGS, "--panel", "cell", "-o", str(out))[0] == 0
    width, height = Image.open(out).size
    assert 300 < width < 1400 and 150 < height < 900 and colours(out) > 50


def test_animate_gif_has_one_frame_per_step(tmp_path, capsys, qapp):
    out = tmp_path / "a.gif"
    code, stdout, err = run(capsys, "animate", *FLAGS, "--from", "3", "--to", "14",
                            "--fps", "5", "--panel", "graph", "-o", str(out))
    assert code == 0, err
    gif = Image.open(out)
    assert gif.n_frames == 12 and gif.info["duration"] == 200 and "12 frames" in stdout


@pytest.mark.skipif(mp4_writer() is None, reason="no MP4 writer (pip install rnnviz[mp4])")
def test_animate_mp4(tmp_path, capsys, qapp):
    out = tmp_path / "a.mp4"
    code, _, err = run(capsys, "animate", *FLAGS, "--to", "9", "--panel", "cell",
                       "-o", str(out))
    assert code == 0, err
    head = out.read_bytes()[:12]
    assert head[4:8] == b"ftyp" and out.stat().st_size > 1000


@pytest.mark.parametrize("argv, match", [
    (["snapshot", "-o", "{d}/x.bmp"], "use one of .png, .svg, .pdf"),
    (["snapshot", "-o", "{d}/nowhere/x.png"], "does not exist"),
    (["snapshot", "-o", "{d}/x.png", "--step", "24"], "--step 24 is outside the sequence"),
    (["snapshot", "-o", "{d}/x.png", "--size", "big"], "WIDTHxHEIGHT"),
    (["animate", "-o", "{d}/x.gif", "--scale", "9"], "--scale 9: use a value from 0.25 to 8"),
    (["animate", "-o", "{d}/x.avi"], "use one of .gif, .apng, .webp, .mp4"),
    (["animate", "-o", "{d}/x.gif", "--to", "99"], "--to 99 is outside the sequence"),
])
def test_bad_export_requests(tmp_path, capsys, qapp, argv, match):
    argv = [a.format(d=tmp_path) for a in argv]
    code, _, err = run(capsys, argv[0], *FLAGS, *argv[1:])
    assert code == 2 and match in err and err.count("\n") == 1, err
    assert [p.name for p in tmp_path.iterdir()] == []  # no partial or temporary file


def test_existing_file_is_replaced_only_with_force(tmp_path, capsys, qapp):
    out = tmp_path / "w.png"
    out.write_bytes(b"keep me")
    code, _, err = run(capsys, "snapshot", *FLAGS, "-o", str(out))
    assert code == 2 and "already exists; pass --force" in err
    assert out.read_bytes() == b"keep me"
    assert run(capsys, "snapshot", *FLAGS, "--force", "-o", str(out))[0] == 0
    assert Image.open(out).size == (1400, 900)


def test_headless_snapshot_equals_the_windows_picture(tmp_path, capsys, qtbot, window):
    load(qtbot, window, CONFIG)
    window.sim.seek(10)
    qtbot.wait(50)
    shown = render_rgba(window)[..., :3]
    out = tmp_path / "h.png"
    assert run(capsys, "snapshot", *FLAGS, "--step", "10", "-o", str(out))[0] == 0
    headless = np.asarray(Image.open(out).convert("RGB"))
    assert headless.shape == shown.shape
    above_status = window.statusBar().y()  # the status bar shows timings
    delta = np.abs(headless[:above_status].astype(int) - shown[:above_status]).max(axis=-1)
    ys, xs = np.nonzero(delta > 40)
    where = f"rows {ys.min()}..{ys.max()}, columns {xs.min()}..{xs.max()}" if len(ys) else ""
    assert (delta > 40).mean() < 0.002, f"{(delta > 40).mean():.2%} of pixels differ ({where})"


def test_cancelled_gif_leaves_no_file(tmp_path):
    def frames():
        yield np.zeros((8, 8, 3), np.uint8)
        raise Cancelled()

    with pytest.raises(Cancelled):
        write_animation(frames(), tmp_path / "a.gif", 5)
    assert list(tmp_path.iterdir()) == []


def test_window_export_menu(qtbot, window, tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    load(qtbot, window, CONFIG)
    window.sim.seek(7)
    menu = window.export_menu
    monkeypatch.setattr(menu, "folder", lambda: tmp_path)
    menu.quick_png()
    menu.quick_png()  # quick never overwrites: a second file
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["rnnviz-lstm-window-t7-1.png", "rnnviz-lstm-window-t7.png"]

    answers = iter([str(tmp_path / "cell.svg"), str(tmp_path / "run.npz"),
                    str(tmp_path / "f.csv"), str(tmp_path / "w2.png")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (next(answers), "")))
    menu.write_figure(FigureChoice("cell", ".svg", 560, 330, 1.0))
    assert "LSTM 2×6 cell" in (tmp_path / "cell.svg").read_text(encoding="utf-8")
    menu.trace_npz()
    spec, meta, arrays = read_trace_file(tmp_path / "run.npz")
    assert spec.num_layers == 2 and arrays["l1_fwd_c"].shape == (24, 1, 6)
    window.sim.select(layer=1, unit=2)
    menu.part_csv("f")
    table = np.loadtxt(tmp_path / "f.csv", delimiter=",", skiprows=1)
    np.testing.assert_allclose(table[:, 1:], window.sim.trace.part(1, "fwd", "f")[:, 0],
                               rtol=1e-6)
    assert (tmp_path / "f.csv").read_text().splitlines()[0].startswith("t,f[0],f[1]")
    menu.window_png(2.0)
    assert Image.open(tmp_path / "w2.png").size == (2 * window.width(), 2 * window.height())
    assert window.last_error == ""


def test_window_animation_can_be_cancelled(qtbot, window, tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"  # the fixture keeps its settings file in tmp_path itself
    tmp_path.mkdir()
    load(qtbot, window, CONFIG)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "a.gif"), "")))
    from PySide6.QtWidgets import QProgressDialog

    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: self.value() >= 3)
    menu = window.export_menu
    menu._guard(lambda: menu.write_animation(AnimationChoice(0, 20, 10, "graph", ".gif",
                                                             540, 560, 1.0)))
    assert list(tmp_path.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage()
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: False)
    window.sim.seek(4)
    menu._guard(lambda: menu.write_animation(AnimationChoice(2, 6, 10, "graph", ".gif",
                                                             540, 560, 1.0)))
    assert Image.open(tmp_path / "a.gif").n_frames == 5
    assert window.sim.t == 4  # the cursor goes back where it was


def test_mp4_failure_reports_ffmpegs_reason_and_leaves_nothing(tmp_path, monkeypatch):
    import rnnviz.export as export

    fake = tmp_path / "ffmpeg"
    fake.write_text("#!/bin/sh\ncat > /dev/null\necho 'Unknown encoder libx264' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(export, "mp4_writer", lambda: str(fake))
    out = tmp_path / "out"
    out.mkdir()
    frames = (np.zeros((16, 16, 3), np.uint8) for _ in range(3))
    with pytest.raises(export.RnnvizError, match="Unknown encoder libx264"):
        export.write_animation(frames, out / "a.mp4", 5)
    assert list(out.iterdir()) == []
