# SPDX-License-Identifier: MIT
"""Channels: their ends, names and ring geometry."""

from .common import exceeds, reference, second_names, too_long
from .registry import check

_SLOT_ALIGN = 8


@check
def check_channel_limit(ctx):
    message = exceeds(len(ctx.system.channels), "channel",
                      ctx.config.max_channels, "CONFIG_MAX_CHANNELS")
    if message:
        yield "/channels", message


@check
def check_channel_name_length(ctx):
    for c in ctx.system.channels:
        message = too_long(f'name "{c.name}"', c.name, ctx.contract.name_max,
                           "TT_NAME_MAX")
        if message:
            yield c.path, message


@check
def check_channel_names_unique(ctx):
    yield from second_names(ctx.system.channels, "channel")


@check
def check_channel_ends(ctx):
    system = ctx.system
    for c in system.channels:
        for prop, phandle in (("frontend", c.frontend), ("backend", c.backend)):
            message = reference(system, prop, phandle, "a partition", system.partitions)
            if message:
                yield c.path, message


@check
def check_channel_not_a_loop(ctx):
    system = ctx.system
    for c in system.channels:
        end = system.partition(c.frontend)
        if end and end is system.partition(c.backend):
            yield c.path, (f"frontend and backend are both {end.path}: "
                           "a ring joins two partitions")


@check
def check_slots(ctx):
    for c in ctx.system.channels:
        if c.slots == 0 or c.slots & (c.slots - 1):
            yield c.path, f"slots {c.slots} is not a power of two"


@check
def check_slots_max(ctx):
    """The frontend's outstanding ids are a bitmap of this many bits."""
    for c in ctx.system.channels:
        message = exceeds(c.slots, "slot", ctx.contract.ring_slots_max,
                          "TESSERA_RING_SLOTS_MAX")
        if message:
            yield c.path, message


@check
def check_slot_size(ctx):
    for c in ctx.system.channels:
        if c.slot_size == 0:
            yield c.path, "slot-size is 0"
        elif c.slot_size % _SLOT_ALIGN:
            yield c.path, f"slot-size {c.slot_size} is not a multiple of {_SLOT_ALIGN}"
