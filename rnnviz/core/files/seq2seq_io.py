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


START_NAMES = ("SOS", "<sos>", "<s>", "<bos>", "BOS", "<start>")  # a start symbol's usual names


def _halves(found: list[str], name: str) -> tuple[str, str]:
    """The recurrent layers of the encoder and the decoder: `encoder` and `decoder`
    (rnnviz's own), or one layer under each (`encoder.gru`, as `{'encoder':
    encoder.state_dict(), 'decoder': …}` saves the translation tutorial's)."""
    halves = []
    for half in ("encoder", "decoder"):
        under = [f for f in found if f.split(".")[0] == half]
        if len(under) != 1:
            what = f"{len(found)} recurrent layer(s): {', '.join(found) or '(top level)'}"
            raise RnnvizError(f"seq2seq needs one recurrent layer under 'encoder.' and one "
                              f"under 'decoder.', but {name} holds {what}; use --topology n2n, "
                              f"n2one or one2n for a single network")
        halves.append(under[0])
    return halves[0], halves[1]


def _refuse_attention(state, name: str) -> None:
    """An attention decoder (the tutorial's AttnDecoderRNN) reads more than its previous
    symbol: say so instead of a size mismatch."""
    keys = [k for k in state if k.startswith("decoder.")
            and ("attn" in k.lower() or "attention" in k.lower())]
    if keys:
        raise RnnvizError(f"{name}'s decoder has attention ('{keys[0]}'): rnnviz steps "
                          f"decoders without attention so far; open the encoder alone with "
                          f"--layer-prefix encoder.… (--topology n2n)")


def start_symbol(names, given: str | int | None) -> tuple[int, list[str]]:
    """(the start symbol's id, notes): --start-token as an id or a name, else a name such
    as SOS in the vocabulary, else 0 (the tutorial's SOS_token) with a note."""
    if given is not None and str(given).strip() != "":
        text = str(given).strip()
        if text.lstrip("-").isdigit():
            return int(text), []
        if text in names:
            return list(names).index(text), []
        raise RnnvizError(f"--start-token {text!r} is neither an id nor a name of the "
                          f"decoder's vocabulary")
    for candidate in START_NAMES:
        if candidate in names:
            return list(names).index(candidate), [f"the decoder starts from '{candidate}' "
                                                  f"(say --start-token to change it)"]
    return 0, ["the decoder starts from id 0, the translation tutorial's SOS_token (say "
               "--start-token for another)"]


def _embedding_decoder(state, enc_prefix: str, dec_prefix: str, name: str, target_vocab,
                       start, relu: bool | None) -> tuple[Seq2Seq, list[str]]:
    """A pair whose decoder reads its previous symbol through its own nn.Embedding."""
    notes = []
    encoder = network_from_state_dict(state, LoadOptions(prefix=enc_prefix, use_head=False))
    head = "linear" if any(k.startswith("linear.") for k in state) else None
    decoder = network_from_state_dict(state, LoadOptions(prefix=dec_prefix, head_prefix=head,
                                                         head_activation="softmax"))
    if decoder.spec.head is None:
        raise RnnvizError(f"{name}'s decoder has no output head: expected a Linear reading "
                          f"its hidden state (the tutorial's decoder.out)")
    rows = decoder.spec.embedding.num_embeddings
    if target_vocab is None:
        target_vocab = tuple(str(i) for i in range(rows))
        notes.append(f"a state_dict does not name the decoder's {rows} words; shown as ids "
                     f"(say --target-vocab-file with the output language's words, in order)")
    elif len(target_vocab) != rows:
        raise RnnvizError(f"the target vocabulary has {len(target_vocab)} names but the "
                          f"decoder's embedding has {rows} rows; give the vocabulary the model "
                          f"was trained with")
    start_id, said = start_symbol(target_vocab, start)
    notes += said
    if relu is None:
        relu = False
        notes.append("the decoder's embedded input is fed as it is; the PyTorch translation "
                     "tutorial's DecoderRNN applies F.relu to it: add --decoder-relu for that "
                     "model")
    context_map = "context.weight" in state
    # each half keeps what the loader found (its module, embedding and head), so the
    # equations name the file's own tensors (decoder.gru.weight_ih_l0, decoder.out.weight)
    spec = Seq2SeqSpec(encoder.spec, decoder.spec, tuple(target_vocab), "init", context_map,
                       start_id, bool(relu))
    notes.append("context mode 'init': the decoder starts from the encoder's final state "
                 "and reads relu(embedding(previous))" if relu else
                 "context mode 'init': the decoder starts from the encoder's final state and "
                 "reads embedding(previous)")
    if spec.decoder.cell == "lstm":
        notes.append("the LSTM decoder starts from h0 = the encoder's final h and c0 = 0; a "
                     "decoder handed the encoder's whole (h, c) differs from this")
    context = {k[8:]: v.float() for k, v in state.items() if k.startswith("context.")}
    return Seq2Seq(spec, encoder, decoder, context or None), notes


def load_seq2seq(path: str | Path, info: dict | None = None,
                 target_vocab: str | tuple[str, ...] | None = None, *,
                 start: str | int | None = None,
                 relu: bool | None = None) -> tuple[Seq2Seq, list[str]]:
    """(model, notes) from a checkpoint; `info` is its sidecar, if any. An embedding
    decoder's start symbol (`start`) and the ReLU on its input (`relu`) cannot be read
    from weights: given, or assumed with a note."""
    state = load_checkpoint(path)
    name = Path(path).name
    found = [p.rstrip(".") for p in recurrent_prefixes(state)]
    enc_prefix, dec_prefix = _halves(found, name)
    if info and info.get("seq2seq"):
        try:
            spec = Seq2SeqSpec.from_dict(info["seq2seq"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise RnnvizError(f"the sidecar's 'seq2seq' is not an encoder–decoder's spec "
                              f"({type(exc).__name__}: {exc}); fix or delete it") from None
        model = seq2seq_from_state_dict(spec, {k: v.float() for k, v in state.items()})
        return model, [f"encoder–decoder from {Path(path).name}: {spec.title()}"]
    _refuse_attention(state, name)
    probe = network_from_state_dict(state, LoadOptions(prefix=dec_prefix, use_head=False))
    if probe.spec.embedding is not None:
        return _embedding_decoder(state, enc_prefix, dec_prefix, name, target_vocab, start,
                                  relu)
    if start is not None or relu:
        raise RnnvizError("--start-token and --decoder-relu are for decoders that read their "
                          "previous symbol through an nn.Embedding; this one reads a one-hot")
    notes = []
    encoder = network_from_state_dict(state, LoadOptions(prefix=enc_prefix, use_head=False))
    decoder = network_from_state_dict(state, LoadOptions(prefix=dec_prefix, head_prefix="linear",
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
