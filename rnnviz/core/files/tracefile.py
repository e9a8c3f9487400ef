"""The trace file (`rnnviz trace -o run.npz`): arrays plus a JSON description.

Plain `np.load(path)` reads it (no pickle): every array under its README key, and
`spec` / `meta`, 0-d unicode arrays holding JSON, so a notebook can tell what made it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from rnnviz import __version__
from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.atomic import atomic_path
from rnnviz.core.files.npz_spool import Spool, Streamed, check_disk, write_npz
from rnnviz.core.spec import NetworkSpec
from rnnviz.core.step_array import StepArray


def trace_meta(trace, extra: dict | None = None) -> dict:
    if hasattr(trace, "enc"):  # a Seq2SeqTrace: both halves ran on the encoder's device
        return {**trace_meta(trace.enc, extra), "steps": trace.length,
                "encoder_steps": trace.enc.length, "decoder_steps": trace.dec.length,
                "parts": {"enc": list(trace.enc.spec.parts), "dec": list(trace.dec.spec.parts)},
                "topology": "seq2seq", "target_vocab": trace.spec.target_vocab,
                "decoded": [trace.decoded(b) for b in range(trace.enc.batch)],
                "teacher_forcing": trace.teacher}
    return {
        "rnnviz_version": __version__,
        "device": str(trace.device.device),
        "device_note": trace.device.reason,
        "method": trace.method,
        "dtype": str(trace.x.dtype),
        "steps": trace.length,
        "batch": trace.batch,
        "parts": list(trace.spec.parts),
        "layout": "time-major (T, B, ...), as torch.nn with batch_first=False",
        **(extra or {}),
    }


def save_trace(trace, path: str | Path, extra_meta: dict | None = None,
               spool: Spool | None = None, extra_arrays: dict | None = None) -> Path:
    """Write `trace` (a Trace, LongTrace or Seq2SeqTrace) to an .npz file atomically.

    A LongTrace's per-step arrays are streamed: from `spool` if the first pass already
    filled it (rnnviz trace), else recomputed a chunk at a time into a new one.
    `extra_arrays` (an edited run's `orig_…` arrays) are written beside the trace's."""
    path = Path(path)
    if path.suffix != ".npz":
        raise RnnvizError(f"trace files end in .npz; got {path.name} (try {path.stem}.npz)")
    arrays = trace_file_arrays(trace, extra_meta, extra_arrays)
    lazy = {k: v for k, v in arrays.items() if isinstance(v, StepArray)}
    if not lazy:
        with atomic_path(path) as tmp, open(tmp, "wb") as fh:
            np.savez(fh, **arrays)
        return path
    check_disk(path.parent if str(path.parent) else ".", 2 * trace_file_bytes(arrays),
               "this trace file")
    own = spool is None or not all(spool.holds(v.key, trace.length) for v in lazy.values())
    if own:
        spool = Spool(path.parent, {v.key for v in lazy.values()})
    try:
        if own:
            for start, block in trace.chunks():
                spool(start, block)
        for name, value in lazy.items():
            arrays[name] = Streamed(spool, value.key, trace.length)
        return write_npz(path, arrays)
    finally:
        if own:
            spool.close()


def trace_file_arrays(trace, extra_meta: dict | None = None,
                      extra_arrays: dict | None = None) -> dict:
    """Every entry of a trace file: the trace's arrays, `spec` and `meta` (JSON)."""
    arrays = dict(trace.arrays())
    arrays.update(extra_arrays or {})
    arrays["spec"] = np.array(json.dumps(trace.spec.to_dict()))
    arrays["meta"] = np.array(json.dumps(trace_meta(trace, extra_meta)))
    return arrays


def save_trace_pair(first, second) -> None:
    """Two whole traces that belong together (an edited run and its baseline), each
    (trace, path, meta): both files are written, or neither is."""
    from rnnviz.core.files.atomic import atomic_paths

    for _, path, _ in (first, second):
        if Path(path).suffix != ".npz":
            raise RnnvizError(f"trace files end in .npz; got {Path(path).name}")
    with atomic_paths([first[1], second[1]]) as temps:
        for (trace, _, meta), tmp in zip((first, second), temps):
            with open(tmp, "wb") as fh:
                np.savez(fh, **trace_file_arrays(trace, meta))


def trace_file_bytes(arrays: dict) -> int:
    """Bytes of the arrays as the .npz will hold them."""
    return sum(int(np.prod(v.shape, dtype=np.int64)) * np.dtype(v.dtype).itemsize
               for v in arrays.values())


def read_trace_file(path: str | Path) -> tuple[object, dict, dict[str, np.ndarray]]:
    """(spec, meta, arrays) from a file written by save_trace; the spec is a NetworkSpec, or
    a Seq2SeqSpec for an encoder–decoder trace."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError) as exc:
        raise RnnvizError(f"{path} is not an rnnviz trace file ({exc})") from None
    if "spec" not in arrays or "meta" not in arrays:
        raise RnnvizError(f"{path} has no 'spec'/'meta' entries; write it with rnnviz trace")
    meta = json.loads(str(arrays.pop("meta")))
    data = json.loads(str(arrays.pop("spec")))
    if meta.get("topology") == "seq2seq":
        from rnnviz.core.seq2seq import Seq2SeqSpec

        return Seq2SeqSpec.from_dict(data), meta, arrays
    spec = NetworkSpec.from_dict(data)
    return spec, meta, arrays
