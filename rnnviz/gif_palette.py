"""GIF palettes that keep a frame's colours: exact up to 256 colours, else chosen for
that frame (no Qt here).

A GIF frame holds at most 256 colours. A render of the views is flat fills (nodes,
bars, background) plus antialiased edges and text, a few thousand colours in all: the
fills must come out exactly as in a still, and the edges may move a little.
"""

from __future__ import annotations

import numpy as np


class FramePalettes:
    """Each GIF frame gets a palette of its own: its exact colours when it has at most 256,
    else 256 chosen for it (`adaptive_palette`); records how far colours moved."""

    def __init__(self):
        # Tables indexed by colour key (zeroed lazily by the OS: only the pages of colours
        # that occur are ever touched), reused for every frame.
        self.slots = np.zeros(1 << 24, np.uint32)  # key -> position among the frame's colours
        self.index = np.zeros(1 << 24, np.uint8)  # key -> palette index
        self.max_error, self.error_sum, self.values, self.reduced = 0, 0.0, 0, 0

    def indexed(self, frame: np.ndarray):
        """(H, W, 3|4) uint8 -> a "P" image with this frame's palette."""
        from PIL import Image

        keys = colour_keys(frame)  # (H, W)
        values, counts = distinct_colours(keys, self.slots)
        rgb = key_colours(values)  # (N, 3)
        if len(values) <= 256:
            palette, closest = rgb, np.arange(len(values))
        else:
            palette = adaptive_palette(rgb, counts)
            closest = nearest(rgb, palette)[0]
            moved = np.abs(palette[closest] - rgb)  # (N, 3)
            self.max_error = max(self.max_error, int(moved.max()))
            self.error_sum += float(moved.sum(axis=1) @ counts)
            self.reduced += 1
        self.values += 3 * keys.size
        self.index[values] = closest
        image = Image.fromarray(self.index[keys])  # "L" until it gets a palette
        image.putpalette(palette.astype(np.uint8).tobytes())
        return image

    @property
    def mean_error(self) -> float:
        """Mean change per channel over every pixel indexed so far (0..255 scale)."""
        return self.error_sum / self.values if self.values else 0.0


def colour_keys(frame: np.ndarray) -> np.ndarray:
    """(H, W, 3|4) uint8 -> (H, W) uint32 keys r | g << 8 | b << 16."""
    if frame.shape[-1] == 4 and frame.flags.c_contiguous:  # RGBA bytes read as one word
        return frame.view("<u4")[..., 0] & np.uint32(0xFFFFFF)
    rgb = frame[..., :3].astype(np.uint32)
    return rgb[..., 0] | (rgb[..., 1] << 8) | (rgb[..., 2] << 16)


def key_colours(keys: np.ndarray) -> np.ndarray:
    """(N,) keys -> (N, 3) float32 colours (float: distances are computed on them)."""
    return np.stack([keys & 255, (keys >> 8) & 255, keys >> 16], axis=1).astype(np.float32)


def distinct_colours(keys: np.ndarray, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct keys and their pixel counts; `slots` is a scratch key -> int table.

    Counted over runs of equal pixels along rows: renders are flat colours, so there
    are ~10× fewer runs than pixels and the sort is that much cheaper.
    """
    flat = keys.ravel()
    starts = np.flatnonzero(np.concatenate(([True], flat[1:] != flat[:-1])))
    runs = flat[starts]
    lengths = np.diff(np.append(starts, flat.size))
    values = np.unique(runs)
    slots[values] = np.arange(len(values))
    return values, np.bincount(slots[runs], weights=lengths, minlength=len(values))


CANDIDATES = 16384  # colours the farthest-first search looks at; more are sampled


def adaptive_palette(rgb: np.ndarray, counts: np.ndarray, size: int = 256,
                     exact: int = 128) -> np.ndarray:
    """`size` colours for a frame with more: the `exact` most frequent ones unchanged (the
    flat fills: nodes, bars, background), then, one at a time, the colour farthest from
    every colour chosen so far (so a small feature in a colour of its own keeps it;
    antialiased edges take a near neighbour)."""
    chosen = rgb[np.argsort(-counts, kind="stable")[:exact]]
    gap = nearest(rgb, chosen)[1]
    far = np.flatnonzero(gap > 0.5)
    far = far[::max(1, -(-len(far) // CANDIDATES))]  # a photo-like frame: every k-th one
    r, g, b = (np.ascontiguousarray(rgb[far, i]) for i in range(3))
    gap = gap[far]
    picks = []
    for _ in range(min(size - exact, len(gap))):
        k = int(gap.argmax())
        if gap[k] <= 0.5:
            break
        picks.append(k)
        np.minimum(gap, (r - r[k]) ** 2 + (g - g[k]) ** 2 + (b - b[k]) ** 2, out=gap)
    return np.concatenate([chosen, np.stack([r, g, b], axis=1)[picks]])


def nearest(rgb: np.ndarray, palette: np.ndarray,
            chunk: int = 4096) -> tuple[np.ndarray, np.ndarray]:
    """For each colour, its nearest palette entry and the squared distance to it.

    Broadcast in chunks, not a matrix product: a product with an inner size of 3 gains
    nothing from BLAS, whose threads then compete with the renderer (5 ms instead of
    1.5 ms for 3000 colours); chunks keep memory flat for frames of a million colours.
    """
    index = np.empty(len(rgb), np.intp)
    gap = np.empty(len(rgb), np.float32)
    for start in range(0, len(rgb), chunk):
        part = rgb[start:start + chunk]
        d = (part[:, None, 0] - palette[None, :, 0]) ** 2  # (chunk, M)
        d += (part[:, None, 1] - palette[None, :, 1]) ** 2
        d += (part[:, None, 2] - palette[None, :, 2]) ** 2
        index[start:start + chunk] = d.argmin(axis=1)
        gap[start:start + chunk] = d[np.arange(len(part)), index[start:start + chunk]]
    return index, gap
