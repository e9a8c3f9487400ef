import os

# Headless Qt for every GUI test; pyqtgraph must bind PySide6 even if PyQt is installed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
