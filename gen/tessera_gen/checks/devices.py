# SPDX-License-Identifier: MIT
"""Devices: who owns them and what they hold (I/O ports, MMIO, IRQs)."""

from .common import Claim, overlapping_pairs, phandle_list, too_long
from .registry import check

_IO_PORT_LIMIT = 0x10000


def _owner_text(owner):
    return "the monitor" if owner == "monitor" else f"partition {owner.name}"


@check
def check_device_references(ctx):
    system = ctx.system
    for p in system.partitions:
        for message in phandle_list(system, "devices", p.devices, "a device",
                                    system.devices):
            yield p.path, message


@check
def check_device_given_once(ctx):
    system = ctx.system
    for p in system.partitions:
        for d in system.devices_of(p):
            owner = system.owner(d)
            if owner not in ("monitor", p):
                yield p.path, f"devices: {d.path} is already given to {owner.name}"


@check
def check_monitor_devices_kept(ctx):
    system = ctx.system
    for p in system.partitions:
        for d in system.devices_of(p):
            reason = system.monitor_reason(d)
            if reason:
                yield p.path, f"devices: {d.path} is {reason}"


@check
def check_device_resource_counts(ctx):
    limit = ctx.contract.device_res_max
    for d in ctx.system.devices:
        for noun, items in (("I/O port ranges", d.ports), ("MMIO ranges", d.mmio),
                            ("IRQs", d.irqs)):
            if len(items) > limit:
                yield d.path, (f"{len(items)} {noun}, more than "
                               f"TT_DEVICE_RES_MAX {limit}")


@check
def check_device_name_lengths(ctx):
    for d in ctx.system.devices:
        for what, text in (("name", d.name), ("compatible", d.compatible)):
            message = too_long(f'{what} "{text}"', text, ctx.contract.name_max,
                               "TT_NAME_MAX")
            if message:
                yield d.path, message


@check
def check_io_ports(ctx):
    for d in ctx.system.devices:
        for r in d.ports:
            if r.size == 0:
                yield d.path, f"I/O port range at {r.base:#x} is empty"
            elif r.end > _IO_PORT_LIMIT:
                yield d.path, f"I/O ports {r} go beyond {_IO_PORT_LIMIT - 1:#x}"


def _rivals(system, earlier, later):
    """The owners of two devices when both are someone and they differ."""
    a, b = system.owner(earlier), system.owner(later)
    return (a, b) if a and b and a != b else None


def _conflict(system, earlier, later, clash):
    owners = _rivals(system, earlier, later)
    if owners:
        yield later.path, (f"{clash} {earlier.path}, which belongs to "
                           f"{_owner_text(owners[0])} while this belongs to "
                           f"{_owner_text(owners[1])}")


@check
def check_shared_io_ports(ctx):
    system = ctx.system
    claims = [Claim(d.path, "I/O ports", r, d) for d in system.devices for r in d.ports]
    for earlier, later in overlapping_pairs(claims):
        yield from _conflict(system, earlier.item, later.item,
                             f"I/O ports {later.range} overlap {earlier.range} of")


@check
def check_shared_irqs(ctx):
    system = ctx.system
    for j, later in enumerate(system.devices):
        for earlier in system.devices[:j]:
            for irq in sorted(set(earlier.irqs) & set(later.irqs)):
                yield from _conflict(system, earlier, later, f"IRQ {irq} is also that of")
