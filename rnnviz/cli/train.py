"""`rnnviz train`: train on a bundled task, print progress, write a checkpoint."""

from __future__ import annotations

import argparse
import sys

from rnnviz.core.errors import RnnvizError
from rnnviz.core.spec import CELLS, NONLINEARITIES
from rnnviz.core.tasks import TASK_NAMES
from rnnviz.core.topology import CONTEXT_MODES, TOPOLOGIES
from rnnviz.core.train_settings import OPTIMIZERS, TrainSettings


def add_train_args(parser: argparse.ArgumentParser) -> None:
    d = TrainSettings()
    parser.add_argument("--task", choices=TASK_NAMES, required=True,
                        help="sine, chars (N→N), adding, sign (N→1), reverse, copy (seq2seq); "
                        "see the README")
    parser.add_argument("-o", "--output", required=True, metavar="MODEL.pt",
                        help="checkpoint (a state_dict; MODEL.rnnviz.json goes beside it)")
    parser.add_argument("--cell", choices=CELLS, default=d.cell)
    parser.add_argument("--nonlinearity", choices=NONLINEARITIES, default=d.nonlinearity)
    parser.add_argument("--hidden-size", "--hidden", type=int, default=d.hidden_size)
    parser.add_argument("--num-layers", "--layers", type=int, default=d.num_layers)
    parser.add_argument("--steps", "--epochs", type=int, default=d.steps,
                        help="optimizer steps; each takes a fresh batch of generated data, so "
                        "--epochs means the same")
    parser.add_argument("--lr", type=float, default=d.lr, help="learning rate")
    parser.add_argument("--batch-size", type=int, default=d.batch_size)
    parser.add_argument("--optimizer", choices=OPTIMIZERS, default=d.optimizer)
    parser.add_argument("--clip", type=float, default=d.clip,
                        help="max gradient norm (0: no clipping)")
    parser.add_argument("--seed", type=int, default=d.seed, help="seed of weights and data")
    parser.add_argument("--device", default=d.device, help="cpu, cuda, auto, ...")
    parser.add_argument("--force", action="store_true", help="replace an existing checkpoint")
    g = parser.add_argument_group("sequence shape (each task has its own; seq2seq tasks train "
                                  "an encoder and a decoder)")
    g.add_argument("--topology", choices=TOPOLOGIES,
                   help="check that the task has this shape (default: the task's)")
    g.add_argument("--decoder-cell", choices=CELLS, help="seq2seq: decoder cell (default --cell)")
    g.add_argument("--context", choices=CONTEXT_MODES, default=d.context,
                   help="seq2seq: the context as the decoder's h0 (init) or an input each step")
    g.add_argument("--context-map", action="store_true",
                   help="seq2seq: a Linear between the encoder's final state and the decoder")


def cmd_train(args) -> int:
    from rnnviz.core.files.checkpoint import save_trained, sidecar_path
    from rnnviz.core.training import Trainer
    from rnnviz.export import prepare_target

    settings = TrainSettings(task=args.task, cell=args.cell, nonlinearity=args.nonlinearity,
                             hidden_size=args.hidden_size, num_layers=args.num_layers,
                             steps=args.steps, lr=args.lr, batch_size=args.batch_size,
                             optimizer=args.optimizer, clip=args.clip, seed=args.seed,
                             device=args.device, topology=args.topology,
                             decoder_cell=args.decoder_cell, context=args.context,
                             context_map=args.context_map)
    path = prepare_target(args.output, (".pt", ".pth", ".safetensors"), args.force)
    if path.suffix.lower() == ".safetensors":
        try:
            import safetensors  # noqa: F401
        except ImportError:
            raise RnnvizError("writing .safetensors needs the safetensors package: pip install "
                              "safetensors (or write a .pt file)") from None
    if sidecar_path(path).exists() and not args.force:
        raise RnnvizError(f"{sidecar_path(path)} already exists; pass --force to replace it")
    trainer = Trainer(settings)
    task = trainer.task
    print(f"training {trainer.spec.title()} on '{task.name}' ({task.description}) for "
          f"{settings.steps} steps on {trainer.device.describe()}; goal: {task.goal}")
    every = max(1, settings.steps // 10)

    def report(p) -> None:
        if p.step % every == 0 or p.step == p.steps:
            metric = "" if p.metric is None else f"  val {task.metric_name} {p.metric:.4f}"
            print(f"step {p.step:>6}/{p.steps}  loss {p.loss:.4f}{metric}  "
                  f"eta {p.eta:.0f} s", flush=True)

    result = trainer.run(report)  # Ctrl+C ends it early, keeping the weights reached
    metric = result.evals[-1][1] if result.evals else None
    written = save_trained(result.network, path, task, settings, metric, result.stopped)
    if result.stopped:
        print(f"note: {result.stopped}", file=sys.stderr)
    shown = "n/a" if metric is None else f"{metric:.4f}"
    print(f"final validation {task.metric_name} {shown} after {len(result.losses)} steps in "
          f"{result.seconds:.1f} s; wrote {', '.join(str(p) for p in written)}")
    return 0
