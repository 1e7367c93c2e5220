# SPDX-License-Identifier: MIT
"""The CPU schedules gen builds (gen/tessera_gen/schedule.py): hyperperiods,
the exact windows of small sets, ties, merging, refusals; and, checked by
an independent reading of the windows gen emits into tables.c, that every
vCPU gets exactly its budget in every one of its periods. The refusals
that a DTS can reach have fixtures of their own in fixtures/."""

import re

import pytest

from gen_harness import FIXTURES, HERE, SRCTREE, dump_tables
from tessera_gen import schedule
from tessera_gen.errors import GenError
from tessera_gen.model import Cpu, Partition

CPU = Cpu("/cpus/cpu@2", "cpu@2", 2)


def _reserved(*sets):
    """Reservations of CPU for partitions (name, budget, period), in this
    (DTS) order."""
    return [schedule.Reservation(
        Partition(path=f"/partitions/{name}", name=name, program="hello", bootargs="",
                  memory_size=0x200000, reg=[], cpus=[], budget_us=budget,
                  period_us=period, devices=[], on_fault="halt"), 0, CPU)
        for name, budget, period in sets]


def _windows(*sets):
    """(start, length, partition name) of each window of the schedule."""
    s = schedule.schedule(CPU, _reserved(*sets))
    return [(w.start_us, w.length_us, w.reservation.partition.name) for w in s.windows]


@pytest.mark.parametrize("periods, expected", [
    ((10000, 10000), 10000),            # equal
    ((7000, 11000), 77000),             # coprime multiples of 1000
    ((7, 11, 13), 1001),                # coprime
    ((2000, 5000, 10000), 10000),       # harmonic with the longest
    ((1,), 1),                          # the time unit
])
def test_hyperperiod_is_the_least_common_multiple(periods, expected):
    reserved = _reserved(*((f"p{i}", 1, p) for i, p in enumerate(periods)))
    assert schedule.hyperperiod(reserved) == expected
    assert schedule.schedule(CPU, reserved).hyperperiod_us == expected


def test_earliest_deadline_runs_first_and_idle_is_a_gap():
    # a: due at 2, 4, 6; b: due at 3, 6
    assert _windows(("a", 1, 2), ("b", 1, 3)) == [
        (0, 1, "a"), (1, 1, "b"), (2, 1, "a"), (3, 1, "b"), (4, 1, "a")]


def test_a_release_with_an_earlier_deadline_preempts():
    # b runs from 1 until a's second job (due at 10) arrives at 5
    assert _windows(("a", 1, 5), ("b", 6, 15)) == [
        (0, 1, "a"), (1, 4, "b"), (5, 1, "a"), (6, 2, "b"), (10, 1, "a")]


def test_equal_deadlines_go_to_dts_order():
    assert _windows(("a", 2, 4), ("b", 2, 4)) == [(0, 2, "a"), (2, 2, "b")]
    assert _windows(("b", 2, 4), ("a", 2, 4)) == [(0, 2, "b"), (2, 2, "a")]


def test_a_vcpu_that_runs_on_through_a_release_has_one_window():
    # at 4, a's second job is due at 8 like b's: b, first in DTS order,
    # runs on from 2 to 6 in one window rather than two
    assert _windows(("b", 4, 8), ("a", 2, 4)) == [(0, 2, "a"), (2, 4, "b"), (6, 2, "a")]


def test_a_full_cpu_is_one_window():
    assert _windows(("a", 1, 1)) == [(0, 1, "a")]
    assert _windows(("a", 5000, 10000), ("b", 2500, 5000)) == [
        (0, 2500, "b"), (2500, 5000, "a"), (7500, 2500, "b")]


def test_the_same_set_gives_the_same_schedule():
    sets = (("a", 300, 1000), ("b", 700, 3000), ("c", 1100, 7000))
    first = _windows(*sets)
    assert len(first) > 3
    assert _windows(*sets) == first


def test_a_missed_deadline_is_refused_with_the_numbers():
    # beyond 100 %, which the checks refuse first: the simulation notices
    with pytest.raises(GenError) as refused:
        schedule.schedule(CPU, _reserved(("alpha", 3, 4), ("beta", 2, 4)))
    assert refused.value.problems == [(
        "/cpus/cpu@2", "beta vCPU 0 gets 1 of its 2 us in its period 0-4 us: the EDF "
        "schedule misses that deadline (reservations alpha 3/4 us, beta 2/4 us, 125.0 %)")]


def test_a_missed_deadline_at_the_end_of_the_hyperperiod_is_refused():
    with pytest.raises(GenError) as refused:
        schedule.schedule(CPU, _reserved(("alpha", 2, 3), ("beta", 3, 6)))
    assert refused.value.problems == [(
        "/cpus/cpu@2", "beta vCPU 0 gets 2 of its 3 us in its period 0-6 us: the EDF "
        "schedule misses that deadline (reservations alpha 2/3 us, beta 3/6 us, 116.6 %)")]


# ---- an independent reading of the emitted windows --------------------------

_CPU = re.compile(r"^cpu (\d+) apic \d+ dedicated_to \S+ vcpus \d+ ppm \d+$")
_SCHEDULE = re.compile(r"^  hyperperiod (\d+) windows (\d+)\+(\d+)$")
_VCPU = re.compile(r"^vcpu (\d+) partition \d+ index \d+ cpu (\d+) budget (\d+) period (\d+)$")
_WINDOW = re.compile(r"^window (\d+) start (\d+) length (\d+) vcpu (\d+)$")


def _read(dump):
    """{cpu: (hyperperiod, [windows])}, {vcpu: (cpu, budget, period)} and
    [(start, length, vcpu)] from tables_dump's lines."""
    cpus, vcpus, windows, cpu = {}, {}, [], None
    for line in dump.splitlines():
        if m := _CPU.match(line):
            cpu = int(m[1])
        elif m := _SCHEDULE.match(line):
            cpus[cpu] = tuple(map(int, m.groups()))
        elif m := _VCPU.match(line):
            vcpus[int(m[1])] = tuple(map(int, m.groups()[1:]))
        elif m := _WINDOW.match(line):
            windows.append(tuple(map(int, m.groups()[1:])))
    return cpus, vcpus, windows


def _received(windows, vcpu, start, end):
    return sum(max(0, min(end, s + n) - max(start, s)) for s, n, v in windows if v == vcpu)


def _check_reservations(dump):
    """Every vCPU with a budget gets exactly it in each of its periods,
    from windows that are sorted, disjoint and inside the hyperperiod."""
    cpus, vcpus, windows = _read(dump)
    for cpu, (hyperperiod, first, count) in cpus.items():
        mine = windows[first:first + count]
        ends = [0] + [s + n for s, n, _ in mine]
        assert all(n > 0 and s >= end for (s, n, _), end in zip(mine, ends))
        assert ends[-1] <= hyperperiod
        assert {v for _, _, v in mine} <= {v for v, (c, _, _) in vcpus.items() if c == cpu}
    for v, (cpu, budget, period) in vcpus.items():
        if budget:
            hyperperiod, first, count = cpus[cpu]
            mine = windows[first:first + count]
            assert [_received(mine, v, k, k + period)
                    for k in range(0, hyperperiod, period)] == \
                [budget] * (hyperperiod // period)
    return cpus


def _partition(name, cpus, budget, period):
    return f"""
		{name} {{
			compatible = "tessera,partition";
			program = "hello";
			memory-size = <0x0 0x00200000>;
			cpus = <{cpus}>;
			cpu-budget-us = <{budget}>;
			cpu-period-us = <{period}>;
		}};"""


def _generate(build, tmp_path, *partitions):
    dts = tmp_path / "system.dts"
    dts.write_text(f'#include "{FIXTURES / "base.dtsi"}"\n/ {{\n\tpartitions {{'
                   + "".join(_partition(*p) for p in partitions) + "\n\t};\n};\n")
    build.compile(dts)
    assert build.gen("system.dts") == (0, [])
    return dump_tables(build, tmp_path)


def test_every_vcpu_gets_its_budget_in_every_period(build, tmp_path):
    # beta 4000/10000 us on cpu2 comes from base.dtsi
    cpus = _check_reservations(_generate(
        build, tmp_path,
        ("gamma", "&cpu2", 700, 3000), ("delta", "&cpu2", 900, 7000),
        ("epsilon", "&cpu2 &cpu3", 1, 1000), ("zeta", "&cpu3", 9999, 11000),
        ("eta", "&cpu0", 1, 1)))
    assert {cpu: hyperperiod for cpu, (hyperperiod, _, _) in cpus.items()} == \
        {0: 1, 2: 210000, 3: 11000}


def test_every_vcpu_gets_its_budget_on_a_full_cpu(build, tmp_path):
    _check_reservations(_generate(
        build, tmp_path, ("gamma", "&cpu2", 2000, 4000), ("delta", "&cpu2", 500, 5000)))


def test_layout_draws_each_schedule(build, tmp_path):
    _generate(build, tmp_path, ("gamma", "&cpu3", 1, 2), ("delta", "&cpu3", 1, 3))
    layout = (build.out / "layout.txt").read_text()
    section = layout[layout.index("Schedules"):layout.index("Partitions")]
    assert section == """\
Schedules (us from the start of each hyperperiod; '.' idle)
  /cpus/cpu@2: hyperperiod 10000 us, 1 window, 200 us a character
    0 |AAAAAAAAAAAAAAAAAAAA..............................| 10000
    A  beta vCPU 0: 4000 us every 10000 us
    start  length  vCPU
        0    4000  beta vCPU 0
  /cpus/cpu@3: hyperperiod 6 us, 5 windows, 1 us a character
    0 |ABABA.| 6
    A  gamma vCPU 0: 1 us every 2 us
    B  delta vCPU 0: 1 us every 3 us
    start  length  vCPU
        0       1  gamma vCPU 0
        1       1  delta vCPU 0
        2       1  gamma vCPU 0
        3       1  delta vCPU 0
        4       1  gamma vCPU 0

"""


def test_layout_draws_a_cell_as_whatever_has_most_of_it(build, tmp_path):
    # 66 us at 2 us a character: of each 6 us, gamma has 0-3 and idle 4-6;
    # delta's one 1 us, at 3, shares its cell with gamma's 1 us and yields
    # to it, the first of equals, and a cell half gamma's, half idle is
    # gamma's: the window list shows what the line cannot
    _generate(build, tmp_path, ("gamma", "&cpu3", 3, 6), ("delta", "&cpu3", 1, 66))
    lines = (build.out / "layout.txt").read_text().splitlines()
    start = lines.index("  /cpus/cpu@3: hyperperiod 66 us, 12 windows, 2 us a character")
    assert lines[start + 1] == "    0 |" + "AA." * 11 + "| 66"
    assert lines[start + 5:start + 7] == ["        0       3  gamma vCPU 0",
                                          "        3       1  delta vCPU 0"]


def test_scheduling_doc_shows_the_default_schedule_and_the_refusals():
    doc = (SRCTREE / "docs" / "scheduling.md").read_text()
    layout = (HERE / "golden" / "layout.txt").read_text()
    assert layout[layout.index("Schedules"):layout.index("\n\nPartitions")] in doc
    for fixture in ("cpu-over-100", "hyperperiod-too-long", "schedule-too-many-windows"):
        for line in (FIXTURES / f"{fixture}.dts").read_text().splitlines():
            if line.startswith("// error: "):
                assert f"configs/x.dts: {line[len('// error: '):]}" in doc


def test_layout_without_a_shared_cpu_says_so(build, tmp_path):
    dts = tmp_path / "system.dts"
    dts.write_text(f'#include "{FIXTURES / "base.dtsi"}"\n'
                   "&beta {\n\t/delete-property/ cpu-budget-us;\n"
                   "\t/delete-property/ cpu-period-us;\n};\n")
    build.compile(dts)
    assert build.gen("system.dts") == (0, [])
    layout = (build.out / "layout.txt").read_text()
    assert "Schedules (us from the start of each hyperperiod; '.' idle)\n" \
        "  none: no CPU is shared by budget\n\n" in layout
