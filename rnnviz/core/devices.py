"""Choosing where the trace is computed: "auto" | "cpu" | "cuda[:n]" | "mps".

A device that was asked for but is missing falls back to the CPU with a reason the
app shows the user, instead of failing: the numbers are the same, only slower.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from rnnviz.core.errors import RnnvizError


@dataclass(frozen=True)
class DeviceChoice:
    device: torch.device
    requested: str
    reason: str | None = None  # why the device differs from the request, when it does

    def describe(self) -> str:
        text = str(self.device)
        if self.device.type == "cuda":
            text += f" ({torch.cuda.get_device_name(self.device)})"
        return text + (f" — {self.reason}" if self.reason else "")


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend and backend.is_available())


def resolve_device(request: str | torch.device = "auto") -> DeviceChoice:
    """The device to use for `request`, falling back to CPU with a stated reason."""
    text = str(request).strip().lower()
    if text == "auto":
        if torch.cuda.is_available():
            return DeviceChoice(torch.device("cuda", torch.cuda.current_device()), text)
        if _mps_available():
            return DeviceChoice(torch.device("mps"), text)
        return DeviceChoice(torch.device("cpu"), text, None)
    try:
        device = torch.device(text)
    except RuntimeError:
        raise RnnvizError(
            f"unknown device {request!r}; use auto, cpu, cuda, cuda:N or mps"
        ) from None
    if device.type == "cpu":
        return DeviceChoice(device, text)
    if device.type == "cuda":
        if not torch.cuda.is_available():
            why = "this torch build has no CUDA" if torch.version.cuda is None \
                else "no CUDA GPU is visible"
            return DeviceChoice(torch.device("cpu"), text, f"{why}; using the CPU")
        count = torch.cuda.device_count()
        index = device.index if device.index is not None else torch.cuda.current_device()
        if index >= count:
            return DeviceChoice(torch.device("cpu"), text,
                                f"cuda:{index} does not exist ({count} GPU(s)); using the CPU")
        return DeviceChoice(torch.device("cuda", index), text)
    if device.type == "mps":
        if not _mps_available():
            return DeviceChoice(torch.device("cpu"), text, "MPS is not available; using the CPU")
        return DeviceChoice(device, text)
    raise RnnvizError(f"device {request!r} is not supported; use auto, cpu, cuda or mps")
