"""A trace: every part of every (t, layer, direction, batch) as CPU numpy arrays.

The GUI never calls torch; it reads a Trace. Arrays follow torch.nn's layout with
batch_first=False: `x` (T, B, I), `output` (T, B, D*H_out), `h_n` (L*D, B, H_out),
`c_n` (L*D, B, H), and one array per part, `l{layer}_{fwd|bwd}_{part}`, (T, B, H),
where t is the input's time step for both directions.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace

import numpy as np
import torch

from rnnviz.core.devices import DeviceChoice, resolve_device
from rnnviz.core.engine import LayerResult, run_layer_fast, run_layer_step
from rnnviz.core.errors import RnnvizError
from rnnviz.core.memory import check_trace_fits, prefers_long
from rnnviz.core.network import Network
from rnnviz.core.spec import NetworkSpec
from rnnviz.core.states import InitialState, zeros_state
from rnnviz.core.threads import threads_for, torch_threads
from rnnviz.core.trace_keys import part_key

METHODS = ("fast", "step")




@dataclass
class Trace:
    """Everything one run computed. Arrays are numpy, on the CPU."""

    spec: NetworkSpec
    x: np.ndarray  # (T, B, I)
    parts: dict[str, np.ndarray]  # part_key(...) -> (T, B, H)
    output: np.ndarray  # (T, B, D*H_out)
    h_n: np.ndarray  # (L*D, B, H_out)
    c_n: np.ndarray | None  # (L*D, B, H)   LSTM only
    initial: InitialState  # h0 (L*D, B, H_out), c0
    y: np.ndarray | None = None  # (T, B, O)   head output after its activation
    y_logits: np.ndarray | None = None  # (T, B, O)   before (log-)softmax
    device: DeviceChoice = field(default_factory=lambda: resolve_device("cpu"))
    method: str = "fast"
    topology: str = "n2n"  # n2n | n2one | one2n: which inputs and outputs exist (topology.py)
    feed: str = "every"  # one2n: the input at the "first" step only, or at "every" step
    tokens: np.ndarray | None = None  # (T, B) ids that x embeds (a model with an Embedding)
    lengths: np.ndarray | None = None  # (B,) each sequence's own length (padded batches)

    @property
    def output_steps(self) -> np.ndarray:
        from rnnviz.core.topology import output_steps

        return output_steps(self.topology, self.length)

    @property
    def input_steps(self) -> np.ndarray:
        from rnnviz.core.topology import input_steps

        return input_steps(self.topology, self.feed, self.length)

    def step_masks(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """(has an input, has an output) for steps start..stop-1, without listing every
        step of the sequence (a long trace has millions)."""
        t = np.arange(start, stop)
        first_only = self.topology == "one2n" and self.feed == "first"
        inputs = t == 0 if first_only else np.ones(len(t), bool)
        outputs = t == self.length - 1 if self.topology == "n2one" else np.ones(len(t), bool)
        return inputs, outputs

    def has_output(self, t: int) -> bool:
        """Whether step t has an output (N→1: only the last); O(1), unlike output_steps."""
        return t == self.length - 1 if self.topology == "n2one" else 0 <= t < self.length

    @property
    def length(self) -> int:
        return self.x.shape[0]

    @property
    def batch(self) -> int:
        return self.x.shape[1]

    def part(self, layer: int, direction: str, name: str) -> np.ndarray:
        return self.parts[part_key(layer, direction, name)]

    def layer_input(self, layer: int) -> np.ndarray:
        """What layer `layer` reads at each step: x, or the layer below's h (both directions)."""
        if layer == 0:
            return self.x
        below = [self.part(layer - 1, d, "h") for d in self.spec.directions()]
        return np.concatenate(below, axis=-1)  # (T, B, D*H_out)

    def previous_state(self, layer: int, direction: str, name: str, t: int) -> np.ndarray:
        """h_{t-1} (or c_{t-1}) as step t of this direction saw it: (B, H)."""
        d = self.spec.directions().index(direction)
        before = t - 1 if direction == "fwd" else t + 1
        if 0 <= before < self.length:
            return self.part(layer, direction, name)[before]
        start = self.initial.h0 if name == "h" else self.initial.c0
        return start[layer * self.spec.num_directions + d]

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays of the trace file, by key (see README, 'Trace file')."""
        out = {"x": self.x, "output": self.output, "h_n": self.h_n, "h0": self.initial.h0}
        if self.c_n is not None:
            out["c_n"] = self.c_n
            out["c0"] = self.initial.c0
        out.update(self.parts)
        if self.y is not None:
            steps = self.output_steps  # N→1: the one output there is
            out["y"] = self.y[steps]
            out["y_logits"] = self.y_logits[steps]  # = y for a head without an activation
            out["output_steps"] = steps
        if self.topology != "n2n":
            out["input_steps"] = self.input_steps
        if self.tokens is not None:  # the ids, and the embedding rows they fed (= x)
            out["tokens"], out["embedding"] = self.tokens, self.x
        if self.lengths is not None:
            out["lengths"] = self.lengths
        return out

    def real_steps(self, b: int) -> int:
        """How many steps sequence b really has (a padded batch: its own length)."""
        return self.length if self.lengths is None else int(self.lengths[b])


def _as_input(x: np.ndarray | torch.Tensor, spec: NetworkSpec, batch_first: bool) -> torch.Tensor:
    if isinstance(x, np.ndarray) and not x.flags.writeable:
        x = x.copy()  # torch warns on read-only arrays (Sequence.values is one)
    t = torch.as_tensor(x).detach().cpu()
    if t.ndim == 2:
        t = t.unsqueeze(1)  # (T, I) -> (T, 1, I): no batch axis, so batch_first changes nothing
    elif t.ndim == 3 and batch_first:
        t = t.transpose(0, 1)
    if t.ndim != 3:
        raise RnnvizError(f"input must have shape (T, I) or (T, B, I), got {tuple(t.shape)}")
    if t.shape[0] == 0:
        raise RnnvizError("the input sequence is empty; give at least one time step")
    if t.shape[1] == 0:
        raise RnnvizError("the input has batch size 0; give at least one sequence")
    if t.shape[2] != spec.input_size:
        raise RnnvizError(
            f"input has {t.shape[2]} feature(s) per step but the model expects "
            f"{spec.input_size}; give {spec.input_size} columns or change --input-size"
        )
    if not t.is_floating_point():
        t = t.to(torch.float64)
    if not torch.isfinite(t).all():
        bad = torch.nonzero(~torch.isfinite(t))[0].tolist()
        raise RnnvizError(f"input has NaN or inf at step {bad[0]}, batch {bad[1]}, "
                          f"feature {bad[2]}; clean or fill the data first")
    return t


@contextlib.contextmanager
def exact_math(device: torch.device):
    """TF32 off while tracing on CUDA, so the fused layer and the gate GEMMs agree."""
    if device.type != "cuda":
        yield
        return
    saved = torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = False
    try:
        yield
    finally:
        torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = saved


def compute_trace(
    network: Network,
    x: np.ndarray | torch.Tensor,
    *,
    initial: InitialState | None = None,
    device: str = "auto",
    dtype: torch.dtype | None = None,
    method: str = "fast",
    batch_first: bool = False,
    long: bool | None = None,
    chunk: int | None = None,
    sink=None,
    progress=None,
    lengths=None,
) -> Trace:
    """Run `network` over `x` and keep every part. `x` is (T, I) or (T, B, I).

    A trace too big to hold (memory.prefers_long), or `long=True`, is a LongTrace: states
    at checkpoints every `chunk` steps, the parts recomputed on demand (long_trace.py);
    `sink(start, arrays)` then receives every chunk's arrays as they are first computed,
    and `progress(fraction)` is called now and then (it may raise to stop the work).
    """
    if method not in METHODS:
        raise RnnvizError(f"unknown method {method!r}; use 'fast' or 'step'")
    spec = network.spec
    dtype = dtype or network.dtype
    xt = _as_input(x, spec, batch_first)
    steps, batch = xt.shape[:2]
    itemsize = torch.empty((), dtype=dtype).element_size()
    if long is None:
        long = prefers_long(spec, steps, batch, itemsize)
    if not long:
        check_trace_fits(spec, steps, batch, itemsize)
    initial = initial or zeros_state(spec, batch)
    initial.check(spec, batch)
    choice = resolve_device(device)
    dev = choice.device
    if dev.type == "mps" and dtype == torch.float64:
        choice = DeviceChoice(torch.device("cpu"), choice.requested, "MPS has no float64")
        dev = choice.device
    if lengths is not None:
        lengths = check_lengths(lengths, steps, batch)
        if long:
            raise RnnvizError("sequences of their own lengths are traced whole; this batch is "
                              "too long to hold: shorten it or trace the sequences one by one")
        return _packed(network, xt.to(dtype), initial, lengths, device, dtype, method)
    if long:
        from rnnviz.core.long_trace import check_long_fits, chunk_steps, compute_long_trace

        chunk = chunk or chunk_steps(spec, steps)
        check_long_fits(spec, steps, batch, itemsize, chunk)  # before the input is copied
        return compute_long_trace(network, xt.to(dtype), initial, choice, method, chunk, sink,
                                  progress)
    if dev.type == "cuda":  # every layer's parts stay on the GPU until the final copy
        check_trace_fits(spec, steps, batch, itemsize, available=torch.cuda.mem_get_info(dev)[0],
                         where="GPU memory")
    run_layer = run_layer_fast if method == "fast" else run_layer_step
    layer_in = xt.to(device=dev, dtype=dtype)
    h0 = torch.as_tensor(initial.h0).to(device=dev, dtype=dtype)
    c0 = None if initial.c0 is None else torch.as_tensor(initial.c0).to(device=dev, dtype=dtype)
    D = spec.num_directions
    results: list[LayerResult] = []
    threads = threads_for(steps, batch, spec.hidden_size, dev)
    with exact_math(dev), torch_threads(threads):
        for layer in range(spec.num_layers):
            rows = slice(layer * D, (layer + 1) * D)
            result = run_layer(network, layer, layer_in, h0[rows],
                               None if c0 is None else c0[rows])
            results.append(result)
            layer_in = result.output
        y_logits, y = head_outputs(network, layer_in)
    return _to_trace(spec, xt, results, initial, y_logits, y, choice, method, dtype)


def check_lengths(lengths, steps: int, batch: int) -> np.ndarray:
    """Each sequence's length: one whole number per sequence, 1..T."""
    values = np.asarray(lengths)
    if values.dtype.kind not in "iuf":
        raise RnnvizError(f"lengths must be whole numbers; got {values.dtype} values")
    if values.ndim != 1 or len(values) != batch:
        raise RnnvizError(f"--lengths gives {values.size} length(s) for a batch of {batch} "
                          f"sequence(s); give one per sequence, e.g. "
                          f"{','.join(str(steps) for _ in range(min(batch, 3)))}")
    if values.dtype.kind not in "iu" and not np.all(np.mod(values, 1) == 0):
        raise RnnvizError(f"lengths must be whole numbers; got {values.tolist()}")
    values = values.astype(np.int64)
    bad = np.flatnonzero((values < 1) | (values > steps))
    if len(bad):
        b = int(bad[0])
        raise RnnvizError(f"sequence {b} has length {values[b]}, outside 1..{steps} (the "
                          f"input has {steps} steps); fix --lengths")
    return values


def _packed(network: Network, xt: torch.Tensor, initial: InitialState | None,
            lengths: np.ndarray, device: str, dtype, method: str) -> Trace:
    """A batch whose sequences have their own lengths, as pack_padded_sequence runs it:
    each sequence stops at its last real step (h_n is that step's state; a reverse
    direction starts there), and the steps after it are zeros, as pad_packed_sequence
    gives them. Sequences of one length are traced together."""
    spec = network.spec
    steps, batch = xt.shape[:2]
    initial = initial or zeros_state(spec, batch)
    initial.check(spec, batch)
    whole = None
    for length in np.unique(lengths):
        rows = np.flatnonzero(lengths == length)
        start = InitialState(initial.h0[:, rows], None if initial.c0 is None
                             else initial.c0[:, rows])
        part = compute_trace(network, xt[:length, rows], initial=start, device=device,
                             dtype=dtype, method=method, long=False)
        if whole is None:  # zeros of every array's full shape, then each group's rows
            whole = _zeros_like_padded(part, xt, steps, batch, initial, lengths)
        for key, values in part.parts.items():
            whole.parts[key][:length, rows] = values
        whole.output[:length, rows] = part.output
        whole.h_n[:, rows] = part.h_n
        if part.c_n is not None:
            whole.c_n[:, rows] = part.c_n
        if part.y is not None:
            whole.y[:length, rows] = part.y
            whole.y_logits[:length, rows] = part.y_logits
    return whole


def _zeros_like_padded(part: Trace, xt, steps, batch, initial, lengths) -> Trace:
    def padded(a):
        return None if a is None else np.zeros((steps, batch, *a.shape[2:]), a.dtype)

    return replace(part, x=xt.numpy(), parts={k: padded(v) for k, v in part.parts.items()},
                   output=padded(part.output), y=padded(part.y),
                   y_logits=padded(part.y_logits),
                   h_n=np.zeros((part.h_n.shape[0], batch, part.h_n.shape[2]), part.h_n.dtype),
                   c_n=None if part.c_n is None else np.zeros(
                       (part.c_n.shape[0], batch, part.c_n.shape[2]), part.c_n.dtype),
                   initial=initial, lengths=lengths)


def head_outputs(network: Network, top: torch.Tensor):
    head = network.spec.head
    if head is None:
        return None, None
    w = network.params["head.weight"].to(device=top.device, dtype=top.dtype)
    b = network.params.get("head.bias")
    logits = top @ w.T  # (T, B, O)
    if b is not None:
        logits = logits + b.to(device=top.device, dtype=top.dtype)
    if head.activation == "softmax":
        return logits, torch.softmax(logits, dim=-1)
    if head.activation == "log_softmax":
        return logits, torch.log_softmax(logits, dim=-1)
    return logits, logits


def _to_trace(spec, xt, results, initial, y_logits, y, choice, method, dtype) -> Trace:
    def cpu(t):
        return None if t is None else t.detach().to("cpu").numpy()

    parts = {}
    for layer, result in enumerate(results):
        for direction, named in result.parts.items():
            for name, value in named.items():
                parts[part_key(layer, direction, name)] = cpu(value)
    c_n = np.concatenate([cpu(r.c_n) for r in results]) if spec.cell == "lstm" else None
    return Trace(
        spec=spec,
        x=xt.to(dtype).numpy(),
        parts=parts,
        output=cpu(results[-1].output),
        h_n=np.concatenate([cpu(r.h_n) for r in results]),
        c_n=c_n,
        initial=initial,
        y=cpu(y),
        y_logits=cpu(y_logits),
        device=choice,
        method=method,
    )


def extend_trace(trace: Trace, network: Network, x_more: np.ndarray | torch.Tensor) -> Trace:
    """The trace of the input followed by `x_more`, continuing from the last state.

    A forward-only network carries h_n/c_n on and computes only the new steps. A
    bidirectional one must recompute: its reverse direction starts at the new end.
    """
    more = _as_input(x_more, network.spec, batch_first=False)
    if more.shape[1] != trace.batch:
        raise RnnvizError(f"new steps have batch {more.shape[1]}, the trace has {trace.batch}")
    dtype = torch.from_numpy(trace.x).dtype
    full_x = np.concatenate([trace.x, more.to(dtype).numpy()])
    check_trace_fits(network.spec, len(full_x), trace.batch, full_x.itemsize)
    if network.spec.bidirectional:
        return compute_trace(network, full_x, initial=trace.initial, device=str(
            trace.device.device), dtype=dtype, method=trace.method)
    carried = InitialState(trace.h_n, trace.c_n)
    tail = compute_trace(network, more, initial=carried, device=str(trace.device.device),
                         dtype=dtype, method=trace.method)

    def join(a, b):
        return None if a is None else np.concatenate([a, b])

    return replace(
        tail,
        x=full_x,
        parts={k: np.concatenate([v, tail.parts[k]]) for k, v in trace.parts.items()},
        output=join(trace.output, tail.output),
        y=join(trace.y, tail.y),
        y_logits=join(trace.y_logits, tail.y_logits),
        initial=trace.initial,
        device=trace.device,
    )
