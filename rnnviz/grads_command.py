"""`rnnviz grads`: every gradient of an objective through time, to an .npz file."""

from __future__ import annotations

import json
import sys

import numpy as np

from rnnviz.core.errors import RnnvizError


def add_grads_args(parser) -> None:
    from rnnviz.cli_options import add_input_args, add_network_args

    add_network_args(parser)
    add_input_args(parser)
    parser.add_argument("--of", default="h_T", metavar="OBJECTIVE",
                        help="h_T (sum of the top layer's final h), unit:J, y:K (head output K "
                        "at the last step) or loss (a checkpoint trained by rnnviz, on its "
                        "own example input)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.npz")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def _targets(args):
    """The task's targets for the checkpoint's own example input (for --of loss)."""
    if args.of != "loss" or not args.model:
        return None
    from rnnviz.core.checkpoint import example_batch, read_sidecar
    from rnnviz.core.tasks import make_task

    info = read_sidecar(args.model) or {}
    if not info.get("task"):
        return None
    if args.input_given:
        raise RnnvizError("--of loss uses the checkpoint's own example input and targets; "
                          "drop --input / --preset")
    _, targets = example_batch(make_task(info["task"]), info["settings"]["seed"])
    return targets


def cmd_grads(args) -> int:
    from rnnviz.cli_options import build_setup, initial_values
    from rnnviz.core.atomic import atomic_path
    from rnnviz.core.gradients import compute_gradients
    from rnnviz.core.states import make_initial_state
    from rnnviz.export import prepare_target

    path = prepare_target(args.output, (".npz",), args.force)
    targets = _targets(args)
    topology = args.topology or "n2n"
    if topology == "seq2seq":
        raise RnnvizError("rnnviz grads follows one network (n2n, n2one, one2n); an "
                          "encoder–decoder's backward pass is not computed yet")
    setup = build_setup(args)
    net, seq = setup.network, setup.sequence
    values = seq.values
    if topology == "one2n":  # the inputs the network really received
        from rnnviz.core.topology import check_topology, one2n_input

        check_topology(topology, args.feed)
        values = one2n_input(values, args.decode_steps or len(values), args.feed)
    initial = make_initial_state(net.spec, seq.batch, args.init, args.init_seed,
                                 initial_values(args))
    grads = compute_gradients(net, values, args.of, initial=initial, targets=targets,
                              device=args.device)
    meta = {"objective": grads.objective, "value": grads.loss, "nonfinite": grads.nonfinite,
            "spec": net.spec.to_dict(), "input": seq.name}
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        np.savez(fh, meta=np.array(json.dumps(meta)), **grads.arrays)
    if grads.nonfinite:
        print(f"note: {grads.nonfinite} gradient entries are NaN or inf (kept in the file)",
              file=sys.stderr)
    top = f"l{net.spec.num_layers - 1}_fwd_dh_norm"
    norms = grads.arrays[top][:, 0]
    print(f"wrote {path}: ∂({args.of} = {grads.loss:.4g}); ‖∂L/∂h_t‖ of the top layer from "
          f"{norms[-1]:.3g} at t = {len(norms) - 1} to {norms[0]:.3g} at t = 0")
    return 0
