"""Figure and animation sizes: one rule for the CLI and the dialogs (no Qt here).

A size is the drawing's size in logical pixels; a scale multiplies it for pixel
formats (PNG and the animations), so text and lines are redrawn sharp, not stretched.
Impossible requests are refused before anything is rendered, with the fix in the message.
"""

from __future__ import annotations

import math
import re

from rnnviz.core.errors import RnnvizError
from rnnviz.core.memory import available_memory_bytes, gib

MIN_SIDE = 64  # logical pixels: below this no panel can show a readable label
MIN_SCALE, MAX_SCALE = 0.25, 8.0
BYTES_PER_PIXEL = 4  # RGBA, for each frame held
WORK_FRAMES = 2  # the painter's image and its pixels, while one frame is rendered

_SIZE = re.compile(r"\s*(\d+)\s*[x×]\s*(\d+)\s*", re.IGNORECASE)


def parse_size(text: str, name: str = "--size") -> tuple[int, int]:
    """"1600x1000" or "1600×1000" -> (1600, 1000); only the form is checked here."""
    match = _SIZE.fullmatch(text)
    if match is None:
        raise RnnvizError(f"{name} {text!r}: write it as WIDTHxHEIGHT in pixels, "
                          f"e.g. 1600x1000")
    return int(match[1]), int(match[2])


def format_size(width: float, height: float) -> str:
    return f"{width:g}×{height:g}"


def render_size(width: float, height: float, scale: float) -> tuple[int, int]:
    """The pixel size of a render at `scale` (rounded as the renderer rounds)."""
    return round(width * scale), round(height * scale)


def check_figure_size(width: float, height: float, scale: float = 1.0, frames: int = 1,
                      available: int | None = None,
                      names: tuple[str, str] = ("--size", "--scale")) -> None:
    """Refuse a size, scale and frame count that cannot be rendered, on one line.

    `available`: bytes of memory to measure against (default: what the OS has free now).
    `names`: what the message calls the size and the scale (flags, or dialog fields).
    """
    size_name, scale_name = names
    if not all(math.isfinite(v) for v in (width, height)):
        raise RnnvizError(f"{size_name} {format_size(width, height)} is not a size; "
                          f"give whole pixels, e.g. 1600x1000")
    if min(width, height) < MIN_SIDE:
        what = "is empty" if min(width, height) <= 0 else "is too small to read"
        raise RnnvizError(f"a {format_size(width, height)} figure {what}; choose a "
                          f"{size_name} of at least {MIN_SIDE}x{MIN_SIDE}")
    if not (math.isfinite(scale) and MIN_SCALE <= scale <= MAX_SCALE):
        raise RnnvizError(f"{scale_name} {scale:g}: use a value from {MIN_SCALE:g} "
                          f"to {MAX_SCALE:g}")
    _check_memory(width, height, scale, frames, available, names)


def render_bytes(width: float, height: float, scale: float = 1.0, frames: int = 1) -> int:
    """Memory a render needs: every frame held (4 bytes a pixel) and one being made."""
    pixels_w, pixels_h = render_size(width, height, scale)
    return pixels_w * pixels_h * BYTES_PER_PIXEL * (max(frames, 1) + WORK_FRAMES)


def _check_memory(width: float, height: float, scale: float, frames: int,
                  available: int | None, names: tuple[str, str]) -> None:
    need = render_bytes(width, height, scale, frames)
    have = available if available is not None else available_memory_bytes()
    if have is None or need <= 0.8 * have:  # 0.8: as check_trace_fits, room for the rest
        return
    what = f"a {format_size(width, height)} figure at {scale:g}× needs"
    fix = f"choose a smaller {names[0]} or {names[1]}"
    if frames > 1:
        what = f"{frames} frames of {format_size(width, height)} at {scale:g}× need"
        fix = f"choose fewer steps, or a smaller {names[0]} or {names[1]}"
    raise RnnvizError(f"{what} about {gib(need)} of memory but only {gib(have)} is "
                      f"available; {fix}")
