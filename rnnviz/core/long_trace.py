"""Traces longer than memory: states at checkpoints, an overview, exact steps on demand.

A trace of an LSTM H=256 over 10^6 steps holds 6 GiB of parts. A LongTrace keeps only
what each layer and direction enters every chunk of K steps with (h, c: the
checkpoints), per-bin summaries for overviews (overview.py) and the input. The parts of
any step are recomputed from the checkpoint of its chunk, on demand, by the same
function that made the checkpoints, with the same shapes and thread count: so they are
bit for bit what the first pass computed (tests check), and every later read agrees
with every earlier one.

Chunks are sized so that one costs about 2 ms (a scrub to any step recomputes one or
two of them); a few recent chunks stay cached. Shorter chunks make the first pass slower
(per-chunk overhead): LSTM H=256 over 10^5 steps took 2.0× / 1.65× / 1.5× a one-thread
torch.nn forward with chunks of 32 / 64 / 128 steps, and one chunk 1.0 / 2.0 / 4.4 ms to
recompute. Nor do they scrub faster in the window: the graph's 25 columns then nearly
always span two chunks, and a chunk of 32 steps recomputed there costs ~2.4 ms against
~3 ms for 64 (caches are cold after the paints).

Where a core is free, the first pass computes each chunk's parts (the gates, the cell
state, the summaries) on a helper thread while the recurrence goes on to the next chunk
(parts_beside): LSTM H=256, 2·10^5 steps, quiet, 2 cores: 1.65× → 0.95-1.15× a one-thread
torch.nn forward (the fused layer over chunks of 64 is itself a little faster per step).

A bidirectional layer's reverse direction enters chunk k from chunk k+1, so its
checkpoints come from a sweep from the end; a stacked bidirectional layer reads both
directions of the layer below, so layers are done one after another.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass

import numpy as np
import torch

from rnnviz.core.chunk_threads import ChunkRun, OneBehind, chunk_pool
from rnnviz.core.devices import DeviceChoice
from rnnviz.core.engine import (
    LayerResult,
    layer_parts_fast,
    run_layer_step,
    run_recurrence_fast,
)
from rnnviz.core.errors import RnnvizError
from rnnviz.core.memory import available_memory_bytes, gib
from rnnviz.core.network import Network
from rnnviz.core.overview import Overview, bin_chunks
from rnnviz.core.states import InitialState
from rnnviz.core.step_array import MAX_SLICE, ChunkPlan, LazyParts, StepArray
from rnnviz.core.threads import busy_cores, cpu_count, threads_for, torch_threads
from rnnviz.core.torch_work import TORCH_WORK
from rnnviz.core.trace import Trace, exact_math, head_outputs, part_key

CHUNK_MACS = 2e7  # multiply-adds per chunk: ~2 ms on one core (LSTM H=256: 64 steps)
CHUNK_RANGE = (16, 1024)  # steps per chunk, at least / at most
MAX_CHECKPOINTS = 1 << 15  # longer sequences get longer chunks
CACHE_BYTES = 64 << 20  # recent chunks kept, at least CACHE_MIN of them
CACHE_MIN = 4
PIPELINE_FREE_CORES = 1.5  # a core free besides the recurrence's: parts on a helper thread
OVERVIEW_OUTPUTS = 512  # heads with more outputs (a vocabulary) get no output overview


def chunk_steps(spec, steps: int) -> int:
    """Steps per chunk: about CHUNK_MACS of work, a power of two, at most MAX_CHECKPOINTS."""
    macs = sum(len(spec.gates) * spec.hidden_size * (spec.hidden_out + spec.layer_input_size(k))
               for k in range(spec.num_layers)) * spec.num_directions
    k = CHUNK_RANGE[0]
    while k * 2 <= CHUNK_RANGE[1] and k * 2 * macs <= CHUNK_MACS:
        k *= 2
    while -(-steps // k) > MAX_CHECKPOINTS:
        k *= 2
    return k


def parts_beside(device: torch.device, method: str) -> bool:
    """Whether a long trace's first pass may compute each chunk's parts on a helper thread
    while the recurrence goes on to the next chunk: fused work on the CPU, with a core
    free besides the one the recurrence runs on (other programs' load counted: with one
    core busy on 2, the two halves would take turns on one core)."""
    if device.type != "cpu" or method != "fast" or cpu_count() < 2:
        return False
    return (os.cpu_count() or 1) - busy_cores() >= PIPELINE_FREE_CORES


def file_keys(spec) -> set[str]:
    """The chunk arrays a trace file keeps (not the lower layers' outputs)."""
    keys = {part_key(layer, d, name) for layer in range(spec.num_layers)
            for d in spec.directions() for name in spec.parts}
    return keys | {f"output_l{spec.num_layers - 1}", "y", "y_logits"}


def estimate_file_bytes(spec, steps: int, batch: int, itemsize: int) -> int:
    """Bytes of a trace file's per-step arrays."""
    per_step = spec.input_size + spec.output_features + spec.num_layers * \
        spec.num_directions * sum(spec.part_size(p) for p in spec.parts)
    if spec.head is not None:
        per_step += 2 * spec.head.output_size
    return steps * batch * per_step * itemsize


def estimate_long_bytes(spec, steps: int, batch: int, itemsize: int, chunk: int) -> int:
    """What a LongTrace holds: input, checkpoints, overview, cached chunks and one chunk's
    working copies."""
    chunks = -(-steps // chunk)
    layers = spec.num_layers * spec.num_directions
    state = spec.hidden_out + (spec.hidden_size if spec.cell == "lstm" else 0)
    checkpoints = (chunks + 1) * layers * batch * state * itemsize
    bins = -(-chunks // bin_chunks(chunks))
    keys = layers * state + (spec.head.output_size if spec.head is not None else 0)
    overview = bins * batch * keys * 16  # lo, hi float32 + sums float64
    per_step = layers * sum(spec.part_size(p) for p in spec.parts) + 2 * spec.output_features
    if spec.head is not None:
        per_step += 2 * spec.head.output_size
    one_chunk = chunk * batch * per_step * itemsize
    cached = max(CACHE_BYTES, CACHE_MIN * one_chunk)
    inputs = steps * batch * spec.input_size * (itemsize + 8)  # the trace's x and the caller's
    return checkpoints + overview + cached + 8 * one_chunk + inputs


def check_long_fits(spec, steps: int, batch: int, itemsize: int, chunk: int) -> None:
    need = estimate_long_bytes(spec, steps, batch, itemsize, chunk)
    have = available_memory_bytes()
    if have is not None and need > 0.8 * have:
        raise RnnvizError(
            f"even kept as checkpoints every {chunk} steps, this trace ({spec.title()}, "
            f"T={steps}, batch={batch}) needs about {gib(need)} but only {gib(have)} of "
            f"memory is available; shorten the sequence or lower the batch or hidden size")


class LongStore:
    """Checkpoints, overview and the chunk cache; recomputes any chunk exactly."""

    def __init__(self, network: Network, xt: torch.Tensor, initial: InitialState,
                 device: torch.device, method: str, chunk: int, threads: int):
        spec = network.spec
        self.network, self.spec, self.device, self.method = network, spec, device, method
        self.xt = xt  # (T, B, I) CPU, in the trace's dtype
        self.length, self.batch = xt.shape[0], xt.shape[1]
        self.np_dtype = xt.numpy().dtype
        self.plan = ChunkPlan(self.length, chunk)
        self.threads = threads  # every chunk, first pass or recomputed, on the same count
        n, D = self.plan.count, spec.num_directions
        self.enter_h, self.enter_c = {}, {}
        for layer in range(spec.num_layers):
            for d, direction in enumerate(spec.directions()):
                row = layer * D + d
                h = np.zeros((n + 1, self.batch, spec.hidden_out), self.np_dtype)
                h[0 if direction == "fwd" else n] = initial.h0[row]
                self.enter_h[layer, direction] = h
                if spec.cell == "lstm":
                    c = np.zeros((n + 1, self.batch, spec.hidden_size), self.np_dtype)
                    c[0 if direction == "fwd" else n] = initial.c0[row]
                    self.enter_c[layer, direction] = c
        self.overview = Overview(self.length, chunk * bin_chunks(n))
        self._cache: OrderedDict[int, dict[str, np.ndarray]] = OrderedDict()
        self._started: dict[int, Future] = {}  # chunks computing on pool threads (start)
        self._lock = threading.RLock()

    # ----- where each chunk starts ------------------------------------------------------
    def _entry(self, direction: str, k: int) -> int:
        """Row of enter_h/enter_c the direction starts chunk k from (fwd: k; bwd: k + 1)."""
        return k if direction == "fwd" else k + 1

    def _starts(self, layer: int, k: int) -> tuple[torch.Tensor, torch.Tensor | None]:
        dirs = self.spec.directions()
        h = np.stack([self.enter_h[layer, d][self._entry(d, k)] for d in dirs])
        c = None if self.spec.cell != "lstm" else \
            np.stack([self.enter_c[layer, d][self._entry(d, k)] for d in dirs])
        to = dict(device=self.device)
        return torch.from_numpy(h).to(**to), None if c is None else torch.from_numpy(c).to(**to)

    def _record_exit(self, layer: int, direction: str, k: int, result: LayerResult) -> None:
        """The state a direction leaves chunk k with is what it enters the next one with."""
        d = self.spec.directions().index(direction)
        row = k + 1 if direction == "fwd" else k
        self.enter_h[layer, direction][row] = result.h_n[d].cpu().numpy()
        if self.spec.cell == "lstm":
            self.enter_c[layer, direction][row] = result.c_n[d].cpu().numpy()

    # ----- computing a chunk --------------------------------------------------------------
    @contextlib.contextmanager
    def _torch_work(self):
        """What every piece of a chunk's work runs under, on whichever thread."""
        with TORCH_WORK.shared(), exact_math(self.device), torch_threads(self.threads), \
                torch.no_grad():
            yield

    def _recurrences(self, k: int, top: int) -> list[ChunkRun]:
        """Layers 0..top over chunk k, from their checkpoints: the fused recurrence only
        (the fast method; _parts adds the gates), or every part (the step method)."""
        lo, hi = self.plan.bounds(k)
        layer_in = self.xt[lo:hi].to(self.device)
        runs = []
        with self._torch_work():
            for layer in range(top + 1):
                h0, c0 = self._starts(layer, k)
                if self.method == "fast":
                    output, h_n, c_n = run_recurrence_fast(self.network, layer, layer_in, h0, c0)
                    result = LayerResult({}, output, h_n, c_n)  # parts: _parts
                    runs.append(ChunkRun(layer, layer_in, h0, c0, result))
                else:
                    result = run_layer_step(self.network, layer, layer_in, h0, c0)
                    runs.append(ChunkRun(layer, layer_in, h0, c0, result, done=True))
                layer_in = runs[-1].result.output
        return runs

    def _parts(self, runs: list[ChunkRun], layers=None) -> list[LayerResult]:
        """The layers' results with every part (of `layers`, or all): the same ops on the
        same inputs wherever and whenever they run, so the first pass (maybe on a helper
        thread) and any later recompute agree bit for bit."""
        with self._torch_work():
            for run in runs:
                if not run.done and (layers is None or run.layer in layers):
                    run.result.parts.update(layer_parts_fast(
                        self.network, run.layer, run.x, run.h0, run.c0, run.result.output))
                    run.done = True
        return [run.result for run in runs]

    def _layers(self, k: int, top: int) -> list[LayerResult]:
        """Layers 0..top over chunk k, every part, from their checkpoints."""
        return self._parts(self._recurrences(k, top))

    def _block(self, results: list[LayerResult], layers) -> dict[str, np.ndarray]:
        """The numpy arrays of chunk results: parts, each layer's output, the head's."""
        def cpu(t):
            return t.detach().to("cpu").numpy()

        block = {}
        for layer in layers:
            result = results[layer]
            for direction, named in result.parts.items():
                for name, value in named.items():
                    block[part_key(layer, direction, name)] = cpu(value)
            block[f"output_l{layer}"] = cpu(result.output)
        if len(results) == self.spec.num_layers and self.spec.num_layers - 1 in layers:
            with exact_math(self.device), torch_threads(self.threads):
                y_logits, y = head_outputs(self.network, results[-1].output)
            if y is not None:
                block["y"], block["y_logits"] = cpu(y), cpu(y_logits)
        return block

    def _summarise(self, k: int, block: dict[str, np.ndarray]) -> None:
        start = self.plan.bounds(k)[0]
        for key, values in block.items():
            if key.endswith(("_h", "_c")) or (key == "y" and values.shape[-1]
                                               <= OVERVIEW_OUTPUTS):
                self.overview.add(key, start, values)

    def chunk(self, k: int) -> dict[str, np.ndarray]:
        """Every array of chunk k, recomputed from the checkpoints (or from the cache, or
        from a pool thread that started it)."""
        with self._lock:
            if k in self._cache:
                self._cache.move_to_end(k)
                return self._cache[k]
            future = self._started.pop(k, None)
            return self._keep(k, self._compute(k) if future is None else future.result())

    def _compute(self, k: int) -> dict[str, np.ndarray]:
        layers = range(self.spec.num_layers)
        block = self._block(self._layers(k, self.spec.num_layers - 1), layers)
        for values in block.values():  # every read of a step must give the same numbers
            values.flags.writeable = False
        return block

    def _keep(self, k: int, block: dict[str, np.ndarray], recent: bool = True
              ) -> dict[str, np.ndarray]:
        """Chunk k into the cache, as its most recent (or least: the first to go)."""
        with self._lock:
            self._cache[k] = block
            self._cache.move_to_end(k, last=recent)
            size = sum(a.nbytes for a in block.values())
            while len(self._cache) > max(CACHE_MIN, CACHE_BYTES // max(size, 1)):
                self._cache.popitem(last=False)
            return block

    def prefetch(self, ks: range) -> None:
        """Chunks ks into the cache. Where several are missing and each runs on one thread
        (the CPU, work too small for more), they are computed side by side, one core
        each: a view across a chunk edge then waits for one chunk's time, not two. The
        last one is computed here, on the caller's thread, while pool threads do the
        others: a thread that has been asleep between scrubs runs its first milliseconds
        slowly (LSTM H=256, a chunk of 64 after 12 ms idle: 4.6 ms against 3.0 on a
        thread kept busy), and the caller is the one awake. Two chunks in the window
        went from 6.1 to 4.0 ms. Bits are unchanged: torch's thread count is per thread
        (OpenMP), each set as always."""
        with self._lock:
            missing = [k for k in ks if k not in self._cache and k not in self._started]
            started = any(k in self._started for k in ks)
        if len(missing) == 1 and started:
            # read in order, a started chunk before it would be waited for first: this one
            # is computed now, while the pool finishes the other
            self.chunk(missing[0])
            return
        if not self._side_by_side() or not 2 <= len(missing) <= CACHE_MIN:
            return  # chunk() computes them one by one as they are read (or takes them
            # from the pool threads that started them)
        *others, here = missing
        pending = {chunk_pool(CACHE_MIN).submit(self._compute, k): k for k in others}
        error = None
        try:
            self._keep(here, self._compute(here))
        except BaseException as raised:  # raised once the pool's chunks are in
            error = raised
        wait(pending)  # no chunk left computing, whatever failed
        for future, k in pending.items():
            if future.exception() is None:
                self._keep(k, future.result())
            elif error is None:
                error = future.exception()
        if error is not None:  # this thread's own error first, else the pool's first
            raise error

    def start(self, ks) -> None:
        """Chunks ks start computing on pool threads, and this returns at once: a view that
        will read them soon (the graph, drawn after the views that read t's own chunk on
        this thread) then finds them computed, or waits only for the rest. Chunks started
        earlier and still queued but no longer asked for are cancelled; finished ones never
        read go to the cache as its least recent (they were a guess). An error in one is
        raised when it is read (and forgotten if it never is: a later read computes it
        again)."""
        if not self._side_by_side():
            return
        ks = list(ks)
        with self._lock:
            for k, future in list(self._started.items()):
                if future.done():
                    del self._started[k]
                    if future.exception() is None:
                        self._keep(k, future.result(), recent=False)
                elif k not in ks and future.cancel():
                    del self._started[k]
            wanted = [k for k in ks if k not in self._cache and k not in self._started]
            room = CACHE_MIN - len(self._started)  # never more than the cache keeps
            for k in wanted[:max(room, 0)]:
                self._started[k] = chunk_pool(CACHE_MIN).submit(self._compute, k)

    def _side_by_side(self) -> bool:
        """Whether chunks may compute on pool threads beside this one: one-thread work on
        a CPU with a core to spare."""
        return self.threads == 1 and self.device.type == "cpu" and cpu_count() >= 2

    def steps(self, key: str, start: int, stop: int) -> np.ndarray:
        """Steps start..stop-1 of one array (at most MAX_SLICE of them)."""
        if stop - start > MAX_SLICE:
            raise RnnvizError(f"asked for {stop - start} steps of {key} at once; a long trace "
                              f"gives at most {MAX_SLICE} (its overview has the whole)")
        if stop <= start:
            return self.chunk(0)[key][:0]
        K = self.plan.chunk
        pieces = []
        for k in range(start // K, (stop - 1) // K + 1):
            lo, _ = self.plan.bounds(k)
            values = self.chunk(k)[key]
            pieces.append(values[max(start - lo, 0): stop - lo])
        return pieces[0] if len(pieces) == 1 else np.concatenate(pieces)

    # ----- the first pass -----------------------------------------------------------------
    def first_pass(self, sink: Callable[[int, dict], None] | None = None,
                   progress: Callable[[float], None] | None = None) -> None:
        """Fill the checkpoints and the overview. `sink(start, block)` receives every chunk's
        final arrays once, with its first step (for a bidirectional network, a layer's at a
        time, from the last chunk to the first)."""
        spec, n = self.spec, self.plan.count
        sweeps = 2 * spec.num_layers if spec.bidirectional else 1
        done = 0

        def deliver(k, block):
            self._summarise(k, block)
            if sink is not None:
                sink(self.plan.bounds(k)[0], block)

        def tick():
            nonlocal done
            done += 1
            if progress is not None and done % 16 == 0:
                progress(done / (sweeps * n))

        top = spec.num_layers - 1

        def finish(k, runs, layers):
            deliver(k, self._block(self._parts(runs, layers), layers))

        with OneBehind(self._pipelined()) as behind:
            if not spec.bidirectional:  # one sweep: every layer of a chunk, then the next
                for k in range(n):
                    runs = self._recurrences(k, top)
                    for layer in range(spec.num_layers):
                        self._record_exit(layer, "fwd", k, runs[layer].result)
                    behind(finish, k, runs, range(spec.num_layers))
                    tick()
                return
            for layer in range(spec.num_layers):
                # forward sweep: the reverse direction's start is not known yet, so only
                # this layer's forward exits are kept (the directions are independent)
                for k in range(n):
                    self._record_exit(layer, "fwd", k, self._recurrences(k, layer)[layer].result)
                    tick()
                for k in reversed(range(n)):  # now both starts are known: the final values
                    runs = self._recurrences(k, layer)
                    self._record_exit(layer, "bwd", k, runs[layer].result)
                    behind(finish, k, runs, [layer])
                    tick()

    def _pipelined(self) -> bool:
        """Parts on a helper thread (parts_beside), for one-thread work only: each side
        then has a core."""
        return self.threads == 1 and parts_beside(self.device, self.method)

    def final_states(self) -> tuple[np.ndarray, np.ndarray | None]:
        """h_n (L*D, B, H_out) and c_n, in torch.nn's row order."""
        n = self.plan.count
        rows = [(layer, d) for layer in range(self.spec.num_layers)
                for d in self.spec.directions()]
        h = np.stack([self.enter_h[r][n if r[1] == "fwd" else 0] for r in rows])
        if self.spec.cell != "lstm":
            return h, None
        return h, np.stack([self.enter_c[r][n if r[1] == "fwd" else 0] for r in rows])


@dataclass
class LongTrace(Trace):
    """A Trace whose parts, output and y are StepArrays; `x` is held whole."""

    store: LongStore | None = None

    @property
    def overview(self) -> Overview:
        return self.store.overview

    @property
    def chunk(self) -> int:
        return self.store.plan.chunk

    def layer_input(self, layer: int):
        return self.x if layer == 0 else StepArray(self.store, f"output_l{layer - 1}",
                                                    self.spec.output_features)

    def arrays(self) -> dict:
        """As Trace.arrays, with StepArrays for the per-step ones: tracefile.save_trace
        streams those to the file a chunk at a time."""
        out = {"x": self.x, "output": self.output, "h_n": self.h_n, "h0": self.initial.h0}
        if self.c_n is not None:
            out["c_n"], out["c0"] = self.c_n, self.initial.c0
        out.update(self.parts)
        if self.y is not None:
            steps = self.output_steps
            every = len(steps) == self.length  # N→1 has one output: read it, not stream it
            out["y"] = self.y if every else self.y[steps]
            out["y_logits"] = self.y_logits if every else self.y_logits[steps]
            out["output_steps"] = steps
        if self.topology != "n2n":
            out["input_steps"] = self.input_steps
        if self.tokens is not None:
            out["tokens"], out["embedding"] = self.tokens, self.x
        return out

    def chunks(self):
        """(first step, arrays) of every chunk in order, recomputed (for writing a file)."""
        for k in range(self.store.plan.count):
            yield self.store.plan.bounds(k)[0], self.store.chunk(k)

    def near(self, t: int, reach: int) -> tuple[int, int]:
        """The whole chunks that hold steps t - reach .. t + reach (cached chunks reused)."""
        return self.covering(t - reach, t + reach)

    def covering(self, first: int, last: int) -> tuple[int, int]:
        """(start, stop) of the whole chunks that hold steps first..last (clipped)."""
        K = self.chunk
        first, last = max(0, first), min(self.length - 1, last)
        return first // K * K, min(self.length, -(-(max(first, last) + 1) // K) * K)

    def start_reading(self, first: int, last: int, beside: int) -> None:
        """The chunks that hold steps first..last, but the one holding step `beside`, start
        computing on pool threads (LongStore.start): a view about to show those steps
        asks ahead, while the views that show step `beside` read its chunk here."""
        K = self.chunk
        start, stop = self.covering(first, last)
        self.store.start([k for k in range(start // K, -(-stop // K)) if k != beside // K])

    def window(self, start: int, stop: int) -> Trace:
        """Steps start..stop-1 as a plain Trace (its step 0 is step `start` of this one):
        what a view draws of the sequence around the cursor."""
        spec, rows, K = self.spec, [], self.chunk
        self.store.prefetch(range(start // K, -(-stop // K)))
        for layer in range(spec.num_layers):
            for direction in spec.directions():
                first = start if direction == "fwd" else stop - 1  # in its own order
                last = stop - 1 if direction == "fwd" else start
                rows.append((layer, direction, first, last))

        def entered(layer, d, name, first):
            """The state a direction enters the window with: a checkpoint when the window
            is whole chunks (no chunk outside it is computed), else the step before."""
            row = start // K if d == "fwd" else -(-stop // K)
            on_edge = start % K == 0 if d == "fwd" else (stop % K == 0 or stop == self.length)
            if on_edge:
                return (self.store.enter_h if name == "h" else self.store.enter_c)[layer, d][row]
            return self.previous_state(layer, d, name, first)

        def states(name, which):
            return np.stack([entered(layer, d, name, first) if which == "enter"
                             else self.part(layer, d, name)[last]
                             for layer, d, first, last in rows])

        lstm = spec.cell == "lstm"
        initial = InitialState(states("h", "enter"), states("c", "enter") if lstm else None)

        def steps(a):
            return None if a is None else a[start:stop]

        return Trace(spec=spec, x=self.x[start:stop],
                     parts={key: self.store.steps(key, start, stop) for key in self.parts},
                     output=steps(self.output), h_n=states("h", "leave"),
                     c_n=states("c", "leave") if lstm else None, initial=initial,
                     y=steps(self.y), y_logits=steps(self.y_logits), device=self.device,
                     method=self.method)


def compute_long_trace(network: Network, xt: torch.Tensor, initial: InitialState,
                       choice: DeviceChoice, method: str, chunk: int | None = None,
                       sink=None, progress=None) -> LongTrace:
    """The LongTrace of `network` over `xt` (T, B, I), CPU tensor in the trace's dtype."""
    spec = network.spec
    steps, batch = xt.shape[:2]
    chunk = chunk or chunk_steps(spec, steps)
    check_long_fits(spec, steps, batch, xt.element_size(), chunk)
    threads = threads_for(chunk, batch, spec.hidden_size, choice.device)
    store = LongStore(network, xt, initial, choice.device, method, chunk, threads)
    store.first_pass(sink, progress)
    h_n, c_n = store.final_states()
    parts = LazyParts()
    for layer in range(spec.num_layers):
        for direction in spec.directions():
            for name in spec.parts:
                key = part_key(layer, direction, name)
                parts[key] = StepArray(store, key, spec.part_size(name))
    top = f"output_l{spec.num_layers - 1}"
    head = spec.head.output_size if spec.head is not None else 0
    return LongTrace(
        spec=spec, x=xt.numpy(), parts=parts, output=StepArray(store, top, spec.output_features),
        h_n=h_n, c_n=c_n, initial=initial,
        y=StepArray(store, "y", head) if head else None,
        y_logits=StepArray(store, "y_logits", head) if head else None,
        device=choice, method=method, store=store)

