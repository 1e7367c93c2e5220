# SPDX-License-Identifier: MIT
"""The machine: RAM, CPUs, the monitor's reservation and console."""

from ..model import DEBUG_EXIT_COMPATIBLE, MONITOR_COMPATIBLE
from ..regions import PAGE_SIZE, covered, is_aligned, subtract
from ..units import range_text, size_text
from .common import Claim, exceeds, overlapping_pairs
from .registry import check


@check
def check_ram_exists(ctx):
    if not ctx.system.ram:
        yield "/", 'no RAM: no node with device_type = "memory"'


@check
def check_ram_not_empty(ctx):
    for m in ctx.system.ram:
        if m.range.size == 0:
            yield m.path, f"RAM at {m.range.base:#x} has size 0"


@check
def check_ram_disjoint(ctx):
    claims = [Claim(m.path, "RAM", m.range) for m in ctx.system.ram]
    for earlier, later in overlapping_pairs(claims):
        yield later.path, (f"RAM {later.range} overlaps {earlier.path} "
                           f"({earlier.range})")


@check
def check_usable_ram(ctx):
    ram = [m.range for m in ctx.system.ram]
    if ram and not subtract(ram, [r.range for r in ctx.system.reserved]):
        total = sum(r.size for r in ram)
        yield "/", (f"no usable RAM: /reserved-memory covers all "
                    f"{size_text(total)} of it")


@check
def check_reserved_not_empty(ctx):
    for r in ctx.system.reserved:
        if r.range.size == 0:
            yield r.path, f"reg at {r.range.base:#x} has size 0"


@check
def check_monitor_reserved(ctx):
    monitors = [r for r in ctx.system.reserved if r.monitor]
    if not monitors:
        yield "/reserved-memory", (f'no node with compatible "{MONITOR_COMPATIBLE}": '
                                   "the monitor needs a reservation")
    for extra in monitors[1:]:
        yield extra.path, (f"a second {MONITOR_COMPATIBLE} reservation; "
                           f"the first is {monitors[0].path}")


@check
def check_monitor_aligned(ctx):
    monitor = ctx.system.monitor
    if monitor is None:
        return
    for what, value in (("base", monitor.range.base), ("size", monitor.range.size)):
        if not is_aligned(value, PAGE_SIZE):
            yield monitor.path, f"reg {what} {value:#x} is not a multiple of 4 KiB"


@check
def check_monitor_in_ram(ctx):
    monitor = ctx.system.monitor
    ram = [m.range for m in ctx.system.ram]
    if monitor and monitor.range.size and ram and not covered(ram, monitor.range):
        yield monitor.path, f"reg {range_text(monitor.range)} is not all in RAM"


@check
def check_cpus_exist(ctx):
    if not ctx.system.cpus:
        yield "/cpus", 'no CPU: no node with device_type = "cpu"'


@check
def check_apic_ids_unique(ctx):
    for i, cpu in enumerate(ctx.system.cpus):
        first = next(c for c in ctx.system.cpus[:i + 1] if c.apic_id == cpu.apic_id)
        if first is not cpu:
            yield cpu.path, f"APIC id {cpu.apic_id} is also {first.path}'s"


@check
def check_cpu_limit(ctx):
    message = exceeds(len(ctx.system.cpus), "CPU", ctx.config.max_cpus,
                      "CONFIG_MAX_CPUS")
    if message:
        yield "/cpus", message


@check
def check_console(ctx):
    system = ctx.system
    if system.stdout_path is None:
        yield "/chosen", "no stdout-path: the monitor needs a console"
    elif system.console is None:
        yield "/chosen", f"stdout-path names {system.stdout_path}, which is not a device"


@check
def check_one_debug_exit(ctx):
    found = [d for d in ctx.system.devices if d.compatible == DEBUG_EXIT_COMPATIBLE]
    for extra in found[1:]:
        yield extra.path, f"a second {DEBUG_EXIT_COMPATIBLE}; the first is {found[0].path}"
