# SPDX-License-Identifier: MIT
"""What each CPU is reserved for: one vCPU of a partition per CPU it lists,
with its budget and period, or the whole CPU when the partition gave none."""

from dataclasses import dataclass
from fractions import Fraction

from .units import PPM


@dataclass(frozen=True)
class Reservation:
    partition: object      # model.Partition
    vcpu: int              # the vCPU's number in its partition
    cpu: object            # model.Cpu

    @property
    def share(self):
        """The part of the CPU reserved, exactly; 0 for a budget or period
        that other checks refuse."""
        p = self.partition
        if p.dedicated:
            return Fraction(1)
        if not p.budget_us or not p.period_us or p.budget_us > p.period_us:
            return Fraction(0)
        return Fraction(p.budget_us, p.period_us)


def reservations(system):
    """{cpu path: [Reservation]} for every CPU, in DTS order of partitions."""
    table = {cpu.path: [] for cpu in system.cpus}
    for p in system.partitions:
        for vcpu, cpu in enumerate(system.cpus_of(p)):
            table[cpu.path].append(Reservation(p, vcpu, cpu))
    return table


def ppm(share):
    """A share of a CPU in parts per million, rounded down."""
    return int(share * PPM)


def utilisation_ppm(reserved):
    return ppm(sum((r.share for r in reserved), Fraction(0)))


def budget_ppm(budget_us, period_us):
    return ppm(Fraction(budget_us, period_us))
