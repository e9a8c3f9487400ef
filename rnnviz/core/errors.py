"""The one exception type a user sees: a problem with their input, and its fix."""


class RnnvizError(Exception):
    """Bad input from the user (file, flag, field). The message names the problem
    and how to fix it, on one line, so the CLI can print it and a dialog can show it."""
