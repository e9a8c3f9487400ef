"""One lock around torch's slow lazy imports (torch._dynamo, sympy).

The window warms those imports up on a background thread (training_run.warm_up) so that
Start does not stall later. Torch work on another thread at the same moment can reach
the same lazy imports through torch's own decorators and find them half done
("partially initialized module 'torch._dynamo'"). The warm-up holds this lock while it
imports, and the worker's computations take it too: at worst a computation waits for the
warm-up to finish, once.
"""

import threading

TORCH_IMPORTS = threading.Lock()
