# SPDX-License-Identifier: MIT
"""Hostile hypercalls and console writes (issue 4, items 3, 6 and 9):
every pointer, length and number a partition can pass gets the error
public/hypercall.h documents, and nothing else happens: the caller keeps
running, nothing of a refused write is printed, the monitor stays up and
the partition beside goes on. `attack hypercalls` checks each answer
itself and prints a line per check; `attack console` writes what the
console must shape into whole, prefixed, harmless lines."""
import re

import pytest

from harness import (HALT_OK, Partition, assert_victim_finished, system_dts,
                      victim)

LINE_MAX = 160          # TESSERA_CONSOLE_LINE_MAX

HOSTILE = [
    victim(cpu=1),
    Partition("hostile", "attack", "attack hypercalls", cpu=1),
    Partition("console", "attack", "attack console", cpu=2),
]

CHECK_LINE = re.compile(r"hypercall (?P<what>.+): (?P<result>-?\d+) ok")

# some answers, spelt out here rather than taken from the program's verdict
# (-14 -EFAULT, -7 -E2BIG, -22 -EINVAL, -38 -ENOSYS)
ANSWERS = [
    "hypercall version query 2: -22 ok",
    "hypercall version query 1<<32: -22 ok",
    "hypercall console NULL: -14 ok",
    "hypercall console monitor: -14 ok",
    "hypercall console start-info page: -14 ok",
    "hypercall console straddling the end: -14 ok",
    "hypercall console wrapping: -14 ok",
    "hypercall console len > max: -7 ok",
    "hypercall console len 0: 0 ok",
    "hypercall 0x04-0x0f: -38 ok",
    "hypercall 0x40-0x4f: -38 ok",
    "hypercall nr 1<<63: -38 ok",
    "hypercall nr exit + 1<<32: -38 ok",
    "hypercall version keeps registers: 0 ok",
    "hypercall unknown keeps registers: 0 ok",
]


@pytest.fixture(scope="module")
def hostile(system):
    return system.boot(system.build(dts=system_dts(HOSTILE)))


def test_hostile_hypercalls_get_their_documented_errors(hostile):
    run = hostile
    lines = run.partition_lines("hostile")
    assert lines, run
    # a line per check and nothing else: a refused write printed nothing
    assert [l for l in lines[:-1] if not CHECK_LINE.fullmatch(l)] == [], run
    assert re.fullmatch(r"hypercalls: \d+ checked, 0 failed", lines[-1]), run
    for answer in ANSWERS:
        assert answer in lines, run
    # the exit call's status is the low 32 bits of rdi (0xdead...00000000)
    run.expect("[tessera] hostile: exited with status 0")
    assert run.faults("hostile") == [], run


def test_the_monitor_and_the_partition_beside_stay_up(hostile):
    run = hostile
    assert_victim_finished(run)
    assert run.summary("hostile") == (0, 0, 0), run
    assert run.status == HALT_OK, run


def test_console_writes_become_whole_prefixed_harmless_lines(hostile):
    run = hostile
    # tests/programs/attack/console.c, write by write
    long = "".join(chr(ord("a") + i // 10 % 26) for i in range(LINE_MAX * 5 // 2))
    assert run.partition_lines("console") == [
        long[:LINE_MAX], long[LINE_MAX:2 * LINE_MAX], long[2 * LINE_MAX:],
        "x" * LINE_MAX,
        "part one, part two, part three",
        "bell? tab\t escape?[2J delete? high? return?",
        "[tessera] forged by a partition",
        "no newline at the end",
    ], run
    assert not run.matching("[tessera] forged"), run
    # the unfinished line is printed when the partition ends, before that
    assert run.expect("[console] no newline at the end") < \
        run.expect("[tessera] console: exited with status 0"), run
