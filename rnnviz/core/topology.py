"""Sequence shapes (the seed articles' classification by input/output length).

    n2n      an output at every step (a label per frame, char-RNN)
    n2one    one output, at the last step (sentence classification)
    one2n    one input, N outputs: the input at the first step only (zeros after: no
             input, W_ih·0 = 0) or repeated at every step (image captioning)
    seq2seq  N → M: an encoder, a context vector, a decoder (see seq2seq.py)

A single network computes the first three the same way; the topology says which inputs
and outputs exist, so the window draws only those and the trace file keeps only those.
"""

from __future__ import annotations

import numpy as np

from rnnviz.core.errors import RnnvizError

TOPOLOGIES = ("n2n", "n2one", "one2n", "seq2seq")
FEEDS = ("first", "every")  # one2n: the one input at the first step only, or at every step
CONTEXT_MODES = ("init", "input")  # seq2seq: context as the decoder's h0, or an input each step
TITLES = {"n2n": "N→N", "n2one": "N→1", "one2n": "1→N", "seq2seq": "N→M encoder–decoder"}


def check_topology(topology: str, feed: str = "every") -> None:
    if topology not in TOPOLOGIES:
        raise RnnvizError(f"unknown topology {topology!r}; choose one of {', '.join(TOPOLOGIES)}")
    if feed not in FEEDS:
        raise RnnvizError(f"unknown feed {feed!r}: one2n feeds its input at the 'first' step "
                          f"only or at 'every' step")


def one2n_input(values: np.ndarray, steps: int, feed: str) -> np.ndarray:
    """(T, B, I) given -> (steps, B, I): its first step x_0 is the one input, then repeated
    (feed "every") or zeros ("first")."""
    values = np.asarray(values)
    if not isinstance(steps, int) or steps < 1:
        raise RnnvizError(f"--decode-steps must be a whole number ≥ 1, got {steps!r}")
    if feed == "every":
        return np.repeat(values[:1], steps, axis=0)
    out = np.zeros((steps,) + values.shape[1:], dtype=values.dtype)
    out[0] = values[0]
    return out


def output_steps(topology: str, length: int) -> np.ndarray:
    """The steps that have an output y_t."""
    return np.array([length - 1]) if topology == "n2one" else np.arange(length)


def input_steps(topology: str, feed: str, length: int) -> np.ndarray:
    """The steps that receive an input x_t (one2n fed once: only the first)."""
    return np.array([0]) if topology == "one2n" and feed == "first" else np.arange(length)
