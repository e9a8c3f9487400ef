"""Writing files so that a failure never leaves a half-written one behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from rnnviz.core.errors import RnnvizError

_UMASK = os.umask(0)  # read once at import (os.umask can only be read by setting it)
os.umask(_UMASK)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; move it into place only if the block succeeds.

    The one write path: the bytes are flushed to the disk (fsync) before the rename; on
    any failure — an exception, a full disk, Ctrl+C or SIGTERM (rnnviz.interrupts) — the
    temporary file is removed and an existing target stays byte for byte as it was."""
    with atomic_paths([path]) as (tmp,):
        yield tmp


@contextlib.contextmanager
def atomic_paths(paths) -> Iterator[list[Path]]:
    """atomic_path for several files that belong together (a checkpoint, its sidecar and
    its example input): all are written, or none is and every target is as it was."""
    from rnnviz.interrupts import check

    targets = [Path(p) for p in paths]
    temps: list[Path] = []
    with disk_full(targets[0].parent if str(targets[0].parent) else Path(".")):
        try:
            for path in targets:
                folder = path.parent if str(path.parent) else Path(".")
                if not folder.is_dir():
                    raise RnnvizError(f"folder {folder} does not exist; create it or choose "
                                      f"another path")
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                           dir=folder)
                os.close(fd)
                temps.append(Path(tmp))
            yield temps
            for tmp in temps:
                _flush(tmp)
                os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes it private; a normal file
            check()  # Ctrl+C while the block ran inside Qt: stop before any target changes
            _commit(temps, targets)
        except BaseException:
            for tmp in temps:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise


def _flush(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _commit(temps: list[Path], targets: list[Path]) -> None:
    """Rename every temporary file over its target; if one rename fails, put back the
    targets already replaced (their old contents were moved aside, not deleted)."""
    if len(targets) == 1:
        os.replace(temps[0], targets[0])
        return
    kept: list[tuple[Path, Path | None]] = []
    try:
        for tmp, target in zip(temps, targets):
            aside = None
            if target.exists():
                aside = target.with_name(f".{target.name}.{os.getpid()}.old")
                os.replace(target, aside)
            kept.append((target, aside))
            os.replace(tmp, target)
    except BaseException:
        for target, aside in reversed(kept):
            with contextlib.suppress(OSError):
                if aside is not None:
                    os.replace(aside, target)
                elif target.exists():
                    os.unlink(target)
        raise
    for _, aside in kept:
        if aside is not None:
            with contextlib.suppress(OSError):
                os.unlink(aside)


@contextlib.contextmanager
def disk_full(folder: Path, free_bytes=None):
    """A full disk (or quota) said in one line, with what is free (`free_bytes(folder)`,
    default: what the file system says)."""
    import errno
    import shutil

    try:
        yield
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        try:
            free = free_bytes(folder) if free_bytes else shutil.disk_usage(folder).free
        except OSError:
            free = 0
        from rnnviz.core.memory import gib

        raise RnnvizError(f"the disk holding {folder} is full ({gib(free or 0)} free); nothing was "
                          f"written. Free some space or write elsewhere") from None
