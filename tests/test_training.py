"""Training: reproducible, equal to a plain PyTorch loop, safe on divergence and stop."""

import json

import numpy as np
import pytest
import torch
from torch import nn

from rnnviz.cli import main
from rnnviz.core.errors import RnnvizError
from rnnviz.core.files.checkpoint import read_sidecar, sidecar_defaults
from rnnviz.core.network import Network
from rnnviz.core.tasks import TASK_NAMES, make_task
from rnnviz.core.torch_model import RecurrentModel
from rnnviz.core.training import Trainer, TrainSettings, task_spec

SMALL = TrainSettings(task="sine", hidden_size=8, steps=15, batch_size=4, eval_every=5,
                      val_size=16)


@pytest.mark.parametrize("name", TASK_NAMES)
def test_tasks_state_their_sizes_and_make_batches(name):
    task = make_task(name)
    x, y = task.batch(torch.Generator().manual_seed(0), 3)
    assert x.shape == (task.length, 3, task.input_size) and x.dtype == torch.float32
    if task.output_at == "every":
        assert y.shape[:2] == (task.length, 3)
    else:
        assert y.shape[0] == 3
    if task.loss == "cross_entropy":
        assert y.dtype == torch.long and int(y.max()) < task.output_size


def test_adding_targets_are_the_sum_of_the_marked_values():
    task = make_task("adding")
    x, y = task.batch(torch.Generator().manual_seed(1), 5)
    assert (x[:, :, 1].sum(0) == 2).all()
    np.testing.assert_allclose(y[:, 0], (x[:, :, 0] * x[:, :, 1]).sum(0), rtol=1e-6)


def test_training_is_reproducible_and_equals_a_plain_pytorch_loop():
    settings = SMALL.with_(task="chars", cell="gru", clip=0.5)
    first = Trainer(settings).run()
    second = Trainer(settings).run()
    assert first.losses == second.losses and len(first.losses) == 15

    # the same thing written as the seed articles write it
    task = make_task("chars")
    model = RecurrentModel(Network.random(task_spec(task, settings), settings.seed)).train()
    opt = torch.optim.Adam(model.parameters(), lr=settings.lr)
    data = torch.Generator().manual_seed(settings.seed)
    losses = []
    for _ in range(settings.steps):
        x, y = task.batch(data, settings.batch_size)
        out, _ = model.rnn(x)
        loss = nn.functional.cross_entropy(model.linear(out).reshape(-1, task.output_size),
                                           y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), settings.clip)
        opt.step()
        losses.append(loss.item())
    assert losses == first.losses
    for name, value in model.rnn.state_dict().items():
        assert torch.equal(value, first.network.params[name])


def test_divergence_stops_and_keeps_the_last_good_weights():
    settings = SMALL.with_(optimizer="sgd", lr=10.0, clip=0.0, steps=200, task="adding",
                           cell="rnn", nonlinearity="relu")
    result = Trainer(settings).run()
    assert result.stopped and result.stopped.startswith("diverged at step")
    assert "lower the learning rate" in result.stopped
    assert all(torch.isfinite(v).all() for v in result.network.params.values())
    assert len(result.losses) < 200


def test_stop_keeps_the_weights_reached():
    trainer = Trainer(SMALL.with_(steps=1000))
    seen = []

    def on_progress(p):
        seen.append(p.step)
        if p.step == 7:
            trainer.stop.set()

    result = trainer.run(on_progress)
    assert result.stopped == "stopped by the user at step 7" and len(result.losses) == 7
    assert not torch.equal(result.network.params["weight_hh_l0"],
                           Trainer(SMALL).current_network().params["weight_hh_l0"])


@pytest.mark.parametrize("changes, match", [
    ({"hidden_size": 0}, "hidden_size must be"),
    ({"lr": -1.0}, "learning rate"),
    ({"optimizer": "rmsprop"}, "unknown optimizer"),
    ({"task": "translate"}, "unknown task"),
    ({"clip": -1.0}, "clipping"),
])
def test_impossible_settings_are_refused_before_training(changes, match):
    with pytest.raises(RnnvizError, match=match):
        Trainer(SMALL.with_(**changes))


def test_train_cli_writes_a_checkpoint_plain_pytorch_loads(tmp_path, capsys):
    out = tmp_path / "m.pt"
    code = main(["train", "--task", "sign", "--cell", "lstm", "--hidden-size", "8",
                 "--steps", "20", "-o", str(out)])
    stdout = capsys.readouterr().out
    assert code == 0 and "final validation accuracy" in stdout
    info = read_sidecar(out)
    assert info["task"] == "sign" and info["head_activation"] == "softmax"

    # the README's few lines: an ordinary module of the same shape loads the state_dict
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.LSTM(1, 8)
            self.linear = nn.Linear(8, 2)

    model = Model()
    model.load_state_dict(torch.load(out, weights_only=True))

    code = main(["train", "--task", "sign", "--steps", "5", "-o", str(out)])
    assert code == 2 and "already exists; pass --force" in capsys.readouterr().err


def test_trained_checkpoint_reopens_ready_to_step(tmp_path, capsys):
    out = tmp_path / "chars.pt"
    assert main(["train", "--task", "chars", "--hidden-size", "8", "--steps", "10",
                 "-o", str(out)]) == 0
    defaults = sidecar_defaults(out)
    assert defaults["head"] == "softmax" and defaults["preset"] == "text"
    assert main(["trace", "--model", str(out), "-o", str(tmp_path / "t.npz")]) == 0
    err = capsys.readouterr().err
    assert "trained by rnnviz on task 'chars'" in err
    with np.load(tmp_path / "t.npz") as data:
        meta = json.loads(str(data["meta"]))
        assert meta["text"] == defaults["text"]
        np.testing.assert_allclose(data["y"].sum(-1), 1, atol=1e-5)  # softmax, from the JSON
    # an explicit input wins over the checkpoint's example
    assert main(["trace", "--model", str(out), "--preset", "text", "--text", "the cat",
                 "-o", str(tmp_path / "u.npz")]) == 0
    with np.load(tmp_path / "u.npz") as data:
        assert json.loads(str(data["meta"]))["text"] == "the cat"


def test_networks_built_on_two_threads_at_once_keep_their_seeds():
    import threading

    from rnnviz.core.spec import NetworkSpec

    spec = NetworkSpec("lstm", 3, 16, num_layers=2)
    want = {seed: Network.random(spec, seed).params["weight_hh_l1"] for seed in range(8)}
    got, errors = {}, []

    def build(seed):
        for _ in range(10):
            w = Network.random(spec, seed).params["weight_hh_l1"]
            if not torch.equal(w, want[seed]):
                errors.append(seed)
        got[seed] = True

    threads = [threading.Thread(target=build, args=(s,)) for s in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(got) == 8


def test_ctrl_c_keeps_the_weights_reached(monkeypatch):
    trainer = Trainer(SMALL.with_(steps=100))
    real, calls = trainer._step, []

    def step():
        calls.append(1)
        if len(calls) == 6:
            raise KeyboardInterrupt
        return real()

    monkeypatch.setattr(trainer, "_step", step)
    result = trainer.run()
    assert result.stopped == "interrupted at step 5" and len(result.losses) == 5


def test_a_deleted_example_input_is_skipped(tmp_path, capsys):
    out = tmp_path / "s.pt"
    assert main(["train", "--task", "sign", "--hidden-size", "4", "--steps", "3",
                 "-o", str(out)]) == 0
    assert "input" in sidecar_defaults(out)
    (tmp_path / "s.input.npy").unlink()
    assert "input" not in sidecar_defaults(out)
    assert main(["trace", "--model", str(out), "-o", str(tmp_path / "t.npz")]) == 0


def test_untrained_compare_rebuilds_the_weights_training_started_from(tmp_path):
    from rnnviz.core.files.modelio import load_network
    from rnnviz.core.gradients import compare_gradients
    from rnnviz.gui.simulator import training_seed

    settings = SMALL.with_(seed=5, steps=5)
    trainer = Trainer(settings)
    start = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    out = tmp_path / "m.pt"
    main(["train", "--task", "sine", "--hidden-size", "8", "--steps", "5", "--batch-size", "4",
          "--seed", "5", "-o", str(out)])
    assert training_seed(str(out)) == 5 and training_seed(None) is None
    trained = load_network(str(out))
    x = np.random.default_rng(0).normal(size=(12, 1, 1)).astype(np.float32)
    [(label, before)] = compare_gradients(trained, x, "h_T", "untrained", start_seed=5)
    assert label == "untrained (seed 5)"
    rebuilt = Network.random(trained.spec, 5)
    for name in ("weight_ih_l0", "weight_hh_l0", "bias_hh_l0"):
        torch.testing.assert_close(rebuilt.params[name], start[f"rnn.{name}"])
    assert not np.allclose(before.arrays["l0_fwd_dh"], compare_gradients(
        trained, x, "h_T", "untrained", start_seed=6)[0][1].arrays["l0_fwd_dh"])
    with pytest.raises(RnnvizError, match="trained by rnnviz"):
        compare_gradients(trained, x, "h_T", "untrained")
