# SPDX-License-Identifier: MIT
"""CPU reservations as the monitor enforces them (docs/scheduling.md),
measured by the partitions themselves with tests/programs/share.

Three partitions with 20, 30 and 50 % of a 10 ms period share cpu1 and
spin, never entering the monitor: each measures its share of the CPU with
tessera_now_ns() and from the monitor's accounting, and each must get its
reservation, no more (no spinning neighbour takes its window) and no less.
A fourth partition sleeps 50 ms on a CPU of its own. Then time given
back: a partition that yields and one that sleeps leave their windows to
the idle loop, strictly, or as slack to their neighbour with
CONFIG_SCHED_SLACK.

These boots run under -icount with sleep=off: the machine's time is its
instruction count, so the shares and the schedule do not depend on how
busy the host is, and a run repeats exactly. The bounds are on shares,
never on wall-clock times.
"""
import re

import pytest

from harness import HALT_OK, PERIOD_US, Partition, system_dts

ICOUNT = ("-icount", "shift=3,sleep=off")
PERIODS = 30
BUDGETS_US = {"a": 2000, "b": 3000, "c": 5000}     # of PERIOD_US, on cpu1
BOUND = 50      # per mille: 5 % absolute

SHARE = re.compile(r"share (?P<share>\d+) accounted (?P<accounted>\d+) "
                   r"reserved (?P<reserved>\d+) missed (?P<missed>\d+) "
                   r"lateness (?P<lateness>\d+) ticks (?P<ticks>\d+) "
                   r"periods (?P<periods>\d+) exhausted (?P<exhausted>\d+)")
SUMMARY = re.compile(r"\[tessera\] summary: (?P<name>\S+) .*; cpu time "
                     r"(?P<cpu_us>\d+) us, (?P<missed>\d+) windows missed, "
                     r"lateness max (?P<lateness>\d+) ns, "
                     r"(?P<ticks>\d+) timer interrupts")


def share_of(run, partition):
    """The figures partition's `share spin` printed, as ints."""
    lines = run.partition_lines(partition)
    found = [SHARE.fullmatch(line) for line in lines]
    assert len(lines) == 1 and found[0], run
    return {k: int(v) for k, v in found[0].groupdict().items()}


def summary_of(run, partition):
    for line in run.lines:
        m = SUMMARY.fullmatch(line)
        if m and m["name"] == partition:
            return {k: int(v) for k, v in m.groupdict().items() if k != "name"}
    raise AssertionError("no summary of %s in the run:%r" % (partition, run))


@pytest.fixture(scope="module")
def shared_cpu(system):
    partitions = [Partition(name, "share", "share spin %d" % PERIODS, cpu=1,
                            budget_us=budget)
                  for name, budget in BUDGETS_US.items()]
    partitions.append(Partition("sleeper", "share", "share sleep 50", cpu=2))
    image = system.build(dts=system_dts(partitions))
    run = system.boot(image, extra=ICOUNT)
    assert run.status == HALT_OK, run
    return run


@pytest.mark.parametrize("name", sorted(BUDGETS_US))
def test_share_is_the_reservation(shared_cpu, name):
    figures = share_of(shared_cpu, name)
    reserved = BUDGETS_US[name] * 1000 // PERIOD_US
    assert figures["reserved"] == reserved, shared_cpu
    # measured: the time it saw itself run; accounted: the monitor's count
    assert abs(figures["share"] - reserved) <= BOUND, shared_cpu
    assert abs(figures["accounted"] - reserved) <= BOUND, shared_cpu


@pytest.mark.parametrize("name", sorted(BUDGETS_US))
def test_no_window_missed(shared_cpu, name):
    assert share_of(shared_cpu, name)["missed"] == 0, shared_cpu
    assert summary_of(shared_cpu, name)["missed"] == 0, shared_cpu


@pytest.mark.parametrize("name", sorted(BUDGETS_US))
def test_timer_at_window_boundaries_only(shared_cpu, name):
    """A spinner is interrupted once per window, at its end: one window a
    period while it measures, one before, none when it exits."""
    ticks = share_of(shared_cpu, name)["ticks"]
    assert PERIODS <= ticks <= PERIODS + 2, shared_cpu


@pytest.mark.parametrize("name", sorted(BUDGETS_US))
def test_every_period_used_whole(shared_cpu, name):
    """A spinner used all of its budget in every period that has ended
    (the last one, in which it exits, is still open)."""
    figures = share_of(shared_cpu, name)
    assert figures["periods"] >= PERIODS, shared_cpu
    assert figures["exhausted"] == figures["periods"] - 1, shared_cpu


def slept_ns(run, partition):
    slept = re.fullmatch(r"slept (\d+) ns", run.partition_lines(partition)[0])
    assert slept, run
    return int(slept[1])


def test_sleep(shared_cpu):
    lines = shared_cpu.partition_lines("sleeper")
    assert slept_ns(shared_cpu, "sleeper") >= 50 * 10**6, shared_cpu
    assert re.fullmatch(r"past deadline returned after \d+ ns", lines[1]), \
        shared_cpu
    shared_cpu.expect("[tessera] sleeper: exited with status 0")
    # its CPU is dedicated: asleep it was idle, so nothing struck it
    assert summary_of(shared_cpu, "sleeper")["ticks"] == 0, shared_cpu


def test_dedicated_cpu_takes_no_ticks(system):
    """A partition spins on cpu3, dedicated, while cpu1's schedule ticks:
    no timer interrupt strikes it (without -icount: a tick count does not
    depend on the host)."""
    partitions = [Partition(name, "share", "share spin 5", cpu=1,
                            budget_us=budget)
                  for name, budget in BUDGETS_US.items()]
    partitions.append(Partition("alone", "share", "share spin 10", cpu=3))
    run = system.boot(system.build(dts=system_dts(partitions)))
    assert run.status == HALT_OK, run
    alone = share_of(run, "alone")
    assert alone["reserved"] == 1000, run
    assert alone["ticks"] == 0 and summary_of(run, "alone")["ticks"] == 0, run
    assert summary_of(run, "a")["ticks"] > 0, run


@pytest.mark.parametrize("slack", [False, True], ids=["strict", "slack"])
def test_time_given_back(system, slack):
    """On cpu1, a spins (20 %), b yields in a loop (30 %), c sleeps 100 ms
    (50 %). Strict: a gets its 20 % and not a microsecond of what b and c
    give back; with slack, a gets nearly all of the CPU. Either way b,
    yielding its windows away, has next to nothing of them, and uses up
    none of its periods but the one it spun through waiting for its
    start."""
    partitions = [
        Partition("a", "share", "share spin 20", cpu=1, budget_us=2000),
        Partition("b", "share", "share yield 20", cpu=1, budget_us=3000),
        Partition("c", "share", "share sleep 100", cpu=1, budget_us=5000),
    ]
    image = system.build(dts=system_dts(partitions),
                         config={"SCHED_SLACK": "y"} if slack else None)
    run = system.boot(image, extra=ICOUNT)
    assert run.status == HALT_OK, run
    a, b = share_of(run, "a"), share_of(run, "b")
    if slack:
        assert a["share"] >= 1000 - 2 * BOUND, run
    else:
        assert abs(a["share"] - 200) <= BOUND, run
        assert abs(a["accounted"] - 200) <= BOUND, run
    assert b["share"] <= BOUND and b["exhausted"] <= 1, run
    assert slept_ns(run, "c") >= 100 * 10**6, run
    for name in "abc":
        assert summary_of(run, name)["missed"] == 0, run
