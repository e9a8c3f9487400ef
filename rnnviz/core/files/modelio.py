"""Opening a user's checkpoint safely and finding the recurrent layer inside it.

Files are read with `torch.load(weights_only=True)` only (or safetensors), so a
pickle that would run code is refused and nothing in it runs. A state_dict records
shapes, not everything: the gate count tells RNN/LSTM/GRU apart, but an nn.RNN's
nonlinearity and the head's softmax are not stored, so they are taken from the
caller, and what was assumed is written into the spec's `notes`.
"""

from __future__ import annotations

import pickle
import re
import warnings
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import torch
from torch import Tensor

from rnnviz.core.errors import RnnvizError
from rnnviz.core.heads import choose_head, find_embedding
from rnnviz.core.network import Network, check_state_dict_values
from rnnviz.core.spec import EmbeddingSpec, HeadSpec, NetworkSpec

_RNN_KEY = re.compile(
    r"^(?P<prefix>.*?)(?P<kind>weight_ih|weight_hh|bias_ih|bias_hh|weight_hr)"
    r"_l(?P<layer>\d+)(?P<rev>_reverse)?$"
)
_CELL_BY_GATES = {1: "rnn", 4: "lstm", 3: "gru"}
SAFE_SUFFIXES = (".pt", ".pth", ".bin", ".ckpt", ".safetensors")
MAX_NESTING = 32  # dicts inside dicts: a training script's checkpoint has two or three


@dataclass(frozen=True)
class LoadOptions:
    """What a state_dict cannot say, given by the user (CLI flag or GUI field)."""

    nonlinearity: str | None = None  # Elman RNN: "tanh" (assumed when None) or "relu"
    head_activation: str | None = None  # "none" (assumed when None), "softmax", "log_softmax"
    prefix: str | None = None  # which recurrent layer, when the file holds several
    use_head: bool = True  # look for a Linear reading the recurrent layer
    head_prefix: str | None = None  # which Linear is the head, when several could be
    use_embedding: bool = True  # feed tokens through an nn.Embedding in front, if found


def load_checkpoint(path: str | Path) -> dict[str, Tensor]:
    """A flat {name: tensor} from a .pt/.pth/.safetensors file; never runs pickled code."""
    return load_checkpoint_with_info(path)[0]


def load_checkpoint_with_info(path: str | Path) -> tuple[dict[str, Tensor], dict]:
    """(flat {name: tensor}, what the file says beyond tensors). A state_dict is read with
    torch's weights-only unpickler; a whole model (`torch.save(model, path)`) with
    inert_pickle, which never imports or calls what the file names, and which also
    tells each module's class and plain attributes (an nn.RNN's nonlinearity)."""
    path = Path(path)
    if not path.is_file():
        raise RnnvizError(f"model file {path} does not exist; check the path")
    if path.suffix.lower() == ".safetensors":
        return _load_safetensors(path), {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # protocol notes are noise next to our message
            obj = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        if zipfile.is_zipfile(path):  # a torch.save archive: maybe a whole model
            from rnnviz.core.files.inert_pickle import read_whole_model

            try:
                return read_whole_model(path)
            except RnnvizError as inert:
                raise RnnvizError(f"{_refusal(path.name, str(exc))} (reading it as a whole "
                                  f"model without running it failed too: {inert})") from None
        raise RnnvizError(_refusal(path.name, str(exc))) from None
    except Exception as exc:  # noqa: BLE001 - any failure to parse a user's file is theirs
        first = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise RnnvizError(
            f"{path.name} is not a readable torch checkpoint ({first}); "
            f"give a file written by torch.save(model.state_dict(), path)"
        ) from None
    return flatten_state(obj, path.name), {}


def _refusal(name: str, message: str) -> str:
    """Why torch's weights-only unpickler refused a file, in the user's terms."""
    code = re.search(r"unsupported global:?\s*(?:GLOBAL\s+)?([\w.]+)", message, re.IGNORECASE)
    if code:  # the name alone: torch's own sentence around it would be cut mid-word
        return (f"{name} holds pickled Python objects (it names {code.group(1)}), which "
                f"rnnviz never runs; save the weights with torch.save(model.state_dict(), path)")
    detail = message.split("WeightsUnpickler error:", 1)[-1].strip().splitlines()
    detail = next((line.strip() for line in detail if line.strip()), "")[:120]
    return (f"{name} is not a torch checkpoint that can be read safely ({detail or 'refused'}); "
            f"nothing in it was run; give a file written by torch.save(model.state_dict(), path)")


def _load_safetensors(path: Path) -> dict[str, Tensor]:
    try:
        from safetensors import SafetensorError
        from safetensors.torch import load_file
    except ImportError:
        raise RnnvizError(
            "reading .safetensors needs the safetensors package; pip install safetensors"
        ) from None
    try:
        return dict(load_file(str(path)))
    except (SafetensorError, OSError, ValueError) as exc:
        raise RnnvizError(f"{path.name} is not a valid safetensors file ({exc})") from None


def flatten_state(obj: object, name: str = "the checkpoint") -> dict[str, Tensor]:
    """Tensors of a (possibly nested) checkpoint dict under dotted names.

    Training scripts often save {"model": state_dict, "optimizer": ..., "epoch": 3};
    nesting is flattened so the recurrent layer is found wherever it sits.
    """
    if not isinstance(obj, Mapping):
        raise RnnvizError(
            f"{name} holds a {type(obj).__name__}, not a state_dict; save "
            f"model.state_dict() (a dict of tensors) instead"
        )
    flat: dict[str, Tensor] = {}

    def walk(mapping: Mapping, prefix: str, depth: int = 0) -> None:
        if depth > MAX_NESTING:
            raise RnnvizError(f"{name} nests dicts more than {MAX_NESTING} deep; a checkpoint "
                              f"is a state_dict, maybe inside a dict or two")
        for key, value in mapping.items():
            if isinstance(value, Tensor):
                flat[prefix + str(key)] = value
            elif isinstance(value, Mapping):
                walk(value, f"{prefix}{key}.", depth + 1)

    walk(obj, "")
    if not flat:
        raise RnnvizError(f"{name} contains no tensors; it is not a state_dict")
    return flat


def recurrent_prefixes(state: Mapping[str, Tensor]) -> list[str]:
    """Prefixes under which a torch.nn recurrent layer's weights sit ('' for a bare one)."""
    seen: list[str] = []
    for key in state:
        m = _RNN_KEY.match(key)
        if m and m["kind"] == "weight_ih" and m["layer"] == "0" and not m["rev"]:
            seen.append(m["prefix"])
    return seen


def choose_prefix(state: Mapping[str, Tensor], wanted: str | None) -> str:
    found = recurrent_prefixes(state)
    shown = ", ".join(repr(p.rstrip(".") or "(top level)") for p in found)
    if wanted is not None:
        norm = wanted if wanted == "" or wanted.endswith(".") else wanted + "."
        if norm not in found:
            raise RnnvizError(f"no recurrent layer under {wanted!r}; the file has: "
                              f"{shown or 'none'}")
        return norm
    if not found:
        raise RnnvizError(
            "no nn.RNN/LSTM/GRU weights found (looked for keys like 'weight_ih_l0', and for "
            "an nn.LSTMCell/GRUCell/RNNCell's 'weight_ih'); give the state_dict of a model "
            "that contains one"
        )
    if len(found) > 1:
        tops = [p.split(".")[0] for p in found]
        pair = tops.count("encoder") == 1 and tops.count("decoder") == 1
        raise RnnvizError(f"the file holds {len(found)} recurrent layers ({shown}); "
                          f"pick one with --layer-prefix (e.g. --layer-prefix "
                          f"{found[0].rstrip('.')})" + (
                              ", or open it as an encoder–decoder with --topology seq2seq"
                              if pair else ""))
    return found[0]


_CELL_NAMES = {1: "RNNCell", 3: "GRUCell", 4: "LSTMCell"}
_CELL_LEAVES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


def cell_prefixes(state: Mapping[str, Tensor]) -> list[str]:
    """Prefixes of nn.LSTMCell / GRUCell / RNNCell weights (`weight_ih`, `weight_hh`)."""
    found = []
    for key, value in state.items():
        if key == "weight_ih" or key.endswith(".weight_ih"):
            prefix = key[: -len("weight_ih")]
            other = state.get(prefix + "weight_hh")
            if value.ndim == 2 and other is not None and other.ndim == 2 \
                    and value.shape[0] == other.shape[0] and value.shape[0] % other.shape[1] == 0:
                found.append(prefix)
    return found


def cells_as_layers(state: Mapping[str, Tensor], wanted: str | None
                    ) -> tuple[dict[str, Tensor], str | None]:
    """A state_dict of recurrent cells as one of a stacked layer: cell k becomes layer k
    (`weight_ih_l{k}`, …) when each reads the one before (same kind and hidden size), in
    the order the file holds them; with `wanted`, that cell alone. Returns the new
    state_dict (the cells' keys replaced where the first one was) and what was found."""
    cells = cell_prefixes(state)
    if not cells:
        return dict(state), None
    if wanted is not None:
        norm = wanted if wanted == "" or wanted.endswith(".") else wanted + "."
        if norm not in cells:
            shown = ", ".join(repr(c.rstrip(".") or "(top level)") for c in cells)
            raise RnnvizError(f"no recurrent cell under {wanted!r}; the file has: {shown}")
        cells = [norm]

    def shape(prefix):  # (gates, hidden, input)
        w_ih, w_hh = state[prefix + "weight_ih"], state[prefix + "weight_hh"]
        return w_ih.shape[0] // w_hh.shape[1], w_hh.shape[1], w_ih.shape[1]

    stack = [cells[0]]
    for cell in cells[1:]:
        gates, hidden, inputs = shape(cell)
        below = shape(stack[-1])
        if (gates, hidden) != below[:2] or inputs != below[1]:
            break
        stack.append(cell)
    gates = shape(stack[0])[0]
    if gates not in _CELL_NAMES:
        raise RnnvizError(f"{stack[0]}weight_ih has {gates}× the hidden size in rows: not an "
                          f"RNNCell (1), GRUCell (3) or LSTMCell (4)")
    out: dict[str, Tensor] = {}
    owned = {c + leaf for c in stack for leaf in _CELL_LEAVES}
    for key, value in state.items():
        if key not in owned:
            out[key] = value
        elif key == stack[0] + "weight_ih":  # the layer goes where its first cell was
            for k, cell in enumerate(stack):
                for leaf in _CELL_LEAVES:
                    if cell + leaf in state:
                        out[f"{stack[0]}{leaf}_l{k}"] = state[cell + leaf]
    names = ", ".join(f"'{c.rstrip('.') or '(top level)'}' (layer {k + 1})"
                      for k, c in enumerate(stack))
    note = f"found {_CELL_NAMES[gates]} {names}"
    note += ": stacked in the order found" if len(stack) > 1 else ""
    rest = [c for c in cells if c not in stack]
    if rest:
        note += (f"; not stacked: {', '.join(repr(c.rstrip('.')) for c in rest)} (another "
                 f"size or kind; open one with --layer-prefix)")
    return out, note


def infer_spec(state: Mapping[str, Tensor], prefix: str, options: LoadOptions) -> NetworkSpec:
    """Cell kind and sizes from the shapes of the weights under `prefix`."""
    keys = {}
    for key, value in state.items():
        m = _RNN_KEY.match(key)
        if m and m["prefix"] == prefix:
            keys[(m["kind"], int(m["layer"]), bool(m["rev"]))] = value
    w_ih, w_hh = keys.get(("weight_ih", 0, False)), keys.get(("weight_hh", 0, False))
    if w_ih is None or w_hh is None or w_ih.ndim != 2 or w_hh.ndim != 2:
        raise RnnvizError(f"{prefix}weight_ih_l0/weight_hh_l0 are missing or not matrices")
    w_hr = keys.get(("weight_hr", 0, False))
    hidden = w_hr.shape[1] if w_hr is not None else w_hh.shape[1]
    gates, rest = divmod(w_ih.shape[0], hidden)
    if rest or gates not in _CELL_BY_GATES:
        raise RnnvizError(
            f"{prefix}weight_ih_l0 has {w_ih.shape[0]} rows for hidden size {hidden}: "
            f"not 1 (RNN), 3 (GRU) or 4 (LSTM) gates; this is not a torch.nn recurrent layer"
        )
    cell = _CELL_BY_GATES[gates]
    notes = []
    nonlinearity = options.nonlinearity
    if cell == "rnn" and nonlinearity is None:
        nonlinearity = "tanh"
        notes.append("nonlinearity is not stored in a state_dict; assumed tanh "
                     "(say --nonlinearity relu if the model used relu)")
    return NetworkSpec(
        cell=cell,
        input_size=w_ih.shape[1],
        hidden_size=hidden,
        num_layers=1 + max(layer for (_, layer, _) in keys),
        nonlinearity=nonlinearity or "tanh",
        bias=("bias_ih", 0, False) in keys,
        bidirectional=any(rev for (_, _, rev) in keys),
        proj_size=w_hr.shape[0] if w_hr is not None else 0,
        notes=tuple(notes),
    )


def network_from_state_dict(state: Mapping[str, Tensor], options: LoadOptions = LoadOptions(),
                            ordered: bool = True) -> Network:
    """A Network from a state_dict of nn.RNN/LSTM/GRU or of a model that contains one.

    `ordered`: the keys are in registration order (a .pt file; not a .safetensors one).
    """
    found_cells = None
    if not recurrent_prefixes(state):  # nn.LSTMCell / GRUCell / RNNCell: one layer each
        state, found_cells = cells_as_layers(state, options.prefix)
        options = replace(options, prefix=None)
    prefix = choose_prefix(state, options.prefix)
    spec = infer_spec(state, prefix, options)
    params = {}
    for key, value in state.items():
        m = _RNN_KEY.match(key)
        if m and m["prefix"] == prefix:
            params[key[len(prefix):]] = value
    notes = list(spec.notes)
    found_in = f"recurrent layer '{prefix.rstrip('.')}'" if prefix else "a bare recurrent layer"
    notes.insert(0, found_cells or f"found {found_in}: {spec.title()}")
    embedding = find_embedding(state, prefix, spec.input_size, ordered) \
        if options.use_embedding else None
    if embedding is not None:
        table = state[embedding + "weight"]
        params["embedding.weight"] = table
        spec = spec.with_(embedding=EmbeddingSpec(table.shape[0], embedding.rstrip(".")
                                                  or "(top level)"))
    head_prefix, head_notes = None, []
    if options.use_head:
        head_prefix, head_notes = choose_head(state, prefix, spec.output_features,
                                              options.head_prefix, ordered,
                                              exclude=(embedding,) if embedding else ())
    head = None
    if head_prefix is not None:
        weight = state[head_prefix + "weight"]
        bias = state.get(head_prefix + "bias")
        activation = options.head_activation
        if activation is None:
            activation = "none"
            notes.append("a softmax is not stored in a state_dict; head output shown as raw "
                         "scores (say --head softmax or log_softmax if the model had one)")
        head = HeadSpec(weight.shape[0], activation, bias is not None)
        params["head.weight"] = weight
        if bias is not None:
            params["head.bias"] = bias
        notes.insert(1, f"found output head '{head_prefix.rstrip('.') or '(top level)'}': "
                        f"Linear {weight.shape[1]} → {weight.shape[0]}")
    elif options.use_head and options.head_activation not in (None, "none"):
        notes.append(f"--head {options.head_activation} was asked for, but the file has no head")
    if embedding is not None:  # input to output: the layer, its embedding, its head
        table = params["embedding.weight"]
        notes.insert(1, f"found embedding '{spec.embedding.name}': {table.shape[0]} tokens → "
                        f"{table.shape[1]} features; feed it tokens (--tokens, or --text with "
                        f"--vocab-file)")
    notes.extend(head_notes)
    check_state_dict_values(params)  # real floating point, finite: before any cast
    params = {k: v.to(torch.float64 if v.dtype == torch.float64 else torch.float32)
              for k, v in params.items()}
    return Network(spec.with_(head=head, notes=tuple(notes)), params)


def load_network(path: str | Path, options: LoadOptions = LoadOptions()) -> Network:
    """Open a checkpoint file and build its Network (see network_from_state_dict)."""
    ordered = Path(path).suffix.lower() != ".safetensors"  # safetensors sorts its keys
    state, info = load_checkpoint_with_info(path)
    notes = []
    if info:  # a whole model: its module tree says what a state_dict cannot
        notes.append("a whole model (torch.save(model)): read without running its code")
        said = {info["attributes"].get(name, {}).get("nonlinearity")
                for name, kind in info["classes"].items() if kind.endswith((".RNN", ".RNNCell"))}
        said.discard(None)
        if options.nonlinearity is None and len(said) == 1 and said <= {"tanh", "relu"}:
            nonlinearity = said.pop()
            options = replace(options, nonlinearity=nonlinearity)
            notes.append(f"nonlinearity {nonlinearity}, as the file's Elman RNN says")
    network = network_from_state_dict(state, options, ordered)
    if notes:
        network.spec = network.spec.with_(notes=network.spec.notes[:1] + tuple(notes)
                                          + network.spec.notes[1:])
    return network


def save_state_dict(network: Network, path: str | Path) -> None:
    """Write the network as a seed-article model's state_dict (atomic: no partial file)."""
    from rnnviz.core.files.atomic import atomic_path

    path = Path(path)
    with atomic_path(path) as tmp:
        write_state_dict(network, tmp, path.suffix)


def write_state_dict(network: Network, tmp: Path, suffix: str) -> None:
    """The weights into `tmp` (a temporary path of atomic_path), as `suffix` says."""
    if suffix.lower() == ".safetensors":
        from safetensors.torch import save_file

        save_file({k: v.contiguous() for k, v in network.state_dict().items()}, str(tmp))
    else:
        torch.save(network.state_dict(), tmp)
