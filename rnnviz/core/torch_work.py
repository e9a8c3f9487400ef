"""Torch work versus torch's slow lazy imports (torch._dynamo, sympy), across threads.

The window warms those imports up on a background thread (gui/training_run.warm_up) so
that Start does not stall later. Torch work on another thread at the same moment can
reach the same lazy imports through torch's own decorators and find them half done
("partially initialized module 'torch._dynamo'"). So the warm-up runs exclusively, and
every computation — the worker's traces and gradients, a long trace's chunks recomputed
on the GUI thread — shares: computations run side by side, never beside the warm-up.
Torch-free, so the window can import it before torch.
"""

from __future__ import annotations

import contextlib
import threading


class SharedOrExclusive:
    """Many `shared()` holders at once, or one `exclusive()` holder alone."""

    def __init__(self):
        self._cond = threading.Condition()
        self._shared = 0
        self._exclusive = False

    @contextlib.contextmanager
    def shared(self):
        with self._cond:
            while self._exclusive:
                self._cond.wait()
            self._shared += 1
        try:
            yield
        finally:
            with self._cond:
                self._shared -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self):
        with self._cond:
            while self._exclusive or self._shared:
                self._cond.wait()
            self._exclusive = True
        try:
            yield
        finally:
            with self._cond:
                self._exclusive = False
                self._cond.notify_all()


TORCH_WORK = SharedOrExclusive()
