"""Backward through an encoder–decoder: from the decoder's objective, through the decoder's
steps, into the context c, and back through the encoder's steps to its input.

The decoder is fed exactly the symbols of the trace (greedy choices are not
differentiable: an argmax has no gradient), so this is the gradient of the run the
window shows. Each half gets an ordinary Gradients, keyed as compute_gradients keys a
single network, so the views show either half unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from rnnviz.core.gradients import (
    Gradients,
    collect,
    forward_with_grad,
    objective_value,
    parse_objective,
)
from rnnviz.core.seq2seq import Seq2Seq, Seq2SeqTrace


@dataclass
class Seq2SeqGradients:
    objective: str
    loss: float
    enc: Gradients  # dx = ∂L/∂(encoder input)
    dec: Gradients  # dx = ∂L/∂(decoder input): with --context input, its context columns
    context: np.ndarray  # (B, C) ∂L/∂c, what flows from the decoder into the encoder

    @property
    def nonfinite(self) -> int:
        return self.enc.nonfinite + self.dec.nonfinite + int((~np.isfinite(self.context)).sum())

    def half(self, half: str) -> Gradients:
        return self.enc if half == "enc" else self.dec


def compute_seq2seq_gradients(model: Seq2Seq, trace: Seq2SeqTrace, objective: str = "h_T",
                              targets=None) -> Seq2SeqGradients:
    """The objective is the decoder's: h_T / unit:J (its top layer's last state), y:K (its
    output K at the last step), loss (cross-entropy of every symbol, with targets (M, B))."""
    spec = model.spec
    kind, index = parse_objective(objective, model.decoder, targets is not None)
    dtype = model.dtype
    x = torch.as_tensor(np.array(trace.enc.x), dtype=dtype).requires_grad_(True)
    enc_spec, dec_spec = spec.encoder, spec.decoder
    batch, steps = x.shape[1], trace.dec.length
    rows = enc_spec.num_layers * enc_spec.num_directions
    h0 = torch.zeros(rows, batch, enc_spec.hidden_out, dtype=dtype)
    c0 = torch.zeros(rows, batch, enc_spec.hidden_size, dtype=dtype) \
        if enc_spec.cell == "lstm" else None
    with torch.enable_grad():
        enc_states, _ = forward_with_grad(model.encoder, x, h0, c0)
        top = enc_spec.num_layers - 1
        final = torch.cat([enc_states[(top, d)][0][-1 if d == "fwd" else 0]
                           for d in enc_spec.directions()], dim=-1)
        context = model.map_context(final)
        context.retain_grad()
        if spec.embedded:  # the rows fed (constants: the previous symbol is an argmax)
            fed = torch.as_tensor(np.array(trace.dec.x), dtype=dtype)
        else:
            fed = torch.nn.functional.one_hot(torch.as_tensor(trace.fed, dtype=torch.long),
                                              len(spec.target_vocab) + 1).to(dtype)
        if spec.context == "input":
            dec_in = torch.cat([fed, context[None].expand(steps, -1, -1)], dim=-1)
            dec_h0 = context.new_zeros(dec_spec.num_layers, batch, dec_spec.hidden_size)
            dec_in.retain_grad()
        else:
            dec_in = fed.requires_grad_(True)  # a leaf: the one-hot symbols fed
            dec_h0 = context[None].expand(dec_spec.num_layers, -1, -1)
        dec_c0 = torch.zeros_like(dec_h0) if dec_spec.cell == "lstm" else None
        dec_states, dec_top = forward_with_grad(model.decoder, dec_in, dec_h0, dec_c0)
        tgt = None if targets is None else torch.as_tensor(np.asarray(targets))
        loss = objective_value(model.decoder, kind, index, dec_states, dec_top, tgt)
        loss.backward()
    value = loss.item()
    enc = collect(Gradients(objective, value), enc_spec, x, enc_states)
    dec = collect(Gradients(objective, value), dec_spec, dec_in, dec_states)
    grad = context.grad if context.grad is not None else torch.zeros_like(context)
    return Seq2SeqGradients(objective, value, enc, dec, grad.detach().numpy())
