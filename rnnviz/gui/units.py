"""Parsing a list of units typed by the user: "0, 3, 5-7"."""

from __future__ import annotations

from rnnviz.gui.i18n import tr


def parse_units(text: str, size: int) -> tuple[list[int], str]:
    """(units, error). Units outside 0..size-1 or bad tokens are reported, not fatal."""
    units: list[int] = []
    for token in text.replace(";", ",").split(","):
        token = token.strip()
        if not token:
            continue
        try:
            if "-" in token[1:]:
                lo, hi = token.split("-", 1) if not token.startswith("-") else (token, token)
                span = range(int(lo), int(hi) + 1)
            else:
                span = range(int(token), int(token) + 1)
        except ValueError:
            return units, tr("'{token}' is not a unit or range (e.g. 0, 3, 5-7)").format(
                token=token)
        if not len(span) or span[0] < 0 or span[-1] >= size:
            return units, tr("units go from 0 to {last}").format(last=size - 1)
        units.extend(span)
    if len(units) > 16:
        return units[:16], tr("showing the first {n} units").format(n=16)
    return units, ""
