"""Ctrl+C and SIGTERM while a command writes: stop cleanly, write nothing, say so.

A signal becomes `Interrupted` (a BaseException, so every `finally` and atomic_path's
cleanup run): at once in plain Python and torch work, or — inside Qt, where an exception
raised in a slot is printed and swallowed while the export carries on — recorded and
raised at the next `check()`, which the frame loop and atomic_path (just before a file
replaces its target) call.
"""

from __future__ import annotations

import contextlib
import signal
import threading

SIGNALS = {signal.SIGINT: "Ctrl+C", signal.SIGTERM: "SIGTERM"}
_pending: list[int] = []


class Interrupted(BaseException):
    """A signal asked the command to stop; exit status 128 + its number (130, 143)."""

    def __init__(self, signum: int):
        super().__init__(SIGNALS.get(signum, f"signal {signum}"))
        self.signum = signum

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


def _raise(signum, _frame):
    raise Interrupted(signum)


def _record(signum, _frame):
    _pending.append(signum)


@contextlib.contextmanager
def interrupts(deferred: bool = False):
    """SIGINT and SIGTERM raise Interrupted inside the block (deferred: at check())."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only
        return
    before = {s: signal.getsignal(s) for s in SIGNALS}
    for s in SIGNALS:
        signal.signal(s, _record if deferred else _raise)
    _pending.clear()
    try:
        yield
        check()  # one that came in at the very end still stops the command
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)
        _pending.clear()


def check() -> None:
    """Raise Interrupted if a deferred signal came in."""
    if _pending:
        raise Interrupted(_pending[0])
