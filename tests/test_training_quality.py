"""Each task reaches its stated quality within its budget on these 2-core machines
(`pytest -m slow`; not in the fast suite). The budgets are wall-clock seconds."""

import time

import pytest

from rnnviz.core.training import Trainer, TrainSettings

CASES = {
    # task: (settings, goal check, budget in seconds)
    "sine": (TrainSettings(task="sine", steps=600), lambda m: m < 0.002, 60),
    "chars": (TrainSettings(task="chars", steps=600), lambda m: m > 0.5, 60),
    "sign": (TrainSettings(task="sign", steps=400), lambda m: m > 0.9, 60),
    "adding-lstm": (TrainSettings(task="adding", steps=3000), lambda m: m < 0.02, 90),
    # the README's seq2seq recipe: greedy whole-sequence accuracy on length-5 sequences
    "reverse-gru": (TrainSettings(task="reverse", cell="gru", hidden_size=64, steps=1000,
                                  batch_size=64, lr=0.005), lambda m: m >= 0.95, 60),
    "copy-gru-input": (TrainSettings(task="copy", cell="gru", hidden_size=64, steps=1000,
                                     batch_size=64, lr=0.005, context="input"),
                       lambda m: m >= 0.95, 60),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_task_reaches_its_goal_in_budget(name):
    settings, reached, budget = CASES[name]
    start = time.perf_counter()
    result = Trainer(settings).run()
    seconds = time.perf_counter() - start
    metric = result.evals[-1][1]
    print(f"\n{name}: validation {metric:.4f} in {seconds:.1f} s")
    assert reached(metric) and seconds < budget


@pytest.mark.slow
def test_plain_rnn_does_measurably_worse_on_long_memory():
    lstm = Trainer(TrainSettings(task="adding", steps=3000)).run().evals[-1][1]
    rnn = Trainer(TrainSettings(task="adding", cell="rnn", steps=3000)).run().evals[-1][1]
    print(f"\nadding: LSTM mse {lstm:.4f}, RNN mse {rnn:.4f}")
    assert rnn > 0.05 and rnn > 10 * lstm
