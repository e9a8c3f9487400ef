"""Opening an encoder–decoder checkpoint: keys encoder.*, decoder.*, linear.*, context.*

A checkpoint trained by rnnviz records its Seq2SeqSpec in the sidecar JSON. Any other
file is read by shapes: two recurrent layers under `encoder.` and `decoder.`, a Linear
`linear.` on the decoder, and `context.` when there is a map; the context mode follows
from the decoder's input size; the symbols' names, which a state_dict cannot hold, come
from the caller (or are numbered, with a note).
"""

from __future__ import annotations

from pathlib import Path

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.modelio import (
    LoadOptions,
    load_checkpoint,
    network_from_state_dict,
    recurrent_prefixes,
)
from rnnviz.core.seq2seq import START, Seq2Seq, Seq2SeqSpec, seq2seq_from_state_dict

NUMBERED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def refuse_embedding_decoder(state, found: list[str], name: str) -> None:
    """An encoder–decoder whose decoder reads its previous symbol through an nn.Embedding
    (the PyTorch translation tutorial's EncoderRNN / DecoderRNN) is not simulated as a
    pair yet: say that, and how to open each half, rather than a reason about names."""
    decoders = [f for f in found if f.split(".")[0] == "decoder"]
    if not decoders:
        return
    parent = decoders[0].split(".")[0] + "."
    tables = [k for k, v in state.items() if k.startswith(parent) and k.endswith("weight")
              and "embed" in k.lower() and v.ndim == 2]
    if tables:
        halves = " / ".join(f"--layer-prefix {f}" for f in found)
        raise RnnvizError(f"{name}'s decoder reads its previous symbol through an nn.Embedding "
                          f"('{tables[0][:-len('.weight')]}', as in the PyTorch translation "
                          f"tutorial); rnnviz steps one-hot decoders only so far: open each "
                          f"half alone with {halves} (--topology n2n) and feed it tokens")


def load_seq2seq(path: str | Path, info: dict | None = None,
                 target_vocab: str | None = None) -> tuple[Seq2Seq, list[str]]:
    """(model, notes) from a checkpoint; `info` is its sidecar, if any."""
    state = load_checkpoint(path)
    found = [p.rstrip(".") for p in recurrent_prefixes(state)]
    refuse_embedding_decoder(state, found, Path(path).name)
    if not {"encoder", "decoder"} <= set(found):
        what = f"{len(found)} recurrent layer(s): {', '.join(found) or '(top level)'}"
        raise RnnvizError(f"seq2seq needs recurrent layers under 'encoder.' and 'decoder.', "
                          f"but {Path(path).name} holds {what}; use --topology n2n, n2one or "
                          f"one2n for a single network")
    if info and info.get("seq2seq"):
        try:
            spec = Seq2SeqSpec.from_dict(info["seq2seq"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise RnnvizError(f"the sidecar's 'seq2seq' is not an encoder–decoder's spec "
                              f"({type(exc).__name__}: {exc}); fix or delete it") from None
        model = seq2seq_from_state_dict(spec, {k: v.float() for k, v in state.items()})
        return model, [f"encoder–decoder from {Path(path).name}: {spec.title()}"]
    notes = []
    encoder = network_from_state_dict(state, LoadOptions(prefix="encoder", use_head=False))
    decoder = network_from_state_dict(state, LoadOptions(prefix="decoder", head_prefix="linear",
                                                         head_activation="softmax"))
    if decoder.spec.head is None:
        raise RnnvizError("the decoder has no output head: expected linear.weight reading its "
                          "hidden state")
    symbols = decoder.spec.head.output_size
    if target_vocab is None:
        if symbols > len(NUMBERED):
            raise RnnvizError(f"the decoder writes {symbols} symbols; name them with "
                              f"--target-vocab")
        target_vocab = NUMBERED[:symbols]
        notes.append(f"a state_dict does not name the decoder's {symbols} symbols; shown as "
                     f"{target_vocab!r} (say --target-vocab to name them)")
    elif len(target_vocab) != symbols or START in target_vocab:
        raise RnnvizError(f"--target-vocab has {len(target_vocab)} symbols but the decoder "
                          f"writes {symbols} (and {START!r} is the start symbol)")
    context_map = "context.weight" in state
    if context_map and "context.bias" not in state:
        raise RnnvizError("context.weight has no context.bias; rnnviz's context map is a "
                          "Linear with a bias (save it with bias=True)")
    mode = "init" if decoder.spec.input_size == symbols + 1 else "input"
    notes.append(f"context mode '{mode}' read from the decoder's input size "
                 f"({decoder.spec.input_size})")
    spec = Seq2SeqSpec(encoder.spec.with_(notes=()), decoder.spec.with_(notes=()), target_vocab,
                       mode, context_map)
    context = {k[8:]: v.float() for k, v in state.items() if k.startswith("context.")}
    return Seq2Seq(spec, encoder, decoder, context or None), notes
