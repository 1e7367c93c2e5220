# SPDX-License-Identifier: MIT
"""Memory reservations given in the DTS: the partitions' sizes and fixed
regions, and the overlaps of everything with a fixed address."""

from ..regions import PAGE_SIZE, covered, is_aligned
from ..units import range_text
from .common import Claim, overlapping_pairs
from .registry import check


@check
def check_memory_size_or_reg(ctx):
    for p in ctx.system.partitions:
        if p.memory_size is not None and p.reg:
            yield p.path, "has both memory-size and reg; give one"
        elif p.memory_size is None and not p.reg:
            yield p.path, "has neither memory-size nor reg"


@check
def check_memory_size(ctx):
    for p in ctx.system.partitions:
        if p.memory_size == 0:
            yield p.path, "memory-size is 0"
        elif p.memory_size and not is_aligned(p.memory_size, PAGE_SIZE):
            yield p.path, f"memory-size {p.memory_size:#x} is not a multiple of 4 KiB"


@check
def check_partition_reg(ctx):
    for p in ctx.system.partitions:
        for r in p.reg:
            if r.size == 0:
                yield p.path, f"reg at {r.base:#x} has size 0"
            for what, value in (("base", r.base), ("size", r.size)):
                if not is_aligned(value, PAGE_SIZE):
                    yield p.path, f"reg {what} {value:#x} is not a multiple of 4 KiB"


@check
def check_partition_reg_in_ram(ctx):
    ram = [m.range for m in ctx.system.ram]
    for p in ctx.system.partitions:
        for r in p.reg:
            if r.size and ram and not covered(ram, r):
                yield p.path, f"reg {range_text(r)} is not all in RAM"


def _fixed_claims(system):
    """Everything at an address the DTS fixes, in DTS order of kinds."""
    return ([Claim(r.path, "reg", r.range) for r in system.reserved]
            + [Claim(p.path, "reg", r) for p in system.partitions for r in p.reg]
            + [Claim(d.path, "MMIO", r) for d in system.devices for r in d.mmio])


@check
def check_fixed_regions_disjoint(ctx):
    for earlier, later in overlapping_pairs(_fixed_claims(ctx.system)):
        yield later.path, (f"{later.what} {later.range} overlaps {earlier.path} "
                           f"{earlier.what} {earlier.range}")


@check
def check_mmio_outside_ram(ctx):
    for d in ctx.system.devices:
        for r in d.mmio:
            for m in ctx.system.ram:
                if r.size and r.overlaps(m.range):
                    yield d.path, f"MMIO {r} overlaps RAM {m.path} ({m.range})"
