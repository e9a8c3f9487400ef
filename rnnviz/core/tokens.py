"""Tokens for a model that reads through an nn.Embedding: vocabularies, text → ids → x.

A vocabulary file is what the model's own code wrote or can write: one token per line
(the line number is the id), a JSON list (the index is the id), or a JSON object
token → id (PyTorch's word language model keeps `word2idx` like that). Tokens may be
words, characters or `<unk>`-style markers. Text is split into characters or words
(words when the vocabulary has tokens longer than one character).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnnviz.core.errors import RnnvizError

TOKENIZERS = ("chars", "words")


@dataclass(frozen=True)
class Vocabulary:
    """Token names by id, and ids by name."""

    tokens: tuple[str, ...]
    source: str = "the vocabulary"

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {t: i for i, t in enumerate(self.tokens)})

    def __len__(self) -> int:
        return len(self.tokens)

    def id_of(self, token: str) -> int | None:
        return self._index.get(token)

    @property
    def words(self) -> bool:
        """Whether text is split into words (some token is longer than one character)."""
        return any(len(t) > 1 for t in self.tokens)

    def name(self, token_id: int) -> str:
        return self.tokens[token_id] if 0 <= token_id < len(self.tokens) else f"#{token_id}"


def read_vocabulary(path: str | Path) -> Vocabulary:
    """A vocabulary file: one token per line, a JSON list, or a JSON object token → id."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RnnvizError(f"cannot read the vocabulary {path} ({exc}); give a UTF-8 text "
                          f"file with one token per line, or a JSON list") from None
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise RnnvizError(f"{path.name} looks like JSON but is not ({exc}); fix it or "
                              f"write one token per line") from None
        return Vocabulary(_from_json(data, path.name), path.name)
    # lines end at "\n" only: a token may be any other character (form feed, U+2028…)
    tokens = tuple(line[:-1] if line.endswith("\r") else line for line in text.split("\n"))
    if tokens and tokens[-1] == "":
        tokens = tokens[:-1]
    if not tokens:
        raise RnnvizError(f"{path.name} holds no tokens; write one token per line")
    _check_unique(tokens, path.name)
    return Vocabulary(tokens, path.name)


def _from_json(data, name: str) -> tuple[str, ...]:
    if isinstance(data, list):
        if not data or not all(isinstance(t, str) for t in data):
            raise RnnvizError(f"{name}: a JSON vocabulary list must hold the tokens as strings")
        _check_unique(tuple(data), name)
        return tuple(data)
    if isinstance(data, dict):
        if not data or not all(isinstance(k, str) and isinstance(v, int)
                               and not isinstance(v, bool) for k, v in data.items()):
            raise RnnvizError(f"{name}: a JSON vocabulary object maps each token (a string) "
                              f"to its id (a whole number)")
        ids = sorted(data.values())
        if ids != list(range(len(ids))):
            raise RnnvizError(f"{name}: the ids must be 0..{len(ids) - 1}, each once; "
                              f"they are not")
        by_id = {v: k for k, v in data.items()}
        return tuple(by_id[i] for i in range(len(ids)))
    raise RnnvizError(f"{name}: a JSON vocabulary is a list of tokens or an object "
                      f"token → id, not {type(data).__name__}")


def _check_unique(tokens: tuple[str, ...], name: str) -> None:
    seen: set[str] = set()
    for i, token in enumerate(tokens):
        if token in seen:
            raise RnnvizError(f"{name}: token {token!r} appears twice (again as id {i}); "
                              f"each token needs one id")
        seen.add(token)


def tokenize(text: str, vocab: Vocabulary, how: str | None = None,
             unknown: str | None = None) -> list[int]:
    """Text → ids: split into characters or words (`how`; by default words when the
    vocabulary has multi-character tokens); an unknown token is refused, naming it, or
    becomes `unknown` (a token of the vocabulary, e.g. '<unk>')."""
    how = how or ("words" if vocab.words else "chars")
    if how not in TOKENIZERS:
        raise RnnvizError(f"unknown tokenizer {how!r}; use chars or words")
    pieces = text.split() if how == "words" else list(text)
    if not pieces:
        raise RnnvizError("the text holds no tokens; give at least one")
    fallback = None
    if unknown is not None:
        fallback = vocab.id_of(unknown)
        if fallback is None:
            raise RnnvizError(f"--unk {unknown!r} is not in {vocab.source}; name a token it "
                              f"has (e.g. <unk>)")
    ids, missing = [], []
    for piece in pieces:
        token_id = vocab.id_of(piece)
        if token_id is None:
            if fallback is None:
                missing.append(piece)
                continue
            token_id = fallback
        ids.append(token_id)
    if missing:
        shown = ", ".join(repr(m) for m in dict.fromkeys(missing).keys())
        more = f" ({len(missing)} in all)" if len(missing) > 3 else ""
        raise RnnvizError(f"not in {vocab.source}: {_first(shown)}{more}; fix the text, or "
                          f"map unknown tokens with --unk <a token of the vocabulary>")
    return ids


def _first(shown: str, most: int = 120) -> str:
    return shown if len(shown) <= most else shown[:most].rsplit(",", 1)[0] + ", …"


def parse_ids(text: str) -> np.ndarray:
    """'12,7,99' (or spaces) → ids of shape (T, 1)."""
    parts = [p for p in text.replace(",", " ").split() if p]
    try:
        ids = [int(p) for p in parts]
    except ValueError:
        raise RnnvizError(f"--tokens takes whole numbers separated by commas, e.g. 12,7,99; "
                          f"got {text!r}") from None
    if not ids:
        raise RnnvizError("--tokens is empty; give at least one token id")
    return np.array(ids, dtype=np.int64)[:, None]


def as_ids(values: np.ndarray, batch_first: bool = False) -> np.ndarray:
    """An integer array of token ids, (T,), (T, B) or (B, T) with batch_first → (T, B)."""
    ids = np.asarray(values)
    if ids.ndim == 1:
        ids = ids[:, None]
    elif ids.ndim == 2 and batch_first:
        ids = ids.T
    elif ids.ndim != 2:
        raise RnnvizError(f"token ids must have shape (T,) or (T, B), got {ids.shape}")
    if ids.size == 0:
        raise RnnvizError("the token ids are empty; give at least one step")
    return np.ascontiguousarray(ids.astype(np.int64))


def token_sequence(network, ids: np.ndarray, name: str,
                   vocab: Vocabulary | None = None):
    """The Sequence of token ids (T, B) fed through `network`'s Embedding: x_t is the row
    of each id, the tokens and their names kept for the views and the trace file."""
    from rnnviz.core.sequences import Sequence

    ids = as_ids(ids)
    if vocab is not None and network.spec.embedding is not None \
            and len(vocab) != network.spec.embedding.num_embeddings:
        raise RnnvizError(f"{vocab.source} has {len(vocab)} tokens but the embedding "
                          f"'{network.spec.embedding.name}' has "
                          f"{network.spec.embedding.num_embeddings} rows; give the "
                          f"vocabulary the model was trained with")
    values = network.embed(ids).astype(np.float64)
    return Sequence(values, name, tokens=ids,
                    token_names=None if vocab is None else vocab.tokens)


def read_token_ids(path: str | Path, batch_first: bool = False) -> np.ndarray:
    """An .npy of integer token ids: (T,), (T, B), or (B, T) with batch_first."""
    path = Path(path)
    try:
        array = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise RnnvizError(f"cannot read {path.name} as an .npy of token ids ({exc})") from None
    if not isinstance(array, np.ndarray):
        array.close()
        raise RnnvizError(f"{path.name} is an .npz archive; save the ids with np.save")
    if array.dtype.kind not in "iu":
        raise RnnvizError(f"{path.name} holds {array.dtype} values, but this model reads "
                          f"token ids (whole numbers) through its Embedding; save "
                          f"np.save(path, ids.astype(int))")
    return as_ids(array, batch_first)
