"""Everything the core reads or writes: models, checkpoints, trace files, sidecars.

    from rnnviz.core.files import load_network, save_trace, read_trace_file

- modelio: a model file (a state_dict, a checkpoint dict, a torch.save'd module) → a
  Network, finding the recurrent layer and the head by name and shape, never running
  the file's code;
- checkpoint: rnnviz's own checkpoints and their `.rnnviz.json` sidecars;
- seq2seq_io: encoder–decoder files;
- tracefile, npz_spool: trace files (`rnnviz trace -o run.npz`), streamed when long;
- atomic: writing any file so that a failure leaves none half-written;
- resource_files: the files bundled with rnnviz.

Names are imported lazily (atomic and resource_files need no torch; the window imports
them before torch has loaded).
"""

from rnnviz.core import lazy_exports

_EXPORTS = {
    "LoadOptions": "modelio", "load_network": "modelio", "network_from_state_dict": "modelio",
    "save_trace": "tracefile", "read_trace_file": "tracefile",
    "read_sidecar": "checkpoint", "atomic_path": "atomic",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports("rnnviz.core.files", _EXPORTS)
