"""Where the graph's view goes as t moves (gui/views/graph_follow.py), without Qt: a step
and a jump to t leave the same view (so animation frames equal stills), t stays in view,
and the view never slides past the last step's room."""

import pytest

from rnnviz.gui.views.graph_follow import END_ROOM, followed

FIRST_LEFT = -0.6  # the graph's first view: (-0.6, min(columns, 24) - 1 + END_ROOM)


def first_view(columns: int, width: float) -> tuple[float, float]:
    return FIRST_LEFT, FIRST_LEFT + min(width, columns - 1 + END_ROOM - FIRST_LEFT)


def moved(view: tuple[float, float], x: float, last: float) -> tuple[float, float]:
    start = followed(*view, x, last)
    return view if start is None else (start, start + view[1] - view[0])


@pytest.mark.parametrize("columns", [5, 16, 24, 25, 26, 40, 300])
@pytest.mark.parametrize("width", [1.2, 3.0, 10.3, 24.3, 60.0])
def test_a_step_and_a_jump_leave_the_same_view(columns, width):
    last = columns - 1
    stepped = first_view(columns, width)
    for t in range(columns):
        stepped = moved(stepped, t, last)
        jumped = moved(first_view(columns, width), t, last)
        assert stepped == pytest.approx(jumped), t
        x0, x1 = stepped
        assert x0 <= t <= x1, (t, stepped)  # t in view
        assert x1 <= max(last + END_ROOM, first_view(columns, width)[1]) + 1e-9


def test_a_sequence_that_fits_stays_in_its_first_view():
    view = first_view(16, 24.3)
    for t in range(16):
        assert followed(*view, t, 15) is None


def test_backwards_t_goes_to_the_left_edge():
    view = (100.4, 124.7)
    start = followed(*view, 90, 299)
    assert start == pytest.approx(89.4)
    assert followed(89.4, 113.7, 90, 299) is None  # in view: stays
