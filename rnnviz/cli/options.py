"""Flags shared by the GUI and `rnnviz trace`: which network, which input, which device.

Flag names are torch.nn's own (`--hidden-size`, `--num-layers`, `--nonlinearity relu`,
`--proj-size`, `--bidirectional`), so a model's constructor call reads like the command.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from rnnviz.cli.inputs import class_names, token_input
from rnnviz.core.errors import RnnvizError
from rnnviz.core.sequences import (
    PRESETS,
    SINE_FREQUENCY,
    Sequence,
    check_text_symbols,
    fit_features,
    load_sequence,
    make_preset,
    vocabulary,
)
from rnnviz.core.spec import CELLS, NONLINEARITIES, HeadSpec, NetworkSpec
from rnnviz.core.states import INIT_KINDS
from rnnviz.core.tokens import TOKENIZERS
from rnnviz.core.topology import CONTEXT_MODES, FEEDS, TOPOLOGIES

HEAD_CHOICES = ("none", "linear", "softmax", "log_softmax")
DTYPES = ("float32", "float64")


def add_network_args(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("network (a model file, or a new one from --seed)")
    g.add_argument("--model", metavar="FILE", help=".pt/.pth/.safetensors state_dict of an "
                   "nn.RNN/LSTM/GRU or of a model containing one")
    g.add_argument("--layer-prefix", metavar="NAME",
                   help="which recurrent layer, when the file holds several (e.g. encoder.rnn)")
    g.add_argument("--head-prefix", metavar="NAME",
                   help="which Linear is the output head, when several could be (e.g. fc)")
    g.add_argument("--cell", choices=CELLS, default="lstm", help="cell kind (default lstm)")
    g.add_argument("--input-size", type=int, help="features per step (default: from the input)")
    g.add_argument("--hidden-size", "--hidden", type=int, default=8, help="units (default 8)")
    g.add_argument("--num-layers", "--layers", type=int, default=1, help="stacked layers")
    g.add_argument("--nonlinearity", choices=NONLINEARITIES,
                   help="Elman RNN activation (default tanh; not stored in a state_dict)")
    g.add_argument("--bias", action=argparse.BooleanOptionalAction, default=True,
                   help="b_ih and b_hh (default on)")
    g.add_argument("--bidirectional", action="store_true", help="a reverse direction too")
    g.add_argument("--proj-size", type=int, default=0, help="LSTM projection size (0 = none)")
    g.add_argument("--dropout", type=float, default=0.0,
                   help="between layers in training; recorded, off while stepping (eval)")
    g.add_argument("--head", choices=HEAD_CHOICES,
                   help="output layer y = W_ho h + b_ho and its activation; for --model, "
                   "the activation the model applied (not stored in a state_dict)")
    g.add_argument("--output-size", type=int, help="head outputs for a new model "
                   "(default: the input size)")
    g.add_argument("--seed", type=int, default=0, help="seed of a new model's weights")
    g.add_argument("--dtype", choices=DTYPES, default="float32", help="compute precision")
    add_topology_args(parser)


def add_topology_args(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("sequence shape (the encoder is the network above)")
    g.add_argument("--topology", choices=TOPOLOGIES,
                   help="n2n (default; a trained checkpoint's own), n2one, one2n or seq2seq")
    g.add_argument("--feed", choices=FEEDS, default="every",
                   help="one2n: the one input at the first step only, or at every step")
    g.add_argument("--decode-steps", type=int, metavar="N",
                   help="outputs of one2n / symbols a seq2seq decoder writes (default: the "
                   "input's length)")
    g.add_argument("--decoder-cell", choices=CELLS, help="seq2seq: decoder cell (default: --cell)")
    g.add_argument("--decoder-hidden-size", type=int,
                   help="seq2seq: decoder units (default: --hidden-size)")
    g.add_argument("--decoder-layers", type=int, default=1, help="seq2seq: decoder layers")
    g.add_argument("--context", choices=CONTEXT_MODES, default="init",
                   help="seq2seq: the context as the decoder's h0 (init) or as an input at "
                   "every step")
    g.add_argument("--context-map", action="store_true",
                   help="seq2seq: a Linear from the encoder's final state to the context")
    g.add_argument("--target-vocab", metavar="SYMBOLS",
                   help="seq2seq: the decoder's symbols, in order (default: the input's vocab)")
    g.add_argument("--target-vocab-file", metavar="FILE",
                   help="seq2seq, a decoder with an nn.Embedding: its words in id order (one "
                   "per line, or a JSON list or word→id mapping)")
    g.add_argument("--start-token", metavar="ID|NAME",
                   help="seq2seq, a decoder with an nn.Embedding: the symbol fed first "
                   "(default: SOS, <s> or <bos> when the vocabulary has one, else id 0)")
    g.add_argument("--decoder-relu", action="store_true", default=None,
                   help="seq2seq, a decoder with an nn.Embedding: it reads "
                   "relu(embedding(previous)), as the PyTorch translation tutorial's DecoderRNN")


def add_input_args(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("input (a file, or a preset)")
    g.add_argument("--input", metavar="FILE", help="CSV (rows = time steps) or .npy "
                   "of shape (T, I) or (T, B, I)")
    g.add_argument("--batch-first", action="store_true", help=".npy input is (B, T, I)")
    g.add_argument("--preset", choices=PRESETS,
                   help="input when no --input (default sine; a trained checkpoint's own input)")
    g.add_argument("--length", type=int, default=50, help="preset length T (default 50)")
    g.add_argument("--amplitude", type=float, default=1.0, help="preset amplitude")
    g.add_argument("--frequency", type=float, default=SINE_FREQUENCY,
                   help="cycles per step (sine, square)")
    g.add_argument("--text", help="text for --preset text (one-hot per character)")
    g.add_argument("--vocab", help="characters of the one-hot, in order (default: the text's)")
    g.add_argument("--batch", type=int, default=1, help="sequences in the batch (presets)")
    g.add_argument("--lengths", metavar="L1,L2,…", help="each sequence's own length in a "
                   "padded batch, as pack_padded_sequence takes them (or an .npy of them): "
                   "h_n is each one's last real step, the steps after it are absent")
    t = parser.add_argument_group("tokens (a model whose file holds an nn.Embedding)")
    t.add_argument("--tokens", metavar="IDS", help="token ids fed through the Embedding, "
                   "e.g. 12,7,99 (or --input ids.npy of whole numbers, (T,) or (T, B))")
    t.add_argument("--vocab-file", metavar="FILE", help="the Embedding's vocabulary: one "
                   "token per line, a JSON list, or a JSON object token → id; then --text "
                   "is split into its tokens")
    t.add_argument("--tokenize", choices=TOKENIZERS, help="split --text into characters or "
                   "words (default: words when the vocabulary has multi-character tokens)")
    t.add_argument("--unk", metavar="TOKEN", help="the token that unknown words become "
                   "(default: unknown words are refused, named)")
    t.add_argument("--no-embedding", action="store_true", help="ignore an Embedding found "
                   "in the file: the recurrent layer reads numbers per step")
    t.add_argument("--classes", metavar="NAMES", help="names of the head's outputs: a,b,c "
                   "or a file with one per line (a language model's are its vocabulary)")
    g.add_argument("--init", choices=INIT_KINDS, default="zeros", help="initial h0/c0")
    g.add_argument("--init-seed", type=int, default=0, help="seed of a random initial state")
    g.add_argument("--init-values", type=init_values_text, metavar="JSON",
                   help='with --init given: {"h0": [[...] per layer·direction], "c0": [...]}, '
                   "as text or a .json file")
    g.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps")


def init_values_text(arg: str) -> str:
    """The JSON text of --init-values (read from a file when `arg` names one)."""
    path = Path(arg)
    text = path.read_text(encoding="utf-8") if path.suffix == ".json" and path.is_file() else arg
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not JSON ({exc}); give "
                                         '{"h0": [[0.1, ...], ...]} or a .json file') from None
    if not isinstance(data, dict) or "h0" not in data:
        raise argparse.ArgumentTypeError('needs an object with "h0" (and "c0" for LSTM)')
    return text


def add_view_args(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("gradients (the Gradients panel)")
    g.add_argument("--gradients", metavar="OBJECTIVE",
                   help="show the gradient of h_T, unit:J, y:K or loss through time")
    g.add_argument("--compare", metavar="CELLS",
                   help="overlay other cells of the same size and seed (e.g. rnn,gru), or "
                        "'untrained': a trained checkpoint before training")


@dataclass
class Setup:
    """What the flags asked for, built and checked."""

    network: object  # rnnviz.core.network.Network, or a seq2seq.Seq2Seq
    sequence: Sequence
    notes: tuple[str, ...] = ()
    classes: tuple[str, ...] | None = None  # names of the head's outputs


def _given_input_size(args) -> int | None:
    """--input-size as given (None: from the input); 0 or less is refused, not 'auto'."""
    size = getattr(args, "input_size", None)
    if size is not None and (not isinstance(size, int) or size < 1):
        raise RnnvizError(f"input_size must be a whole number ≥ 1, got {size!r}; it is the "
                          f"number of features per step (leave it out to take the input's)")
    return size


def _head_spec(args, input_size: int) -> HeadSpec | None:
    if args.head in (None, "none"):
        return None
    activation = "none" if args.head == "linear" else args.head
    size = input_size if args.output_size is None else args.output_size  # 0 is refused
    return HeadSpec(size, activation)


def build_seq2seq(args, input_features: int | None, input_vocab: str | None):
    """(Seq2Seq, notes): loaded from --model, or new from --seed with a decoder as the
    flags say, writing --target-vocab (or the input text's own symbols)."""
    import torch

    from rnnviz.core.seq2seq import Seq2Seq, make_seq2seq_spec

    dtype = getattr(torch, args.dtype)
    if args.model:
        from rnnviz.core.files.checkpoint import read_sidecar
        from rnnviz.core.files.seq2seq_io import load_seq2seq

        model, notes = load_seq2seq(args.model, read_sidecar(args.model), _target_names(args),
                                    start=getattr(args, "start_token", None),
                                    relu=getattr(args, "decoder_relu", None))
        return model.to(dtype), notes
    for flag in ("target_vocab_file", "start_token", "decoder_relu"):
        if getattr(args, flag, None):
            raise RnnvizError(f"--{flag.replace('_', '-')} is for a checkpoint whose decoder "
                              f"reads its previous symbol through an nn.Embedding (--model); "
                              f"a new decoder reads one-hot symbols named by --target-vocab")
    vocab = args.target_vocab or input_vocab
    if not vocab:
        raise RnnvizError("a new seq2seq decoder needs symbols to write: give them (e.g. "
                          "abcdefgh) with --target-vocab or 'writes' in the Network panel, "
                          "or use text input, whose symbols it then writes")
    input_size = _given_input_size(args) or input_features or 1
    encoder = NetworkSpec(cell=args.cell, input_size=input_size, hidden_size=args.hidden_size,
                          num_layers=args.num_layers, nonlinearity=args.nonlinearity or "tanh",
                          bias=args.bias, bidirectional=args.bidirectional)
    spec = make_seq2seq_spec(encoder, vocab, cell=args.decoder_cell,
                             hidden_size=args.decoder_hidden_size,
                             num_layers=args.decoder_layers, context=args.context,
                             context_map=args.context_map)
    return Seq2Seq.random(spec, seed=args.seed, dtype=dtype), []


def _target_names(args):
    """The decoder's symbols: --target-vocab-file's words, --target-vocab's characters, or
    None (numbered)."""
    path = getattr(args, "target_vocab_file", None)
    if path and args.target_vocab:
        raise RnnvizError("give the decoder's symbols once: --target-vocab or "
                          "--target-vocab-file")
    if path:
        from rnnviz.core.tokens import read_vocabulary

        return read_vocabulary(path).tokens
    return args.target_vocab


def build_network(args, input_features: int | None):
    """The Network the flags describe: loaded from --model or new from --seed."""
    import torch

    from rnnviz.core.files.modelio import LoadOptions, load_network
    from rnnviz.core.network import Network

    dtype = getattr(torch, args.dtype)
    if args.model:
        activation = {"linear": "none", None: None}.get(args.head, args.head)
        options = LoadOptions(nonlinearity=args.nonlinearity, prefix=args.layer_prefix,
                              head_activation=activation, use_head=args.head != "none",
                              head_prefix=args.head_prefix,
                              use_embedding=not getattr(args, "no_embedding", False))
        network = load_network(args.model, options).to(dtype)
        from rnnviz.core.files.checkpoint import read_sidecar, sidecar_path

        info = read_sidecar(args.model)
        if info and info.get("task"):
            note = (f"trained by rnnviz on task '{info['task']}': head, nonlinearity and example "
                    f"input from {sidecar_path(args.model).name}")
            network.spec = network.spec.with_(notes=network.spec.notes + (note,))
        return network
    input_size = _given_input_size(args) or input_features or 1
    spec = NetworkSpec(
        cell=args.cell, input_size=input_size, hidden_size=args.hidden_size,
        num_layers=args.num_layers, nonlinearity=args.nonlinearity or "tanh", bias=args.bias,
        bidirectional=args.bidirectional, proj_size=args.proj_size, dropout=args.dropout,
        head=_head_spec(args, input_size),
    )
    return Network.random(spec, seed=args.seed, dtype=dtype)


def initial_values(args) -> dict | None:
    """The typed initial state of `--init given` (None for zeros / random)."""
    if args.init_values and args.init != "given":
        raise RnnvizError("--init-values is used with --init given; add --init given")
    return json.loads(args.init_values) if args.init_values else None


def fill_from_checkpoint(args) -> None:
    """A checkpoint trained by rnnviz supplies what the user did not say (see checkpoint.py)."""
    if not getattr(args, "model", None):
        return
    from rnnviz.core.files.checkpoint import sidecar_defaults

    given_input = args.input is not None or args.preset is not None
    for key, value in sidecar_defaults(args.model).items():
        if key in ("input", "preset", "text") and given_input:
            continue  # the user's input wins; the model's vocabulary still applies to text
        if getattr(args, key, None) is None:
            setattr(args, key, value)


PLACEHOLDER_TOKENS = 12  # the window opens an Embedding model on ids 0..11 until told


def build_setup(args, placeholder: bool = False) -> Setup:
    """Input first when it is a file (a new model takes its feature count from it); a
    model file first when it holds an Embedding (its input is tokens, not numbers).
    `placeholder` (the window): such a model opens on its first ids when no tokens are
    given, with a note saying so, instead of refusing."""
    if getattr(args, "model", None) and args.topology == "seq2seq":
        model, notes = build_seq2seq(args, None, None)
        if model.encoder.spec.embedding is not None:  # the source sentence as tokens
            sequence, _ = token_input(args, model.encoder)
            return Setup(model, sequence, tuple(notes))
        return _numbers_setup(args, None, (model, notes))
    if getattr(args, "model", None) and (args.topology or "n2n") != "seq2seq":
        _refuse_seq2seq_file(args.model)
        network = build_network(args, None)
        if network.spec.embedding is not None:
            notes = ()
            if placeholder and not (getattr(args, "tokens", None) or args.input or args.text):
                count = min(PLACEHOLDER_TOKENS, network.spec.embedding.num_embeddings)
                args = _with(args, tokens=",".join(str(i) for i in range(count)))
                notes = (f"no tokens given: showing ids 0–{count - 1}; type text (with the "
                         f"vocabulary file) or ids in the Input panel's tokens box",)
            sequence, vocab = token_input(args, network)
            return Setup(network, sequence, notes, classes=class_names(args, network, vocab))
        return _numbers_setup(args, network)
    return _numbers_setup(args, None)


def _with(args, **changes):
    """args (a Config or an argparse namespace) with some fields changed."""
    if hasattr(args, "with_"):
        return args.with_(**changes)
    copy = argparse.Namespace(**vars(args))
    for key, value in changes.items():
        setattr(copy, key, value)
    return copy


def _numbers_setup(args, network, seq2seq=None) -> Setup:
    """Numbers per step (a file or a preset), for a network built here or given (an
    encoder–decoder: `seq2seq` = (model, notes), loaded already)."""
    sequence = load_sequence(args.input, batch_first=args.batch_first) if args.input else None
    preset = args.preset or "sine"
    text_size = None
    if sequence is None and preset == "text":
        if not args.text:
            raise RnnvizError("--preset text needs --text 'some characters'")
        if args.vocab and getattr(args, "model", None):  # its input size fixes the symbols
            check_text_symbols(args.text, args.vocab, fixed=True)
        text_size = len(args.vocab) if args.vocab else len(set(args.text))
    features = sequence.features if sequence is not None else text_size
    if (args.topology or "n2n") == "seq2seq":
        vocab = args.vocab or (vocabulary(args.text) if args.text else None) \
            if sequence is None else sequence.vocab
        model, notes = seq2seq or build_seq2seq(args, features, vocab)
        if sequence is None:
            sequence = make_preset(preset, length=args.length,
                                   input_size=model.spec.encoder.input_size, batch=args.batch,
                                   amplitude=args.amplitude, frequency=args.frequency,
                                   seed=args.seed, text=args.text,
                                   vocab=args.vocab)
        return Setup(model, fit_features(sequence, model.spec.encoder.input_size), tuple(notes))
    if getattr(args, "tokens", None):
        raise RnnvizError("--tokens feeds a model's nn.Embedding, and this network has none; "
                          "give numbers per step (--input) or one-hot text (--preset text)")
    if network is None:
        network = build_network(args, features)
    spec = network.spec
    if sequence is None:
        sequence = make_preset(
            preset, length=args.length, input_size=spec.input_size, batch=args.batch,
            amplitude=args.amplitude, frequency=args.frequency, seed=args.seed,
            text=args.text, vocab=args.vocab,
        )
    return Setup(network, fit_features(sequence, spec.input_size, bool(args.model)),
                 classes=class_names(args, network, None))


def say_notes(*groups) -> None:
    """Every note on what was assumed or changed (`note: …` on stderr), one per line, the
    same for every command: the spec's, the setup's, the run's, the device's."""
    import sys

    for group in groups:
        for note in (group,) if isinstance(group, str) or group is None else group:
            if note:
                print(f"note: {note}", file=sys.stderr)


def _refuse_seq2seq_file(path: str) -> None:
    """An encoder–decoder checkpoint opened as one network: say which topology fits."""
    from rnnviz.core.files.checkpoint import read_sidecar

    info = read_sidecar(path) or {}
    if info.get("topology") == "seq2seq":
        raise RnnvizError(f"{Path(path).name} is an encoder–decoder (trained on "
                          f"'{info.get('task')}'); open it with --topology seq2seq")
