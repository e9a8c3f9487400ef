"""The unrolled graph's part for what-if runs (graph_view.py): nodes coloured by the
difference edited − original, the step the edits reach first marked, and the right-click
menu that starts an edit from a node with its values filled in."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QMenu

from rnnviz.gui.colors import nice_bound
from rnnviz.gui.i18n import tr
from rnnviz.gui.views.edit_menu import ask_edit
from rnnviz.gui.views.graph_layout import Row, graph_rows, row_values


class EditedRun:
    """GraphView's part for an edited run shown against its original."""

    def set_difference_mode(self, on: bool) -> None:
        """What if: colour the nodes by edited − original (True) or by the edited run's
        values (False). Only matters while the snapshot holds an original."""
        self.difference_mode = bool(on)
        if self.sim.trace is not None:
            self._on_trace_changed()
            self._on_cursor_changed(self.sim.t)

    def showing_difference(self) -> bool:
        """Whether the nodes are coloured by edited − original now."""
        snap = self.sim.snapshot
        return (self.difference_mode and snap is not None and snap.original is not None
                and snap.s2s is None and not self.gradient_mode
                and not hasattr(snap.trace, "window"))  # a long trace is never edited

    def _differences(self, row: Row, b: int) -> list[tuple[str, np.ndarray]]:
        """(name, edited − original (T, U)) of a row's strips: an LSTM layer's c, then the
        row's own values; the names are those of its value strips ("h", "c", "x", "p")."""
        edited, original = self.sim.snapshot.trace, self.sim.snapshot.original
        out = []
        if row.kind == "layer" and edited.spec.cell == "lstm":
            out.append(("c", edited.part(row.layer, row.direction, "c")[:, b]
                        - original.part(row.layer, row.direction, "c")[:, b]))
        values, part = row_values(edited, row, b)
        name = {"layer": "h", "cat": "h"}.get(row.kind, part)
        out.append((name, values - row_values(original, row, b)[0]))
        return out

    def _difference_bounds(self, b: int) -> dict[str, float]:
        """One fixed symmetric level per part shown (h, c, x, y/p) over the whole run: the
        largest |edited − original|, rounded up to 1, 2 or 5 × 10^k."""
        peaks: dict[str, float] = {}
        for row in graph_rows(self.sim.snapshot.trace.spec):
            for name, diff in self._differences(row, b):
                finite = np.abs(diff[np.isfinite(diff)])
                peak = float(finite.max()) if finite.size else 0.0
                peaks[name] = max(peaks.get(name, 0.0), peak)
        return {name: nice_bound(peak) for name, peak in peaks.items()}

    def _mark_divergence(self) -> None:
        """A dashed line before the first step at which the edited run differs."""
        snap = self.sim.snapshot
        at = None if snap is None or snap.original is None or snap.s2s is not None \
            else snap.diverges_at
        self._diverge.setVisible(at is not None)
        if at is not None:
            self._diverge.setPos(at - 0.5)
            self._diverge.label.setFormat(tr("edits reach here (t = {t})").format(t=at))

    # ----- right-click: what if? ---------------------------------------------------------------
    def context_menu(self, x: float, y: float) -> QMenu:
        """The menu of a right-click at view coordinates (x, y): on a node, edits prefilled
        with its values (the window's edit dialog opens on them); with edits, the toggle
        between the difference and the values."""
        menu = QMenu(self)
        snap = self.sim.snapshot
        node = self.node_at(x, y)
        if node is not None and snap is not None and snap.s2s is None \
                and not hasattr(snap.trace, "window"):  # long traces and seq2seq: no edits
            _block, t, row = node
            if row.kind in ("x", "layer"):
                menu.addAction(tr("Change the input at t = {t}…").format(t=t),
                               lambda: ask_edit(self, "edit-x", self.input_prefill(t)))
            if row.kind == "layer":
                parts = ["h", "c"] if snap.trace.spec.cell == "lstm" else ["h"]
                for part in parts:
                    menu.addAction(tr("Hold {part}[{unit}] here (t = {t})…").format(
                        part=part, unit=self.sim.unit, t=t),
                                   lambda p=part: ask_edit(self, "clamp", self.hold_prefill(
                                       row, t, p)))
        if snap is not None and snap.original is not None and snap.s2s is None:
            if not menu.isEmpty():
                menu.addSeparator()
            toggle = menu.addAction(tr("Colour by difference (edited − original)"))
            toggle.setCheckable(True)
            toggle.setChecked(self.difference_mode)
            toggle.toggled.connect(self.set_difference_mode)
        return menu

    def input_prefill(self, t: int) -> str:
        """'t=value' for an edit of the input at t, as it is now: the character or token
        fed there, or the numbers (one when every feature has it)."""
        snap, b = self.sim.snapshot, self.sim.batch_index
        fed = snap.sequence.fed(b) if snap.sequence is not None else None
        if fed is not None and t < len(fed) and fed[t] and fed[t].strip() \
                and "," not in fed[t] and not _numeric(fed[t]):
            return f"{t}={fed[t]}"
        row = np.asarray(snap.trace.x[t, b], dtype=float)
        if row.size and np.all(row == row[0]):
            return f"{t}={row[0]:.4g}"
        return f"{t}=" + ",".join(f"{v:.4g}" for v in row)

    def hold_prefill(self, row: Row, t: int, part: str = "h") -> str:
        """'l{layer}.{dir}.{part}[unit]=value@t': the selected unit's state held at t."""
        unit = self.sim.unit
        value = float(self.sim.trace.part(row.layer, row.direction, part)[
            t, self.sim.batch_index, unit])
        return f"l{row.layer}.{row.direction}.{part}[{unit}]={value:.3g}@{t}"


def _numeric(text: str) -> bool:
    """Whether an edit would read `text` as a number (a digit fed as text is not one)."""
    try:
        float(text)
    except ValueError:
        return False
    return True
