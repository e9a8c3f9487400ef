"""Animations keep the stills' colours: GIF per-frame palettes, lossless APNG and WebP."""

import numpy as np
import pytest
from PIL import Image, ImageSequence

import rnnviz.export as export
from rnnviz.core.errors import RnnvizError
from rnnviz.export import (
    ANIMATION_FORMATS,
    ANIMATION_SUFFIXES,
    Cancelled,
    mp4_writer,
    webp_available,
    write_animation,
)
from rnnviz.gif_palette import FramePalettes, colour_keys

VIRIDIS_ENDS = [(0x44, 0x01, 0x54), (0xFA, 0xE6, 0x25)]  # what median cut used to move


def read_frames(path) -> list[np.ndarray]:
    """Every frame as shown (Pillow composes partial frames onto the previous ones)."""
    with Image.open(path) as image:
        return [np.asarray(f.convert("RGB")).copy() for f in ImageSequence.Iterator(image)]


def tiled(colours, size=(48, 64)) -> np.ndarray:
    """(H, W, 3) uint8: flat tiles of the given colours, in order, row by row."""
    colours = np.asarray(colours, np.uint8)
    cells = int(np.ceil(np.sqrt(len(colours))))
    grid = np.resize(colours, (cells * cells, 3)).reshape(cells, cells, 3)
    rows = np.arange(size[0]) * cells // size[0]
    cols = np.arange(size[1]) * cells // size[1]
    return grid[rows][:, cols]


def few_colour_frames(count=4, rng=None) -> list[np.ndarray]:
    """Frames of ≤ 256 colours each, every frame a different set (union > 256)."""
    rng = rng or np.random.default_rng(0)
    frames = []
    for _ in range(count):
        colours = [*VIRIDIS_ENDS, *rng.integers(0, 256, (250, 3))]
        frames.append(tiled(colours, (96, 128)))
    return frames


def test_gif_frames_of_at_most_256_colours_round_trip_exactly(tmp_path):
    """Each frame's palette is its own colours: #440154 and #FAE625 stay themselves even
    though the frames together have ~1000 colours (one shared palette could not)."""
    frames = few_colour_frames()
    frames[1] = np.concatenate([frames[1], np.full((96, 128, 1), 255, np.uint8)], -1)  # RGBA
    frames.append(np.full((96, 128, 3), VIRIDIS_ENDS[0], np.uint8))  # one colour only
    report = write_animation(iter(frames), tmp_path / "a.gif", 10)
    assert (report.frames, report.max_error, report.mean_error) == (5, 0, 0.0)
    assert report.exact and report.colour_note() == "colours exact"
    back = read_frames(tmp_path / "a.gif")
    assert len(back) == 5
    for shown, given in zip(back, frames):
        np.testing.assert_array_equal(shown, given[..., :3])
    assert all((back[0] == colour).all(axis=-1).any() for colour in VIRIDIS_ENDS)


def gradient_frame() -> np.ndarray:
    """96 flat fills (viridis ends among them) over a smooth 4096-colour gradient band,
    like a render: flat fills plus many nearly equal edge colours."""
    rng = np.random.default_rng(1)
    fills = tiled([*VIRIDIS_ENDS, *rng.integers(0, 256, (94, 3))], (200, 240))
    band = np.zeros((64, 240, 3), np.uint8)
    ramp = np.arange(64 * 240)
    band[..., 0] = (ramp % 64 * 4).reshape(64, 240)
    band[..., 1] = (ramp // 64 % 64 * 4).reshape(64, 240)
    band[..., 2] = 128
    return np.concatenate([fills, band])


def test_gif_frame_of_many_colours_gets_its_own_palette_with_a_small_reported_error(
        tmp_path):
    """A frame of 4192 colours: fills exact, the gradient (a hard case: 4096 colours
    evenly spread) moved by at most 16 per channel, mean 0.89 over the frame; the
    report's numbers are what the file holds."""
    frame = gradient_frame()
    report = write_animation([frame, frame[::-1]], tmp_path / "a.gif", 10)
    back = read_frames(tmp_path / "a.gif")
    moved = [np.abs(b.astype(int) - f) for b, f in zip(back, [frame, frame[::-1]])]
    assert report.reduced_frames == 2
    assert report.max_error == max(m.max() for m in moved)
    assert report.mean_error == pytest.approx(np.mean(moved), abs=1e-9)
    assert 0 < report.max_error <= 16 and report.mean_error < 1.0
    assert (moved[0][:200] == 0).all()  # the flat fills are exact
    assert "2 of 2 frames had more than 256 colours" in report.colour_note()
    assert f"at most {report.max_error}" in report.colour_note()


def test_gif_palette_of_a_window_like_frame_keeps_frequent_colours():
    """The most frequent colours (the fills) never move, whatever the rest needs."""
    frame = gradient_frame()
    palettes = FramePalettes()
    image = palettes.indexed(frame)
    shown = np.asarray(image.convert("RGB"))
    assert palettes.reduced == 1 and len(image.getpalette()) // 3 == 256
    np.testing.assert_array_equal(shown[:200], frame[:200])


@pytest.mark.parametrize("suffix", [".apng", ".webp"])
def test_lossless_formats_round_trip_exactly(tmp_path, suffix):
    if suffix == ".webp" and not webp_available():
        pytest.skip("this Pillow has no WebP")
    rng = np.random.default_rng(2)
    frames = [rng.integers(0, 256, (40, 56, 3), dtype=np.uint8) for _ in range(3)]  # noise
    report = write_animation(frames, tmp_path / f"a{suffix}", 20)
    assert report.frames == 3 and report.exact and report.colour_note() == "colours exact"
    back = read_frames(tmp_path / f"a{suffix}")
    assert len(back) == 3
    for shown, given in zip(back, frames):
        np.testing.assert_array_equal(shown, given)
    with Image.open(tmp_path / f"a{suffix}") as image:
        image.load()  # WebP reads a frame's duration with the frame
        assert image.info["duration"] == 50  # 20 fps


def test_webp_without_libwebp_names_the_fix_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "webp_available", lambda: False)
    with pytest.raises(RnnvizError, match="pip install --force-reinstall pillow"):
        write_animation(few_colour_frames(2), tmp_path / "a.webp", 10)
    assert list(tmp_path.iterdir()) == []
    assert ".webp" in export.missing_animation_formats()


@pytest.mark.parametrize("suffix", ANIMATION_SUFFIXES)
def test_a_cancelled_animation_leaves_no_file(tmp_path, suffix):
    if suffix == ".mp4" and mp4_writer() is None:
        pytest.skip("no MP4 writer")
    if suffix == ".webp" and not webp_available():
        pytest.skip("this Pillow has no WebP")

    def frames():
        yield from few_colour_frames(2)
        raise Cancelled()

    with pytest.raises(Cancelled):
        write_animation(frames(), tmp_path / f"a{suffix}", 5)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", ANIMATION_SUFFIXES)
def test_an_empty_animation_is_refused(tmp_path, suffix):
    if suffix == ".mp4" and mp4_writer() is None:
        pytest.skip("no MP4 writer")
    with pytest.raises(RnnvizError, match="no frames"):
        write_animation(iter([]), tmp_path / f"a{suffix}", 5)
    assert list(tmp_path.iterdir()) == []


def test_unknown_suffix_names_the_known_ones(tmp_path):
    with pytest.raises(RnnvizError, match=r"use one of \.gif, \.apng, \.webp, \.mp4"):
        write_animation(few_colour_frames(1), tmp_path / "a.avi", 5)
    assert set(ANIMATION_FORMATS) == set(ANIMATION_SUFFIXES)


@pytest.mark.skipif(mp4_writer() is None, reason="no MP4 writer (pip install rnnviz[mp4])")
def test_mp4_says_it_is_lossy(tmp_path):
    report = write_animation(few_colour_frames(3), tmp_path / "a.mp4", 5)
    assert report.frames == 3 and report.max_error is None and not report.exact
    assert "lossy" in report.colour_note()
    assert (tmp_path / "a.mp4").read_bytes()[4:8] == b"ftyp"


def test_a_rendered_graph_keeps_its_node_colours_in_a_gif(qtbot, window, tmp_path):
    """Frames of the real graph view: every pixel of the 100 most frequent colours of a
    frame (node fills, arrows, background) is exact; the rest (antialiased edges, text)
    moved by at most 24, and the mean stays under 0.5 (measured: max 19, mean 0.18 for
    the whole 1400×900 window)."""
    from gui_support import load

    from rnnviz.gui.capture import render_rgba
    from rnnviz.gui.config import Config

    load(qtbot, window, Config(cell="lstm", hidden_size=12, num_layers=2, length=20))
    frames = []
    for t in (3, 9):
        window.sim.seek(t)
        qtbot.wait(20)
        frames.append(render_rgba(window.graph))
    report = write_animation(frames, tmp_path / "g.gif", 5)
    assert report.max_error <= 24 and report.mean_error < 0.5
    for shown, given in zip(read_frames(tmp_path / "g.gif"), frames):
        keys = colour_keys(given)
        values, counts = np.unique(keys, return_counts=True)
        frequent = values[np.argsort(-counts)[:100]]  # of the 128 kept exact: no ties
        fills = np.isin(keys, frequent)
        np.testing.assert_array_equal(shown[fills], given[..., :3][fills])


def test_a_frame_of_noise_is_reduced_quickly_and_honestly(tmp_path):
    """360 000 pixels of 350 000 colours (a photo, not a render): 256 colours chosen in
    ~0.7 s (the file written in ~2 s on a busy 2-core machine), and the report says how
    far they moved."""
    import time

    frame = np.random.default_rng(3).integers(0, 256, (600, 600, 3), dtype=np.uint8)
    start = time.perf_counter()
    report = write_animation([frame], tmp_path / "n.gif", 5)
    assert time.perf_counter() - start < 10  # a bound against blowing up, not a benchmark
    moved = np.abs(read_frames(tmp_path / "n.gif")[0].astype(int) - frame)
    assert report.max_error == moved.max() and report.mean_error == pytest.approx(moved.mean())
