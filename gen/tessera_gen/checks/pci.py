# SPDX-License-Identifier: MIT
"""PCI functions: their addresses and BARs as the monitor will program
them. Overlaps of BARs with RAM or other MMIO, shared GSIs and the count
of windows are the devices' and memory's checks: a BAR is an MMIO window
of its function."""

from .. import pci
from ..regions import PAGE_SIZE, Range
from .common import Claim, overlapping_pairs, repeats
from .registry import check

_BAR_REGISTERS = ", ".join(f"{r:#x}" for r in range(pci.BAR_FIRST, pci.BAR_LAST + 1,
                                                    pci.BAR_STRIDE))
_4GIB = 1 << 32


def _functions(ctx):
    return [d for d in ctx.system.devices if d.is_pci]


def _bar_register_ok(bar):
    return (pci.BAR_FIRST <= bar.register <= pci.BAR_LAST
            and bar.register % pci.BAR_STRIDE == 0)


@check
def check_pci_bus_range(ctx):
    for d in _functions(ctx):
        first, last = d.bus_range      # two cells: the binding says so
        if not first <= d.pci.bus <= last:
            yield d.path, (f"bus {d.pci.bus} is outside its host bridge's "
                           f"bus-range {first}-{last}")


@check
def check_pci_address_unique(ctx):
    for address, d, first in repeats((d.pci, d) for d in _functions(ctx)):
        yield d.path, f"PCI address {address} is also {first.path}'s"


@check
def check_bar_function(ctx):
    for d in _functions(ctx):
        for bar in d.bars:
            if bar.bdf != d.pci:
                yield d.path, (f"assigned-addresses: {bar} names function {bar.bdf}, "
                               f"not this one, {d.pci}")


@check
def check_bar_space(ctx):
    """The monitor maps memory BARs; an I/O BAR has no port range here."""
    for d in _functions(ctx):
        for bar in d.bars:
            if not bar.is_memory:
                yield d.path, (f"assigned-addresses: {bar} is in space {bar.space}, "
                               "not 32-bit (2) or 64-bit (3) memory")


@check
def check_bar_register(ctx):
    for d in _functions(ctx):
        for bar in d.bars:
            if not _bar_register_ok(bar):
                yield d.path, (f"assigned-addresses: register {bar.register:#x} is "
                               f"not a BAR ({_BAR_REGISTERS})")
            elif bar.is_64bit and bar.register == pci.BAR_LAST:
                yield d.path, (f"assigned-addresses: {bar} is 64-bit, but a 64-bit "
                               f"BAR takes two registers and {pci.BAR_LAST:#x} is the last")


@check
def check_bar_registers_distinct(ctx):
    """A 64-bit BAR takes its register and the next."""
    for d in _functions(ctx):
        claims = [Claim(d.path, str(b), _registers(b)) for b in d.bars
                  if _bar_register_ok(b)]
        for earlier, later in overlapping_pairs(claims):
            yield d.path, f"assigned-addresses: {later.what} overlaps the {earlier.what}"


def _registers(bar):
    return Range(bar.register, pci.BAR_STRIDE * (2 if bar.is_64bit else 1))


@check
def check_bar_size(ctx):
    """A BAR decodes a naturally aligned power of two; the monitor maps
    whole pages, so a smaller one would share its page with another's."""
    for d in _functions(ctx):
        for bar in d.bars:
            r = bar.range
            if r.size < PAGE_SIZE or r.size & (r.size - 1):
                yield d.path, (f"assigned-addresses: {bar} has size {r.size:#x}, "
                               "not a power of two of at least 4 KiB")
            elif r.base % r.size:
                yield d.path, (f"assigned-addresses: {bar} at {r.base:#x} is not "
                               f"aligned to its size {r.size:#x}")
            elif not bar.is_64bit and r.end > _4GIB:
                yield d.path, (f"assigned-addresses: {bar} is 32-bit but "
                               f"{r} ends above 4 GiB")
