"""One rule for figure and animation sizes, shared by the CLI and the dialogs."""

import math

import pytest

from rnnviz.core.errors import RnnvizError
from rnnviz.figure_size import check_figure_size, parse_size, render_bytes, render_size

GIB = 2**30


@pytest.mark.parametrize("text, size", [("1600x1000", (1600, 1000)),
                                        ("1600×1000", (1600, 1000)),
                                        (" 800 X 600 ", (800, 600)),
                                        ("0x100", (0, 100))])  # form only: checked later
def test_parse_size_reads_both_times_signs(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["big", "1600", "1600x", "x1000", "-5x100", "1.5x2",
                                  "16x16x16", ""])
def test_parse_size_refuses_other_forms_naming_the_form(text):
    with pytest.raises(RnnvizError, match=r"--size .*write it as WIDTHxHEIGHT .*1600x1000"):
        parse_size(text)


def test_a_sensible_figure_and_animation_pass():
    check_figure_size(1600, 1000, 2, available=16 * GIB)
    check_figure_size(1400, 900, 1, frames=200, available=16 * GIB)
    check_figure_size(64, 64, 0.25, available=GIB)
    check_figure_size(1920, 1080, 8, available=None)  # the machine's own memory


@pytest.mark.parametrize("width, height, scale, match", [
    (0, 600, 1, r"a 0×600 figure is empty; choose a --size of at least 64x64"),
    (-800, 600, 1, r"a -800×600 figure is empty; choose a --size of at least 64x64"),
    (40, 600, 1, r"a 40×600 figure is too small to read; choose a --size of at least 64x64"),
    (math.nan, 600, 1, r"--size nan×600 is not a size; give whole pixels"),
    (math.inf, 600, 1, r"--size inf×600 is not a size; give whole pixels"),
    (800, 600, 0, r"--scale 0: use a value from 0.25 to 8"),
    (800, 600, 0.1, r"--scale 0.1: use a value from 0.25 to 8"),
    (800, 600, 9, r"--scale 9: use a value from 0.25 to 8"),
    (800, 600, -2, r"--scale -2: use a value from 0.25 to 8"),
    (800, 600, math.nan, r"--scale nan: use a value from 0.25 to 8"),
])
def test_impossible_values_are_refused_with_the_fix(width, height, scale, match):
    with pytest.raises(RnnvizError, match=match) as caught:
        check_figure_size(width, height, scale, available=64 * GIB)
    assert "\n" not in str(caught.value)


def test_a_figure_too_big_for_memory_states_the_estimate():
    """40000×40000 at 2× is 80000² pixels: 4 bytes each, and the render holds the image
    twice more while it is made: about 72 GiB."""
    assert render_size(40000, 40000, 2) == (80000, 80000)
    assert render_bytes(40000, 40000, 2) == 80000 * 80000 * 4 * 3
    with pytest.raises(RnnvizError) as caught:
        check_figure_size(40000, 40000, 2, available=16 * GIB)
    assert str(caught.value) == ("a 40000×40000 figure at 2× needs about 71.5 GiB of memory "
                                 "but only 16.0 GiB is available; choose a smaller --size "
                                 "or --scale")


def test_an_animation_counts_its_frames():
    """100 frames of 1400×900 at 2×: 5040000 pixels × 4 bytes × (100 + 2) = 1.9 GiB."""
    check_figure_size(1400, 900, 2, frames=100, available=4 * GIB)
    with pytest.raises(RnnvizError, match=r"^100 frames of 1400×900 at 2× need about 1\.9 GiB "
                                          r"of memory but only 2\.0 GiB is available; choose "
                                          r"fewer steps, or a smaller --size or --scale$"):
        check_figure_size(1400, 900, 2, frames=100, available=2 * GIB)


def test_the_dialogs_name_their_fields():
    with pytest.raises(RnnvizError, match="choose a size of at least 64x64"):
        check_figure_size(10, 10, names=("size", "scale"))
    with pytest.raises(RnnvizError, match="^scale 20: use"):
        check_figure_size(100, 100, 20, names=("size", "scale"))
