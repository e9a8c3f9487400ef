"""A binding release that leaks references (PySide6 6.12.0 on Python < 3.12 drops a
reference to None on every wrapped void call) dies within a few thousand repaints.
This test repaints that often, so such a release fails here, not in front of a class."""

import sys

import numpy as np


def test_thousands_of_setdata_and_repaints(qtbot):
    import pyqtgraph as pg

    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    widget.show()
    curve = widget.plot()
    x = np.arange(50.0)
    none_refs = sys.getrefcount(None)
    for k in range(3000):
        curve.setData(x, np.sin(x * 0.1 + k))
        widget.repaint()
    assert sys.getrefcount(None) >= none_refs - 100  # no steady drain of None's references
