"""Files the tests make: a checkpoint trained by rnnviz in a few steps (with its sidecar
and example input), to be carried, moved and opened again."""

from __future__ import annotations

from pathlib import Path


def tiny_checkpoint(folder: Path, name: str = "m.pt", cell: str = "gru",
                    hidden: int = 4, steps: int = 3) -> Path:
    """`rnnviz train --task adding` for a few steps into folder/name."""
    from rnnviz.cli import main

    path = folder / name
    assert main(["train", "--task", "adding", "--cell", cell, "--hidden-size", str(hidden),
                 "--steps", str(steps), "-o", str(path)]) == 0
    return path
