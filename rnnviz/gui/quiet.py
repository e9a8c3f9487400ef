"""Updating widgets from the model without their change signals echoing back as edits."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSignalBlocker


@contextlib.contextmanager
def quiet(*widgets):
    """Block the widgets' signals inside the block (a QSignalBlocker per widget)."""
    blockers = [QSignalBlocker(w) for w in widgets]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()
