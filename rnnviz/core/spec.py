"""What a network is: cell kind, sizes, layers, directions and the optional head.

Field names follow torch.nn's constructor arguments, so a spec reads like the code
that built the model (`nn.LSTM(input_size=3, hidden_size=16, num_layers=2)`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from rnnviz.core.errors import RnnvizError

CELLS = ("rnn", "lstm", "gru")
NONLINEARITIES = ("tanh", "relu")
HEAD_ACTIVATIONS = ("none", "softmax", "log_softmax")

# Rows of weight_ih / weight_hh per hidden unit, in torch.nn's stacking order.
GATES = {"rnn": ("h",), "lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}

# Beyond these no recurrent network fits a machine (H = 2^20: 8 TiB of LSTM weights).
MAX_SIZE = 1 << 20
MAX_LAYERS = 512

# Parts a trace keeps for each (layer, direction), in the order the cell computes them.
PARTS = {"rnn": ("h",), "lstm": ("i", "f", "g", "o", "c", "h"), "gru": ("r", "z", "n", "h")}

@dataclass(frozen=True)
class HeadSpec:
    """Output layer y_t = W_ho h_t + b_ho, optionally followed by (log-)softmax."""

    output_size: int  # rows of W_ho
    activation: str = "none"  # "none" | "softmax" | "log_softmax"
    bias: bool = True  # b_ho present


@dataclass(frozen=True)
class EmbeddingSpec:
    """An nn.Embedding in front of the recurrent layer: token id k feeds row k as x_t."""

    num_embeddings: int  # rows: the vocabulary's size
    name: str = "embedding"  # where the file keeps it (e.g. 'encoder' in PyTorch's word LM)


@dataclass(frozen=True)
class NetworkSpec:
    """A recurrent network as torch.nn describes it, plus an optional output head."""

    cell: str  # "rnn" | "lstm" | "gru"
    input_size: int  # features per time step
    hidden_size: int  # units per layer and direction
    num_layers: int = 1
    nonlinearity: str = "tanh"  # Elman RNN only: "tanh" | "relu"
    bias: bool = True  # b_ih and b_hh present
    bidirectional: bool = False
    proj_size: int = 0  # LSTM only: h is projected to this size when > 0
    dropout: float = 0.0  # between layers while training; off while stepping (eval)
    head: HeadSpec | None = None
    embedding: EmbeddingSpec | None = None  # tokens → x_t (input_size is its width)
    notes: tuple[str, ...] = field(default=(), compare=False)  # what was assumed on load

    def __post_init__(self) -> None:
        validate(self)

    @property
    def num_directions(self) -> int:
        return 2 if self.bidirectional else 1

    @property
    def hidden_out(self) -> int:
        """Size of h as it leaves a cell (proj_size when the LSTM projects)."""
        return self.proj_size if self.proj_size > 0 else self.hidden_size

    @property
    def output_features(self) -> int:
        """Features per step of the top layer's output (both directions concatenated)."""
        return self.num_directions * self.hidden_out

    @property
    def gates(self) -> tuple[str, ...]:
        return GATES[self.cell]

    @property
    def parts(self) -> tuple[str, ...]:
        """Names of the per-step arrays a trace keeps for each (layer, direction)."""
        parts = PARTS[self.cell]
        if self.cell == "lstm" and self.proj_size > 0:
            return parts[:-1] + ("m", "h")
        return parts

    def part_size(self, part: str) -> int:
        return self.hidden_out if part == "h" else self.hidden_size

    def layer_input_size(self, layer: int) -> int:
        return self.input_size if layer == 0 else self.output_features

    def directions(self) -> tuple[str, ...]:
        return ("fwd", "bwd") if self.bidirectional else ("fwd",)

    def title(self) -> str:
        """Short human name, e.g. 'LSTM 2×16 bidirectional'."""
        kind = {"rnn": f"RNN ({self.nonlinearity})", "lstm": "LSTM", "gru": "GRU"}[self.cell]
        text = f"{kind} {self.num_layers}×{self.hidden_size}"
        if self.proj_size:
            text += f" proj {self.proj_size}"
        if self.bidirectional:
            text += " bidirectional"
        return text

    def with_(self, **changes) -> NetworkSpec:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["notes"] = list(self.notes)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> NetworkSpec:
        data = dict(data)
        head = data.pop("head", None)
        embedding = data.pop("embedding", None)
        data["notes"] = tuple(data.get("notes", ()))
        return cls(head=HeadSpec(**head) if head else None,
                   embedding=EmbeddingSpec(**embedding) if embedding else None, **data)


def _positive_int(name: str, value: object, fix: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise RnnvizError(f"{name} must be a whole number ≥ 1, got {value!r}; {fix}")


def validate(spec: NetworkSpec) -> None:
    """Raise RnnvizError naming the first impossible setting and how to fix it."""
    if spec.cell not in CELLS:
        raise RnnvizError(f"unknown cell {spec.cell!r}; choose one of {', '.join(CELLS)}")
    _positive_int("input_size", spec.input_size, "it is the number of features per step")
    _positive_int("hidden_size", spec.hidden_size, "it is the number of units per layer")
    _positive_int("num_layers", spec.num_layers, "use 1 for a single layer")
    for name, value, most in (("input_size", spec.input_size, MAX_SIZE),
                              ("hidden_size", spec.hidden_size, MAX_SIZE),
                              ("num_layers", spec.num_layers, MAX_LAYERS)):
        if value > most:
            raise RnnvizError(f"{name} {value:,} is more than rnnviz steps ({most:,}); give a "
                              f"smaller one")
    if spec.nonlinearity not in NONLINEARITIES:
        raise RnnvizError(
            f"unknown nonlinearity {spec.nonlinearity!r}; choose 'tanh' or 'relu'"
        )
    if spec.cell != "rnn" and spec.nonlinearity != "tanh":
        raise RnnvizError(
            f"nonlinearity={spec.nonlinearity!r} applies to the Elman RNN only; "
            f"{spec.cell.upper()} gates are fixed (use --cell rnn for a relu RNN)"
        )
    if not isinstance(spec.proj_size, int) or spec.proj_size < 0:
        raise RnnvizError(f"proj_size must be ≥ 0, got {spec.proj_size!r}")
    if spec.proj_size and spec.cell != "lstm":
        raise RnnvizError("proj_size applies to LSTM only; set it to 0 or use --cell lstm")
    if spec.proj_size >= spec.hidden_size:
        raise RnnvizError(
            f"proj_size ({spec.proj_size}) must be smaller than hidden_size "
            f"({spec.hidden_size}), as in torch.nn.LSTM"
        )
    if not 0.0 <= float(spec.dropout) < 1.0:
        raise RnnvizError(f"dropout must be in [0, 1), got {spec.dropout!r}")
    if spec.embedding is not None:
        _positive_int("the embedding's number of rows", spec.embedding.num_embeddings,
                      "it is the vocabulary's size")
    if spec.head is not None:
        _positive_int("output size of the head", spec.head.output_size, "or use no head")
        if spec.head.output_size > MAX_SIZE:
            raise RnnvizError(f"the head's {spec.head.output_size:,} outputs are more than "
                              f"rnnviz steps ({MAX_SIZE:,}); give fewer")
        if spec.head.activation not in HEAD_ACTIVATIONS:
            raise RnnvizError(
                f"unknown head activation {spec.head.activation!r}; "
                f"choose one of {', '.join(HEAD_ACTIVATIONS)}"
            )
