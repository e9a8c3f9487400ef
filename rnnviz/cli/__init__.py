"""The `rnnviz` program and its commands: one module per command beside `main`.

- main: the parser and the dispatch (`rnnviz`, `rnnviz trace`, `snapshot`, `animate`, …);
- options: the network, input and view flags every command shares, and building the
  network and input from them;
- train, grads, bench: those commands.
"""

from rnnviz.cli.main import SUBCOMMANDS, build_parser, main

__all__ = ["SUBCOMMANDS", "build_parser", "main"]
