# SPDX-License-Identifier: MIT
"""The partitions' CPUs and their reservations of CPU time."""

from ..schedule import ppm, reservations, utilisation_ppm
from ..units import PPM, percent_text
from .common import phandle_list
from .registry import check


@check
def check_partition_has_cpus(ctx):
    for p in ctx.system.partitions:
        if not p.cpus:
            yield p.path, "no CPU: cpus is missing or empty"


@check
def check_cpu_references(ctx):
    system = ctx.system
    for p in system.partitions:
        for message in phandle_list(system, "cpus", p.cpus, "a CPU",
                                    system.cpus):
            yield p.path, message


@check
def check_budget_with_period(ctx):
    for p in ctx.system.partitions:
        if p.budget_us is not None and p.period_us is None:
            yield p.path, "cpu-budget-us without cpu-period-us"
        elif p.budget_us is None and p.period_us is not None:
            yield p.path, "cpu-period-us without cpu-budget-us"


@check
def check_budget_not_zero(ctx):
    for p in ctx.system.partitions:
        if p.budget_us == 0:
            yield p.path, "cpu-budget-us is 0"


@check
def check_period_not_zero(ctx):
    for p in ctx.system.partitions:
        if p.period_us == 0:
            yield p.path, "cpu-period-us is 0"


@check
def check_budget_within_period(ctx):
    for p in ctx.system.partitions:
        if p.budget_us and p.period_us and p.budget_us > p.period_us:
            yield p.path, (f"cpu-budget-us {p.budget_us} exceeds "
                           f"cpu-period-us {p.period_us}")


@check
def check_dedicated_cpus(ctx):
    table = reservations(ctx.system)
    for cpu in ctx.system.cpus:
        reserved = table[cpu.path]
        owner = next((r.partition for r in reserved if r.partition.dedicated), None)
        others = [r.partition.name for r in reserved if r.partition is not owner]
        if owner and others:
            yield cpu.path, (f"dedicated to {owner.name} (no cpu-budget-us) but "
                             f"also reserved by {', '.join(others)}")


@check
def check_cpu_utilisation(ctx):
    table = reservations(ctx.system)
    for cpu in ctx.system.cpus:
        reserved = table[cpu.path]
        if any(r.partition.dedicated for r in reserved):
            continue
        if sum(r.share for r in reserved) > 1:
            shares = ", ".join(f"{r.partition.name} {percent_text(ppm(r.share))}"
                               for r in reserved)
            yield cpu.path, (f"reservations add up to "
                             f"{percent_text(utilisation_ppm(reserved))} "
                             f"({shares}), more than {percent_text(PPM)}")
