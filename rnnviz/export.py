"""Writing exports: PNG, GIF, MP4, the trace's NPZ and a part as CSV (no Qt here).

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
from pathlib import Path

import numpy as np

from rnnviz.core.atomic import atomic_path
from rnnviz.core.errors import RnnvizError

IMAGE_SUFFIXES = (".png", ".svg")
ANIMATION_SUFFIXES = (".gif", ".mp4")


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


def write_gif(frames: Iterable[np.ndarray], path: str | Path, fps: float) -> int:
    """RGB(A) frames -> looping GIF; returns the number of frames written.

    One palette, taken from the first frame, serves every frame: the views use fixed
    colour scales, so colours do not drift, and quantising against a fixed palette is
    much faster than building one per frame.
    """
    from PIL import Image

    images, palette = [], None
    for frame in frames:
        image = Image.fromarray(np.ascontiguousarray(frame[..., :3]), "RGB")
        if palette is None:
            palette = image.quantize(colors=255, method=Image.Quantize.MEDIANCUT)
        images.append(image.quantize(palette=palette, dither=Image.Dither.NONE))
    if not images:
        raise RnnvizError("the animation has no frames; choose a non-empty step range")
    with atomic_path(path) as tmp:
        images[0].save(tmp, format="GIF", save_all=True, append_images=images[1:],
                       duration=max(20, round(1000 / fps)), loop=0, optimize=False)
    return len(images)


def mp4_writer() -> str | None:
    """Path of an ffmpeg executable (imageio-ffmpeg's, or one on PATH), else None."""
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return shutil.which("ffmpeg")


MP4_MISSING = "MP4 needs ffmpeg: pip install 'rnnviz[mp4]' (or put ffmpeg on PATH); GIF works"


def write_mp4(frames: Iterable[np.ndarray], path: str | Path, fps: float) -> int:
    """RGB(A) frames -> H.264 MP4 through an ffmpeg pipe; returns the frame count."""
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
                raise RnnvizError("the animation has no frames; choose a non-empty step range")
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
    return count


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
    """One part of one cell over time: a row per step, a column per unit."""
    values = trace.part(layer, direction, part)[:, batch]  # (T, H)
    header = "t," + ",".join(f"{part}[{k}]" for k in range(values.shape[1]))
    table = np.column_stack([np.arange(len(values)), values])
    with atomic_path(path) as tmp:
        np.savetxt(tmp, table, delimiter=",", header=header, comments="",
                   fmt=["%d"] + ["%.9g"] * values.shape[1])
    return Path(path)
