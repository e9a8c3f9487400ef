"""Encoder–decoder: the trace equals a plain PyTorch encoder/decoder written here."""

import numpy as np
import pytest
import torch
from torch import nn

from rnnviz.core.errors import RnnvizError
from rnnviz.core.seq2seq import Seq2Seq, Seq2SeqModule, make_seq2seq_spec, run_seq2seq
from rnnviz.core.spec import NetworkSpec

VOCAB = "abcde"


def plain_greedy(model: Seq2Seq, x: np.ndarray, steps: int, teacher=None):
    """A textbook seq2seq in torch.nn: encode, take the final state, decode greedily."""
    spec = model.spec
    enc_kind = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
    e, d = spec.encoder, spec.decoder
    extra = {"nonlinearity": e.nonlinearity} if e.cell == "rnn" else {}
    encoder = enc_kind[e.cell](e.input_size, e.hidden_size, e.num_layers,
                               bidirectional=e.bidirectional, **extra).double()
    extra = {"nonlinearity": d.nonlinearity} if d.cell == "rnn" else {}
    decoder = enc_kind[d.cell](d.input_size, d.hidden_size, d.num_layers, **extra).double()
    linear = nn.Linear(d.hidden_size, len(spec.target_vocab)).double()
    state = model.state_dict()
    encoder.load_state_dict({k[8:]: v.double() for k, v in state.items()
                             if k.startswith("encoder.")})
    decoder.load_state_dict({k[8:]: v.double() for k, v in state.items()
                             if k.startswith("decoder.")})
    linear.load_state_dict({k[7:]: v.double() for k, v in state.items()
                            if k.startswith("linear.")})
    xt = torch.from_numpy(x)
    with torch.no_grad():
        _, hidden = encoder(xt)
        h_n = hidden[0] if e.cell == "lstm" else hidden
        c = torch.cat([h_n[-1 - i] for i in reversed(range(e.num_directions))], -1)
        if spec.context_map:
            c = c @ state["context.weight"].double().T + state["context.bias"].double()
        batch = x.shape[1]
        if spec.context == "init":
            h = c[None].repeat(d.num_layers, 1, 1)
        else:
            h = torch.zeros(d.num_layers, batch, d.hidden_size, dtype=torch.float64)
        hidden = (h, torch.zeros_like(h)) if d.cell == "lstm" else h
        prev = torch.full((batch,), len(VOCAB))
        hs, ys, tokens = [], [], []
        for t in range(steps):
            inp = nn.functional.one_hot(prev, len(VOCAB) + 1).double()
            if spec.context == "input":
                inp = torch.cat([inp, c], -1)
            out, hidden = decoder(inp[None], hidden)
            y = torch.softmax(linear(out[0]), -1)
            hs.append(out[0])
            ys.append(y)
            tokens.append(y.argmax(-1))
            prev = torch.as_tensor(teacher[t]) if teacher is not None else tokens[-1]
    return torch.stack(hs).numpy(), torch.stack(ys).numpy(), torch.stack(tokens).numpy(), \
        c.numpy()


CASES = [
    dict(enc=NetworkSpec("lstm", 4, 6), cell="gru", hidden=6, context="init"),
    dict(enc=NetworkSpec("gru", 4, 5, num_layers=2, bidirectional=True), cell="lstm", hidden=7,
         context="init", context_map=True, layers=2),
    dict(enc=NetworkSpec("rnn", 4, 5), cell="lstm", hidden=4, context="input"),
    dict(enc=NetworkSpec("lstm", 4, 3, bidirectional=True), cell="rnn", hidden=5,
         context="input", context_map=True),
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("teacher", [False, True])
def test_seq2seq_trace_equals_a_plain_pytorch_encoder_decoder(case, teacher):
    spec = make_seq2seq_spec(case["enc"], VOCAB, cell=case["cell"], hidden_size=case["hidden"],
                             num_layers=case.get("layers", 1), context=case["context"],
                             context_map=case.get("context_map", False))
    model = Seq2Seq.random(spec, seed=4, dtype=torch.float64)
    x = np.random.default_rng(1).normal(size=(6, 3, 4))
    steps = 5
    forced = np.random.default_rng(2).integers(0, len(VOCAB), size=(steps, 3)) if teacher \
        else None
    trace = run_seq2seq(model, x, steps, teacher=forced)
    h, y, tokens, c = plain_greedy(model, x, steps, forced)
    np.testing.assert_allclose(trace.context_mapped, c, atol=1e-10)
    np.testing.assert_allclose(trace.dec.part(spec.decoder.num_layers - 1, "fwd", "h"), h,
                               atol=1e-10)
    np.testing.assert_allclose(trace.dec.y, y, atol=1e-10)
    np.testing.assert_array_equal(trace.tokens, tokens)
    keys = trace.arrays()
    assert {"enc_x", "enc_l0_fwd_h", "dec_x", "dec_y", "context", "dec_tokens"} <= set(keys)
    assert keys["dec_x"].shape == (steps, 3, spec.decoder.input_size)
    if not teacher:  # greedy: the symbol fed at t+1 is the one written at t
        np.testing.assert_array_equal(trace.fed[1:], trace.tokens[:-1])
    assert (trace.fed[0] == len(VOCAB)).all()


def test_float32_trace_matches_float64_to_1e5():
    spec = make_seq2seq_spec(NetworkSpec("lstm", 4, 6), VOCAB, cell="gru")
    model = Seq2Seq.random(spec, seed=0)
    x = np.random.default_rng(0).normal(size=(7, 2, 4))
    trace = run_seq2seq(model, x, 4)
    _, y, _, _ = plain_greedy(model, x, 4)
    np.testing.assert_allclose(trace.dec.y, y, atol=1e-5)


def test_teacher_forcing_module_equals_the_stepping_trace():
    spec = make_seq2seq_spec(NetworkSpec("gru", 5, 6), VOCAB, context="input")
    model = Seq2Seq.random(spec, seed=3, dtype=torch.float64)
    module = Seq2SeqModule(spec, dtype=torch.float64)
    module.load_state_dict(model.state_dict())
    x = np.random.default_rng(0).normal(size=(4, 2, 5))
    target = np.array([[0, 1], [2, 3], [4, 0]])
    logits = module(torch.from_numpy(x), torch.from_numpy(target)).detach().numpy()
    trace = run_seq2seq(model, x, 3, teacher=target)
    np.testing.assert_allclose(trace.dec.y_logits, logits, atol=1e-10)


def test_sizes_that_cannot_join_are_refused_with_the_fix():
    with pytest.raises(RnnvizError, match="Linear map on c"):
        make_seq2seq_spec(NetworkSpec("lstm", 4, 6), VOCAB, hidden_size=9)
    with pytest.raises(RnnvizError, match="unidirectional"):
        from rnnviz.core.seq2seq import Seq2SeqSpec
        spec = make_seq2seq_spec(NetworkSpec("lstm", 4, 6), VOCAB)
        Seq2SeqSpec(spec.encoder, spec.decoder.with_(bidirectional=True), VOCAB)
    spec = make_seq2seq_spec(NetworkSpec("lstm", 4, 6), VOCAB)
    with pytest.raises(RnnvizError, match="decoder steps"):
        run_seq2seq(Seq2Seq.random(spec), np.zeros((3, 1, 4)), 0)
    with pytest.raises(RnnvizError, match="teacher symbols"):
        run_seq2seq(Seq2Seq.random(spec), np.zeros((3, 1, 4)), 2, teacher=[[7], [0]])


@pytest.mark.parametrize("case", CASES)
def test_seq2seq_gradients_equal_autograd_through_plain_torch(case):
    from rnnviz.core.seq2seq_gradients import compute_seq2seq_gradients

    spec = make_seq2seq_spec(case["enc"], VOCAB, cell=case["cell"], hidden_size=case["hidden"],
                             num_layers=case.get("layers", 1), context=case["context"],
                             context_map=case.get("context_map", False))
    model = Seq2Seq.random(spec, seed=5, dtype=torch.float64)
    x = np.random.default_rng(3).normal(size=(6, 2, 4))
    trace = run_seq2seq(model, x, 4)
    grads = compute_seq2seq_gradients(model, trace, "y:1")
    # plain torch: the same modules, the same symbols fed, autograd from y_T[1]
    module = Seq2SeqModule(spec, dtype=torch.float64)
    module.load_state_dict(model.state_dict())
    xt = torch.from_numpy(x).requires_grad_(True)
    context = module.encode(xt)
    context.retain_grad()
    fed = torch.from_numpy(trace.fed)
    out, _ = module.decoder(module.decoder_input(fed, context), module.decoder_start(context))
    torch.softmax(module.linear(out[-1]), -1)[:, 1].sum().backward()
    np.testing.assert_allclose(grads.enc.arrays["dx"], xt.grad.numpy(), atol=1e-10)
    np.testing.assert_allclose(grads.context, context.grad.numpy(), atol=1e-10)
    top = f"l{spec.decoder.num_layers - 1}_fwd_dh"
    assert grads.dec.arrays[top].shape == (4, 2, spec.decoder.hidden_size)
    assert grads.enc.arrays["dx_norm"].shape == (6, 2) and grads.nonfinite == 0


def test_seq2seq_loss_gradient_with_the_task_targets():
    from rnnviz.core.seq2seq_gradients import compute_seq2seq_gradients

    spec = make_seq2seq_spec(NetworkSpec("gru", 5, 6), VOCAB)
    model = Seq2Seq.random(spec, seed=1, dtype=torch.float64)
    x = np.random.default_rng(0).normal(size=(3, 1, 5))
    trace = run_seq2seq(model, x, 3, teacher=np.array([[2], [0], [1]]))
    grads = compute_seq2seq_gradients(model, trace, "loss", targets=np.array([[0], [2], [1]]))
    module = Seq2SeqModule(spec, dtype=torch.float64)
    module.load_state_dict(model.state_dict())
    xt = torch.from_numpy(x).requires_grad_(True)
    target = torch.tensor([[0], [2], [1]])
    logits = module(xt, torch.tensor([[2], [0], [1]]))  # teacher-fed like the trace
    nn.functional.cross_entropy(logits.reshape(-1, 5), target.reshape(-1)).backward()
    np.testing.assert_allclose(grads.enc.arrays["dx"], xt.grad.numpy(), atol=1e-10)
