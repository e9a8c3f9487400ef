"""`--edit-x`, `--clamp`, `--set` on `rnnviz trace`: what-if runs (core/interventions.py).

The trace file then holds the edited run under the usual keys, its meta lists the edits
and the first step at which the runs differ, and `orig_<key>` holds the original of
every array the edits changed (or, with `--baseline FILE.npz`, the original run is a
second trace file), so a figure can show both.
"""

from __future__ import annotations

import argparse

from rnnviz.core.errors import RnnvizError


def add_edit_args(parser: argparse.ArgumentParser, baseline: bool = True) -> None:
    g = parser.add_argument_group("what if (edits, recomputed from where they apply)")
    g.add_argument("--edit-x", action="append", metavar="STEP=VALUES",
                   help="the input at a step: 5=0.7 (every feature), 5=0.1,0,2, or for text "
                   "and tokens another symbol (5=e, 5=cat, 5=#12); repeatable")
    g.add_argument("--clamp", action="append", metavar="[lL.][DIR.]PART[UNITS]=V[@FROM:TO]",
                   help="hold a gate or state: f=1 (perfect memory), i=0, l1.z[0:4]=0@10:, "
                   "bwd.c[3]=0@7:8; layers from 0, as torch's _l0; repeatable")
    g.add_argument("--set", dest="set_weight", action="append", metavar="NAME[INDEX]=V",
                   help="a weight by its torch name: weight_hh_l0[3,5]=0, bias_ih_l0[8:16]=0, "
                   "weight_hh_l0[:,2]*=0.5 (scale); repeatable")
    if not baseline:  # a picture shows the edited run against the original itself
        return
    g.add_argument("--baseline", metavar="FILE.npz",
                   help="also write the unedited run to this trace file (instead of orig_… "
                   "arrays in the edited one)")


def requested(args) -> bool:
    return bool(getattr(args, "edit_x", None) or getattr(args, "clamp", None)
                or getattr(args, "set_weight", None))


def apply_edits(args, network, sequence, trace):
    """(edited trace, meta, orig_ arrays, notes) for the flags, or the trace unchanged."""
    from dataclasses import replace

    from rnnviz.core.edited_run import (
        changed_parts,
        edited_input,
        edited_text,
        edited_tokens,
        first_divergence,
        run_edited,
    )
    from rnnviz.core.interventions import check_edits, parse_edits

    if not requested(args):
        if getattr(args, "baseline", None):
            raise RnnvizError("--baseline writes the unedited run next to an edited one; "
                              "add --edit-x, --clamp or --set")
        return trace, {}, {}, []
    if hasattr(trace, "enc"):
        raise RnnvizError("edits on an encoder–decoder are not supported yet; edit a single "
                          "network (--topology n2n, n2one or one2n)")
    edits = parse_edits(args.edit_x, args.clamp, args.set_weight)
    notes = check_edits(edits, network, trace.length)
    tokens = sequence.token_names if sequence.tokens is not None else None
    if sequence.tokens is not None and tokens is None:
        tokens = ()  # ids only (#12)
    x = edited_input(trace.x, edits, sequence.vocab, tokens, network)
    edited = run_edited(network, trace, edits, x)
    if trace.tokens is not None:  # the ids fed, as the rows in x
        edited = replace(edited, tokens=edited_tokens(trace.tokens, edits, tokens))
    meta = {"edits": edits.describe(), "diverges_at": first_divergence(trace, edited)}
    if sequence.text is not None and sequence.vocab:
        meta["text"] = edited_text(sequence.text, edits, sequence.vocab)
    originals = {}
    if not getattr(args, "baseline", None):
        written = trace.arrays()  # as the file holds them (N→1: the one output step)
        for key in changed_parts(trace, edited):
            originals[f"orig_{key}"] = written[key]
        if not (trace.x == edited.x).all():
            originals["orig_x"] = trace.x
    return edited, meta, originals, notes
