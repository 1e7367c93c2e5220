# SPDX-License-Identifier: MIT
"""Physical address ranges and the arithmetic of free memory."""

from dataclasses import dataclass

PAGE_SIZE = 0x1000
LARGE_PAGE_SIZE = 0x200000


@dataclass(frozen=True, order=True)
class Range:
    """[base, base + size): sorting orders by base."""
    base: int
    size: int

    @property
    def end(self):
        return self.base + self.size

    @property
    def last(self):
        return self.end - 1

    def overlaps(self, other):
        return self.base < other.end and other.base < self.end

    def __str__(self):
        return f"{self.base:#x}-{self.last:#x}"


def align_up(value, alignment):
    return -(-value // alignment) * alignment


def is_aligned(value, alignment):
    return value % alignment == 0


def merge(ranges):
    """The union of `ranges`, sorted, with touching ranges joined."""
    merged = []
    for r in sorted(r for r in ranges if r.size > 0):
        if merged and r.base <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Range(last.base, max(last.end, r.end) - last.base)
        else:
            merged.append(r)
    return merged


def subtract(ranges, taken):
    """What of `ranges` no range of `taken` covers, sorted and merged."""
    free = merge(ranges)
    for t in merge(taken):
        rest = []
        for r in free:
            if not r.overlaps(t):
                rest.append(r)
                continue
            if r.base < t.base:
                rest.append(Range(r.base, t.base - r.base))
            if t.end < r.end:
                rest.append(Range(t.end, r.end - t.end))
        free = rest
    return free


def covered(ranges, r):
    """Whether the union of `ranges` covers all of `r`."""
    return not subtract([r], ranges)


def first_fit(free, size, alignment):
    """The lowest `alignment`-aligned range of `size` bytes inside one of
    the sorted `free` ranges, or None."""
    for r in free:
        base = align_up(r.base, alignment)
        if base + size <= r.end:
            return Range(base, size)
    return None
