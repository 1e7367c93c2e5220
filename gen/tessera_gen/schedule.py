# SPDX-License-Identifier: MIT
"""What each CPU is reserved for, and the static cyclic schedule of every
CPU shared by budget (docs/scheduling.md).

A CPU listed by partitions with cpu-budget-us and cpu-period-us runs a
fixed table of windows that repeats every hyperperiod, the least common
multiple of the periods on it. gen builds the table by simulating
earliest-deadline-first over one hyperperiod in whole microseconds: each
vCPU releases a job of its budget at the start of each of its periods, due
at the end of that period, and at every instant the unfinished job with
the earliest deadline runs, ties going to the partition first in DTS
order. With deadlines equal to periods EDF meets every deadline if and
only if the CPU's utilisation is at most 100 % (Liu and Layland, 1973),
which checks/cpus.py enforces; the simulation still checks every deadline
and is the authority. Dedicated and idle CPUs have no schedule."""

import math
from dataclasses import dataclass
from fractions import Fraction

from .errors import GenError
from .units import PPM, percent_text


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

    @property
    def name(self):
        return f"{self.partition.name} vCPU {self.vcpu}"


@dataclass(frozen=True)
class Window:
    """The vCPU of `reservation` runs from start_us for length_us."""
    start_us: int
    length_us: int
    reservation: Reservation

    @property
    def end_us(self):
        return self.start_us + self.length_us


@dataclass(frozen=True)
class Schedule:
    """One CPU's windows, sorted, disjoint, within [0, hyperperiod_us);
    the time no window covers is idle."""
    cpu: object            # model.Cpu
    hyperperiod_us: int
    reserved: tuple        # Reservation, in DTS order of partitions
    windows: tuple         # Window


def reservations(system):
    """{cpu path: [Reservation]} for every CPU, in DTS order of partitions."""
    table = {cpu.path: [] for cpu in system.cpus}
    for p in system.partitions:
        for vcpu, cpu in enumerate(system.cpus_of(p)):
            table[cpu.path].append(Reservation(p, vcpu, cpu))
    return table


def shared_by_budget(system):
    """[(cpu, [Reservation])] of the CPUs whose every reservation has a
    non-zero budget and period, in DTS order of CPUs."""
    table = reservations(system)
    return [(cpu, table[cpu.path]) for cpu in system.cpus
            if table[cpu.path] and all(r.partition.budget_us and r.partition.period_us
                                       for r in table[cpu.path])]


def hyperperiod(reserved):
    return math.lcm(*(r.partition.period_us for r in reserved))


def ppm(share):
    """A share of a CPU in parts per million, rounded down."""
    return int(share * PPM)


def utilisation_ppm(reserved):
    return ppm(sum((r.share for r in reserved), Fraction(0)))


def budget_ppm(budget_us, period_us):
    return ppm(Fraction(budget_us, period_us))


def reservations_text(reserved):
    """e.g. "beta 4000/10000 us, gamma 3000/10000 us"."""
    return ", ".join(f"{r.partition.name} {r.partition.budget_us}/"
                     f"{r.partition.period_us} us" for r in reserved)


class _Miss(Exception):
    """A job still unfinished at its deadline."""

    def __init__(self, reservation, deadline, left):
        super().__init__()
        self.reservation, self.deadline, self.left = reservation, deadline, left


def _edf(reserved, hyperperiod_us):
    """[(start, end, reservation)] of each stretch the EDF simulation runs
    one job without a switch, in time order; _Miss at the first deadline
    missed. Only releases change what runs, so time advances from one
    release or completion to the next rather than microsecond by
    microsecond; the result is the same."""
    due = [0] * len(reserved)      # deadline of the current job = next release
    left = [0] * len(reserved)     # of the current job's budget
    runs = []
    now = 0
    while True:
        for i, r in enumerate(reserved):
            if due[i] == now:
                if left[i]:
                    raise _Miss(r, now, left[i])
                if now < hyperperiod_us:
                    left[i], due[i] = r.partition.budget_us, now + r.partition.period_us
        if now == hyperperiod_us:
            return runs
        release = min(due)
        ready = [i for i in range(len(reserved)) if left[i]]
        if not ready:
            now = release
            continue
        i = min(ready, key=lambda k: (due[k], k))
        end = min(now + left[i], release)
        runs.append((now, end, reserved[i]))
        left[i] -= end - now
        now = end


def _merged(runs):
    """Windows of the runs, a vCPU's back-to-back runs made one."""
    windows = []
    for start, end, r in runs:
        if windows and windows[-1].reservation is r and windows[-1].end_us == start:
            start = windows.pop().start_us
        windows.append(Window(start, end - start, r))
    return tuple(windows)


def _miss_text(miss, reserved):
    r, p = miss.reservation, miss.reservation.partition
    return (f"{r.name} gets {p.budget_us - miss.left} of its {p.budget_us} us "
            f"in its period {miss.deadline - p.period_us}-{miss.deadline} us: "
            f"the EDF schedule misses that deadline (reservations "
            f"{reservations_text(reserved)}, {percent_text(utilisation_ppm(reserved))})")


def schedule(cpu, reserved):
    """The Schedule of one CPU shared by budget; GenError when the
    simulation misses a deadline."""
    length = hyperperiod(reserved)
    try:
        windows = _merged(_edf(reserved, length))
    except _Miss as miss:
        raise GenError([(cpu.path, _miss_text(miss, reserved))])
    return Schedule(cpu, length, tuple(reserved), windows)


def build(system, config):
    """{cpu path: Schedule} of every CPU shared by budget. Runs after the
    checks, which bound each hyperperiod by CONFIG_MAX_HYPERPERIOD_US and
    the utilisation by 100 %; refuses, for all CPUs at once, a missed
    deadline and a schedule of more than CONFIG_MAX_SCHEDULE_WINDOWS."""
    schedules, problems = {}, []
    limit = config.max_schedule_windows
    for cpu, reserved in shared_by_budget(system):
        try:
            s = schedule(cpu, reserved)
        except GenError as e:
            problems += e.problems
            continue
        if len(s.windows) > limit:
            problems.append((cpu.path, (
                f"{len(s.windows)} windows in the schedule of its hyperperiod of "
                f"{s.hyperperiod_us} us ({reservations_text(reserved)}), more than "
                f"CONFIG_MAX_SCHEDULE_WINDOWS {limit}")))
        schedules[cpu.path] = s
    if problems:
        raise GenError(problems)
    return schedules
