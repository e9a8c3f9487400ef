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
    "Trace": "trace", "compute_trace": "trace", "extend_trace": "trace",
    "part_key": "trace_keys", "LongTrace": "long_trace",
    "Sequence": "sequences", "make_preset": "sequences", "load_sequence": "sequences",
    "LoadOptions": "files.modelio", "load_network": "files.modelio",
    "network_from_state_dict": "files.modelio",
    "save_trace": "files.tracefile", "read_trace_file": "files.tracefile",
}

__all__ = sorted(_EXPORTS)


def lazy_exports(package: str, exports: dict[str, str]):
    """A module __getattr__ that imports `exports[name]` (a submodule) on first use."""
    def __getattr__(name: str):
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{exports[name]}"), name)
    return __getattr__


__getattr__ = lazy_exports("rnnviz.core", _EXPORTS)
