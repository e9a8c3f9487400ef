"""The README's command lines run as written, and its screenshots are what they make."""

import re
import shlex
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from rnnviz.cli import SUBCOMMANDS, build_parser, main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [line for block in re.findall(r"```bash\n(.*?)```", README, re.S)
            for line in block.splitlines() if line.startswith("rnnviz ")]


def test_readme_has_commands_and_each_parses():
    assert len(COMMANDS) >= 8
    parser = build_parser()
    for line in COMMANDS:
        argv = shlex.split(line.split("#")[0])[1:]
        if argv[0] not in SUBCOMMANDS:
            argv.insert(0, "gui")  # as main() does: the window is the default command
        parser.parse_args(argv)  # exits (fails the test) on an unknown flag


def test_readme_images_exist():
    for path in re.findall(r"\]\((resources/screenshots/[^)]+)\)", README):
        assert (ROOT / path).is_file(), path


SNAPSHOT_PNGS = [line for line in COMMANDS if line.startswith("rnnviz snapshot") and
                 ".png" in line]


@pytest.mark.parametrize("line", SNAPSHOT_PNGS)
def test_readme_screenshot_is_still_what_its_command_makes(tmp_path, qapp, capsys, line):
    argv = shlex.split(line)[1:]
    target = argv[argv.index("-o") + 1]
    argv[argv.index("-o") + 1] = str(tmp_path / "now.png")
    assert main(argv) == 0, capsys.readouterr().err
    now = np.asarray(Image.open(tmp_path / "now.png").convert("RGB")).astype(int)
    committed = np.asarray(Image.open(ROOT / target).convert("RGB")).astype(int)
    assert now.shape == committed.shape, f"re-run the README command for {target}"
    rows = slice(0, now.shape[0] - 30)  # the status bar shows timings
    changed = (np.abs(now[rows] - committed[rows]).max(axis=-1) > 48).mean()
    assert changed < 0.005, f"{target} is out of date ({changed:.2%} changed): re-run its command"
