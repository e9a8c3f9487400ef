"""One default per setting, whichever door the user comes in by: the window's demo, its
Config, a launch with flags and `rnnviz trace` agree (issue 17: the sine's frequency was
0.040 in the window and 0.05 on the command line)."""

from rnnviz.cli.main import build_parser
from rnnviz.core.sequences import SINE_FREQUENCY, make_preset, sine
from rnnviz.gui.config import Config, demo_config


def test_the_sine_frequency_is_one_default_for_the_window_and_the_command_line():
    parser = build_parser()
    trace = parser.parse_args(["trace", "-o", "run.npz"])
    launch = parser.parse_args(["gui", "--hidden-size", "4"])
    window = {demo_config().frequency, Config().frequency, Config.from_args(launch).frequency}
    assert window == {trace.frequency} == {SINE_FREQUENCY}


def test_the_library_presets_use_the_same_default():
    assert sine(length=30).values.tolist() == sine(length=30,
                                                  frequency=SINE_FREQUENCY).values.tolist()
    assert make_preset("square", length=30).values.tolist() == make_preset(
        "square", length=30, frequency=SINE_FREQUENCY).values.tolist()
