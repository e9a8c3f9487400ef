"""The window's configuration: the same fields, by the same names, as the CLI's flags.

Keeping the names of `rnnviz trace`'s argparse namespace lets the window and the CLI
build networks and inputs with one function (cli_options.build_setup), and lets
`rnnviz --model M.pt --input X.csv` open the window on exactly what `trace` would compute.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace

from rnnviz.core.sequences import SINE_FREQUENCY

# A fixed alphabet for typed text, so typing a new letter extends the sequence instead of
# changing the input size (and so the network) under the user's hands.
DEFAULT_VOCAB = " abcdefghijklmnopqrstuvwxyz.,!?'"

NETWORK_FIELDS = ("model", "layer_prefix", "head_prefix", "cell", "input_size", "hidden_size",
                  "num_layers", "nonlinearity", "bias", "bidirectional", "proj_size", "dropout",
                  "head", "output_size", "seed", "dtype", "topology", "feed", "decode_steps",
                  "decoder_cell", "decoder_hidden_size", "decoder_layers", "context",
                  "context_map", "target_vocab", "target_vocab_file", "start_token",
                  "decoder_relu", "no_embedding")
INPUT_FIELDS = ("input", "batch_first", "preset", "length", "amplitude", "frequency", "text",
                "vocab", "batch", "tokens", "vocab_file", "tokenize", "unk", "classes", "lengths")


@dataclass(frozen=True)
class Config:
    # network (a model file, or a new one from the seed)
    model: str | None = None  # path of a .pt/.pth/.safetensors state_dict
    layer_prefix: str | None = None  # which recurrent layer when the file holds several
    head_prefix: str | None = None  # which Linear is the head when several could be
    cell: str = "lstm"
    input_size: int | None = None  # None: from the input
    hidden_size: int = 8
    num_layers: int = 1
    nonlinearity: str | None = None  # None: tanh (assumed, and said, for a loaded RNN)
    bias: bool = True
    bidirectional: bool = False
    proj_size: int = 0
    dropout: float = 0.0
    head: str | None = None  # None: new model none / file's head found; "none", "linear", ...
    output_size: int | None = None
    seed: int = 0
    dtype: str = "float32"
    # sequence shape (core/topology.py): the network above is the encoder of a seq2seq
    topology: str | None = None  # None: n2n, or a trained checkpoint's own
    feed: str = "every"  # one2n: the input at the "first" step only, or at "every" step
    decode_steps: int | None = None  # one2n outputs / seq2seq symbols (None: input length)
    decoder_cell: str | None = None
    decoder_hidden_size: int | None = None
    decoder_layers: int = 1
    context: str = "init"  # seq2seq: the context as the decoder's h0, or an input each step
    context_map: bool = False
    target_vocab: str | None = None
    # a seq2seq decoder with its own nn.Embedding (the PyTorch translation tutorial's)
    target_vocab_file: str | None = None  # its words in id order
    start_token: str | None = None  # the symbol fed first: an id or a name (None: SOS or 0)
    decoder_relu: bool | None = None  # it reads relu(embedding(previous)) (None: not, said)
    no_embedding: bool = False  # a model file's Embedding ignored: numbers per step
    # input (a file, or a preset)
    input: str | None = None
    batch_first: bool = False
    preset: str = "sine"
    length: int = 60
    amplitude: float = 1.0
    frequency: float = SINE_FREQUENCY  # the CLI's --frequency default too
    text: str | None = None
    vocab: str | None = None
    batch: int = 1
    # tokens through a model's own Embedding (core/tokens.py)
    tokens: str | None = None  # "12,7,99"
    vocab_file: str | None = None  # one token per line, a JSON list or token → id
    tokenize: str | None = None  # "chars" | "words"; None: words if tokens are words
    unk: str | None = None  # the token unknown words become (refused when None)
    classes: str | None = None  # the head's output names: "a,b,c" or a file
    lengths: str | None = None  # each sequence's own length in a padded batch: "7,3,5"
    # initial state and device
    init: str = "zeros"  # "zeros" | "random" | "given"
    init_seed: int = 0
    init_values: str | None = None  # "given": JSON {"h0": rows, "c0": rows}, one per layer·dir
    device: str = "auto"
    # gradients (the Gradients panel)
    gradients: str | None = None  # objective: h_T, unit:J, y:K or loss; None: off
    compare: str | None = None  # other cells to overlay, e.g. "rnn,gru" (same size and seed)
    # what the panels call the model and the input file instead of their file names (a
    # network trained in the window lives in files the user never named); None: the name
    model_title: str | None = None
    input_title: str | None = None
    # what if: edits recomputed from where they apply, one per line ("clamp f=1@10:",
    # "edit-x 5=0.7", "set weight_hh_l0[3,5]=0"; "#" first: switched off). core/interventions.py
    edits: str | None = None

    def with_(self, **changes) -> Config:
        return replace(self, **changes)

    def network_key(self) -> tuple:
        return tuple(getattr(self, name) for name in NETWORK_FIELDS)

    def input_key(self) -> tuple:
        return tuple(getattr(self, name) for name in INPUT_FIELDS)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Config:
        """A saved configuration; unknown or mistyped entries fall back to defaults."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            return cls()
        return cls.from_mapping(data if isinstance(data, dict) else {})

    @classmethod
    def from_mapping(cls, data) -> Config:
        known = {f.name: f for f in fields(cls)}
        values = {}
        for name, value in data.items():
            if name in known and (value is None or isinstance(value, (int, float, str, bool))):
                values[name] = value
        return cls(**values)

    @classmethod
    def from_args(cls, args) -> Config:
        """From the CLI namespace (`rnnviz --model ... --input ...`)."""
        values = {f.name: getattr(args, f.name) for f in fields(cls) if hasattr(args, f.name)}
        values["preset"] = values.get("preset") or "sine"
        if any(getattr(args, flag, None) for flag in ("edit_x", "clamp", "set_weight")):
            from rnnviz.core.interventions import edit_lines

            values["edits"] = edit_lines(getattr(args, "edit_x", None),
                                         getattr(args, "clamp", None),
                                         getattr(args, "set_weight", None))
        return cls.from_mapping(values)


def drop_stale_titles(changes: dict) -> dict:
    """A change of the model or input file that brings no title of its own drops the old
    title: it named the file before (a network trained in the window)."""
    changes = dict(changes)
    for field, title in (("model", "model_title"), ("input", "input_title")):
        if field in changes and title not in changes:
            changes[title] = None
    return changes


def demo_config() -> Config:
    """What `rnnviz` opens with: a small LSTM on a sine, ready to step."""
    return Config(cell="lstm", hidden_size=8, preset="sine", length=60)
