"""`rnnviz bench`: how much keeping every gate costs next to torch.nn's fused forward.

A benchmark, not a test: machines are shared and noisy, so compare the ratio within
one run. Each timing is the best of `repeat` runs after one warm-up, the two
contenders alternating.
"""

from __future__ import annotations

import argparse
import json
import platform
import time


def add_bench_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--part", choices=["core", "gui", "export", "all"], default="all",
                        help="core: trace vs torch.nn; gui: step latency, play rate, launch; "
                        "export: 2x PNG and 100-frame GIF")
    parser.add_argument("--device", default="cpu", help="auto, cpu, cuda, cuda:N or mps")
    parser.add_argument("--cells", nargs="+", default=["lstm", "gru", "rnn"],
                        choices=["lstm", "gru", "rnn"])
    parser.add_argument("--hidden", nargs="+", type=int, default=[64, 256, 1024])
    parser.add_argument("--length", type=int, default=1000, help="time steps T")
    parser.add_argument("--input-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best kept)")
    parser.add_argument("--method", choices=["fast", "step"], default="fast")


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

            t_torch, t_trace = _best_pair(torch_forward, trace, args.repeat, sync)
            rows.append({
                "cell": cell, "hidden": hidden, "steps": args.length,
                "torch_us_per_step": round(1e6 * t_torch / args.length, 2),
                "trace_us_per_step": round(1e6 * t_trace / args.length, 2),
                "ratio": round(t_trace / t_torch, 2),
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
    reports = []
    if args.part in ("core", "all"):
        reports.append(bench_core(args))
    if args.part in ("gui", "all"):
        from rnnviz.gui.bench_gui import bench_gui

        reports.append(bench_gui(args))
    if args.part in ("export", "all"):
        from rnnviz.gui.bench_gui import bench_export

        reports.append(bench_export(args))
    print(json.dumps(reports[0] if len(reports) == 1 else reports, indent=2))
    return 0
