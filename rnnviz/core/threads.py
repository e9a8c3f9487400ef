"""How many CPU threads torch may use for a piece of work: by its size and the machine's load.

A batch-1 recurrence is T small GEMMs, each a parallel region: when another program
holds a core and one of torch's threads is descheduled, every step waits for it.
Measured on the project's 2-core machine (torch 2.13, median of 3):

| work | quiet, 1 / 2 threads | one core busy, 1 / 2 threads |
|---|---|---|
| nn.LSTM(16, 64), T=1000 | 1.5 / 2.0 ms | 1.5 / 6.0 ms |
| nn.LSTM(16, 256), T=1000 | 17.8 / 9.2 ms | 18.3 / 18.0 ms |
| nn.LSTM(1, 256), T=5000 | 101 / 60 ms | 100–103 / 115–246 ms |
| nn.LSTM(16, 1024), T=300 | 111 / 45 ms | 108 / 92 ms |

So: small work always on one thread (the pool costs more than it gives), and larger work
on the cores that are free right now — all of them on a quiet machine, fewer when other
programs keep cores busy. The load of the other programs is /proc/stat's busy time
minus this process's own CPU time, over the time since the last look (or, the first
time, over a short sample), and only for work big enough to be worth it.
"""

from __future__ import annotations

import contextlib
import os
import time

import torch

SMALL_WORK = 1e7  # steps × batch × hidden²: below this (H=64 at T=1000: 4e6) one thread wins
SAMPLE_S = 0.03  # how long the load is sampled when there is no recent reading
FRESH_S = (0.05, 10.0)  # a previous reading this old gives the load without waiting
_last: tuple[float, int, int, float] | None = None  # (when, busy, total, own CPU seconds)
_last_busy = 0.0  # what that reading gave: reused for calls closer together than FRESH_S
TORCH_DEFAULT = torch.get_num_threads()  # torch's own choice (physical cores): never more


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _reading() -> tuple[float, int, int, float] | None:
    """(when, busy, total) jiffies of all CPUs from /proc/stat (Linux), and this process's
    own CPU seconds."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    own = os.times()
    return time.monotonic(), sum(values) - idle, sum(values), own.user + own.system


def busy_cores(sample_s: float = SAMPLE_S) -> float:
    """How many of the machine's cores other programs keep busy (this process's own work
    left out)."""
    global _last, _last_busy
    current = _reading()
    if current is None:  # not Linux: the 1-minute load average, which lags but exists
        try:
            return float(os.getloadavg()[0])
        except (AttributeError, OSError):
            return 0.0
    first = _last
    if first is not None and current[0] - first[0] < FRESH_S[0]:
        return _last_busy  # asked again at once (a loop of traces): the same answer
    if first is None or current[0] - first[0] > FRESH_S[1]:
        time.sleep(sample_s)
        first, current = current, _reading()
    _last = current
    total = current[2] - first[2]
    if total <= 0:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    others = (current[1] - first[1]) - (current[3] - first[3]) * ticks
    _last_busy = max(0.0, (os.cpu_count() or 1) * others / total)
    return _last_busy


def threads_for(steps: int, batch: int, hidden: int, device: torch.device | str = "cpu",
                load: float | None = None) -> int:
    """Threads for a recurrence of `steps` × `batch` over `hidden` units on `device`."""
    if _device_kind(device) != "cpu":
        return torch.get_num_threads()  # the GPU does the work; leave the host alone
    cores = min(cpu_count(), TORCH_DEFAULT)  # the cores this process may use
    if cores == 1 or steps * batch * hidden * hidden < SMALL_WORK:
        return 1
    busy = busy_cores() if load is None else load
    free = (os.cpu_count() or cores) - busy  # machine-wide; other programs may run anywhere
    return max(1, min(cores, round(free)))


def _device_kind(device: torch.device | str) -> str:
    if isinstance(device, torch.device):
        return device.type
    if str(device) == "auto":  # the device "auto" will pick
        from rnnviz.core.devices import resolve_device

        return resolve_device("auto").device.type
    return str(device).split(":")[0]


@contextlib.contextmanager
def torch_threads(count: int):
    """torch's intra-op threads set to `count` for the work inside, restored after."""
    before = torch.get_num_threads()
    if count != before:
        torch.set_num_threads(count)
    try:
        yield
    finally:
        if torch.get_num_threads() != before:
            torch.set_num_threads(before)
