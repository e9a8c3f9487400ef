"""The thread policy: one thread for small work, the free cores for large work, and it is
applied wherever torch computes (trace, gradients, seq2seq, training, the window)."""

import contextlib

import numpy as np
import pytest
import torch

from rnnviz.core import gradients, seq2seq, threads, trace, training
from rnnviz.core.network import Network
from rnnviz.core.spec import NetworkSpec
from rnnviz.core.threads import busy_cores, threads_for, torch_threads


def test_small_work_runs_on_one_thread_whatever_the_load():
    assert threads_for(1000, 1, 64, load=0.0) == 1  # the pool costs more than it gives


def test_large_work_takes_the_free_cores(monkeypatch):
    monkeypatch.setattr(threads, "cpu_count", lambda: 4)
    monkeypatch.setattr(threads, "TORCH_DEFAULT", 4)
    monkeypatch.setattr(threads.os, "cpu_count", lambda: 4)
    assert threads_for(5000, 1, 1024, load=0.0) == 4
    assert threads_for(5000, 1, 1024, load=1.1) == 3  # another program holds a core
    assert threads_for(5000, 1, 1024, load=3.9) == 1  # never fewer than one
    monkeypatch.setattr(threads, "TORCH_DEFAULT", 2)  # never more than torch would use
    assert threads_for(5000, 1, 1024, load=0.0) == 2
    monkeypatch.setattr(threads.os, "cpu_count", lambda: 16)  # a big host, 4 cores ours
    monkeypatch.setattr(threads, "TORCH_DEFAULT", 16)
    assert threads_for(5000, 1, 1024, load=6.0) == 4  # busy elsewhere, our cores free
    assert threads_for(5000, 1, 1024, load=14.0) == 2
    monkeypatch.setattr(threads, "cpu_count", lambda: 1)
    assert threads_for(5000, 1, 1024, load=0.0) == 1


def test_the_gpu_leaves_the_host_threads_alone():
    assert threads_for(5000, 1, 1024, "cuda", load=0.0) == torch.get_num_threads()


def test_busy_cores_is_a_share_of_the_machine():
    import os

    assert 0.0 <= busy_cores(0.01) <= (os.cpu_count() or 1) + 0.5


def test_torch_threads_restores_the_count():
    before = torch.get_num_threads()
    with torch_threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before
    with pytest.raises(RuntimeError), torch_threads(1):
        raise RuntimeError("work failed")
    assert torch.get_num_threads() == before


@pytest.fixture
def applied(monkeypatch):
    """Records each module's use of the policy, with the count torch really had inside."""
    seen = []

    def recording(module):
        @contextlib.contextmanager
        def fake(count):
            with torch_threads(count):
                seen.append((module.__name__.rsplit(".", 1)[-1], torch.get_num_threads()))
                yield
        return fake

    for module in (trace, gradients, seq2seq, training):
        monkeypatch.setattr(module, "torch_threads", recording(module))
        monkeypatch.setattr(module, "threads_for", lambda *a, **k: 1)
    return seen


def test_every_core_path_applies_the_policy(applied):
    from rnnviz.core.seq2seq import Seq2Seq, make_seq2seq_spec, run_seq2seq
    from rnnviz.core.train_settings import TrainSettings

    net = Network.random(NetworkSpec("lstm", 3, 8), seed=0)
    x = np.random.default_rng(0).normal(size=(12, 1, 3))
    trace.compute_trace(net, x)
    gradients.compute_gradients(net, x, "h_T")
    spec = make_seq2seq_spec(NetworkSpec("gru", 3, 8), "abc")
    run_seq2seq(Seq2Seq.random(spec, seed=0), x, 4)
    training.Trainer(TrainSettings(task="sine", steps=2, hidden_size=8)).run()
    assert {name for name, _ in applied} == {"trace", "gradients", "seq2seq", "training"}
    assert all(count == 1 for _, count in applied)


def test_the_window_computes_under_the_policy(applied, qtbot, window):
    from gui_support import load

    from rnnviz.gui.config import Config

    load(qtbot, window, Config(cell="gru", hidden_size=8, length=20, preset="sine"))
    assert ("trace", 1) in applied


def test_device_names_as_the_flags_give_them():
    assert threads_for(5000, 1, 1024, "cpu", load=0.0) >= 1
    assert threads_for(5000, 1, 1024, "auto", load=0.0) >= 1  # resolved, not refused
    assert threads_for(5000, 1, 1024, "cuda:0", load=0.0) == torch.get_num_threads()


def test_torch_work_is_shared_or_exclusive():
    """Computations run side by side; the warm-up's imports run alone."""
    import threading
    import time

    from rnnviz.core.torch_work import SharedOrExclusive

    guard = SharedOrExclusive()
    events = []
    with guard.shared(), guard.shared():  # shared holders nest and overlap
        def warm():
            with guard.exclusive():
                events.append("exclusive")
        thread = threading.Thread(target=warm)
        thread.start()
        time.sleep(0.1)
        events.append("shared done")
    thread.join(5)
    assert events == ["shared done", "exclusive"]
