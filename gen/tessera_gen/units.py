# SPDX-License-Identifier: MIT
"""How gen writes sizes and shares of a CPU for people."""

_SIZE_UNITS = ((1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"),
               (1 << 10, "KiB"))

PPM = 1_000_000


def size_text(size):
    """Exact: the largest binary unit that divides `size`, e.g. "636 KiB"."""
    for unit, name in _SIZE_UNITS:
        if size and size % unit == 0:
            return f"{size // unit} {name}"
    return f"{size} bytes"


def range_text(r):
    """e.g. "0x8000000-0x81fffff (2 MiB)"."""
    return f"{r} ({size_text(r.size)})"


def percent_text(ppm):
    """Parts per million as a percentage with one decimal, rounded down so
    that 100.0 % means all of it."""
    return f"{ppm // 10_000}.{ppm % 10_000 // 1_000} %"
