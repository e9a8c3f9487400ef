"""`python -m rnnviz` runs the same program as the `rnnviz` script."""

import sys

from rnnviz.cli import main

sys.exit(main())
