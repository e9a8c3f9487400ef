"""The compute core: torch + numpy only, never Qt. Usable from a notebook.

    from rnnviz.core import NetworkSpec, Network, compute_trace, make_preset
    net = Network.random(NetworkSpec("lstm", input_size=1, hidden_size=8), seed=0)
    trace = compute_trace(net, make_preset("sine", length=50).values)
    trace.part(0, "fwd", "f")   # forget gate, (T, B, H)

Names are imported lazily: the window can paint before torch has finished loading.
"""

from importlib import import_module

_EXPORTS = {
    "DeviceChoice": "devices", "resolve_device": "devices",
    "RnnvizError": "errors",
    "Network": "network",
    "HeadSpec": "spec", "NetworkSpec": "spec",
    "InitialState": "states", "make_initial_state": "states", "random_state": "states",
    "zeros_state": "states",
    "Trace": "trace", "compute_trace": "trace", "extend_trace": "trace", "part_key": "trace",
    "Sequence": "sequences", "make_preset": "sequences", "load_sequence": "sequences",
    "LoadOptions": "modelio", "load_network": "modelio", "network_from_state_dict": "modelio",
    "save_trace": "tracefile", "read_trace_file": "tracefile",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'rnnviz.core' has no attribute {name!r}")
    return getattr(import_module(f"rnnviz.core.{_EXPORTS[name]}"), name)
