"""Items still while t moves, in views repainted whole at every step, kept as pixmaps.

A step or a scrub repaints the graph, the cell diagram and States over most of their
area; what does not change there (labels, unit indices, colour legends, States' whole
sequence) is then blitted from a pixmap instead of drawn again. Exports never see the
pixmaps: figure.vector_symbols turns every item cache off while it draws, so they stay
text and paths in SVG and PDF. Qt keeps the pixmaps in its pixmap cache, which the
window makes room for (app.PIXMAP_CACHE_KIB).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem


def keep_as_pixmap(item: QGraphicsItem, on: bool = True) -> None:
    """`item` blitted from a pixmap on screen (or drawn at every paint, `on` False)."""
    mode = QGraphicsItem.DeviceCoordinateCache if on else QGraphicsItem.NoCache
    if item.cacheMode() != mode:
        item.setCacheMode(mode)
