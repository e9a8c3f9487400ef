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


def _can_extend(config, previous: Snapshot | None) -> bool:
    """Typing more text continues the trace when nothing else changed."""
    if previous is None or config.preset != "text" or config.input:
        return False
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
    abort the process (seen with torch._dynamo's imports; see training_run.warm_up)."""
    if "torch" in sys.modules:
        return
    gc.disable()
    try:
        import torch  # noqa: F401
    finally:
        gc.enable()


def compute_snapshot(config, previous: Snapshot | None = None) -> Snapshot:
    """Runs in the worker thread (it imports and calls torch)."""
    _import_torch()
    from rnnviz.cli_options import build_setup
    from rnnviz.core.sequences import text_one_hot
    from rnnviz.core.trace import compute_trace, extend_trace

    start = time.perf_counter()
    if _can_extend(config, previous):
        sequence = text_one_hot(config.text, config.vocab)
        new_steps = sequence.values[previous.trace.length:]
        trace = extend_trace(previous.trace, previous.network, new_steps)
        return Snapshot(config, previous.network, sequence, trace, time.perf_counter() - start,
                        previous.device_text, extended=True)
    setup = build_setup(config)  # weights come from the seed or the file: rebuilding is exact
    network, sequence = setup.network, setup.sequence
    config, initial, notes = _initial_state(config, network.spec, sequence.batch)
    trace = compute_trace(network, sequence.values, initial=initial, device=config.device)
    return Snapshot(config, network, sequence, trace, time.perf_counter() - start,
                    trace.device.describe(), notes=notes, targets=_task_targets(config))


def _task_targets(config):
    """Targets of a trained checkpoint's example input (its task's loss), else None."""
    if not config.model or not config.input or not config.input.endswith(".input.npy"):
        return None
    from rnnviz.core.checkpoint import example_batch, read_sidecar
    from rnnviz.core.tasks import make_task

    info = read_sidecar(config.model) or {}
    if not info.get("task"):
        return None
    return example_batch(make_task(info["task"]), info["settings"]["seed"])[1]


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
