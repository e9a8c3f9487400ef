"""Input sequences for the simulator: presets, text as one-hot, and CSV / .npy files.

Every sequence is (T, B, I) float64 in torch.nn's batch_first=False layout, so it can go
straight into compute_trace. numpy only: no torch and no Qt, so this loads in a notebook.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rnnviz.core.errors import RnnvizError

PRESETS = ("sine", "square", "impulse", "noise", "counting", "text")

# The sine and square presets' frequency (cycles per step) when none is given: one
# default for the window, the command line and the library alike.
SINE_FREQUENCY = 0.05

# Far beyond anything the GUI can show; stops a typo (length=1e9) from eating all memory.
MAX_VALUES = 50_000_000

CSV_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass(frozen=True, eq=False)  # eq=False: numpy arrays have no single truth value
class Sequence:
    """An input sequence and what to call each of its steps."""

    values: np.ndarray  # (T, B, I) float64, finite, read-only
    name: str  # "sine", "text", or the file name it came from
    vocab: str | None = None  # text only: character k is feature k of the one-hot
    text: str | None = None  # text only: the character fed at each step (len T)
    columns: tuple[str, ...] | None = None  # CSV header names, one per feature
    tokens: np.ndarray | None = None  # (T, B) ids fed through the model's Embedding
    token_names: tuple[str, ...] | None = None  # the vocabulary: a token's name by id

    def __post_init__(self) -> None:
        # A private read-only copy: the dataclass is frozen, so its array should be too.
        values = np.array(self.values, dtype=np.float64)
        if values.ndim != 3 or 0 in values.shape:
            raise RnnvizError(f"{self.name}: values must be (T, B, I) with no empty axis, "
                              f"got shape {values.shape}")
        if not np.isfinite(values).all():
            raise RnnvizError(f"{self.name}: values contain NaN or inf; clean the data first")
        for label, names, axis in (("text", self.text, 0), ("vocab", self.vocab, 2),
                                   ("columns", self.columns, 2)):
            if names is not None and len(names) != values.shape[axis]:
                raise RnnvizError(f"{self.name}: {label} has {len(names)} entries for "
                                  f"{values.shape[axis]} {('steps', '', 'features')[axis]}")
        values.flags.writeable = False
        object.__setattr__(self, "values", values)
        if self.tokens is not None:
            tokens = np.array(self.tokens, dtype=np.int64)
            if tokens.shape != values.shape[:2]:
                raise RnnvizError(f"{self.name}: tokens have shape {tokens.shape} for "
                                  f"{values.shape[0]} steps × {values.shape[1]} sequences")
            tokens.flags.writeable = False
            object.__setattr__(self, "tokens", tokens)

    def fed(self, b: int = 0) -> str | tuple[str, ...] | None:
        """What is fed at each step of sequence b, to write under it: the character (text),
        the token's name (tokens through an Embedding), or None (numbers)."""
        if self.tokens is None:
            return self.text
        names = self.token_names
        return tuple(names[i] if names is not None and 0 <= i < len(names) else f"#{i}"
                     for i in self.tokens[:, b].tolist())

    @property
    def length(self) -> int:
        return self.values.shape[0]

    @property
    def batch(self) -> int:
        return self.values.shape[1]

    @property
    def features(self) -> int:
        return self.values.shape[2]

    def step_label(self, t: int) -> str:
        """What to write under step t: the quoted character or token, else the index."""
        fed = self.fed(0)
        return repr(fed[t]) if fed is not None else f"{t}"


# ---------------------------------------------------------------- presets


def _whole(name: str, value: object, minimum: int, fix: str) -> int:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool):
        raise RnnvizError(f"{name} must be a whole number, got {value!r}; {fix}")
    if value < minimum:
        raise RnnvizError(f"{name} must be at least {minimum}, got {value}; {fix}")
    return int(value)


def _finite(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) \
            or not math.isfinite(value):
        raise RnnvizError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def _check_size(length: int, batch: int, features: int) -> None:
    total = length * batch * features
    if total > MAX_VALUES:
        raise RnnvizError(f"a {length}×{batch}×{features} sequence has {total:,} values, "
                          f"more than the {MAX_VALUES:,} allowed; use a shorter sequence, "
                          "a smaller batch or fewer features")


def _shape(length: int, batch: int, input_size: int) -> tuple[int, int, int]:
    """(T, B, I), each checked, before anything that big is allocated."""
    shape = (_whole("length", length, 1, "it is the number of time steps"),
             _whole("batch", batch, 1, "use 1 for a single sequence"),
             _whole("input_size", input_size, 1, "it is the number of features per step"))
    _check_size(*shape)
    return shape


def _cycles(shape: tuple[int, int, int], frequency: float) -> np.ndarray:
    """Phase in cycles: f·t, plus 1/(2I) of a cycle per feature and 1/8 per batch element."""
    t, b, k = (np.arange(n, dtype=np.float64) for n in shape)
    return frequency * t[:, None, None] + b[None, :, None] / 8 + k[None, None, :] / (2 * shape[2])


def sine(*, length: int = 50, input_size: int = 1, batch: int = 1, amplitude: float = 1.0,
         frequency: float = SINE_FREQUENCY) -> Sequence:
    """amplitude·sin(2π·frequency·t + k·π/input_size + b·π/4); frequency in cycles per step."""
    cycles = _cycles(_shape(length, batch, input_size), _finite("frequency", frequency))
    return Sequence(_finite("amplitude", amplitude) * np.sin(2 * np.pi * cycles), "sine")


def square(*, length: int = 50, input_size: int = 1, batch: int = 1, amplitude: float = 1.0,
           frequency: float = SINE_FREQUENCY) -> Sequence:
    """amplitude·sign(sine): +amplitude for the first half of each cycle, −amplitude after."""
    cycles = _cycles(_shape(length, batch, input_size), _finite("frequency", frequency))
    amplitude = _finite("amplitude", amplitude)
    # Decided on the phase, not on np.sin's sign: sin(2π·n) comes out as ±1e-16, which would
    # flip whole steps at random. The rising zero is +1, the falling zero −1 (equal halves).
    frac = np.round(cycles % 1.0, 9) % 1.0
    return Sequence(np.where(frac < 0.5, amplitude, -amplitude), "square")


def impulse(*, length: int = 50, input_size: int = 1, batch: int = 1, amplitude: float = 1.0,
            impulse_at: int = 0) -> Sequence:
    """amplitude at step impulse_at (every feature and batch element), 0 elsewhere."""
    shape = _shape(length, batch, input_size)
    at = _whole("impulse_at", impulse_at, 0, f"pick a step from 0 to {shape[0] - 1}")
    if at >= shape[0]:
        raise RnnvizError(f"impulse_at={at} is past the end of a {shape[0]}-step sequence; "
                          f"pick a step from 0 to {shape[0] - 1} or make the sequence longer")
    values = np.zeros(shape)
    values[at] = _finite("amplitude", amplitude)
    return Sequence(values, "impulse")


def noise(*, length: int = 50, input_size: int = 1, batch: int = 1, amplitude: float = 1.0,
          seed: int = 0) -> Sequence:
    """Standard normal × amplitude; the same seed gives the same sequence."""
    shape = _shape(length, batch, input_size)
    rng = np.random.default_rng(_whole("seed", seed, 0, "use any whole number ≥ 0"))
    return Sequence(_finite("amplitude", amplitude) * rng.standard_normal(shape), "noise")


def counting(*, length: int = 50, input_size: int = 1, batch: int = 1,
             amplitude: float = 1.0) -> Sequence:
    """One-hot of t mod input_size × amplitude; with one feature, a ramp from 0 to amplitude."""
    T, B, n_in = _shape(length, batch, input_size)
    amplitude, t = _finite("amplitude", amplitude), np.arange(T)
    if n_in == 1:
        steps = (amplitude * t / (T - 1) if T > 1 else np.zeros(1))[:, None]
    else:
        steps = amplitude * np.eye(n_in)[t % n_in]
    return Sequence(np.broadcast_to(steps[:, None, :], (T, B, n_in)), "counting")


def vocabulary(text: str) -> str:
    """The sorted unique characters of text: the default one-hot alphabet."""
    return "".join(sorted(set(text)))


def check_text_symbols(text: str, vocab: str, fixed: bool = False) -> None:
    """Refuse characters of `text` that `vocab` lacks, naming them. `fixed`: the vocabulary
    is a model's (its input size is its length), so it cannot grow: the message lists
    the symbols the model reads instead of suggesting to add to them."""
    missing = "".join(sorted(set(text) - set(vocab)))
    if not missing:
        return
    if fixed:
        raise RnnvizError(f"the text has characters {missing!r} that the model does not know; "
                          f"it reads only the {len(vocab)} symbols {vocab!r}, so type only those")
    raise RnnvizError(f"the text has characters {missing!r} that are not in the vocabulary "
                      f"{vocab!r}; add them to the vocabulary or remove them from the text")


def check_preset_shape(length: object, batch: object, input_size: object) -> None:
    """The checks make_preset makes before it allocates a (T, B, I) preset, with its words
    (the window asks them while a length or batch is typed)."""
    _shape(length, batch, input_size)


def text_one_hot(text: str, vocab: str | None = None) -> Sequence:
    """One step per character, one feature per vocabulary character; batch 1."""
    if not isinstance(text, str) or not text:
        raise RnnvizError(f"the text is empty ({text!r}); type at least one character")
    vocab = vocabulary(text) if vocab is None else vocab
    if not vocab:
        raise RnnvizError("the vocabulary is empty; leave it out to use the text's characters")
    if len(set(vocab)) != len(vocab):
        raise RnnvizError(f"the vocabulary {vocab!r} repeats characters; list each one once")
    check_text_symbols(text, vocab)
    _check_size(len(text), 1, len(vocab))
    index = {c: k for k, c in enumerate(vocab)}
    values = np.zeros((len(text), 1, len(vocab)))
    values[np.arange(len(text)), 0, [index[c] for c in text]] = 1.0
    return Sequence(values, "text", vocab=vocab, text=text)


def make_preset(name: str, *, length: int = 50, input_size: int = 1, batch: int = 1,
                amplitude: float = 1.0, frequency: float = SINE_FREQUENCY, seed: int = 0,
                impulse_at: int = 0, text: str | None = None,
                vocab: str | None = None) -> Sequence:
    """Build one of PRESETS. For "text", the text decides length and features (vocab size)."""
    size = {"length": length, "input_size": input_size, "batch": batch, "amplitude": amplitude}
    if name == "sine":
        return sine(**size, frequency=frequency)
    if name == "square":
        return square(**size, frequency=frequency)
    if name == "impulse":
        return impulse(**size, impulse_at=impulse_at)
    if name == "noise":
        return noise(**size, seed=seed)
    if name == "counting":
        return counting(**size)
    if name == "text":
        if text is None:
            raise RnnvizError("the text preset needs some text; pass text='hello'")
        return text_one_hot(text, vocab)
    raise RnnvizError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")


# ---------------------------------------------------------------- files


def _unreadable(path: Path, exc: OSError) -> RnnvizError:
    return RnnvizError(f"cannot read {str(path)!r} ({exc.strerror or exc}); "
                       "check the path and permissions")


MAX_TABLE_BYTES = 1 << 30  # a CSV of MAX_VALUES numbers is well under this


def _regular_file(path: Path, limit: int | None = None) -> None:
    """A plain file (not a device like /dev/zero, not a folder), within `limit` bytes."""
    import stat

    try:
        info = path.stat()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not stat.S_ISREG(info.st_mode):
        raise RnnvizError(f"cannot read {str(path)!r}: it is not a plain file (a device, a "
                          f"pipe or a folder); give a file saved on disk")
    if limit is not None and info.st_size > limit:
        raise RnnvizError(f"{path.name} is {info.st_size / 2**30:.1f} GiB, more than the "
                          f"{limit / 2**30:.0f} GiB a table may be; save it as .npy, or cut it")


def _read_text(path: Path) -> str:
    _regular_file(path, MAX_TABLE_BYTES)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    try:
        return data.decode("utf-8-sig")  # -sig: drop the BOM Excel writes
    except UnicodeDecodeError as exc:
        raise RnnvizError(f"{path.name} is not UTF-8 text (byte {exc.start}); "
                          "save it as UTF-8 CSV") from exc


def _split(line: str, delimiter: str | None) -> list[str]:
    cells = line.split() if delimiter is None else next(csv.reader([line], delimiter=delimiter))
    return [cell.strip() for cell in cells]


def _number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def load_csv(path: str | Path) -> Sequence:
    """Rows are time steps, columns features; batch 1. An optional header names the columns."""
    path = Path(path)
    lines = _read_text(path).splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise RnnvizError(f"{path.name} has no data rows; put one time step per row")
    # Sniffed from the first line; tab and ';' win over ',' (a decimal comma in Europe).
    # Whitespace only when none is there (np.savetxt's default), so "1.5" stays one column.
    delimiter = next((d for d in ("\t", ";", ",") if d in lines[0]), None)
    cells = _split(lines[0], delimiter)
    columns: tuple[str, ...] | None = None
    if any(cell and _number(cell) is None for cell in cells):  # a header row names columns
        columns = tuple(cell or f"column {j + 1}" for j, cell in enumerate(cells))
    start = 1 if columns else 0
    width, width_line = (len(cells), 1) if columns else (0, 0)
    rows: list[list[float]] = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip():
            raise RnnvizError(f"{path.name}: line {number} is blank; remove blank lines "
                              "between rows or fill in the time step")
        cells = _split(line, delimiter)
        if not width:
            width, width_line = len(cells), number
        if len(cells) != width:
            raise RnnvizError(f"{path.name}: line {number} has {len(cells)} values but line "
                              f"{width_line} has {width}; every row needs the same number "
                              "of columns")
        row = []
        for column, cell in enumerate(cells, start=1):
            where = f"{path.name}: line {number}, column {column}"
            if not cell:
                raise RnnvizError(f"{where} is empty; fill or drop missing values")
            value = _number(cell)
            if value is None:
                fix = "use a decimal point, not a comma" if "," in cell else "write it like -0.5"
                raise RnnvizError(f"{where}: {cell!r} is not a number; {fix}")
            if math.isnan(value):
                raise RnnvizError(f"{where} is nan; fill or drop missing values")
            if math.isinf(value):
                raise RnnvizError(f"{where} is {value}; replace it with a finite number")
            row.append(value)
        rows.append(row)
    if not rows:
        raise RnnvizError(f"{path.name} has a header but no data rows; "
                          "put one time step per row")
    _check_size(len(rows), 1, width)
    return Sequence(np.array(rows)[:, None, :], path.name, columns=columns)


def load_npy(path: str | Path, *, batch_first: bool = False) -> Sequence:
    """(T,), (T, I) or (T, B, I); with batch_first a 3-D array is read as (B, T, I)."""
    path = Path(path)
    _regular_file(path)
    _check_declared_shape(path)
    try:
        array = np.load(path, allow_pickle=False)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    except (ValueError, EOFError, TypeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RnnvizError(f"{path.name} is not a plain numeric .npy array ({reason}); "
                          "save one array with np.save(path, array.astype(float))") from exc
    if not isinstance(array, np.ndarray):  # an .npz archive under an .npy name
        array.close()
        raise RnnvizError(f"{path.name} is an .npz archive; save one array with np.save")
    if array.dtype.kind not in "biuf":
        raise RnnvizError(f"{path.name} holds {array.dtype} values; "
                          "save real numbers, e.g. np.save(path, array.astype(float))")
    if array.ndim not in (1, 2, 3):
        raise RnnvizError(f"{path.name} has shape {array.shape}; use (T,), (T, I) or "
                          "(T, B, I) — or (B, T, I) with batch_first")
    if 0 in array.shape:
        raise RnnvizError(f"{path.name} has shape {array.shape} with an empty axis; "
                          "it needs at least one time step and one feature")
    bad = np.argwhere(~np.isfinite(array))
    if len(bad):
        index = tuple(int(i) for i in bad[0])
        raise RnnvizError(f"{path.name}: value at index {list(index)} is {array[index]}; "
                          "fill, drop or clip missing and infinite values")
    if array.ndim < 3:  # no batch axis, so batch_first has nothing to swap
        array = array.reshape(len(array), 1, -1)
    elif batch_first:
        array = array.transpose(1, 0, 2)
    _check_size(*array.shape)
    return Sequence(array.astype(np.float64), path.name)


def _check_declared_shape(path: Path) -> None:
    """The shape an .npy's header declares, refused before its data is read when it holds
    more values than a sequence may (a sparse file can declare billions)."""
    try:
        with open(path, "rb") as fh:
            version = np.lib.format.read_magic(fh)
            read = np.lib.format.read_array_header_1_0 if version == (1, 0) else \
                np.lib.format.read_array_header_2_0
            shape, _, _ = read(fh)  # the header only
    except Exception:  # noqa: BLE001 - not an .npy: np.load says why, below
        return
    total = int(np.prod(shape, dtype=np.float64)) if shape else 1
    if total > MAX_VALUES:
        raise RnnvizError(f"{path.name} declares shape {tuple(shape)}: {total:,} values, more "
                          f"than the {MAX_VALUES:,} allowed; use a shorter sequence or fewer "
                          f"features")


def load_sequence(path: str | Path, *, batch_first: bool = False) -> Sequence:
    """Load a .csv / .txt / .tsv table or an .npy array, chosen by the file's suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return load_csv(path)
    if suffix == ".npy":
        return load_npy(path, batch_first=batch_first)
    kind = repr(suffix) if suffix else "(no suffix)"
    raise RnnvizError(f"cannot load {path.name}: unknown file type {kind}; "
                      "use .csv, .txt or .tsv (one step per row) or .npy")


def fit_features(seq: Sequence, input_size: int, from_model: bool = False) -> Sequence:
    """seq itself when it has input_size features per step; otherwise say how to match,
    with a fix that works for what was given (a model file's input size is fixed)."""
    if seq.features == input_size:
        return seq
    if seq.vocab is not None:
        have = f"{seq.name} is one-hot over {seq.features} characters"
        fix = (f"give the model's own {input_size} characters in order with --vocab "
               f"(as it was trained)") if from_model else \
            f"set input_size to {seq.features} or give --vocab with {input_size} characters"
    else:
        have = f"{seq.name} has {seq.features} feature{'' if seq.features == 1 else 's'} per step"
        fix = f"give an input with {input_size} columns" if from_model else \
            f"set input_size to {seq.features} or use an input with {input_size} features"
    owner = "the model's" if from_model else "the network's"
    raise RnnvizError(f"{have} but {owner} input_size is {input_size}; {fix}")
