"""Where each network of a snapshot sits in the unrolled graph (pure geometry, no Qt).

A single network is one block of columns. An encoder–decoder is two blocks side by side,
as the seed articles draw it: the encoder's N columns, one column for the context
vector c, then the decoder's M columns. The timeline runs through both: step p of the
transport is column p of the encoder, or column p + 1 (after c) of the decoder.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.core.topology import TITLES
from rnnviz.gui.i18n import tr
from rnnviz.gui.views.graph_layout import (
    C_STRIP,
    NODE_HALF_WIDTH,
    Row,
    arrow_norms,
    graph_rows,
    vertical_links,
)


@dataclass
class Block:
    half: str  # "" (a single network), "enc" or "dec"
    trace: object  # rnnviz.core.trace.Trace
    x0: float  # the x of its step 0
    offset: int  # the timeline position of its step 0
    rows: list[Row]
    has_input: np.ndarray  # (T,) bool: steps that receive an input (one2n fed once: the first)
    has_output: np.ndarray  # (T,) bool: steps with an output (N→1: the last)
    written: str | tuple[str, ...] | None = None  # decoder: the symbol written at each step
    fed: str | tuple[str, ...] | None = None  # what is fed at each step: characters, token
    # names (a model with an Embedding) or a decoder's previous symbols
    real: np.ndarray | None = None  # (T,) bool: steps the sequence has (a padded batch)

    @property
    def spec(self):
        return self.trace.spec

    @property
    def length(self) -> int:
        return self.trace.length

    def holds(self, position: int) -> bool:
        return self.offset <= position < self.offset + self.length


def _all(real: np.ndarray | None):
    return True if real is None else real


def _mask(steps: np.ndarray, length: int) -> np.ndarray:
    mask = np.zeros(length, dtype=bool)
    mask[steps] = True
    return mask


def graph_blocks(snapshot, batch: int = 0, steps: tuple[int, int] = (0, 0)) -> list[Block]:
    """The blocks of a snapshot: one network, or an encoder and a decoder. A trace too long
    to hold (a LongTrace) is drawn as the whole chunks that hold `steps` (first, last),
    in place on the timeline."""
    if snapshot.s2s is None:
        trace = snapshot.trace
        text = snapshot.sequence.fed(batch)  # characters, token names, or None
        if hasattr(trace, "window"):
            start, stop = long_span(trace, *steps)
            return [Block("", trace.window(start, stop), float(start), start,
                          graph_rows(trace.spec), *trace.step_masks(start, stop),
                          fed=None if text is None else text[start:stop])]
        real = None
        if trace.lengths is not None:  # a padded batch: this sequence ends at its length
            real = np.arange(trace.length) < trace.real_steps(batch)
            text = None if text is None else text[: trace.real_steps(batch)]
        return [Block("", trace, 0.0, 0, graph_rows(trace.spec),
                      _mask(trace.input_steps, trace.length) & _all(real),
                      _mask(trace.output_steps, trace.length) & _all(real), fed=text,
                      real=real)]
    s2s = snapshot.s2s
    n, m = s2s.enc.length, s2s.dec.length
    symbols = s2s.spec.symbol_names()  # one-hot: the start symbol is index |vocab|
    written = tuple(symbols[i] for i in s2s.tokens[:, batch])
    fed = tuple(symbols[i] for i in s2s.fed[:, batch])  # this sequence's, not batch 0's
    if all(len(name) == 1 for name in symbols):  # characters: as text
        written, fed = "".join(written), "".join(fed)
    return [
        Block("enc", s2s.enc, 0.0, 0, graph_rows(s2s.enc.spec), np.ones(n, bool),
              np.zeros(n, bool), fed=snapshot.config_sequence.fed(batch)),
        Block("dec", s2s.dec, float(n + 1), n, graph_rows(s2s.dec.spec),
              np.ones(m, bool), np.ones(m, bool), written, fed),
    ]


LONG_MARGIN = 32  # a long trace: steps drawn beyond each side of the view, within its chunks


def long_span(trace, first: int, last: int) -> tuple[int, int]:
    """(start, stop) of a long trace the graph draws for steps first..last in view: those,
    the steps on either side (whose arrows reach into the view), and up to LONG_MARGIN
    more each side within the chunks that must be computed anyway — stepping on needs no
    redraw for a while, and a scrub computes no chunk it does not show. Not whole chunks:
    a view across a chunk edge would draw 128 columns to show 25."""
    lo, hi = trace.covering(first, last)
    start = min(max(lo, first - LONG_MARGIN), first - 1)
    stop = max(min(hi, last + 1 + LONG_MARGIN), last + 2)
    return max(0, start), min(trace.length, stop)


def block_for(blocks: list[Block], position: int) -> Block:
    return next((b for b in blocks if b.holds(position)), blocks[-1])


def x_of(blocks: list[Block], position: int) -> float:
    """The column of timeline step `position`."""
    block = block_for(blocks, position)
    return block.x0 + position - block.offset


def position_at(blocks: list[Block], x: float) -> tuple[Block, int] | None:
    """(block, step within it) of the column nearest x; None between blocks (the context)."""
    for block in blocks:
        t = int(round(x - block.x0))
        if 0 <= t < block.length:
            return block, t
    return None


def context_row(encoder: Block) -> Row:
    """The encoder row the context is read from: its top layer (both directions joined)."""
    top = [r for r in encoder.rows if r.kind in ("layer", "cat")]
    cats = [r for r in top if r.kind == "cat"]
    return (cats or top)[-1]


def graph_title(snapshot, gradients: bool) -> str:
    """What the graph shows: the topology, or that colours are gradient magnitudes."""
    if gradients:
        return tr("unrolled network — |∂L/∂·| on a fixed log10 scale")
    if snapshot.s2s is not None:
        return tr("encoder → c → decoder (c as its h0)") \
            if snapshot.s2s.spec.context == "init" else \
            tr("encoder → c → decoder (c as input)")
    trace = snapshot.trace
    if trace.topology == "one2n":
        return tr("unrolled network — 1→N (input at the first step only)") \
            if trace.feed == "first" else tr("unrolled network — 1→N (input at every step)")
    if trace.topology == "n2n":
        return tr("unrolled network")
    return tr("unrolled network — {shape}").format(shape=TITLES[trace.topology])


def block_arrows(block: Block, grads, batch: int, groups: dict, heads: list,
                 steps: int | None = None) -> None:
    """A block's arrows into `groups` (kind -> segments (x0, x1, y0, y1, norms or None))
    and their heads into `heads` ((xs, ys, symbol)): along time in each layer (h, and an
    LSTM's c), up between rows, and a decoder's feedback (its output, its next input).
    `steps`: over this many columns from the block's first (default: its own; its masks
    must have as many)."""
    spec, steps = block.spec, block.length if steps is None else steps
    t = np.arange(steps - 1, dtype=float) + block.x0
    gap = (NODE_HALF_WIDTH + 0.02, 1 - NODE_HALF_WIDTH - 0.06)
    real = np.ones(steps, bool) if block.real is None else block.real
    joined = real[:-1] & real[1:]  # no arrow into or out of a step the sequence lacks
    for row in block.rows:
        if row.kind != "layer":
            continue
        forward = row.direction == "fwd"
        y_h = (row.bottom + row.top - (C_STRIP if spec.cell == "lstm" else 0)) / 2
        start, end = (t + gap[0], t + gap[1]) if forward else (t + 1 - gap[0], t + 1 - gap[1])
        head_t = slice(1, None) if forward else slice(0, -1)  # the step each arrow ends at
        parts = [("h", y_h)] + ([("c", row.top - C_STRIP / 2)] if spec.cell == "lstm" else [])
        for part, y in parts:
            norms = None if grads is None else arrow_norms(grads, row, part, batch)
            groups[part].append((start[joined], end[joined], np.full_like(start, y)[joined],
                                 np.full_like(start, y)[joined],
                                 None if norms is None else norms[head_t][joined]))
            heads.append((end[joined], y, "t2" if forward else "t3"))
    columns = np.arange(steps, dtype=float) + block.x0
    for below, above, dx in vertical_links(block.rows):
        shown = block.has_input if below.kind == "x" else \
            block.has_output if above.kind == "y" else real
        norms = None if grads is None else arrow_norms(grads, above, "h", batch)
        xs = columns[shown] + dx
        groups["up"].append((xs, xs, np.full(len(xs), below.top),
                             np.full(len(xs), above.bottom - 0.03),
                             None if norms is None else norms[shown]))
        heads.append((xs, np.full(len(xs), above.bottom - 0.05), "t1"))
    if block.half == "dec" and steps > 1:  # greedy feedback: y_t becomes x_t+1
        y_row, x_row = block.rows[-1], block.rows[0]
        x0 = columns[:-1] + 0.2
        groups["feed"].append((x0, x0 + 0.6, np.full(steps - 1, y_row.bottom),
                               np.full(steps - 1, x_row.top), None))


def context_arrows(blocks: list[Block], context: str, groups: dict, heads: list) -> None:
    """The context c's arrows: from the encoder's last step, and into the decoder (the h0
    of each layer with `context` "init", its input at every step with "input")."""
    encoder, decoder = blocks
    row = context_row(encoder)
    x = decoder.x0 - 1
    y = row.y
    groups["h"].append((np.array([x - 1 + NODE_HALF_WIDTH + 0.02]),
                        np.array([x - NODE_HALF_WIDTH - 0.06]), np.array([y]), np.array([y]),
                        None))
    heads.append((np.array([x - NODE_HALF_WIDTH - 0.06]), y, "t2"))
    targets = ([r for r in decoder.rows if r.kind == "layer"]
               if context == "init" else [decoder.rows[0]])
    for target in targets:  # h0 of every decoder layer, or its input at every step
        x1 = decoder.x0 - NODE_HALF_WIDTH - 0.06
        groups["c"].append((np.array([x + NODE_HALF_WIDTH + 0.02]), np.array([x1]),
                            np.array([y]), np.array([target.y]), None))
        heads.append((np.array([x1]), target.y, "t2"))
