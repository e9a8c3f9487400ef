"""Running core work (torch) off the GUI thread, newest request wins.

The GUI thread never waits for torch: a job runs in Qt's thread pool and its result
comes back through a queued signal. A job that finishes after a newer one was
submitted is dropped, so fast typing or clicking never shows a stale trace.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from rnnviz.core.errors import RnnvizError

log = logging.getLogger("rnnviz")


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str, bool)  # id, message, expected (an RnnvizError)
    progress = Signal(int, float)  # id, fraction done


class Superseded(Exception):
    """Raised inside a long job when a newer one was submitted: stop, nobody wants it."""


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable, relay: _Relay, latest: Callable[[], int],
                 reports: bool):
        super().__init__()
        self.job_id, self.fn, self.relay, self.latest = job_id, fn, relay, latest
        self.reports = reports

    def report(self, fraction: float) -> None:
        """Called by long work now and then: says how far it got, or stops it (Superseded)
        when a newer request waits, so a million-step trace never holds up the next."""
        if self.job_id != self.latest():
            raise Superseded
        self.relay.progress.emit(self.job_id, fraction)

    def run(self) -> None:
        if self.job_id != self.latest():  # a newer request is queued: skip the stale work
            self.relay.failed.emit(self.job_id, "superseded", True)
            return
        try:
            result = self.fn(self.report) if self.reports else self.fn()
        except Superseded:
            self.relay.failed.emit(self.job_id, "superseded", True)
        except RnnvizError as exc:
            self.relay.failed.emit(self.job_id, str(exc), True)
        except MemoryError:
            self.relay.failed.emit(self.job_id, "out of memory; shorten the sequence or lower "
                                   "the hidden size", True)
        except Exception:  # noqa: BLE001 - reported in a dialog; the window stays up
            log.error("background job failed:\n%s", traceback.format_exc())
            self.relay.failed.emit(self.job_id, traceback.format_exc(), False)
        else:
            self.relay.done.emit(self.job_id, result)


class Worker(QObject):
    """Runs one kind of job at a time in the background.

    Signals:
        finished(object): the newest job's result.
        failed(str, bool): the newest job's error message, and whether it was expected.
        busy_changed(bool): a job started (True) or the last one ended (False).
    """

    finished = Signal(object)
    failed = Signal(str, bool)
    busy_changed = Signal(bool)
    progress = Signal(float)  # the newest job's fraction done (jobs that report it)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # jobs touch torch; one at a time keeps them ordered
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)
        self._latest = 0
        self._running = 0

    def submit(self, fn: Callable, reports: bool = False) -> int:
        """Run fn() in the background; with `reports`, fn(report) where report(fraction)
        says how far it got and stops it once a newer job is submitted."""
        self._latest += 1
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self._latest, fn, self._relay, lambda: self._latest, reports))
        return self._latest

    def _on_progress(self, job_id: int, fraction: float) -> None:
        if job_id == self._latest:
            self.progress.emit(fraction)

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _finish_one(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)

    def _on_done(self, job_id: int, result: object) -> None:
        self._finish_one()
        if job_id == self._latest:
            self.finished.emit(result)

    def _on_failed(self, job_id: int, message: str, expected: bool) -> None:
        self._finish_one()
        if job_id == self._latest:
            self.failed.emit(message, expected)
