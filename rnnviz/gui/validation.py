"""Checking a configuration as the user types, before any work is started.

The checks are the CLI's own (rnnviz.cli.options, rnnviz.core), called in the order
`rnnviz trace` calls them, so a refused value gets in the window the sentence the CLI
prints for the same flags. Nothing here allocates or imports torch.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rnnviz.cli.options import _given_input_size, _head_spec
from rnnviz.core.errors import RnnvizError
from rnnviz.core.sequences import check_preset_shape, check_text_symbols
from rnnviz.core.spec import NetworkSpec
from rnnviz.gui.i18n import tr


def check_config(config, shown=None) -> str:
    """"" when the configuration can be computed, else what is wrong and how to fix it.
    `shown`: the input Sequence the window shows for `config.model` (it says how many
    features the model reads, or that it reads tokens); without it a model file's input
    is left to the loader."""
    if config.model and not Path(config.model).is_file():
        return tr("model file {path} does not exist; open another one").format(
            path=config.model)
    if config.input and not Path(config.input).is_file():
        return tr("data file {path} does not exist; open another one").format(path=config.input)
    if not config.input and config.preset == "text" and not config.text:
        return tr("type some text: each character is one step")
    try:
        if config.model:
            _check_model_input(config, shown)
        else:
            _check_new_network(config)
    except RnnvizError as exc:
        return str(exc)
    return ""


def _check_new_network(config) -> None:
    """What build_network / build_seq2seq and make_preset refuse for a new network."""
    text = not config.input and config.preset == "text"
    features = (len(config.vocab) if config.vocab else len(set(config.text))) if text else None
    input_size = _given_input_size(config) or features or 1
    nonlinearity = config.nonlinearity or "tanh"
    if (config.topology or "n2n") == "seq2seq":  # the encoder, as build_seq2seq makes it
        NetworkSpec(cell=config.cell, input_size=input_size, hidden_size=config.hidden_size,
                    num_layers=config.num_layers, nonlinearity=nonlinearity, bias=config.bias,
                    bidirectional=config.bidirectional)
    else:
        spec = NetworkSpec(cell=config.cell, input_size=input_size,
                           hidden_size=config.hidden_size, num_layers=config.num_layers,
                           nonlinearity=nonlinearity, bias=config.bias,
                           bidirectional=config.bidirectional, proj_size=config.proj_size,
                           dropout=config.dropout, head=_head_spec(config, input_size))
        _check_weights_fit(spec, config.dtype)
    if text and config.vocab:
        check_text_symbols(config.text, config.vocab)
    elif not config.input and not text:
        check_preset_shape(config.length, config.batch, input_size)


def _check_weights_fit(spec: NetworkSpec, dtype: str) -> None:
    """Network.random's own check, once a trace has loaded it: importing torch here would
    hold the window for a second or more, and until then the worker's check (the same
    function) says the same."""
    network = sys.modules.get("rnnviz.core.network")
    check = getattr(network, "check_weights_fit", None)
    torch = sys.modules.get("torch")
    if check is not None and torch is not None:
        check(spec, getattr(torch, dtype).itemsize)


def _check_model_input(config, shown) -> None:
    """A model file fixes the input size: typed text must use the symbols it reads, and a
    preset must have a shape make_preset takes."""
    if shown is None or config.input:
        return
    if shown.tokens is not None:  # through the model's Embedding: the tokens box's text
        _check_tokens(config)
    elif config.preset == "text":
        if config.vocab:
            check_text_symbols(config.text, config.vocab, fixed=True)
    else:
        check_preset_shape(config.length, config.batch, shown.features)


def _check_tokens(config) -> None:
    """Text split into the Embedding's vocabulary, as cli.inputs.token_input splits it."""
    from rnnviz.core.tokens import Vocabulary, parse_ids, read_vocabulary, tokenize

    if config.tokens:
        parse_ids(config.tokens)
        return
    if not config.text:
        return
    vocab = read_vocabulary(config.vocab_file) if config.vocab_file else \
        Vocabulary(tuple(config.vocab), "--vocab") if config.vocab else None
    if vocab is not None:
        tokenize(config.text, vocab, config.tokenize, config.unk)
