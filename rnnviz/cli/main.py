"""The `rnnviz` program: the window by default, and subcommands for scripts.

    rnnviz [--model M.pt --input X.csv ...]     open the simulator window
    rnnviz trace ... -o run.npz                  write every part of every step
    rnnviz snapshot ... -o out.png               the window's picture, headless
    rnnviz animate ... -o out.gif                a range of steps as GIF / MP4
    rnnviz train --task T -o model.pt            train on a bundled task
    rnnviz grads --of h_T -o grads.npz           gradients through time
    rnnviz bench                                 trace cost next to torch.nn
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace

from rnnviz import __version__
from rnnviz.cli.inputs import sequence_lengths
from rnnviz.cli.options import (
    add_input_args,
    add_network_args,
    add_view_args,
    build_setup,
    initial_values,
    say_notes,
)
from rnnviz.core.errors import RnnvizError

SUBCOMMANDS = ("trace", "snapshot", "animate", "train", "grads", "bench", "gui", "lesson")
PANEL_NAMES = ("window", "graph", "cell", "equations", "states", "output", "gradients",
               "training")


def _render_args(p) -> None:
    g = p.add_argument_group("picture")
    g.add_argument("--panel", choices=PANEL_NAMES, default="window",
                   help="the whole window (default), or one view as a figure: the drawing "
                        "alone, no widgets, --size is the figure's size")
    g.add_argument("--stage", metavar="VIEW[,VIEW]",
                   help="the stage layout (F5 in the window) with one or two views, e.g. "
                        "graph,cell; --size is the screen's size (default 1920x1080)")
    g.add_argument("--size", help="WIDTHxHEIGHT: the window's size (default 1400x900), the "
                                  "figure's (default: a size that suits the view) or the "
                                  "stage's")
    g.add_argument("--scale", type=float, default=1.0,
                   help="pixels per point of --size for PNG and animations (2 for a sharp "
                        "2x picture); SVG and PDF are vectors")
    g.add_argument("--layer", type=int, help="the layer the cell, equations and states show "
                                             "(1 = the first, as the window numbers them)")
    g.add_argument("--direction", choices=["fwd", "bwd"], help="the direction they show")
    g.add_argument("--unit", type=int, help="the unit they show (from 0)")
    g.add_argument("--force", action="store_true", help="replace an existing file")


def _picture_parser(sub, name: str, help_text: str, description: str, output: str):
    """A headless picture command (snapshot, animate): network, input and view flags."""
    p = sub.add_parser(name, help=help_text, description=description)
    add_network_args(p)
    add_input_args(p)
    add_view_args(p)
    p.add_argument("--side-by-side", choices=("original", "rnn", "rnn-relu", "lstm", "gru",
                                              "untrained"), metavar="WHAT",
                   help="two runs on one cursor, each with its graph, cell and output: the "
                   "original of an edited run, another cell kind (rnn, rnn-relu, lstm, gru) "
                   "of the same size and seed, or a trained checkpoint's untrained start")
    from rnnviz.cli.edits import add_edit_args

    add_edit_args(p, baseline=False)
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=output)
    return p


def _snapshot_parser(sub) -> None:
    p = _picture_parser(sub, "snapshot", "the window, a figure or the stage to PNG/SVG/PDF, "
                        "headless", "The window's picture at one step, with no window shown.",
                        ".png, .svg or .pdf")
    p.add_argument("--step", type=int, help="time step shown (default: the last)")
    _render_args(p)


def _animate_parser(sub) -> None:
    p = _picture_parser(sub, "animate", "a range of steps to GIF/APNG/WebP/MP4, headless",
                        "One frame per step, from --from to --to (backwards when --from is "
                        "after --to, for the backward pass).",
                        ".gif, .apng, .webp (colours exact) or .mp4")
    p.add_argument("--from", dest="first", type=int, help="first step (default 0)")
    p.add_argument("--to", dest="last", type=int, help="last step (default: the last)")
    p.add_argument("--fps", type=float, default=8.0, help="frames per second (default 8)")
    _render_args(p)


def _trace_parser(sub) -> None:
    p = sub.add_parser("trace", help="compute a trace and write it to an .npz file",
                       description="Run a network over an input and write every gate, "
                       "state and output of every step to an .npz (keys: see README).")
    add_network_args(p)
    add_input_args(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.npz", help="trace file")
    p.add_argument("--method", choices=["fast", "step"], default="fast",
                   help="fast: fused torch layer + batched gates; step: one step at a time")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    from rnnviz.cli.edits import add_edit_args

    add_edit_args(p)


def _gui_parser(sub) -> None:
    p = sub.add_parser("gui", help="open the simulator window (the default)")
    p.add_argument("workspace", nargs="?", metavar="FILE.rnnviz",
                   help="a workspace saved by the window (File → Save workspace): opened as "
                   "it was saved")
    p.add_argument("--lesson", metavar="FILE.rnnviz",
                   help="give a lesson: its first scene on the stage (PageDown / PageUp: "
                   "next / previous scene, Esc: the window); 'bundled': rnnviz's own")
    p.add_argument("--lang", metavar="LANG", help="the window's language: en or zh_CN "
                   "(default: the system's, else the last chosen)")
    add_network_args(p)
    add_input_args(p)
    add_view_args(p)
    from rnnviz.cli.edits import add_edit_args

    add_edit_args(p, baseline=False)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rnnviz", description="Step an RNN, LSTM or GRU through a sequence and see "
        "every gate. With no subcommand, opens the simulator window.")
    parser.add_argument("--version", action="version", version=f"rnnviz {__version__}")
    sub = parser.add_subparsers(dest="command",
                                metavar="{gui,trace,snapshot,animate,train,grads,bench,lesson}")
    _gui_parser(sub)
    _trace_parser(sub)
    _snapshot_parser(sub)
    _animate_parser(sub)
    from rnnviz.cli.train import add_train_args

    add_train_args(sub.add_parser("train", help="train on a bundled task, write a checkpoint",
                                  description="Train on a bundled task (sine, chars, adding, "
                                  "sign) with a plain PyTorch loop; the checkpoint opens in "
                                  "the window and in rnnviz trace."))
    from rnnviz.cli.grads import add_grads_args

    add_grads_args(sub.add_parser("grads", help="gradients through time to an .npz file",
                                  description="∂L/∂h_t, ∂L/∂c_t, ∂L/∂x_t and their norms for "
                                  "every step, layer and direction (autograd)."))
    from rnnviz.cli.bench import add_bench_args

    add_bench_args(sub.add_parser("bench", help="time the trace against torch.nn (JSON)"))
    from rnnviz.cli.lesson import add_lesson_args

    add_lesson_args(sub.add_parser("lesson", help="export a lesson's scenes to PDF / figures",
                                   description="Each scene of a lesson as the stage shows "
                                   "it, with its caption: one PDF page per scene (vector, the "
                                   "caption as text) and/or a PNG and an SVG per scene."))
    return parser


def cmd_trace(args) -> int:
    from rnnviz.cli.edits import apply_edits
    from rnnviz.core.files.tracefile import save_trace, save_trace_pair
    from rnnviz.core.run import run_model
    from rnnviz.core.states import make_initial_state
    from rnnviz.export import prepare_target

    prepare_target(args.output, (".npz",), args.force)
    if getattr(args, "baseline", None):
        prepare_target(args.baseline, (".npz",), args.force)
    setup = build_setup(args)
    seq, net = setup.sequence, setup.network
    topology = args.topology or "n2n"
    start = time.perf_counter()
    initial = None
    if topology != "seq2seq":
        initial = make_initial_state(net.spec, seq.batch, args.init, args.init_seed,
                                     initial_values(args))
    elif args.init != "zeros":
        raise RnnvizError("seq2seq: the encoder starts from zeros and the decoder from the "
                          "context; leave out --init")
    with _spool_for(args.output, net, seq) as spool:  # a trace too long to hold: streamed
        trace, run_notes = run_model(net, seq.values, topology=topology, feed=args.feed,
                                     steps=args.decode_steps, initial=initial,
                                     device=args.device, method=args.method, sink=spool,
                                     lengths=sequence_lengths(args))
        elapsed = time.perf_counter() - start
        if seq.tokens is not None and trace.length == seq.length:
            trace = replace(trace, tokens=seq.tokens)
        original = trace
        trace, edit_meta, originals, edit_notes = apply_edits(args, net, seq, trace)
        extra = {"input": seq.name, "vocab": seq.vocab, "text": seq.text, "init": args.init,
                 "topology": topology, "feed": args.feed,
                 "token_names": None if seq.token_names is None else list(seq.token_names),
                 "classes": None if setup.classes is None else list(setup.classes),
                 **edit_meta}
        if edit_meta and args.baseline:  # the unedited run, in a file of its own: both or none
            save_trace_pair((trace, args.output, extra),
                            (original, args.baseline, {**extra, "edits": [],
                                                       "baseline_of": args.output}))
        else:
            save_trace(trace, args.output, extra, spool=None if edit_meta else spool,
                       extra_arrays=originals)
    device = trace.device
    say_notes(getattr(net.spec, "notes", ()), setup.notes, run_notes, device.reason,
              edit_notes)
    what = f"{net.spec.title()}, T={trace.length}, batch={trace.batch}"
    if topology == "seq2seq":
        what += f", decoded {trace.decoded(0)!r}"
    print(f"wrote {args.output}: {what}, on {device.device} in {elapsed * 1e3:.0f} ms")
    return 0


def _spool_for(output: str, net, seq):
    """Where a long trace's chunks wait to be written (beside the file), once the disk is
    known to hold them and the file; None for an encoder–decoder (always held whole)."""
    import contextlib
    from pathlib import Path

    from rnnviz.core.files.npz_spool import Spool, check_disk
    from rnnviz.core.long_trace import estimate_file_bytes, file_keys
    from rnnviz.core.memory import prefers_long
    from rnnviz.core.network import Network

    spec = net.spec
    if not isinstance(net, Network):
        return contextlib.nullcontext()
    folder = Path(output).parent
    itemsize = net.dtype.itemsize
    steps, batch = seq.values.shape[:2]
    if prefers_long(spec, steps, batch, itemsize):
        check_disk(folder, 2 * estimate_file_bytes(spec, steps, batch, itemsize),
                   f"this trace ({spec.title()}, T={steps}, batch={batch})")
    return Spool(folder, file_keys(spec))


def cmd_gui(args) -> int:
    from rnnviz.gui.app import run_app

    return run_app(args)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*SUBCOMMANDS, "-h", "--help", "--version"):
        argv.insert(0, "gui")
    args = build_parser().parse_args(argv)
    args.explicit = len(argv) > 1  # flags given: open on them instead of the last session
    if args.command == "gui":
        return _run(args)  # the window handles its own signals and errors
    from rnnviz.interrupts import Interrupted, interrupts

    try:
        with interrupts(deferred=args.command in ("snapshot", "animate", "lesson")):  # Qt
            return _run(args)
    except Interrupted as stop:
        print(f"rnnviz {args.command}: interrupted ({stop}); nothing was written",
              file=sys.stderr)
        return stop.exit_status
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user: it goes to the log
        return _unexpected(args.command, exc)


def _unexpected(command: str, exc: Exception) -> int:
    """One line for the user; the traceback in the log file, whose path the line gives."""
    import logging
    import traceback

    from rnnviz.gui.app import log_path

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"rnnviz {command}: {traceback.format_exc()}\n")
        where = f"details in {path}"
    except OSError:
        logging.getLogger("rnnviz").exception("unexpected error")
        where = "the log could not be written"
    first = (str(exc).splitlines() or [""])[0][:160]
    print(f"rnnviz {command}: unexpected error ({type(exc).__name__}: {first}); {where}",
          file=sys.stderr)
    return 1


def _run(args) -> int:
    try:
        from rnnviz.cli.options import fill_from_checkpoint

        if hasattr(args, "model"):
            args.input_given = getattr(args, "input", None) is not None or \
                getattr(args, "preset", None) is not None
            fill_from_checkpoint(args)
        if args.command == "trace":
            return cmd_trace(args)
        if args.command in ("snapshot", "animate"):
            from rnnviz.gui import headless

            print(getattr(headless, args.command)(args))
            return 0
        if args.command == "grads":
            from rnnviz.cli.grads import cmd_grads

            return cmd_grads(args)
        if args.command == "train":
            from rnnviz.cli.train import cmd_train

            return cmd_train(args)
        if args.command == "lesson":
            from rnnviz.cli.lesson import cmd_lesson

            return cmd_lesson(args)
        if args.command == "bench":
            from rnnviz.cli.bench import run_bench

            return run_bench(args)
        return cmd_gui(args)
    except RnnvizError as exc:
        print(f"rnnviz {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except MemoryError:
        print(f"rnnviz {args.command}: error: out of memory; shorten the sequence or lower "
              f"the hidden size", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
