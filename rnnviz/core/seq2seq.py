"""Encoder–decoder (seq2seq): the N→M shape behind translation, as the seed articles draw it.

The encoder (any cell, size, layers, bidirectional) reads the input; its top layer's
final hidden state (both directions joined) is the context vector c, optionally through
a Linear map. The decoder (any cell, unidirectional) gets c either as its initial state
h0 (every layer; an LSTM's c0 stays zero) or as an extra input at every step, next to the
one-hot of the previous output symbol (START = "^" at the first step). At inference it
feeds back its own argmax (greedy); in training the true previous symbol (teacher forcing).

A decoder with its own nn.Embedding (the PyTorch translation tutorial's DecoderRNN) reads
the previous symbol as that table's row instead of a one-hot, optionally through a ReLU
(the tutorial's forward applies F.relu), and starts from a symbol of its vocabulary (the
tutorial's SOS_token = 0); its words are names, not characters.

The stepping trace is two ordinary Traces: the encoder's on x, and the decoder's on the
inputs it was actually fed, so every view and equation works on either half unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from rnnviz.core.errors import RnnvizError
from rnnviz.core.network import _SEEDED_INIT, Network, make_rnn_module
from rnnviz.core.spec import HeadSpec, NetworkSpec
from rnnviz.core.states import InitialState
from rnnviz.core.threads import threads_for, torch_threads
from rnnviz.core.topology import CONTEXT_MODES
from rnnviz.core.trace import Trace, compute_trace

START = "^"  # the decoder's first input symbol


@dataclass(frozen=True)
class Seq2SeqSpec:
    encoder: NetworkSpec  # no head
    decoder: NetworkSpec  # unidirectional; head = Linear(H_dec → |target_vocab|) + softmax
    target_vocab: str | tuple[str, ...]  # the symbols the decoder writes (names, for words)
    context: str = "init"
    context_map: bool = False  # Linear(encoder features → decoder hidden size) on c
    start: int | None = None  # an embedding decoder's start symbol (one-hot: always START)
    relu_input: bool = False  # an embedding decoder's input is relu(embedding(previous))

    def __post_init__(self) -> None:
        if self.context not in CONTEXT_MODES:
            raise RnnvizError(f"unknown context mode {self.context!r}; use init (h0) or input")
        if self.decoder.bidirectional or self.decoder.proj_size:
            raise RnnvizError("the decoder must be unidirectional and without proj_size: it "
                              "writes one symbol after another")
        if self.embedded:
            self._check_embedded()
            return
        if self.relu_input or self.start is not None:
            raise RnnvizError("a start symbol and a ReLU on the input are for decoders that "
                              "read their previous symbol through an nn.Embedding")
        if not self.target_vocab or START in self.target_vocab:
            raise RnnvizError(f"the target vocabulary must be non-empty symbols other than "
                              f"{START!r} (the start symbol)")
        size = self.context_size
        if self.context == "init" and size != self.decoder.hidden_size:
            raise RnnvizError(f"the context has {size} features but the decoder's h0 needs "
                              f"{self.decoder.hidden_size}; add a Linear map on c "
                              f"(--context-map) or make the sizes equal")
        want = len(self.target_vocab) + 1 + (size if self.context == "input" else 0)
        if self.decoder.input_size != want:
            raise RnnvizError(f"the decoder reads {self.decoder.input_size} features per step "
                              f"but needs {want}: the one-hot of {len(self.target_vocab)} "
                              f"symbols + start" + (f" + the {size}-feature context"
                                                    if self.context == "input" else ""))
        head = self.decoder.head
        if head is None or head.output_size != len(self.target_vocab):
            raise RnnvizError(f"the decoder needs an output head of {len(self.target_vocab)} "
                              f"symbols")

    def _check_embedded(self) -> None:
        table, symbols = self.decoder.embedding, len(self.target_vocab)
        if self.context != "init":
            raise RnnvizError("a decoder that reads its previous symbol through an "
                              "nn.Embedding takes the context as its h0 here (as the PyTorch "
                              "translation tutorial's); one that also reads the context at "
                              "every step is not simulated yet")
        if self.context_size != self.decoder.hidden_size:
            raise RnnvizError(f"the context has {self.context_size} features but the decoder's "
                              f"h0 needs {self.decoder.hidden_size}")
        head = self.decoder.head
        if head is None or head.output_size != table.num_embeddings:
            raise RnnvizError(f"the decoder's embedding '{table.name}' has "
                              f"{table.num_embeddings} rows but its output head writes "
                              f"{head.output_size if head else 0} symbols; they must agree")
        if symbols != table.num_embeddings:
            raise RnnvizError(f"the target vocabulary has {symbols} names but the decoder "
                              f"writes {table.num_embeddings} symbols")
        if not isinstance(self.start, int) or not 0 <= self.start < symbols:
            raise RnnvizError(f"the start symbol must be an id 0..{symbols - 1} of the "
                              f"decoder's vocabulary, got {self.start!r}")

    @property
    def embedded(self) -> bool:
        """The decoder reads its previous symbol through its own nn.Embedding."""
        return self.decoder.embedding is not None

    @property
    def start_id(self) -> int:
        """The id fed at the first decoder step: START's one-hot index, or the start symbol."""
        return self.start if self.embedded else len(self.target_vocab)

    def symbol_names(self) -> list[str]:
        """The name of each id fed or written (a one-hot decoder's last one is START)."""
        return list(self.target_vocab) + ([] if self.embedded else [START])

    def join(self, ids) -> str:
        """Symbols as text: characters run together; words (an embedding decoder's, or
        names longer than one character) spaced."""
        names = self.symbol_names()
        words = [names[int(i)] for i in ids]
        spaced = self.embedded or any(len(w) > 1 for w in names)
        return (" " if spaced else "").join(words)

    @property
    def context_size(self) -> int:
        return self.decoder.hidden_size if self.context_map else self.encoder.output_features

    def title(self) -> str:
        where = "h0" if self.context == "init" else "an input at every step"
        return f"{self.encoder.title()} → {self.decoder.title()} (context as {where})"

    def to_dict(self) -> dict:
        out = {"encoder": self.encoder.to_dict(), "decoder": self.decoder.to_dict(),
               "target_vocab": self.target_vocab if isinstance(self.target_vocab, str)
               else list(self.target_vocab), "context": self.context,
               "context_map": self.context_map}
        if self.embedded:
            out.update(start=self.start, relu_input=self.relu_input)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> Seq2SeqSpec:
        vocab = data["target_vocab"]
        return cls(NetworkSpec.from_dict(data["encoder"]), NetworkSpec.from_dict(data["decoder"]),
                   vocab if isinstance(vocab, str) else tuple(str(v) for v in vocab),
                   data.get("context", "init"), bool(data.get("context_map", False)),
                   data.get("start"), bool(data.get("relu_input", False)))


def make_seq2seq_spec(encoder: NetworkSpec, target_vocab: str, *, cell: str | None = None,
                      hidden_size: int | None = None, num_layers: int = 1,
                      context: str = "init", context_map: bool = False) -> Seq2SeqSpec:
    """A decoder to go with `encoder` (same cell unless given). Its size, unless given,
    is what the context brings: the encoder's output features (both directions joined),
    so c can be its h0 without a map."""
    hidden = hidden_size or (encoder.output_features if not context_map
                             else encoder.hidden_size)
    context_size = hidden if context_map else encoder.output_features
    extra = context_size if context == "input" else 0
    decoder = NetworkSpec(cell=cell or encoder.cell, input_size=len(target_vocab) + 1 + extra,
                          hidden_size=hidden, num_layers=num_layers,
                          nonlinearity=encoder.nonlinearity if (cell or encoder.cell) == "rnn"
                          else "tanh",
                          head=HeadSpec(len(target_vocab), "softmax"))
    return Seq2SeqSpec(encoder.with_(head=None), decoder, target_vocab, context, context_map)


class Seq2Seq:
    """Weights of an encoder–decoder: two Networks and the optional context map."""

    def __init__(self, spec: Seq2SeqSpec, encoder: Network, decoder: Network,
                 context_params: dict[str, torch.Tensor] | None = None):
        if spec.context_map and not context_params:
            raise RnnvizError("the context map's weights are missing (context.weight)")
        if context_params:
            w = context_params["weight"]
            if tuple(w.shape) != (spec.context_size, spec.encoder.output_features):
                raise RnnvizError(f"context.weight has shape {tuple(w.shape)}, expected "
                                  f"{(spec.context_size, spec.encoder.output_features)}")
        self.spec, self.encoder, self.decoder = spec, encoder, decoder
        self.context_params = context_params or {}

    @classmethod
    def random(cls, spec: Seq2SeqSpec, seed: int = 0, dtype=torch.float32) -> Seq2Seq:
        module = Seq2SeqModule(spec, dtype=dtype, seed=seed)
        return module.to_seq2seq()

    @property
    def dtype(self) -> torch.dtype:
        return self.encoder.dtype

    def to(self, dtype: torch.dtype) -> Seq2Seq:
        return Seq2Seq(self.spec, self.encoder.to(dtype), self.decoder.to(dtype),
                       {k: v.to(dtype) for k, v in self.context_params.items()} or None)

    def state_dict(self) -> dict[str, torch.Tensor]:
        """Keys of Seq2SeqModule: encoder.*, decoder.*, linear.*, context.*"""
        out = {f"encoder.{k}": v for k, v in self.encoder.rnn_state_dict().items()}
        out.update({f"decoder.{k}": v for k, v in self.decoder.rnn_state_dict().items()})
        out.update({k.replace("head.", "linear.", 1): v for k, v in self.decoder.params.items()
                    if k.startswith("head.")})
        out.update({f"context.{k}": v for k, v in self.context_params.items()})
        if self.spec.embedded:  # the decoder's own table (the encoder's is applied before)
            out["embedding.weight"] = self.decoder.params["embedding.weight"]
        return out

    def parameter_table(self) -> list[tuple[str, tuple[int, ...]]]:
        """Every parameter under its torch.nn name (Seq2SeqModule's), with its shape."""
        return [(k, tuple(v.shape)) for k, v in self.state_dict().items()]

    def map_context(self, final: torch.Tensor) -> torch.Tensor:
        if not self.context_params:
            return final
        w, b = self.context_params["weight"], self.context_params.get("bias")
        return final @ w.to(final).T + (0 if b is None else b.to(final))


class Seq2SeqModule(nn.Module):
    """The same model as plain torch.nn layers, for training (teacher forcing)."""

    def __init__(self, spec: Seq2SeqSpec, dtype=torch.float32, seed: int | None = None):
        super().__init__()
        # as Network.random: one seeded draw at a time, and the global generator restored
        with _SEEDED_INIT, torch.random.fork_rng(devices=[]):
            if seed is not None:
                torch.manual_seed(seed)
            self.encoder = make_rnn_module(spec.encoder, dtype=dtype)
            self.decoder = make_rnn_module(spec.decoder, dtype=dtype)
            self.linear = nn.Linear(spec.decoder.hidden_size, len(spec.target_vocab),
                                    bias=spec.decoder.head.bias, dtype=dtype)
            self.context = (nn.Linear(spec.encoder.output_features, spec.context_size,
                                      dtype=dtype) if spec.context_map else None)
            table = spec.decoder.embedding
            self.embedding = None if table is None else nn.Embedding(
                table.num_embeddings, spec.decoder.input_size, dtype=dtype)
        self.spec = spec

    def to_seq2seq(self) -> Seq2Seq:
        state = {k: v.detach().cpu().clone() for k, v in self.state_dict().items()}
        return seq2seq_from_state_dict(self.spec, state)

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """(N, B, I) -> the context (B, C): the top layer's final h, directions joined."""
        _, hidden = self.encoder(x)
        h_n = hidden[0] if self.spec.encoder.cell == "lstm" else hidden
        final = torch.cat(list(h_n[-self.spec.encoder.num_directions:]), dim=-1)
        return final if self.context is None else self.context(final)

    def decoder_start(self, context: torch.Tensor):
        spec = self.spec.decoder
        batch = context.shape[0]
        if self.spec.context == "init":
            h0 = context[None].expand(spec.num_layers, batch, spec.hidden_size).contiguous()
        else:
            h0 = context.new_zeros(spec.num_layers, batch, spec.hidden_size)
        return (h0, torch.zeros_like(h0)) if spec.cell == "lstm" else h0

    def decoder_input(self, previous: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        """(M, B) previous symbol ids (START = |vocab|) -> (M, B, I_dec)."""
        if self.embedding is not None:  # its own table's rows (the tutorial: through a ReLU)
            rows = self.embedding(previous)
            return nn.functional.relu(rows) if self.spec.relu_input else rows
        onehot = nn.functional.one_hot(previous, len(self.spec.target_vocab) + 1).to(context)
        if self.spec.context == "input":
            onehot = torch.cat([onehot, context[None].expand(len(previous), -1, -1)], -1)
        return onehot

    def greedy(self, x: torch.Tensor, steps: int) -> torch.Tensor:
        """(steps, B) symbols written, each fed back as the next input (inference)."""
        context = self.encode(x)
        hidden = self.decoder_start(context)
        previous = torch.full((x.shape[1],), self.spec.start_id, device=x.device)
        written = []
        for _ in range(steps):
            out, hidden = self.decoder(self.decoder_input(previous[None], context), hidden)
            previous = self.linear(out[0]).argmax(-1)
            written.append(previous)
        return torch.stack(written)

    def forward(self, x: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """Teacher forcing: logits (M, B, V) with the true previous symbols fed."""
        context = self.encode(x)
        start = torch.full_like(target[:1], self.spec.start_id)
        previous = torch.cat([start, target[:-1]], dim=0)
        out, _ = self.decoder(self.decoder_input(previous, context), self.decoder_start(context))
        return self.linear(out)


def seq2seq_from_state_dict(spec: Seq2SeqSpec, state: dict) -> Seq2Seq:
    def under(prefix):
        return {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}

    encoder = Network(spec.encoder, under("encoder."))
    dec = under("decoder.")
    dec.update({f"head.{k}": v for k, v in under("linear.").items()})
    dec.update({f"embedding.{k}": v for k, v in under("embedding.").items()})
    decoder = Network(spec.decoder, dec)
    return Seq2Seq(spec, encoder, decoder, under("context.") or None)


@dataclass
class Seq2SeqTrace:
    """Both halves of one run: the encoder's trace, then the decoder's, and what joined them."""

    spec: Seq2SeqSpec
    enc: Trace
    dec: Trace
    context: np.ndarray  # (B, E) the encoder's final top-layer state
    context_mapped: np.ndarray  # (B, C) what the decoder received (= context without a map)
    tokens: np.ndarray  # (M, B) the symbol written at each decoder step (argmax)
    fed: np.ndarray  # (M, B) the symbol fed at each step (START, then greedy or teacher)
    teacher: bool = False

    @property
    def length(self) -> int:
        return self.enc.length + self.dec.length

    @property
    def batch(self) -> int:
        return self.enc.batch

    @property
    def device(self):
        return self.enc.device

    def decoded(self, b: int = 0) -> str:
        return self.spec.join(self.tokens[:, b])

    def arrays(self) -> dict[str, np.ndarray]:
        """Trace-file arrays: `enc_…` and `dec_…` (each half's own keys), and the joints."""
        out = {f"enc_{k}": v for k, v in self.enc.arrays().items()}
        out.update({f"dec_{k}": v for k, v in self.dec.arrays().items()})
        out.update(context=self.context, context_mapped=self.context_mapped,
                   dec_tokens=self.tokens, dec_fed=self.fed)
        return out


def run_seq2seq(model: Seq2Seq, x, steps: int, *, teacher=None, device: str = "cpu",
                method: str = "fast") -> Seq2SeqTrace:
    """Encode x (N, B, I), then decode `steps` symbols greedily (or with `teacher` (M, B) ids
    fed as the previous symbols), and trace both halves."""
    spec = model.spec
    if not isinstance(steps, int) or steps < 1:
        raise RnnvizError(f"decoder steps must be a whole number ≥ 1, got {steps!r}")
    enc = compute_trace(model.encoder, x, device=device, method=method)
    module = Seq2SeqModule(spec, dtype=model.dtype)
    module.load_state_dict(model.state_dict())
    batch = enc.batch
    vocab = len(spec.target_vocab)
    if teacher is not None:
        teacher = torch.as_tensor(np.asarray(teacher), dtype=torch.long)
        if tuple(teacher.shape) != (steps, batch) or teacher.min() < 0 or teacher.max() >= vocab:
            raise RnnvizError(f"teacher symbols must be (steps, batch) = {(steps, batch)} ids "
                              f"below {vocab}")
    threads = threads_for(steps, batch, spec.decoder.hidden_size, device)
    with torch.no_grad(), torch_threads(threads):
        final = _final_state(enc)
        context = model.map_context(final.to(model.dtype))
        hidden = module.decoder_start(context)
        previous = torch.full((batch,), spec.start_id, dtype=torch.long)
        fed, inputs = [], []
        for t in range(steps):
            inp = module.decoder_input(previous[None], context)  # (1, B, I_dec)
            out, hidden = module.decoder(inp, hidden)
            fed.append(previous)
            inputs.append(inp[0])
            chosen = module.linear(out[0]).argmax(-1)
            previous = teacher[t] if teacher is not None else chosen
        start = module.decoder_start(context)
    h0 = start[0] if spec.decoder.cell == "lstm" else start
    initial = InitialState(h0.double().numpy(), start[1].double().numpy()
                           if spec.decoder.cell == "lstm" else None)
    dec = compute_trace(model.decoder, torch.stack(inputs), initial=initial, device=device,
                        method=method)
    tokens = dec.y.argmax(-1)
    return Seq2SeqTrace(spec, enc, dec, final.double().numpy(), context.double().numpy(),
                        tokens, torch.stack(fed).numpy(), teacher is not None)


def _final_state(enc: Trace) -> torch.Tensor:
    """The encoder's top layer's final hidden state, directions joined: (B, D*H_out)."""
    spec = enc.spec
    rows = enc.h_n[-spec.num_directions:]
    return torch.from_numpy(np.concatenate(list(rows), axis=-1))
