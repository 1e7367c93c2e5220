# SPDX-License-Identifier: MIT
"""Partitions: how many, their names, programs, arguments and policies."""

from ..programs import LIBRARY
from .common import exceeds, second_names, too_long
from .registry import check


@check
def check_partition_limit(ctx):
    message = exceeds(len(ctx.system.partitions), "partition",
                      ctx.config.max_partitions, "CONFIG_MAX_PARTITIONS")
    if message:
        yield "/partitions", message


@check
def check_partition_vcpu_limit(ctx):
    for p in ctx.system.partitions:
        message = exceeds(len(ctx.system.cpus_of(p)), "vCPU", ctx.contract.max_vcpus,
                          "TESSERA_MAX_VCPUS")
        if message:
            yield p.path, message


@check
def check_partition_channel_limit(ctx):
    for p in ctx.system.partitions:
        message = exceeds(len(ctx.system.channels_of(p)), "channel",
                          ctx.contract.max_channels, "TESSERA_MAX_CHANNELS")
        if message:
            yield p.path, message


@check
def check_partition_device_limit(ctx):
    for p in ctx.system.partitions:
        message = exceeds(len(ctx.system.devices_of(p)), "device",
                          ctx.contract.max_devices, "TESSERA_MAX_DEVICES")
        if message:
            yield p.path, message


@check
def check_partition_name_length(ctx):
    for p in ctx.system.partitions:
        message = too_long(f'name "{p.name}"', p.name, ctx.contract.name_max,
                           "TT_NAME_MAX")
        if message:
            yield p.path, message


@check
def check_partition_names_unique(ctx):
    yield from second_names(ctx.system.partitions, "partition")


def _is_folder_name(program):
    return program and "/" not in program and not program.startswith(".")


@check
def check_program_name(ctx):
    for p in ctx.system.partitions:
        if p.program == LIBRARY:
            yield p.path, f'program "{p.program}" is the guest library, not a program'
        elif not _is_folder_name(p.program):
            yield p.path, f'program "{p.program}" is not the name of a folder'
        else:
            message = too_long(f'program "{p.program}"', p.program,
                               ctx.contract.name_max, "TT_NAME_MAX")
            if message:
                yield p.path, message


@check
def check_program_exists(ctx):
    for p in ctx.system.partitions:
        if _is_folder_name(p.program) and p.program != LIBRARY \
                and p.program not in ctx.programs:
            yield p.path, (f'program "{p.program}" does not exist: no C file in '
                           f"{ctx.programs.searched(p.program)}")


@check
def check_bootargs_length(ctx):
    for p in ctx.system.partitions:
        message = too_long("bootargs", p.bootargs, ctx.contract.bootargs_max,
                           "TT_BOOTARGS_MAX")
        if message:
            yield p.path, message


@check
def check_on_fault(ctx):
    policies = list(ctx.contract.on_fault)
    for p in ctx.system.partitions:
        if p.on_fault not in policies:
            choices = ", ".join(f'"{v}"' for v in policies)
            yield p.path, f'on-fault "{p.on_fault}" is not one of {choices}'
