"""`rnnviz bench`: how much keeping every gate costs next to torch.nn's fused forward.

A benchmark, not a test: machines are shared and noisy, so compare the ratio within
one run. Each timing is the best of `repeat` runs after one warm-up, the two
contenders alternating.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import subprocess
import sys
import time


def add_bench_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--part", choices=["core", "gui", "export", "long", "all"],
                        default="all",
                        help="core: trace vs torch.nn; gui: step latency, play rate, launch; "
                        "export: 2x PNG and 100-frame GIF; long: the window on a sequence "
                        "longer than memory (not in 'all': it takes minutes)")
    parser.add_argument("--long-steps", type=int, default=1_000_000,
                        help="time steps of --part long (default 1,000,000)")
    parser.add_argument("--device", default="cpu", help="auto, cpu, cuda, cuda:N or mps")
    parser.add_argument("--cells", nargs="+", default=["lstm", "gru", "rnn"],
                        choices=["lstm", "gru", "rnn"])
    parser.add_argument("--hidden", nargs="+", type=int, default=[64, 256, 1024])
    parser.add_argument("--length", type=int, default=1000, help="time steps T")
    parser.add_argument("--input-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best kept)")
    parser.add_argument("--method", choices=["fast", "step"], default="fast")
    parser.add_argument("--busy", type=int, default=0, metavar="N",
                        help="also measure with N other processes spinning (a busy desktop): "
                             "each part reports quiet and busy")


@contextlib.contextmanager
def spinning(count: int):
    """`count` other processes keeping a core busy each, as a user's desktop does."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                for _ in range(count)]
    try:
        time.sleep(0.5 if count else 0)  # let them take their cores
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def _seconds(fn, sync) -> float:
    start = time.perf_counter()
    fn()
    sync()
    return time.perf_counter() - start


def _best_pair(first, second, repeat: int, sync) -> tuple[float, float]:
    """Best times of two functions run alternately, so load changes hit both alike."""
    _seconds(first, sync), _seconds(second, sync)  # warm-up
    a = b = float("inf")
    for _ in range(repeat):
        a = min(a, _seconds(first, sync))
        b = min(b, _seconds(second, sync))
    return a, b


def bench_core(args) -> dict:
    import torch

    from rnnviz.core.devices import resolve_device
    from rnnviz.core.network import Network
    from rnnviz.core.spec import NetworkSpec
    from rnnviz.core.threads import torch_threads
    from rnnviz.core.trace import compute_trace

    choice = resolve_device(args.device)
    device = choice.device
    sync = (lambda: torch.cuda.synchronize(device)) if device.type == "cuda" else (lambda: None)
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(args.length, 1, args.input_size, generator=generator)  # (T, 1, I)
    rows = []
    for hidden in args.hidden:
        for cell in args.cells:
            net = Network.random(NetworkSpec(cell, args.input_size, hidden), seed=0)
            # Frozen parameters: nn.GRU's CPU forward is ~25% faster without autograd
            # bookkeeping, and the baseline should be torch at its best.
            module = net.to_rnn_module().to(device).requires_grad_(False)
            xd = x.to(device)

            def torch_forward(module=module, xd=xd):
                with torch.no_grad():
                    module(xd)

            def trace(net=net):
                compute_trace(net, x, device=str(device), method=args.method)

            def torch_one_thread(forward=torch_forward):
                with torch_threads(1):
                    forward()

            t_torch, t_trace = _best_pair(torch_forward, trace, args.repeat, sync)
            t_one, _ = _best_pair(torch_one_thread, lambda: None, args.repeat, sync)
            rows.append({
                "cell": cell, "hidden": hidden, "steps": args.length,
                "torch_us_per_step": round(1e6 * t_torch / args.length, 2),
                "torch_1_thread_us_per_step": round(1e6 * t_one / args.length, 2),
                "trace_us_per_step": round(1e6 * t_trace / args.length, 2),
                "ratio": round(t_trace / t_torch, 2),
                "ratio_to_1_thread": round(t_trace / t_one, 2),
            })
    return {
        "part": "core",
        "device": choice.describe(),
        "method": args.method,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "machine": platform.processor() or platform.machine(),
        "results": rows,
    }


def run_bench(args) -> int:
    parts = []
    if args.part in ("core", "all"):
        parts.append(bench_core)
    if args.part in ("gui", "all"):
        from rnnviz.gui.bench_gui import bench_gui

        parts.append(bench_gui)
    if args.part in ("export", "all"):
        from rnnviz.gui.bench_gui import bench_export

        parts.append(bench_export)
    if args.part == "long":
        from rnnviz.gui.bench_long import bench_long

        parts.append(bench_long)
    reports = []
    for part in parts:
        if not args.busy:
            reports.append(part(args))
            continue
        quiet = part(args)
        with spinning(args.busy):
            busy = part(args)
        reports.append({"part": quiet["part"], "quiet": quiet,
                        f"busy ({args.busy} spinning)": busy})
    print(json.dumps(reports[0] if len(reports) == 1 else reports, indent=2))
    return 0
