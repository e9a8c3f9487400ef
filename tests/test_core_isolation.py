"""rnnviz.core never imports Qt or pyqtgraph: it is a library for notebooks too."""

import subprocess
import sys

PROBE = """
import sys
import rnnviz.core
from rnnviz.core import *  # noqa
import rnnviz.core.sequences, rnnviz.core.trace, rnnviz.core.long_trace
import rnnviz.core.files.modelio, rnnviz.core.files.tracefile, rnnviz.core.files.npz_spool
import rnnviz.core.engine, rnnviz.core.torch_model, rnnviz.cli.options, rnnviz.cli.bench
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6',
             'pyqtgraph', 'shiboken6'))
print(','.join(bad))
"""


def test_core_loads_no_qt():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt modules loaded by rnnviz.core: {result.stdout}"


def test_sequences_load_without_torch():
    code = "import sys, rnnviz.core.sequences; print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_the_window_module_loads_without_torch():
    """The window paints before torch is imported (launch time): nothing at import pulls it."""
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "import rnnviz.cli, rnnviz.gui.main_window, rnnviz.gui.app\n"
            "print('torch' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
