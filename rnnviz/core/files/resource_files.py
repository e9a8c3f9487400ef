"""Files in resources/: installed as the package rnnviz.resources, or beside the source."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource(name: str) -> Path:
    """Path of resources/<name>, in an installed package or a plain source checkout."""
    try:
        path = Path(str(files("rnnviz.resources").joinpath(name)))
    except ModuleNotFoundError:  # running from a checkout that was never pip-installed
        path = Path(__file__).resolve().parents[3] / "resources" / name
    return path
