"""rnnviz: step a recurrent cell through a sequence and see every gate."""

__version__ = "0.1.0"
