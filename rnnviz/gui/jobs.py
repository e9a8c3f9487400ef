"""What the window computes in the background: network, input and trace for a Config."""

from __future__ import annotations

import gc
import json
import sys
import time
from dataclasses import dataclass


@dataclass
class Snapshot:
    """Everything the views read, computed together so they can never disagree."""

    config: object  # rnnviz.gui.config.Config
    network: object  # rnnviz.core.network.Network
    sequence: object  # rnnviz.core.sequences.Sequence
    trace: object  # rnnviz.core.trace.Trace
    seconds: float  # how long the computation took
    device_text: str = ""  # the device really used (and why, if it fell back)
    extended: bool = False  # True when the trace continued the previous one
    notes: tuple[str, ...] = ()  # what was changed on the user's behalf
    targets: object = None  # the task's targets, for a trained checkpoint on its own example
    # seq2seq: network/sequence/trace above are the half shown; these hold both
    model: object = None  # rnnviz.core.seq2seq.Seq2Seq
    s2s: object = None  # rnnviz.core.seq2seq.Seq2SeqTrace
    half: str = ""  # "enc" | "dec" for seq2seq, "" otherwise
    output_vocab: str | None = None  # names of the head's outputs (the decoder's symbols)
    classes: tuple[str, ...] | None = None  # names of the head's outputs (--classes, tokens)
    config_sequence: object = None  # seq2seq: the encoder's input, kept while the decoder shows
    # what if (core/interventions.py): `trace` is the edited run, `original` the unedited one
    original: object = None  # rnnviz.core.trace.Trace, or None when nothing is edited
    diverges_at: int | None = None  # the first step at which the two runs differ
    edit_seconds: float = 0.0  # the edited run's recomputation
    edit_notes: tuple[str, ...] = ()

    @property
    def offset(self) -> int:
        """Where this half starts on the timeline (the decoder after the encoder)."""
        return self.s2s.enc.length if self.half == "dec" else 0

    @property
    def total_length(self) -> int:
        return self.s2s.length if self.s2s is not None else self.trace.length

    def half_at(self, position: int) -> Snapshot:
        """The snapshot of the half that holds timeline step `position` (itself if not seq2seq)."""
        if self.s2s is None:
            return self
        half = "enc" if position < self.s2s.enc.length else "dec"
        return self if half == self.half else seq2seq_half(self, half)


def _can_extend(config, previous: Snapshot | None) -> bool:
    """Typing more text continues the trace when nothing else changed."""
    if previous is None or config.preset != "text" or config.input:
        return False
    if previous.original is not None:  # an edited run is recomputed with its edits
        return False
    if previous.s2s is not None or (config.topology or "n2n") != "n2n":
        return False  # an N→1 output or a decoder depends on the whole input: recompute
    if getattr(previous.trace, "store", None) is not None:
        return False  # a LongTrace is recomputed (its checkpoints and overview) as a whole
    if config.lengths or previous.trace.lengths is not None:
        return False  # a padded batch: each sequence ends at its own length
    old = previous.config
    if old.input or previous.trace.length != len(old.text or ""):
        return False
    same = (config.network_key() == old.network_key() and config.vocab == old.vocab
            and config.init == old.init and config.init_seed == old.init_seed
            and config.init_values == old.init_values
            and config.device == old.device and old.preset == "text")
    return (same and bool(config.vocab) and not previous.network.spec.bidirectional
            and bool(old.text) and config.text.startswith(old.text)
            and len(config.text) > len(old.text))


def _import_torch() -> None:
    """The first import of torch, on the worker thread, with garbage collection held off:
    a collection started by the GUI thread mid-import can free half-built objects and
    abort the process (seen with torch._dynamo's imports; see training_run.warm_up).

    Then everything made so far (Qt, pyqtgraph, numpy and torch's modules, the window:
    ~200,000 objects that live as long as the process) is frozen out of the collector:
    a full collection, which the allocations of a few dozen edits or steps start, no
    longer walks them (~150 ms a time, a visible stall, otherwise)."""
    if "torch" in sys.modules:
        return
    gc.disable()
    try:
        import torch  # noqa: F401
        gc.freeze()
    finally:
        gc.enable()


def compute_snapshot(config, previous: Snapshot | None = None, report=None) -> Snapshot:
    """Runs in the worker thread (it imports and calls torch). `report(fraction)`: told
    how far a long trace got; it may stop the work (a newer request)."""
    from rnnviz.core.torch_work import TORCH_WORK

    with TORCH_WORK.shared():  # never while the training warm-up is half through imports
        return _compute_snapshot(config, previous, report)


def _edited(config, previous: Snapshot | None, report, start: float) -> Snapshot:
    """The snapshot of an edited run: the unedited one (the previous snapshot's when only
    the edits changed), then the edits recomputed from where they apply."""
    from dataclasses import replace

    from rnnviz.core.edited_run import (
        edited_input,
        edited_text,
        edited_tokens,
        first_divergence,
        run_edited,
    )
    from rnnviz.core.errors import RnnvizError
    from rnnviz.core.interventions import check_edits, edits_from_lines

    edits = edits_from_lines(config.edits)
    plain = config.with_(edits=None)
    if previous is not None and previous.config.with_(edits=None) == plain:
        base = previous if previous.original is None else replace(
            previous, trace=previous.original, original=None)
    else:
        base = _compute_snapshot(plain, previous, report)
    base = replace(base, config=config, extended=False)
    if not edits:  # every edit switched off: the plain run
        return replace(base, seconds=time.perf_counter() - start)
    if base.s2s is not None:
        raise RnnvizError("edits on an encoder–decoder are not supported yet; clear the edits "
                          "or choose a single network's shape")
    began = time.perf_counter()
    network, original, sequence = base.network, base.trace, base.sequence
    notes = check_edits(edits, network, original.length)
    names = sequence.token_names if sequence.tokens is not None else None
    if sequence.tokens is not None and names is None:
        names = ()
    x = edited_input(original.x, edits, sequence.vocab, names, network)
    edited = run_edited(network, original, edits, x)
    fed = {"values": x}  # the input panel and the graph's labels show what was fed
    if original.tokens is not None:
        edited = replace(edited, tokens=edited_tokens(original.tokens, edits, names))
        fed["tokens"] = edited.tokens
    if sequence.text is not None and sequence.vocab and len(sequence.text) == len(x):
        fed["text"] = edited_text(sequence.text, edits, sequence.vocab)
    if original.topology == "n2n" and len(x) == sequence.length:
        sequence = replace(sequence, **fed)
    return replace(base, trace=edited, original=original, sequence=sequence,
                   diverges_at=first_divergence(original, edited),
                   edit_seconds=time.perf_counter() - began, edit_notes=tuple(notes),
                   seconds=time.perf_counter() - start)


def _compute_snapshot(config, previous: Snapshot | None, report) -> Snapshot:
    _import_torch()
    from rnnviz.cli.options import build_setup
    from rnnviz.core.run import run_model
    from rnnviz.core.sequences import text_one_hot
    from rnnviz.core.trace import extend_trace

    start = time.perf_counter()
    if config.edits:
        return _edited(config, previous, report, start)
    if _can_extend(config, previous):
        sequence = text_one_hot(config.text, config.vocab)
        new_steps = sequence.values[previous.trace.length:]
        trace = extend_trace(previous.trace, previous.network, new_steps)
        return Snapshot(config, previous.network, sequence, trace, time.perf_counter() - start,
                        previous.device_text, extended=True)
    setup = build_setup(config, placeholder=True)  # weights from the seed or the file:
    # rebuilding is exact; a model with an Embedding and no tokens opens on its first ids
    network, sequence = setup.network, setup.sequence
    topology = config.topology or "n2n"
    # the outputs / decoder steps box is hidden for n2n and n2one: a value left there from
    # another shape does not apply
    steps = config.decode_steps if topology in ("one2n", "seq2seq") else None
    if topology == "seq2seq":
        trace, run_notes = run_model(network, sequence.values, topology=topology,
                                     steps=steps, device=config.device)
        return Snapshot(config, network.encoder, sequence, trace.enc,
                        time.perf_counter() - start, trace.device.describe(),
                        notes=setup.notes + tuple(run_notes), model=network, s2s=trace,
                        half="enc", config_sequence=sequence)
    config, initial, notes = _initial_state(config, network.spec, sequence.batch)
    from rnnviz.cli.inputs import sequence_lengths

    trace, run_notes = run_model(network, sequence.values, topology=topology, feed=config.feed,
                                 steps=steps, initial=initial, device=config.device,
                                 progress=report, lengths=sequence_lengths(config))
    if topology == "one2n":  # the input actually fed, step by step
        from rnnviz.core.sequences import Sequence

        sequence = Sequence(trace.x, f"{sequence.name} (one input, fed {config.feed} step"
                            f"{'' if config.feed == 'first' else 's'})",
                            columns=sequence.columns)
    if sequence.tokens is not None and trace.length == sequence.length:
        from dataclasses import replace

        trace = replace(trace, tokens=sequence.tokens)
    return Snapshot(config, network, sequence, trace, time.perf_counter() - start,
                    trace.device.describe(), notes=setup.notes + notes + tuple(run_notes),
                    targets=_task_targets(config), classes=setup.classes)


def seq2seq_half(whole: Snapshot, half: str) -> Snapshot:
    """The encoder's or the decoder's view of a seq2seq snapshot (views read one network)."""
    from dataclasses import replace

    from rnnviz.core.sequences import Sequence

    s2s = whole.s2s
    if half == "enc":
        return replace(whole, network=whole.model.encoder, trace=s2s.enc, half="enc",
                       sequence=whole.config_sequence, output_vocab=None)
    vocab = s2s.spec.target_vocab
    if s2s.spec.embedded:  # the previous word's embedding row: named by its word
        sequence = Sequence(s2s.dec.x, "decoder input: the previous word's embedding",
                            tokens=s2s.fed, token_names=tuple(s2s.spec.symbol_names()))
        return replace(whole, network=whole.model.decoder, trace=s2s.dec, half="dec",
                       sequence=sequence, output_vocab=vocab,
                       config_sequence=whole.config_sequence)
    fed = "".join((vocab + "^")[i] for i in s2s.fed[:, 0])
    columns = tuple(vocab + "^") + tuple(f"c{k}" for k in range(
        s2s.dec.x.shape[2] - len(vocab) - 1))
    sequence = Sequence(s2s.dec.x, "decoder input: the previous symbol"
                        + (" and the context" if s2s.spec.context == "input" else ""),
                        text=fed, columns=columns)
    return replace(whole, network=whole.model.decoder, trace=s2s.dec, half="dec",
                   sequence=sequence, output_vocab=vocab,
                   config_sequence=whole.config_sequence)


def _task_targets(config):
    """Targets of a trained checkpoint's example input (its task's loss), else None."""
    if not config.model or not config.input or not config.input.endswith(".input.npy"):
        return None
    from rnnviz.core.files.checkpoint import example_batch, read_sidecar
    from rnnviz.core.tasks import make_task

    info = read_sidecar(config.model) or {}
    if not info.get("task"):
        return None
    task = make_task(info["task"])
    if (config.topology or "n2n") != task.topology or config.decode_steps:
        return None  # another shape than the task's: its targets do not apply
    return example_batch(task, info["settings"]["seed"])[1]


def _initial_state(config, spec, batch):
    """The configured initial state; a typed one that no longer fits falls back to zeros."""
    from rnnviz.core.errors import RnnvizError
    from rnnviz.core.states import make_initial_state

    values = json.loads(config.init_values) if config.init_values else None
    try:
        return config, make_initial_state(spec, batch, config.init, config.init_seed,
                                          values), ()
    except RnnvizError as exc:
        if config.init != "given":
            raise
        note = f"the typed initial state no longer fits ({exc}); using zeros"
        config = config.with_(init="zeros", init_values=None)
        return config, make_initial_state(spec, batch, "zeros"), (note,)
