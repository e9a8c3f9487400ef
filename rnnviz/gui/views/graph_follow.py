"""Where the unrolled graph's view goes when t moves (graph_view.py): a pure function.

Going forward, t sits RIGHT_SLOT columns from the right edge (the next step shows,
faded), and the view slides as soon as t passes that slot; it never slides past the
room the last step has (END_ROOM: also the first view's right edge), so a sequence that
fits stays in its first view. Backwards, t goes to the left edge. A step and a jump to t
then leave the same view, so every frame of a forward animation equals the still of its
step (when the view slid only as t left the edge, every other frame was a column off);
tests/test_graph_follow.py checks that over many widths and lengths.
"""

from __future__ import annotations

RIGHT_SLOT = 1.6  # going forward, t's column sits this far left of the right edge
END_ROOM = 0.7  # ... and the last step's this far: the first view's right edge too
LEFT_ROOM = 0.6  # going backwards, t's column sits this far right of the left edge


def followed(x0: float, x1: float, x: float, last: float) -> float | None:
    """The new left edge of a view (x0, x1) for the current column x, or None to stay;
    `last` is the x of the timeline's last step."""
    width = x1 - x0
    slot = min(RIGHT_SLOT, width / 2)  # zoomed in to a column or two: t stays in view
    if x0 + 0.5 <= x <= x1 - slot + 1e-6:
        return None
    if x > x1 - slot:  # forward, but never past the last column's room
        start = min(x - width + slot, last + END_ROOM - width)
        if start <= x0 and x0 + 0.5 <= x:
            return None  # the end is in view already (a short sequence: the first view)
        return start
    return x - LEFT_ROOM
