"""What reaches a network beyond numbers per step: tokens through its Embedding, the
names of its head's outputs, and each sequence's own length in a padded batch."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rnnviz.core.errors import RnnvizError


def token_input(args, network):
    """(Sequence, Vocabulary or None) for a network that reads tokens through its
    Embedding: --tokens, an .npy of ids, or --text split by the vocabulary."""
    from rnnviz.core.tokens import (
        Vocabulary,
        parse_ids,
        read_token_ids,
        read_vocabulary,
        token_sequence,
        tokenize,
    )

    table = network.spec.embedding
    vocab = read_vocabulary(args.vocab_file) if getattr(args, "vocab_file", None) else \
        Vocabulary(tuple(args.vocab), "--vocab") if args.vocab else None
    if vocab is not None and len(vocab) != table.num_embeddings:  # before any text is split
        raise RnnvizError(f"{vocab.source} has {len(vocab)} tokens but the embedding "
                          f"'{table.name}' has {table.num_embeddings} rows; give the "
                          f"vocabulary the model was trained with")
    if getattr(args, "tokens", None):
        return token_sequence(network, parse_ids(args.tokens), "tokens", vocab), vocab
    if args.input:
        if not str(args.input).lower().endswith(".npy"):
            raise RnnvizError(f"this model reads token ids through its Embedding "
                              f"'{table.name}'; give an .npy of whole numbers (T,) or (T, B), "
                              f"--tokens 12,7,99, or --text with --vocab-file")
        ids = read_token_ids(args.input, args.batch_first)
        return token_sequence(network, ids, Path(args.input).name, vocab), vocab
    if args.text:
        if vocab is None:
            raise RnnvizError(f"to split --text into the tokens of the Embedding "
                              f"'{table.name}' ({table.num_embeddings} rows), give its "
                              f"vocabulary: --vocab-file vocab.txt (one token per line) or, "
                              f"for characters, --vocab with them in order")
        ids = tokenize(args.text, vocab, getattr(args, "tokenize", None),
                       getattr(args, "unk", None))
        return token_sequence(network, np.array(ids)[:, None], "text", vocab), vocab
    raise RnnvizError(f"this model reads tokens through its Embedding '{table.name}' "
                      f"({table.num_embeddings} rows): give --tokens 3,14,15, or --text "
                      f"'…' with --vocab-file vocab.txt, or --input ids.npy")


def class_names(args, network, vocab) -> tuple[str, ...] | None:
    """Names of the head's outputs: --classes, else a vocabulary of the same size (a
    language model predicts its next token), else None (numbered)."""
    head = network.spec.head
    given = getattr(args, "classes", None)
    if head is None:
        if given:
            raise RnnvizError("--classes names the head's outputs, and this network has no "
                              "head")
        return None
    if given:
        path = Path(given)
        try:
            names = tuple(line.rstrip("\r") for line in path.read_text(encoding="utf-8")
                          .split("\n") if line.strip()) if path.is_file() else \
                tuple(n.strip() for n in given.split(","))
        except (OSError, UnicodeDecodeError) as exc:
            raise RnnvizError(f"cannot read the classes from {path.name} ({exc}); give a "
                              f"UTF-8 file with one name per line, or a,b,c") from None
        if len(names) != head.output_size:
            raise RnnvizError(f"--classes gives {len(names)} names but the head has "
                              f"{head.output_size} outputs; give one name per output")
        return names
    if vocab is not None and len(vocab) == head.output_size:
        return vocab.tokens
    return None


def sequence_lengths(args):
    """--lengths as an array (a comma list or an .npy file), or None."""
    given = getattr(args, "lengths", None)
    if not given:
        return None
    if str(given).lower().endswith(".npy"):
        try:
            return np.load(given, allow_pickle=False).reshape(-1)
        except (OSError, ValueError) as exc:
            raise RnnvizError(f"cannot read the lengths {given} ({exc}); save them with "
                              f"np.save(path, lengths)") from None
    try:
        return np.array([int(p) for p in str(given).replace(" ", "").split(",") if p])
    except ValueError:
        raise RnnvizError(f"--lengths takes whole numbers separated by commas, e.g. 7,3,5; "
                          f"got {given!r}") from None
