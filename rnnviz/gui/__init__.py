"""The simulator window (PySide6 + pyqtgraph). Reads traces; never calls torch itself."""
