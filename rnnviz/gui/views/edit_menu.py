"""Right-click edits: the views ask the main window's edit dialog for an edit, prefilled."""

from __future__ import annotations

KINDS = ("edit-x", "clamp", "set")  # as core/interventions.py names them


def ask_edit(widget, kind: str, prefill: str) -> bool:
    """Open the window's edit dialog on an edit of `kind` prefilled with `prefill` (the edit
    without its kind, e.g. "l0.fwd.f[3]=0.52@12:"). A view lent to the stage or a figure
    finds the main window through its parents. False when no window offers the dialog."""
    assert kind in KINDS, kind
    window = widget.window()
    while window is not None and not hasattr(window, "ask_edit"):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    if window is None:
        return False
    window.ask_edit(kind, prefill)
    return True
