# SPDX-License-Identifier: MIT
"""Placement of what the DTS gives a size but no address.

Free RAM is RAM less /reserved-memory, the partitions with a fixed `reg`,
device MMIO and whatever is already placed. Partitions with `memory-size`
go there first, first fit in DTS order, aligned to 2 MiB when the size is a
multiple of 2 MiB (so that large pages can map them) and to 4 KiB
otherwise; then the channels' rings, aligned to 4 KiB, each the size that
public/io/ring.h gives it (ring_size), two of them for a vif. Everything is
decided by the order of the DTS, so the same input gives the same layout."""

from dataclasses import dataclass

from .errors import GenError
from .regions import LARGE_PAGE_SIZE, PAGE_SIZE, align_up, first_fit, subtract
from .units import range_text, size_text


@dataclass(frozen=True)
class Layout:
    partitions: dict       # model.Partition -> Range, fixed or placed
    rings: dict            # model.Channel -> Range


class _FreeRam:
    def __init__(self, system):
        taken = ([r.range for r in system.reserved]
                 + [r for p in system.partitions for r in p.reg]
                 + [r for d in system.devices for r in d.mmio])
        self.free = subtract([m.range for m in system.ram], taken)

    def take(self, size, alignment):
        found = first_fit(self.free, size, alignment)
        if found:
            self.free = subtract(self.free, [found])
        return found

    def no_room(self, what, size, alignment):
        largest = max(self.free, key=lambda r: (r.size, -r.base), default=None)
        left = (f"the largest free RAM is {range_text(largest)}" if largest
                else "no free RAM is left")
        return (f"no room for {what}: {size:#x} ({size_text(size)}) aligned to "
                f"{size_text(alignment)}; {left}")


def _alignment(size):
    return LARGE_PAGE_SIZE if size % LARGE_PAGE_SIZE == 0 else PAGE_SIZE


def ring_size(channel, terms):
    """The index page, then each slot's header and `slot-size` bytes of
    payload, in whole pages: TESSERA_RING_BYTES of public/io/ring.h."""
    stride = terms.ring_slot_header + channel.slot_size
    return align_up(terms.ring_slots_offset + channel.slots * stride, PAGE_SIZE)


def rings(channel):
    """A vif has a transmit and a receive ring (TESSERA_NETIF_BYTES of
    public/io/netif.h); the other kinds one."""
    return 2 if channel.is_vif else 1


def channel_size(channel, terms):
    return rings(channel) * ring_size(channel, terms)


def place(system, terms):
    ram = _FreeRam(system)
    problems = []
    partitions = {}
    for p in system.partitions:
        if p.reg:
            partitions[p] = p.reg[0]
            continue
        found = ram.take(p.memory_size, _alignment(p.memory_size))
        if found:
            partitions[p] = found
        else:
            problems.append((p.path, ram.no_room("memory-size", p.memory_size,
                                                 _alignment(p.memory_size))))
    placed = {}
    for c in system.channels:
        size = channel_size(c, terms)
        found = ram.take(size, PAGE_SIZE)
        if found:
            placed[c] = found
        else:
            what = "the two rings (each " if rings(c) == 2 else "the ring ("
            problems.append((c.path, ram.no_room(
                f"{what}a page of indices and {c.slots} slots of a "
                f"{terms.ring_slot_header}-byte header and {c.slot_size} bytes)",
                size, PAGE_SIZE)))
    if problems:
        raise GenError(problems)
    return Layout(partitions, placed)
