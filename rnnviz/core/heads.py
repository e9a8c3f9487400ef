"""Finding the output head (an nn.Linear reading the recurrent layer) in a state_dict.

A state_dict has no graph, only names and shapes. A Linear-like module is a prefix
holding exactly `weight` (2-D) and maybe `bias`; it can be the head when it reads the
recurrent layer's output features. When several qualify, the first one registered after
the recurrent layer wins (key order is registration order in a .pt file, but sorted in
a .safetensors file), and the notes name the others so the user can pick one.
"""

from __future__ import annotations

from collections.abc import Mapping

from torch import Tensor

from rnnviz.core.errors import RnnvizError


def _leaves(state: Mapping[str, Tensor]) -> dict[str, set[str]]:
    """Module prefix ('' or 'name.') -> the names of its own tensors, in key order."""
    leaves: dict[str, set[str]] = {}
    for key in state:
        prefix, _, leaf = key.rpartition(".")
        leaves.setdefault(f"{prefix}." if prefix else "", set()).add(leaf)
    return leaves


def find_embedding(state: Mapping[str, Tensor], rnn_prefix: str, input_size: int,
                   ordered: bool = True) -> str | None:
    """The prefix of an nn.Embedding that feeds the recurrent layer, or None.

    An embedding is a bias-free 2-D `weight` whose rows are as wide as the layer's input.
    It counts when it is named like one or, the key order being known, is registered
    before the recurrent layer (PyTorch's word language model calls its `encoder`).
    """
    keys = list(state)
    first_rnn = keys.index(rnn_prefix + "weight_ih_l0") if ordered else -1
    named, before = [], []
    home = rnn_prefix.split(".")[0] + "." if "." in rnn_prefix.rstrip(".") else ""
    for prefix, names in _leaves(state).items():
        weight = state.get(prefix + "weight")
        if names != {"weight"} or weight is None or weight.ndim != 2 \
                or weight.shape[1] != input_size or weight.is_floating_point() is False:
            continue
        if "embed" in prefix.lower():
            named.append(prefix)
        elif ordered and keys.index(prefix + "weight") < first_rnn \
                and weight.shape[0] != weight.shape[1]:  # square: an input Linear, likelier
            before.append(prefix)
    # the recurrent layer's own module's first (a decoder's table, not the encoder's)
    found = sorted(named, key=lambda p: not p.startswith(home)) + before
    return found[0] if found else None


def linear_modules(state: Mapping[str, Tensor], features: int,
                   exclude: tuple[str, ...] = ()) -> list[str]:
    """Prefixes of Linear-like modules with `features` inputs, in key order."""
    found = []
    for prefix, names in _leaves(state).items():
        if names not in ({"weight"}, {"weight", "bias"}) or prefix in exclude \
                or (names == {"weight"} and "embed" in prefix.lower()):
            continue  # an nn.Embedding is shaped like a bias-free Linear but is no head
        weight, bias = state[prefix + "weight"], state.get(prefix + "bias")
        if weight.ndim != 2 or weight.shape[1] != features:
            continue
        if bias is not None and tuple(bias.shape) != (weight.shape[0],):
            continue
        found.append(prefix)
    return found


def _recurrent_homes(state: Mapping[str, Tensor]) -> list[str]:
    """Prefixes of every recurrent layer (keys ending in weight_ih_l0)."""
    return [k[: -len("weight_ih_l0")] for k in state if k.endswith("weight_ih_l0")]


def _name(prefix: str) -> str:
    return prefix.rstrip(".") or "(top level)"


def choose_head(state: Mapping[str, Tensor], rnn_prefix: str, features: int,
                wanted: str | None = None, ordered: bool = True,
                exclude: tuple[str, ...] = ()) -> tuple[str | None, list[str]]:
    """(head prefix or None, notes on what was found and what else could have been);
    `exclude`: modules known to be something else (the input's embedding)."""
    candidates = linear_modules(state, features, exclude)
    if wanted is not None:
        norm = wanted if wanted.endswith(".") else wanted + "."
        if norm not in candidates:
            shown = ", ".join(_name(c) for c in candidates) or "none"
            raise RnnvizError(f"'{wanted}' is not a Linear reading the recurrent layer's "
                              f"{features} outputs; the file has: {shown}")
        return norm, []
    if not candidates:
        return None, [f"no Linear reading the recurrent layer's {features} outputs was found, "
                      f"so there is no output head"]
    home = rnn_prefix.split(".")[0] + "." if "." in rnn_prefix.rstrip(".") else ""
    if home:  # a layer inside a module (encoder.gru): not another such module's Linear
        others = {p.split(".")[0] + "." for p in _recurrent_homes(state)} - {home}
        candidates = [c for c in candidates if not any(c.startswith(o) for o in others)]
        if not candidates:
            return None, [f"no Linear reading the recurrent layer's {features} outputs was "
                          f"found in '{home.rstrip('.')}', so there is no output head"]
    keys = list(state)
    last_rnn = max(i for i, k in enumerate(keys) if k.startswith(rnn_prefix))
    after = [c for c in candidates if keys.index(c + "weight") > last_rnn] if ordered else []
    chosen = (after or candidates)[0]
    notes = []
    others = [c for c in candidates if c != chosen]
    if others:
        notes.append(f"other layers could be the head ({', '.join(_name(c) for c in others)});"
                     f" pick one with --head-prefix")
    out = state[chosen + "weight"].shape[0]
    following = [c for c in linear_modules(state, out) if c != chosen]
    if following:
        notes.append(f"'{_name(following[0])}' reads the head's {out} outputs (a deeper head?);"
                     f" rnnviz shows the first Linear only")
    return chosen, notes
