# SPDX-License-Identifier: MIT
"""PCI addresses as the IEEE 1275 PCI binding writes them: the phys.hi
cell of a `reg` or `assigned-addresses` entry, npt000ss bbbbbbbb
dddddfff rrrrrrrr (relocatable, prefetchable, aliased, space code, bus,
device, function, register), followed by a 64-bit address and, in
`assigned-addresses`, a 64-bit size. The checks judge what is decoded
here; only cells that cannot be entries at all stop the loading."""

from dataclasses import dataclass

from .errors import fail
from .regions import Range

HOST_COMPATIBLE = "tessera,pci-host-cam"

# Space codes of phys.hi bits 24-25.
SPACE_CONFIG = 0
SPACE_IO = 1
SPACE_MEM32 = 2
SPACE_MEM64 = 3
PREFETCHABLE = 0x40000000

BAR_FIRST = 0x10           # the register of BAR0
BAR_LAST = 0x24            # the register of BAR5
BAR_STRIDE = 4

_ENTRY_CELLS = 5           # phys.hi, two address cells, two size cells


@dataclass(frozen=True)
class Bdf:
    bus: int
    device: int
    function: int

    def __str__(self):
        return f"{self.bus:02x}:{self.device:02x}.{self.function:x}"


@dataclass(frozen=True)
class Bar:
    """One `assigned-addresses` entry."""
    phys_hi: int
    range: Range

    @property
    def register(self):
        return self.phys_hi & 0xff

    @property
    def index(self):
        return (self.register - BAR_FIRST) // BAR_STRIDE

    @property
    def space(self):
        return self.phys_hi >> 24 & 3

    @property
    def bdf(self):
        return bdf_of(self.phys_hi)

    @property
    def is_memory(self):
        return self.space in (SPACE_MEM32, SPACE_MEM64)

    @property
    def is_64bit(self):
        return self.space == SPACE_MEM64

    def __str__(self):
        return f"BAR at register {self.register:#x}"


def bdf_of(phys_hi):
    return Bdf(phys_hi >> 16 & 0xff, phys_hi >> 11 & 0x1f, phys_hi >> 8 & 7)


def _entries(node, prop):
    cells = node.cells(prop)
    if len(cells) % _ENTRY_CELLS:
        fail(node.path, f"{prop} has {len(cells)} cells, not a multiple of "
             f"{_ENTRY_CELLS} (phys.hi, 2 address cells, 2 size cells)")
    return [cells[i:i + _ENTRY_CELLS] for i in range(0, len(cells), _ENTRY_CELLS)]


def _number(cells):
    return cells[0] << 32 | cells[1]


def function_bdf(node):
    """The bus/device/function of a function's first `reg` entry, its
    configuration space; None without one."""
    entries = _entries(node, "reg")
    return bdf_of(entries[0][0]) if entries else None


def bars(node):
    return [Bar(e[0], Range(_number(e[1:3]), _number(e[3:5])))
            for e in _entries(node, "assigned-addresses")]


def is_host(node):
    return HOST_COMPATIBLE in node.strings("compatible")
