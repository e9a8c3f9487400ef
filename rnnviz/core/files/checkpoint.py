"""Trained checkpoints: a plain state_dict, plus a small JSON beside it for rnnviz.

`model.pt` loads into an ordinary PyTorch module of the same shape (keys `rnn.*` and
`linear.*`). `model.rnnviz.json` keeps what a state_dict cannot: the task, the
training settings, the nonlinearity and head activation, and an example input, so
the checkpoint reopens ready to step. `model.input.npy` holds that example input.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import numpy as np
import torch

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.atomic import atomic_paths
from rnnviz.core.files.modelio import write_state_dict
from rnnviz.core.tasks import Task


def sidecar_path(model_path: str | Path) -> Path:
    path = Path(model_path)
    return path.with_name(path.stem + ".rnnviz.json")


def example_input_path(model_path: str | Path) -> Path:
    path = Path(model_path)
    return path.with_name(path.stem + ".input.npy")


def example_batch(task: Task, seed: int):
    """The checkpoint's example sequence and its targets, regenerated from the seed."""
    return task.batch(torch.Generator().manual_seed(seed + 20_011), 1)


def example_input(task: Task, seed: int) -> tuple[np.ndarray, dict]:
    """One validation sequence (T, 1, I), and how the input panel shows it."""
    x, _ = example_batch(task, seed)
    if task.vocab:
        text = "".join(task.vocab[int(i)] for i in x[:, 0].argmax(-1))
        return x.numpy(), {"preset": "text", "text": text, "vocab": task.vocab}
    return x.numpy(), {}


def save_trained(network, path: str | Path, task: Task, settings, metric: float | None,
                 stopped: str | None = None) -> list[Path]:
    """Write the checkpoint (a Network or a Seq2Seq), its JSON and its example input;
    returns the paths written."""
    path = Path(path)
    values, shown = example_input(task, settings.seed)
    example = example_input_path(path)
    spec = network.spec
    single = getattr(spec, "decoder", None) is None  # not an encoder–decoder
    info = {
        "rnnviz": "trained checkpoint",
        "task": task.name,
        "task_description": task.description,
        "topology": task.topology,
        "nonlinearity": (spec if single else spec.encoder).nonlinearity,
        "head_activation": (spec.head.activation if spec.head else "none") if single
        else "softmax",
        "settings": asdict(settings),
        task.metric_name: metric,
        "stopped": stopped,
        "input": shown or {"input": example.name},
    }
    if not single:
        info["seq2seq"] = spec.to_dict()  # the decoder's symbols and how c reaches it
    # all three or none: a checkpoint without its sidecar would reopen on the wrong input
    with atomic_paths([path, sidecar_path(path), example]) as (weights, side, inputs):
        write_state_dict(network, weights, path.suffix)
        side.write_text(json.dumps(info, indent=2), encoding="utf-8")
        with open(inputs, "wb") as fh:
            np.save(fh, values)
    return [path, sidecar_path(path), example]


def read_sidecar(model_path: str | Path) -> dict | None:
    """The JSON beside a checkpoint, or None when there is none (any checkpoint loads)."""
    path = sidecar_path(model_path)
    if not path.is_file():
        return None
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise RnnvizError(f"{path.name} is not readable JSON ({exc}); delete or fix it") from None
    if not isinstance(info, dict):
        raise RnnvizError(f"{path.name} holds a JSON {type(info).__name__}, not an object; "
                          f"delete or fix it")
    check_sidecar(info, path.name)
    return info


def check_sidecar(info: dict, name: str) -> None:
    """Every key rnnviz reads from a sidecar has the type it needs; the example input's
    file is a plain name beside the checkpoint (never a path out of its folder)."""
    from rnnviz.core.sequences import PRESETS
    from rnnviz.core.spec import HEAD_ACTIVATIONS, NONLINEARITIES
    from rnnviz.core.topology import TOPOLOGIES

    def bad(key: str, wanted: str):
        value = info.get(key) if "." not in key else None
        got = type(value).__name__ if value is not None else "something else"
        raise RnnvizError(f"{name}: '{key}' should be {wanted}, not {got}; fix or delete {name}")

    choices = {"nonlinearity": NONLINEARITIES, "head_activation": HEAD_ACTIVATIONS,
               "topology": TOPOLOGIES}
    for key, allowed in choices.items():
        if info.get(key) is not None and info[key] not in allowed:
            bad(key, "one of " + ", ".join(allowed))
    for key in ("task", "task_description", "stopped", "rnnviz"):
        if info.get(key) is not None and not isinstance(info[key], str):
            bad(key, "text")
    settings = info.get("settings")
    if settings is not None:
        if not isinstance(settings, dict):
            bad("settings", "an object of training settings")
        seed = settings.get("seed")
        if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
            bad("settings.seed", "a whole number")
    shown = info.get("input")
    if shown is None:
        return
    if not isinstance(shown, dict):
        bad("input", 'an object ({"input": file} or {"preset": …})')
    example = shown.get("input")
    if example is not None and (not isinstance(example, str) or Path(example).name != example
                                or example in ("", ".", "..")):
        raise RnnvizError(f"{name}: 'input.input' must name a file beside the checkpoint "
                          f"(a plain file name, no folders); fix or delete {name}")
    if shown.get("preset") is not None and shown["preset"] not in PRESETS:
        bad("input.preset", "one of " + ", ".join(PRESETS))
    for key in ("text", "vocab"):
        if shown.get(key) is not None and not isinstance(shown[key], str):
            raise RnnvizError(f"{name}: 'input.{key}' should be text; fix or delete {name}")
    if info.get("seq2seq") is not None and not isinstance(info["seq2seq"], dict):
        bad("seq2seq", "an object (the encoder–decoder's spec)")


def sidecar_defaults(model_path: str | Path) -> dict:
    """Config/flag values a trained checkpoint supplies when the user gave none."""
    info = read_sidecar(model_path)
    if not info:
        return {}
    activation = info.get("head_activation")
    # the flag --head none means "no head"; a head without softmax is --head linear
    head = "linear" if activation == "none" else activation
    values = {"nonlinearity": info.get("nonlinearity"), "head": head,
              "topology": info.get("topology")}
    shown = info.get("input") or {}
    if shown.get("input") is not None:  # an example input file beside the checkpoint
        example = Path(model_path).with_name(shown["input"])
        if example.is_file():
            values["input"] = str(example)
    else:
        values.update({k: shown[k] for k in ("preset", "text", "vocab") if k in shown})
    return {k: v for k, v in values.items() if v is not None}
