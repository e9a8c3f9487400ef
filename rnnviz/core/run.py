"""One entry point for every topology: a Trace (n2n, n2one, one2n) or a Seq2SeqTrace."""

from __future__ import annotations

from dataclasses import replace

from rnnviz.core.errors import RnnvizError
from rnnviz.core.network import Network
from rnnviz.core.seq2seq import Seq2Seq, run_seq2seq
from rnnviz.core.topology import check_topology, one2n_input
from rnnviz.core.trace import compute_trace


def check_model_fits(model, topology: str) -> None:
    """A topology that does not fit the model is refused with the reason."""
    if topology == "seq2seq" and not isinstance(model, Seq2Seq):
        raise RnnvizError(f"seq2seq needs an encoder and a decoder, but this model is a single "
                          f"{model.spec.title()}; open an encoder–decoder checkpoint (keys "
                          f"encoder.*, decoder.*, linear.*) or build one without --model")
    if topology != "seq2seq" and isinstance(model, Seq2Seq):
        raise RnnvizError(f"this model is an encoder–decoder ({model.spec.title()}); use "
                          f"--topology seq2seq")


def run_model(model: Network | Seq2Seq, values, *, topology: str = "n2n", feed: str = "every",
              steps: int | None = None, initial=None, device: str = "auto",
              method: str = "fast", teacher=None, sink=None, progress=None, lengths=None):
    """Trace `model` on `values` (T, B, I) as `topology`; returns (trace, notes).

    `sink`, `progress`: given every chunk of a trace too long to hold, and told how far it
    got (compute_trace). `lengths`: each sequence's own length (a padded batch)."""
    check_topology(topology, feed)
    check_model_fits(model, topology)
    notes = []
    if steps is not None and (not isinstance(steps, int) or isinstance(steps, bool)
                              or steps < 1):
        raise RnnvizError(f"--decode-steps must be a whole number ≥ 1, got {steps!r}")
    if steps is not None and topology in ("seq2seq", "one2n"):
        _check_decoding_fits(model, topology, steps, values.shape[1])
    if topology == "seq2seq":
        steps = steps if steps is not None else values.shape[0]
        return run_seq2seq(model, values, steps, teacher=teacher, device=device,
                           method=method), notes
    x = values
    if topology == "one2n":
        if values.shape[0] > 1:
            notes.append(f"one2n: the input's first step is the one input; its other "
                         f"{values.shape[0] - 1} steps are not used")
        x = one2n_input(values, steps if steps is not None else values.shape[0], feed)
    elif steps is not None and steps != values.shape[0]:
        raise RnnvizError(f"--decode-steps is for one2n and seq2seq; {topology} has one step "
                          f"per input step ({values.shape[0]})")
    if lengths is not None and topology != "n2n":
        raise RnnvizError(f"--lengths is for N→N (every step has an output); {topology} "
                          f"reads each sequence to the end")
    trace = compute_trace(model, x, initial=initial, device=device, method=method, sink=sink,
                          progress=progress, lengths=lengths)
    return replace(trace, topology=topology, feed=feed), notes


MAX_DECODE_STEPS = 1_000_000  # one Python step each: past this, minutes of waiting


def _check_decoding_fits(model, topology: str, steps: int, batch: int) -> None:
    """Refuse decoder lengths the machine cannot hold (or that would take hours to write
    one symbol at a time) before any step is taken."""
    from rnnviz.core.memory import check_trace_fits

    spec = model.spec.decoder if topology == "seq2seq" else model.spec
    if topology == "seq2seq" and steps > MAX_DECODE_STEPS:
        raise RnnvizError(f"--decode-steps {steps:,}: a decoder writes one symbol at a time; "
                          f"give at most {MAX_DECODE_STEPS:,}")
    check_trace_fits(spec, steps, batch, 8)
