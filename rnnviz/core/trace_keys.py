"""The names of a trace's arrays (torch-free: the window imports them before torch)."""


def part_key(layer: int, direction: str, part: str) -> str:
    """`l{layer}_{fwd|bwd}_{part}`, e.g. l0_fwd_h: the key of one part in a trace file."""
    return f"l{layer}_{direction}_{part}"
