"""Writing exports: PNG, animations (GIF, APNG, WebP, MP4), the trace's NPZ and a part
as CSV (no Qt here).

Every file is written to a temporary name beside the target and renamed when complete,
so a failure or a cancel never leaves a partial file. An existing file is replaced
only when the caller says so (`force`: the GUI after the user confirmed, the CLI with
--force).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.atomic import atomic_path

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
ANIMATION_SUFFIXES = (".gif", ".apng", ".webp", ".mp4")
# What each animation format does to the colours of the frames, in a line (dialogs, help).
ANIMATION_FORMATS = {
    ".gif": ("GIF", "exact up to 256 colours a frame, else each frame's best 256 "
                    "(the export says how far colours moved)"),
    ".apng": ("APNG", "lossless: exactly the stills' colours; large files"),
    ".webp": ("WebP", "lossless: exactly the stills' colours; small files"),
    ".mp4": ("MP4", "H.264 video: smallest, plays everywhere; lossy, colours shift "
                    "slightly"),
}


class Cancelled(Exception):
    """The user cancelled a long export; nothing was written."""


def prepare_target(path: str | Path, suffixes: tuple[str, ...], force: bool = False) -> Path:
    """Check a target path before any work: known suffix, writable folder, no clobbering."""
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise RnnvizError(f"cannot write {path.name}: use one of {', '.join(suffixes)}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise RnnvizError(f"folder {folder} does not exist; create it or choose another path")
    if not os.access(folder, os.W_OK):
        raise RnnvizError(f"folder {folder} is not writable; choose another path")
    if path.exists() and not force:
        raise RnnvizError(f"{path} already exists; pass --force to replace it")
    return path


def encode_png(rgba: np.ndarray, dpi: float = 96.0) -> bytes:
    """(H, W, 3|4) uint8 -> an opaque RGB PNG.

    Written directly (rows unfiltered, zlib level 1): renders are flat colours and
    compress as well that way, and it is 4× faster than Pillow's adaptive row filters
    (a 2800×1800 window: ~30 ms instead of ~115 ms).
    """
    height, width = rgba.shape[:2]
    if not height or not width:
        raise RnnvizError("nothing to save: the picture is empty (is the panel hidden?)")
    rows = np.empty((height, 1 + 3 * width), dtype=np.uint8)
    rows[:, 0] = 0  # filter type "None" for every row
    rows[:, 1:] = rgba[..., :3].reshape(height, 3 * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ppm = round(dpi / 0.0254)  # pixels per metre
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
            + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
            + chunk(b"IEND", b""))


def write_png(rgba: np.ndarray, path: str | Path, dpi: float = 96.0) -> Path:
    """An RGB(A) image -> PNG file, atomically."""
    data = encode_png(rgba, dpi)
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


@dataclass(frozen=True)
class AnimationReport:
    """What an animation writer did: its frames, and how far their colours moved.

    `max_error` and `mean_error` compare the stored frames with the rendered ones, per
    channel on the 0..255 scale, over every pixel of every frame; None where nobody
    measured them (MP4). `reduced_frames`: GIF frames with more than 256 colours.
    """

    path: Path
    frames: int
    max_error: int | None = 0
    mean_error: float | None = 0.0
    reduced_frames: int = 0

    @property
    def exact(self) -> bool:
        return self.max_error == 0

    def colour_note(self) -> str:
        """One line for the user: exact colours, or how far they moved and what keeps them."""
        if self.max_error is None:
            return "MP4 (H.264, yuv420p) is lossy: colours are close, not exact; " \
                   ".apng or .webp keep them exact"
        if self.exact:
            return "colours exact"
        return (f"{self.reduced_frames} of {self.frames} frames had more than 256 colours: "
                f"colours moved by at most {self.max_error} (mean {self.mean_error:.2f}) of "
                f"255 per channel; .apng or .webp keep them exact")


def write_animation(frames: Iterable[np.ndarray], path: str | Path,
                    fps: float) -> AnimationReport:
    """RGB(A) frames -> a looping animation; the format follows the suffix.

    .gif: exact when a frame has at most 256 colours, else that frame's own adaptive
    palette (the report says how far colours moved). .apng and .webp: lossless.
    .mp4: H.264 in yuv420p, lossy by nature (colour is subsampled), but small and plays
    everywhere. A `Cancelled` raised by `frames` leaves no file.
    """
    writers = {".gif": _gif, ".apng": _apng, ".webp": _webp, ".mp4": _mp4}
    suffix = Path(path).suffix.lower()
    if suffix not in writers:
        raise RnnvizError(f"cannot write {Path(path).name}: use one of "
                          f"{', '.join(ANIMATION_SUFFIXES)}")
    return writers[suffix](frames, Path(path), fps)


def _no_frames() -> RnnvizError:
    return RnnvizError("the animation has no frames; choose a non-empty step range")


def _gif(frames: Iterable[np.ndarray], path: Path, fps: float) -> AnimationReport:
    from rnnviz.gif_palette import FramePalettes

    palettes = FramePalettes()
    images = [palettes.indexed(frame) for frame in frames]
    if not images:
        raise _no_frames()
    _check_side(images[0].size, 65535, "GIF")
    with atomic_path(path) as tmp:  # frame times are whole hundredths: 50 fps at most
        images[0].save(tmp, format="GIF", save_all=True, append_images=images[1:],
                       duration=max(20, round(1000 / fps)), loop=0, optimize=False)
    return AnimationReport(path, len(images), palettes.max_error, palettes.mean_error,
                           palettes.reduced)


def _apng(frames: Iterable[np.ndarray], path: Path, fps: float) -> AnimationReport:
    images = _rgb_images(frames)
    with atomic_path(path) as tmp:
        images[0].save(tmp, format="PNG", save_all=True, append_images=images[1:],
                       duration=round(1000 / fps), loop=0, compress_level=3)
    return AnimationReport(path, len(images))


WEBP_MISSING = ("WebP needs Pillow built with libwebp: pip install --force-reinstall "
                "pillow (the PyPI wheels have it); .apng is lossless too")


def missing_animation_formats() -> dict[str, str]:
    """Animation suffixes this installation cannot write, each with the fix."""
    missing = {}
    if not webp_available():
        missing[".webp"] = WEBP_MISSING
    if mp4_writer() is None:
        missing[".mp4"] = MP4_MISSING
    return missing


def webp_available() -> bool:
    from PIL import features

    return bool(features.check("webp"))


def _webp(frames: Iterable[np.ndarray], path: Path, fps: float) -> AnimationReport:
    if not webp_available():
        raise RnnvizError(WEBP_MISSING)
    images = _rgb_images(frames)
    _check_side(images[0].size, 16383, "WebP")
    # Lossless "quality" and "method" are effort: the least that still finds the changed
    # rectangles between frames (method 0 files are 8× larger) is twice as fast as the
    # default and within 10% of its size.
    with atomic_path(path) as tmp:
        images[0].save(tmp, format="WEBP", save_all=True, append_images=images[1:],
                       duration=round(1000 / fps), loop=0, lossless=True, quality=0,
                       method=1)
    return AnimationReport(path, len(images))


def _check_side(size: tuple[int, int], limit: int, name: str) -> None:
    if max(size) > limit:  # the format's own limit
        raise RnnvizError(f"{name} frames are at most {limit} pixels a side, these are "
                          f"{size[0]}×{size[1]}; choose a smaller size or scale, or .apng")


def _rgb_images(frames: Iterable[np.ndarray]) -> list:
    from PIL import Image

    images = [Image.fromarray(np.ascontiguousarray(f[..., :3])) for f in frames]
    if not images:
        raise _no_frames()
    return images


def mp4_writer() -> str | None:
    """Path of an ffmpeg executable (imageio-ffmpeg's, or one on PATH), else None."""
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return shutil.which("ffmpeg")


MP4_MISSING = "MP4 needs ffmpeg: pip install 'rnnviz[mp4]' (or put ffmpeg on PATH); GIF works"


def _mp4(frames: Iterable[np.ndarray], path: Path, fps: float) -> AnimationReport:
    """Through an ffmpeg pipe, frame by frame (nothing is held in memory)."""
    exe = mp4_writer()
    if exe is None:
        raise RnnvizError(MP4_MISSING)
    count, process = 0, None
    with atomic_path(path) as tmp:
        try:
            for frame in frames:
                rgb = np.ascontiguousarray(frame[..., :3])
                if process is None:
                    process = _start_ffmpeg(exe, rgb.shape, fps, tmp)
                process.stdin.write(rgb.tobytes())
                count += 1
            if not count:
                raise _no_frames()
            process.stdin.close()
            if process.wait() != 0:
                raise _ffmpeg_error(process)
        except BrokenPipeError:  # ffmpeg quit early: say why, in its own words
            raise _ffmpeg_error(process) from None
        except BaseException:  # cancelled or failed: stop ffmpeg, keep the exception
            if process is not None and process.poll() is None:
                process.kill()
            raise
        finally:
            if process is not None:
                process.wait()
                process.stderr.close()
    return AnimationReport(path, count, max_error=None, mean_error=None)


def _ffmpeg_error(process) -> RnnvizError:
    process.kill()
    process.wait()
    lines = [line for line in process.stderr.read().decode(errors="replace").splitlines()
             if line.strip()]
    reason = " / ".join(lines[-2:]) or "no reason given"
    return RnnvizError(f"ffmpeg could not write the video: {reason}")


def _start_ffmpeg(exe: str, shape: tuple[int, ...], fps: float, target: Path):
    height, width = shape[:2]
    command = [exe, "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
               "-s", f"{width}x{height}", "-r", f"{fps:g}", "-i", "-",
               "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",  # H.264 with yuv420p needs even sizes
               "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
               "-f", "mp4", str(target)]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE)


def write_part_csv(trace, layer: int, direction: str, part: str, batch: int,
                   path: str | Path) -> Path:
    """One part of one cell over time: a row per step, a column per unit. Written a block
    of steps at a time: a long trace (long_trace.py) is recomputed as it goes."""
    values = trace.part(layer, direction, part)  # (T, B, H), maybe a StepArray
    steps, units = values.shape[0], values.shape[2]
    header = "t," + ",".join(f"{part}[{k}]" for k in range(units))
    with atomic_path(path) as tmp, open(tmp, "w", encoding="ascii") as fh:
        fh.write(header + "\n")
        for start in range(0, steps, CSV_BLOCK):
            stop = min(steps, start + CSV_BLOCK)
            table = np.column_stack([np.arange(start, stop), values[start:stop, batch]])
            np.savetxt(fh, table, delimiter=",", fmt=["%d"] + ["%.9g"] * units)
    return Path(path)


CSV_BLOCK = 4096  # steps formatted at a time
