"""Side panels: the network's configuration and the input sequence."""
