"""States' heatmaps of an edited run: coloured by edited − original (state_view.py).

After an edit the graph's nodes show the difference by default; the heatmaps do the same,
so "f held at 1 from t = 10" reads as the units whose memory departs from the original
run, and how far, step by step. The scale is symmetric and fixed over the whole run (the
largest |Δ|, rounded to 1, 2 or 5 × 10^k), as the graph's is; a right-click on a heatmap
switches between the difference and the values."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from rnnviz.core.trace_keys import part_key
from rnnviz.gui.colors import nice_bound, scale_for
from rnnviz.gui.i18n import tr


def difference(original, layer: int, direction: str, name: str, batch: int,
               values: np.ndarray) -> tuple[np.ndarray, tuple]:
    """(edited − original (T, units), its scale) of h or c of the selected cell; `values`
    are the edited run's (T, units)."""
    before = original.parts[part_key(layer, direction, name)][:, batch]
    # in the run's own precision, then float32 for the image (a float64 run's small
    # differences would round away if cast first)
    delta = (np.asarray(values) - before).astype(np.float32)
    size = np.abs(delta)
    peak = float(size.max()) if size.size else 0.0
    if not np.isfinite(peak):  # a run that overflowed: the scale of the finite part
        finite = size[np.isfinite(size)]
        peak = float(finite.max()) if finite.size else 0.0
    return delta, scale_for(name, nice_bound(peak))


def axis_label(name: str, showing_difference: bool) -> str:
    """The heatmap's left label: which part, and whether it is the difference."""
    labels = {("h", False): tr("h: unit"), ("c", False): tr("c: unit"),
              ("h", True): tr("Δh: unit"), ("c", True): tr("Δc: unit")}
    return labels[name, showing_difference]


def toggle_menu(parent, checked: bool, on_toggled) -> QMenu:
    """The heatmaps' right-click menu while an edited run is shown (deleted once closed)."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WA_DeleteOnClose)
    toggle = menu.addAction(tr("Colour by difference (edited − original)"))
    toggle.setCheckable(True)
    toggle.setChecked(checked)
    toggle.toggled.connect(on_toggled)
    return menu
