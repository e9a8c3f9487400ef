"""Checking a configuration as the user types, before any work is started."""

from __future__ import annotations

from pathlib import Path

from rnnviz.core.errors import RnnvizError
from rnnviz.core.spec import HeadSpec, NetworkSpec


def check_config(config) -> str:
    """"" when the configuration can be computed, else what is wrong and how to fix it."""
    if config.model and not Path(config.model).is_file():
        return f"model file {config.model} does not exist; open another one"
    if config.input and not Path(config.input).is_file():
        return f"data file {config.input} does not exist; open another one"
    if not config.input and config.preset == "text" and not config.text:
        return "type some text: each character is one step"
    if config.model:
        return ""  # sizes come from the weights; the loader says what does not fit
    head = None
    if config.head not in (None, "none"):
        head = HeadSpec(config.output_size or 1, "none" if config.head == "linear"
                        else config.head)
    try:
        NetworkSpec(cell=config.cell, input_size=config.input_size or 1,
                    hidden_size=config.hidden_size, num_layers=config.num_layers,
                    nonlinearity=config.nonlinearity or "tanh", bias=config.bias,
                    bidirectional=config.bidirectional, proj_size=config.proj_size,
                    dropout=config.dropout, head=head)
    except RnnvizError as exc:
        return str(exc)
    return ""
