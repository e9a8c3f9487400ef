"""`rnnviz grads`: every gradient of an objective through time, to an .npz file."""

from __future__ import annotations

import json
import sys

import numpy as np

from rnnviz.core.errors import RnnvizError


def add_grads_args(parser) -> None:
    from rnnviz.cli.options import add_input_args, add_network_args

    add_network_args(parser)
    add_input_args(parser)
    parser.add_argument("--of", default="h_T", metavar="OBJECTIVE",
                        help="h_T (sum of the top layer's final h), unit:J, y:K (head output K "
                        "at the last step) or loss (a checkpoint trained by rnnviz, on its "
                        "own example input)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.npz")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    from rnnviz.cli.edits import add_edit_args

    add_edit_args(parser, baseline=False)  # the gradients of the edited run


def _targets(args):
    """The task's targets for the checkpoint's own example input (for --of loss)."""
    if args.of != "loss" or not args.model:
        return None
    from rnnviz.core.files.checkpoint import example_batch, read_sidecar
    from rnnviz.core.tasks import make_task

    info = read_sidecar(args.model) or {}
    if not info.get("task"):
        return None
    if args.input_given:
        raise RnnvizError("--of loss uses the checkpoint's own example input and targets; "
                          "drop --input / --preset")
    task = make_task(info["task"])
    if (args.topology or "n2n") != task.topology or args.decode_steps:
        raise RnnvizError(f"--of loss compares with task '{task.name}''s targets, which fit its "
                          f"own shape ({task.topology}); drop --topology / --decode-steps")
    _, targets = example_batch(task, info["settings"]["seed"])
    return targets


def cmd_grads(args) -> int:
    from rnnviz.cli.options import build_setup, initial_values, say_notes
    from rnnviz.core.files.atomic import atomic_path
    from rnnviz.core.gradients import compute_gradients
    from rnnviz.core.states import make_initial_state
    from rnnviz.export import prepare_target

    path = prepare_target(args.output, (".npz",), args.force)
    if getattr(args, "lengths", None):
        raise RnnvizError("gradients through time of a padded batch (--lengths) are not "
                          "computed yet; leave out --lengths, or give one sequence")
    targets = _targets(args)
    topology = args.topology or "n2n"
    setup = build_setup(args)
    if topology == "seq2seq":
        return _seq2seq_grads(args, setup, targets, path)
    net, seq = setup.network, setup.sequence
    values = seq.values
    if topology in ("n2n", "n2one") and args.decode_steps:
        raise RnnvizError(f"--decode-steps is for one2n and seq2seq; {topology} has one step "
                          f"per input step")
    if topology == "one2n":  # the inputs the network really received
        from rnnviz.core.topology import check_topology, one2n_input

        check_topology(topology, args.feed)
        values = one2n_input(values, args.decode_steps or len(values), args.feed)
    initial = make_initial_state(net.spec, seq.batch, args.init, args.init_seed,
                                 initial_values(args))
    net, values, clamps, edit_notes, described = _edited(args, net, seq, values)
    grads = compute_gradients(net, values, args.of, initial=initial, targets=targets,
                              device=args.device, clamps=clamps)
    meta = {"objective": grads.objective, "value": grads.loss, "nonfinite": grads.nonfinite,
            "spec": net.spec.to_dict(), "input": seq.name}
    if described:
        meta["edits"] = described
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        np.savez(fh, meta=np.array(json.dumps(meta)), **grads.arrays)
    say_notes(net.spec.notes, setup.notes, edit_notes)  # as trace says them
    if grads.nonfinite:
        print(f"note: {grads.nonfinite} gradient entries are NaN or inf (kept in the file)",
              file=sys.stderr)
    top = f"l{net.spec.num_layers - 1}_fwd_dh_norm"
    norms = grads.arrays[top][:, 0]
    print(f"wrote {path}: ∂({args.of} = {grads.loss:.4g}); ‖∂L/∂h_t‖ of the top layer from "
          f"{norms[-1]:.3g} at t = {len(norms) - 1} to {norms[0]:.3g} at t = 0")
    return 0


def _edited(args, net, seq, values):
    """(network, input, clamps, notes, edits described) of the run --edit-x / --clamp /
    --set ask for: the gradients are the edited run's (a held unit passes none)."""
    from rnnviz.cli.edits import requested

    if not requested(args):
        return net, values, (), [], []
    from rnnviz.core.edited_run import edited_input, with_weights
    from rnnviz.core.interventions import check_edits, parse_edits

    edits = parse_edits(args.edit_x, args.clamp, args.set_weight)
    notes = check_edits(edits, net, len(values))
    names = seq.token_names if seq.tokens is not None else None
    if seq.tokens is not None and names is None:
        names = ()
    x = edited_input(np.asarray(values), edits, seq.vocab, names, net)
    return with_weights(net, edits), x, edits.clamps, notes, edits.describe()


def _seq2seq_grads(args, setup, targets, path) -> int:
    """An encoder–decoder: the decoder's objective, back through c into the encoder.
    Keys: enc_… and dec_… (each half's keys as for one network), context (B, C)."""
    from rnnviz.cli.edits import requested
    from rnnviz.core.files.atomic import atomic_path
    from rnnviz.core.run import run_model
    from rnnviz.core.seq2seq_gradients import compute_seq2seq_gradients

    if requested(args):
        raise RnnvizError("edits on an encoder–decoder are not supported yet; edit a single "
                          "network (--topology n2n, n2one or one2n)")
    if args.init != "zeros":
        raise RnnvizError("seq2seq: the encoder starts from zeros and the decoder from the "
                          "context; leave out --init")
    model, seq = setup.network, setup.sequence
    trace, _ = run_model(model, seq.values, topology="seq2seq", steps=args.decode_steps,
                         device="cpu")
    grads = compute_seq2seq_gradients(model, trace, args.of, targets=targets)
    arrays = {f"enc_{k}": v for k, v in grads.enc.arrays.items()}
    arrays.update({f"dec_{k}": v for k, v in grads.dec.arrays.items()}, context=grads.context)
    meta = {"objective": grads.objective, "value": grads.loss, "nonfinite": grads.nonfinite,
            "topology": "seq2seq", "spec": model.spec.to_dict(), "input": seq.name,
            "decoded": trace.decoded(0)}
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        np.savez(fh, meta=np.array(json.dumps(meta)), **arrays)
    from rnnviz.cli.options import say_notes

    say_notes(getattr(model.spec, "notes", ()), setup.notes)
    enc = grads.enc.arrays[f"l{model.spec.encoder.num_layers - 1}_fwd_dh_norm"][:, 0]
    print(f"wrote {path}: ∂({args.of} = {grads.loss:.4g}) of the decoder; ‖∂L/∂c‖ = "
          f"{np.linalg.norm(grads.context[0]):.3g}; the encoder's top layer from "
          f"{enc[-1]:.3g} at its last step to {enc[0]:.3g} at t = 0")
    return 0
