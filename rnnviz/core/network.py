"""Weights of a network, kept under exactly torch.nn's state_dict names.

`weight_ih_l0`, `weight_hh_l1_reverse`, `weight_hr_l0`, ... map 1:1 to a user's
state_dict, so loading and exporting are renames at most. The head's weights are
`head.weight` / `head.bias` here and `linear.*` when exported as a whole model.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

import numpy as np
import torch
from torch import Tensor, nn

from rnnviz.core.cells import CellParams
from rnnviz.core.errors import RnnvizError
from rnnviz.core.spec import HeadSpec, NetworkSpec

MODULES = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
_SEEDED_INIT = threading.Lock()


def param_suffix(layer: int, direction: str) -> str:
    return f"_l{layer}" + ("_reverse" if direction == "bwd" else "")


def expected_shapes(spec: NetworkSpec) -> dict[str, tuple[int, ...]]:
    """Every recurrent parameter's name and shape, as torch.nn would create them."""
    rows = len(spec.gates) * spec.hidden_size
    shapes: dict[str, tuple[int, ...]] = {}
    for layer in range(spec.num_layers):
        for direction in spec.directions():
            sfx = param_suffix(layer, direction)
            shapes["weight_ih" + sfx] = (rows, spec.layer_input_size(layer))
            shapes["weight_hh" + sfx] = (rows, spec.hidden_out)
            if spec.bias:
                shapes["bias_ih" + sfx] = (rows,)
                shapes["bias_hh" + sfx] = (rows,)
            if spec.proj_size:
                shapes["weight_hr" + sfx] = (spec.proj_size, spec.hidden_size)
    return shapes


def head_shapes(spec: NetworkSpec) -> dict[str, tuple[int, ...]]:
    """The parameters around the recurrent layer: an embedding in front, a head on top."""
    shapes = {}
    if spec.embedding is not None:
        shapes["embedding.weight"] = (spec.embedding.num_embeddings, spec.input_size)
    if spec.head is None:
        return shapes
    shapes["head.weight"] = (spec.head.output_size, spec.output_features)
    if spec.head.bias:
        shapes["head.bias"] = (spec.head.output_size,)
    return shapes


def make_rnn_module(spec: NetworkSpec, **factory) -> nn.RNNBase:
    """A torch.nn.RNN/LSTM/GRU with the spec's hyper-parameters (weights from torch's init)."""
    kwargs = dict(
        input_size=spec.input_size,
        hidden_size=spec.hidden_size,
        num_layers=spec.num_layers,
        bias=spec.bias,
        batch_first=False,
        dropout=spec.dropout if spec.num_layers > 1 else 0.0,
        bidirectional=spec.bidirectional,
        **factory,
    )
    if spec.cell == "rnn":
        kwargs["nonlinearity"] = spec.nonlinearity
    if spec.cell == "lstm":
        kwargs["proj_size"] = spec.proj_size
    return MODULES[spec.cell](**kwargs)


class Network:
    """A spec plus its weights (CPU tensors, one dtype), under torch.nn's names."""

    def __init__(self, spec: NetworkSpec, params: Mapping[str, Tensor]):
        self.spec = spec
        self._check(params)
        # Keep torch.nn's own order (weight_ih, weight_hh, bias_ih, bias_hh per layer).
        order = [*expected_shapes(spec), *head_shapes(spec)]
        self.params = {k: params[k].detach().to("cpu") for k in order}
        self._numpy: dict[str, np.ndarray] | None = None
        # One-layer torch modules per (layer, device, dtype), built by the trace engine.
        self.fused_cache: dict = {}

    def _check(self, params: Mapping[str, Tensor]) -> None:
        want = {**expected_shapes(self.spec), **head_shapes(self.spec)}
        missing = sorted(set(want) - set(params))
        extra = sorted(set(params) - set(want))
        if missing or extra:
            raise RnnvizError(
                f"weights do not fit {self.spec.title()}: missing {missing or 'none'}, "
                f"unexpected {extra or 'none'}; check the layer count, bias and direction"
            )
        for name, shape in want.items():
            got = tuple(params[name].shape)
            if got != shape:
                raise RnnvizError(
                    f"{name} has shape {got} but {self.spec.title()} with input size "
                    f"{self.spec.input_size} needs {shape}; check the sizes"
                )
            if not params[name].is_floating_point():
                raise RnnvizError(f"{name} is {params[name].dtype}, not floating point")

    # ----- construction -------------------------------------------------------------
    @classmethod
    def random(cls, spec: NetworkSpec, seed: int = 0, dtype=torch.float32) -> Network:
        """torch.nn's own initialisation, reproducible from `seed`, global RNG untouched."""
        # fork_rng saves and restores torch's one global generator: two threads building
        # networks at once (a trace and a training run) would seed each other's draws.
        check_weights_fit(spec, torch.empty((), dtype=dtype).element_size())
        with _SEEDED_INIT, torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            module = make_rnn_module(spec, dtype=dtype)
            params = dict(module.state_dict())
            if spec.head is not None:
                head = nn.Linear(spec.output_features, spec.head.output_size,
                                 bias=spec.head.bias, dtype=dtype)
                params.update({f"head.{k}": v for k, v in head.state_dict().items()})
            if spec.embedding is not None:
                table = nn.Embedding(spec.embedding.num_embeddings, spec.input_size,
                                     dtype=dtype)
                params["embedding.weight"] = table.weight.detach()
        return cls(spec, params)

    @classmethod
    def from_module(
        cls, module: nn.RNNBase, head: nn.Linear | None = None, head_activation: str = "none"
    ) -> Network:
        """Wrap a live torch.nn.RNN/LSTM/GRU (and an optional nn.Linear head)."""
        cell = {nn.RNN: "rnn", nn.LSTM: "lstm", nn.GRU: "gru"}.get(type(module))
        if cell is None:
            raise RnnvizError(f"{type(module).__name__} is not nn.RNN, nn.LSTM or nn.GRU")
        head_spec = None
        params = dict(module.state_dict())
        if head is not None:
            head_spec = HeadSpec(head.out_features, head_activation, head.bias is not None)
            params.update({f"head.{k}": v for k, v in head.state_dict().items()})
        spec = NetworkSpec(
            cell=cell,
            input_size=module.input_size,
            hidden_size=module.hidden_size,
            num_layers=module.num_layers,
            nonlinearity=getattr(module, "nonlinearity", "tanh"),
            bias=module.bias,
            bidirectional=module.bidirectional,
            proj_size=getattr(module, "proj_size", 0),
            dropout=float(module.dropout),
            head=head_spec,
        )
        return cls(spec, params)

    # ----- access ---------------------------------------------------------------------
    @property
    def dtype(self) -> torch.dtype:
        return next(iter(self.params.values())).dtype

    def to(self, dtype: torch.dtype) -> Network:
        if dtype == self.dtype:
            return self
        return Network(self.spec, {k: v.to(dtype) for k, v in self.params.items()})

    def cell_params(self, layer: int, direction: str, device=None, dtype=None) -> CellParams:
        sfx = param_suffix(layer, direction)

        def get(name: str) -> Tensor | None:
            t = self.params.get(name + sfx)
            return None if t is None else t.to(device=device, dtype=dtype)

        return CellParams(get("weight_ih"), get("weight_hh"), get("bias_ih"), get("bias_hh"),
                          get("weight_hr"))

    def numpy(self) -> dict[str, np.ndarray]:
        """The weights as numpy arrays (for views that show W·x terms without torch)."""
        if self._numpy is None:
            self._numpy = {k: v.numpy() for k, v in self.params.items()}
        return self._numpy

    # ----- export -----------------------------------------------------------------------
    def rnn_state_dict(self) -> dict[str, Tensor]:
        """The recurrent layer's weights, loadable into `to_rnn_module()`'s class."""
        return {k: v.clone() for k, v in self.params.items()
                if not k.startswith(("head.", "embedding."))}

    def state_dict(self) -> dict[str, Tensor]:
        """Weights as a seed-article model saves them: `rnn.*` and, with a head, `linear.*`
        (and an embedding's `embedding.weight` in front)."""
        sd = {k: v.clone() for k, v in self.params.items() if k.startswith("embedding.")}
        sd.update({f"rnn.{k}": v for k, v in self.rnn_state_dict().items()})
        sd.update({"linear." + k[5:]: v.clone() for k, v in self.params.items()
                   if k.startswith("head.")})
        return sd

    def embed(self, tokens: np.ndarray) -> np.ndarray:
        """Token ids (T, B) → the embedding's rows (T, B, input_size), as nn.Embedding does
        ((T,) → (T, input_size)); an id outside the table is refused with its position."""
        if self.spec.embedding is None:
            raise RnnvizError("this network has no Embedding: give it features per step "
                              "(--input a CSV/.npy of numbers, or --preset text for one-hot)")
        ids = np.asarray(tokens)
        rows = self.spec.embedding.num_embeddings
        bad = np.argwhere((ids.reshape(len(ids), -1) < 0) | (ids.reshape(len(ids), -1) >= rows))
        if len(bad):  # (T,) ids are one sequence: the position is (step, 0)
            t, b = (int(v) for v in bad[0])
            ids = ids.reshape(len(ids), -1)
            raise RnnvizError(f"token id {int(ids[t, b])} at step {t}, sequence {b} is outside "
                              f"the embedding '{self.spec.embedding.name}' (ids 0..{rows - 1}); "
                              f"check the vocabulary the ids came from")
        return self.numpy()["embedding.weight"][ids.astype(np.intp)]

    def to_rnn_module(self) -> nn.RNNBase:
        module = make_rnn_module(self.spec, dtype=self.dtype)
        module.load_state_dict(self.rnn_state_dict())
        return module.eval()

    def to_module(self) -> nn.Module:
        """A plain torch model (`.rnn`, optional `.linear` and activation) with these weights."""
        from rnnviz.core.torch_model import RecurrentModel

        return RecurrentModel.from_network(self)

    def parameter_table(self) -> list[tuple[str, tuple[int, ...]]]:
        """(name, shape) for every parameter, in torch.nn's order: what `print(p.shape)` shows."""
        return [(k, tuple(v.shape)) for k, v in self.params.items()]


def weight_count(spec: NetworkSpec) -> int:
    """How many numbers the network's parameters hold."""
    shapes = {**expected_shapes(spec), **head_shapes(spec)}
    return sum(int(np.prod(shape, dtype=np.int64)) for shape in shapes.values())


def check_weights_fit(spec: NetworkSpec, itemsize: int) -> None:
    """Refuse, with the estimate, a network whose weights (and torch's copy while they are
    made) would not fit in the memory available now."""
    from rnnviz.core.memory import available_memory_bytes, gib

    need = 3 * weight_count(spec) * itemsize
    have = available_memory_bytes()
    if have is not None and need > 0.8 * have:
        raise RnnvizError(f"{spec.title()} has {weight_count(spec):,} weights: about "
                          f"{gib(need)} while it is built, but only {gib(have)} of memory is "
                          f"available; lower the hidden size, layers or input size")


def check_state_dict_values(params: Mapping[str, Tensor]) -> None:
    for name, value in params.items():
        if value.is_complex() or not value.is_floating_point():
            raise RnnvizError(f"{name} holds {value.dtype} values; a recurrent layer's weights "
                              f"are real floating-point numbers")
        if not torch.isfinite(value).all():
            raise RnnvizError(f"{name} contains NaN or inf; the checkpoint is damaged")
