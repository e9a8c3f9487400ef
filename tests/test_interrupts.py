"""Ctrl+C, SIGTERM, a full disk and the unexpected: nothing half-written, one line said."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rnnviz.cli import main

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", RNNVIZ_LONG_TRACE_MIB="1")


def _stop_midway(argv, target: Path, signum: int, wait_for) -> subprocess.CompletedProcess:
    """Run `rnnviz argv` over an existing `target`, send `signum` once `wait_for()` says
    the work is under way, and return the finished process."""
    target.write_bytes(b"the only copy")
    proc = subprocess.Popen([sys.executable, "-m", "rnnviz", *argv], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not wait_for() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_a_streamed_trace_writes_nothing(tmp_path, signum, status):
    target = tmp_path / "run.npz"
    done = _stop_midway(["trace", "--cell", "lstm", "--hidden-size", "64", "--length",
                         "300000", "-o", str(target), "--force"], target, signum,
                        lambda: any(p.name.startswith(".rnnviz-spool")
                                    for p in tmp_path.iterdir()))
    assert done.returncode == status, done.stderr
    lines = [line for line in done.stderr.splitlines() if not line.startswith("note:")]
    assert len(lines) == 1 and "interrupted" in lines[0] and "Traceback" not in done.stderr
    assert target.read_bytes() == b"the only copy"
    assert _leftovers(tmp_path) == []


def test_ctrl_c_during_an_animation_inside_qt_stops_it(tmp_path):
    target = tmp_path / "a.gif"
    begin = time.monotonic()  # the window opens in ~2 s; 400 frames take far longer
    done = _stop_midway(["animate", "--cell", "gru", "--hidden-size", "4", "--length", "400",
                         "--panel", "cell", "--size", "400x240", "-o", str(target),
                         "--force"], target, signal.SIGINT,
                        lambda: time.monotonic() > begin + 2.5)
    assert done.returncode == 130, done.stderr
    assert "interrupted" in done.stderr and "KeyboardInterrupt" not in done.stderr
    assert target.read_bytes() == b"the only copy"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_says_one_line_and_leaves_the_old_file(tmp_path, capsys, monkeypatch):
    target = tmp_path / "run.npz"
    target.write_bytes(b"the only copy")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(np, "savez", full)
    code = main(["trace", "--length", "5", "-o", str(target), "--force"])
    err = capsys.readouterr().err
    assert code == 2 and "is full" in err and "nothing was written" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert target.read_bytes() == b"the only copy" and _leftovers(tmp_path) == []


def test_a_checkpoint_and_its_side_files_are_written_together_or_not_at_all(tmp_path,
                                                                            monkeypatch):
    from rnnviz.core.files import checkpoint

    model = tmp_path / "m.pt"
    for path in (model, checkpoint.sidecar_path(model), checkpoint.example_input_path(model)):
        path.write_bytes(b"old")

    def broken_save(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(np, "save", broken_save)  # the third file fails
    code = main(["train", "--task", "sine", "--cell", "gru", "--hidden-size", "4",
                 "--epochs", "1", "-o", str(model), "--force"])
    assert code == 2
    for path in (model, checkpoint.sidecar_path(model), checkpoint.example_input_path(model)):
        assert path.read_bytes() == b"old", path.name
    assert _leftovers(tmp_path) == []


def test_an_unexpected_error_is_one_line_with_the_log(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def boom(*_args, **_kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("rnnviz.core.run.compute_trace", boom)
    code = main(["trace", "--length", "5", "-o", str(tmp_path / "t.npz")])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "ZeroDivisionError: a bug" in err and "rnnviz.log" in err
    log = (tmp_path / "cache" / "rnnviz" / "rnnviz.log").read_text()
    assert "Traceback" in log and "boom" in log
    assert not (tmp_path / "t.npz").exists()
