"""What the window computes in the background: network, input and trace for a Config."""

from __future__ import annotations

import json
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
    extended: bool = False  # True when the trace continued the previous one


def _can_extend(config, previous: Snapshot | None) -> bool:
    """Typing more text continues the trace when nothing else changed."""
    if previous is None or config.preset != "text" or config.input:
        return False
    old = previous.config
    same = (config.network_key() == old.network_key() and config.vocab == old.vocab
            and config.init == old.init and config.init_seed == old.init_seed
            and config.init_values == old.init_values
            and config.device == old.device and old.preset == "text")
    return (same and bool(config.vocab) and not previous.network.spec.bidirectional
            and bool(old.text) and config.text.startswith(old.text)
            and len(config.text) > len(old.text))


def compute_snapshot(config, previous: Snapshot | None = None) -> Snapshot:
    """Runs in the worker thread (it imports and calls torch)."""
    from rnnviz.cli_options import build_setup
    from rnnviz.core.sequences import text_one_hot
    from rnnviz.core.states import make_initial_state
    from rnnviz.core.trace import compute_trace, extend_trace

    start = time.perf_counter()
    if _can_extend(config, previous):
        sequence = text_one_hot(config.text, config.vocab)
        new_steps = sequence.values[previous.trace.length:]
        trace = extend_trace(previous.trace, previous.network, new_steps)
        return Snapshot(config, previous.network, sequence, trace,
                        time.perf_counter() - start, extended=True)
    setup = build_setup(config)  # weights come from the seed or the file: rebuilding is exact
    network, sequence = setup.network, setup.sequence
    values = json.loads(config.init_values) if config.init_values else None
    initial = make_initial_state(network.spec, sequence.batch, config.init, config.init_seed,
                                 values)
    trace = compute_trace(network, sequence.values, initial=initial, device=config.device)
    return Snapshot(config, network, sequence, trace, time.perf_counter() - start)
