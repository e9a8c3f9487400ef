"""Writing an .npz whose arrays do not fit in memory, a chunk of steps at a time.

An .npz is a zip of .npy files, each written whole in turn, but a trace computes every
array a chunk at a time, all together. So chunks go first to one raw file per array
(a "spool", beside the target, at each chunk's own offset: a bidirectional trace
delivers its chunks from the end), and the zip is then assembled entry by entry, each
copied in blocks, its spool file deleted as soon as it is in. Memory stays at one
block; the disk holds the spool and the growing file. The result is what np.savez
writes (stored, zip64): `np.load` reads it as before.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.atomic import atomic_path, disk_full
from rnnviz.core.memory import gib

BLOCK = 16 << 20  # bytes copied at a time from a spool file into the zip


class Spool:
    """Raw files, one per array, that chunks of steps are written into."""

    def __init__(self, folder: str | Path, keys: set[str] | None = None):
        self.folder = Path(folder) if str(folder) else Path(".")
        self.keys = keys  # the arrays worth keeping (None: every one offered)
        self.path: Path | None = None  # made at the first chunk: short traces need none
        self._files: dict[str, object] = {}
        self.layout: dict[str, tuple[tuple[int, ...], np.dtype]] = {}  # key -> row shape, dtype
        self.rows: dict[str, int] = {}  # key -> steps written so far (the highest + 1)

    def __call__(self, start: int, block: dict[str, np.ndarray]) -> None:
        """Write every kept array of a chunk whose first step is `start`."""
        for key, values in block.items():
            if self.keys is None or key in self.keys:
                self.write(key, start, values)

    def write(self, key: str, start: int, values: np.ndarray) -> None:
        if self.path is None:
            self.path = Path(tempfile.mkdtemp(prefix=".rnnviz-spool-", dir=self.folder))
        values = np.ascontiguousarray(values)
        if key not in self._files:
            self._files[key] = open(self.path / f"{len(self._files)}.raw", "w+b")  # noqa: SIM115
            self.layout[key] = (values.shape[1:], values.dtype)
        fh = self._files[key]
        fh.seek(start * values[0].nbytes if len(values) else 0)
        with disk_errors(self.folder):
            fh.write(memoryview(values).cast("B"))
        self.rows[key] = self.rows.get(key, 0) + len(values)  # each chunk arrives once

    def holds(self, key: str, steps: int) -> bool:
        """Whether `steps` steps of `key` were written (and not yet copied out)."""
        return key in self._files and self.rows.get(key, 0) >= steps

    def copy_into(self, out, key: str, steps: int) -> None:
        """The .npy of `key` (steps × its row shape) into the open zip entry `out`."""
        row, dtype = self.layout[key]
        header = {"descr": np.lib.format.dtype_to_descr(dtype), "fortran_order": False,
                  "shape": (steps, *row)}
        np.lib.format.write_array_header_2_0(out, header)
        fh = self._files.pop(key)
        self.rows.pop(key, None)  # copied out: a second file needs them computed again
        try:
            fh.seek(0)
            left = steps * int(np.prod(row, dtype=np.int64)) * dtype.itemsize
            while left:
                data = fh.read(min(BLOCK, left))
                if not data:
                    raise RnnvizError(f"the spooled {key} ended early; the trace was not "
                                      f"written")
                out.write(data)
                left -= len(data)
        finally:
            fh.close()
            with contextlib.suppress(OSError):
                Path(fh.name).unlink()  # its bytes are in the zip (or no use): disk back

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._files.clear()
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Streamed:
    """An entry of write_npz whose steps are in a Spool."""

    def __init__(self, spool: Spool, key: str, steps: int):
        self.spool, self.key, self.steps = spool, key, steps


def write_npz(path: str | Path, arrays: dict[str, object]) -> Path:
    """np.savez(path, **arrays), atomically, where a value may be Streamed from a spool."""
    path = Path(path)
    with disk_errors(path.parent), atomic_path(path) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
            for key, value in arrays.items():
                with zf.open(f"{key}.npy", "w", force_zip64=True) as out:
                    if isinstance(value, Streamed):
                        value.spool.copy_into(out, value.key, value.steps)
                    else:
                        np.lib.format.write_array(out, np.asanyarray(value),
                                                  allow_pickle=False)
    return path


def disk_errors(folder: Path):
    """A full disk said in one line (atomic.disk_full); nothing is left behind
    (atomic_path and Spool.close remove their files)."""
    return disk_full(Path(folder) if str(folder) else Path("."),
                     lambda where: free_bytes(where))  # looked up when needed


def free_bytes(folder: str | Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def check_disk(folder: str | Path, need: int, what: str) -> None:
    """Refuse up front when `need` bytes will not fit on the disk holding `folder`."""
    have = free_bytes(folder)
    if have is not None and need > have:
        raise RnnvizError(f"{what} needs about {gib(need)} of disk while it is written but "
                          f"{folder} has {gib(have)} free; free some space, write elsewhere "
                          f"or shorten the sequence")
