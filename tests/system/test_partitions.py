# SPDX-License-Identifier: MIT
"""Partitions run their programs (issue 4): the default system's `hello`
partition prints its argv and exits, and its `ping` and `echo` carry
traffic over their channel (issue 6) and exit, as do its driver partitions
of the board's NIC and disk once their client `probe` said goodbye (issue 7);
SSE and x87 state survive switching
between partitions on one CPU; every console line is whole and prefixed,
even while two partitions flood the console; and the run ends with a
summary line per partition."""
import os
import re

import pytest

from harness import (HALT_OK, SRCTREE, Partition, assert_victim_finished,
                     system_dts, victim)

# configs/qemu_pc.dts: the hello partition's bootargs, which are its argv,
# and the last lines of ping (its bootargs count=100), echo, blkdrv and
# probe (count=3; slirp's gateway answers)
HELLO_ARGV = {"gamma": ["gamma"]}
LAST_LINES = {"alpha": "100/100 round trips ok",
              "beta": "every frontend said goodbye",
              "disk": "every frontend said goodbye",
              "probe": "3/3 echo replies from 10.0.2.2"}
DEFAULT_PARTITIONS = ("alpha", "beta", "gamma", "net", "disk", "probe")
# configs/qemu_pc_disk/motd.txt, the first file of probe's vbd
with open(os.path.join(SRCTREE, "configs", "qemu_pc_disk", "motd.txt")) as f:
    MOTD = f.read()

# One CPU shared by the victim and two `sse` partitions, which set
# rounding modes and precisions of their own: the victim's checksum comes
# out right only if none leaks into it. Two floods on two other CPUs print
# at the same time as each other and as the victim.
SWITCHING = [
    victim(cpu=1),
    Partition("sse-a", "sse", cpu=1),
    Partition("sse-b", "sse", cpu=1),
    Partition("flood-a", "attack", "attack flood", cpu=2),
    Partition("flood-b", "attack", "attack flood", cpu=3),
]
FLOOD_LINES = 500       # tests/programs/attack/flood.c
FLOOD_TEXT = "".join(chr(ord("A") + i % 26) for i in range(140))
FLOOD_NUMBER = re.compile(r"flood (\d+) ")


@pytest.fixture(scope="module")
def default_run(system):
    return system.boot(system.build())


@pytest.fixture(scope="module")
def switching(system):
    return system.boot(system.build(dts=system_dts(SWITCHING)))


def test_default_system_runs_its_programs(default_run):
    run = default_run
    for name, argv in HELLO_ARGV.items():
        want = ["hello from %s" % name] + ['argv[%d] = "%s"' % (i, arg)
                                          for i, arg in enumerate(argv)]
        assert run.partition_lines(name) == want, run
    for name, last in dict(LAST_LINES, gamma='argv[0] = "gamma"').items():
        assert run.partition_lines(name)[-1] == last, run
        assert run.expect("[%s] %s" % (name, last)) < \
            run.expect("[tessera] %s: exited with status 0" % name), run
        assert run.faults(name) == [], run
    assert run.status == HALT_OK, run


def test_default_system_drives_the_board_devices(default_run):
    run = default_run
    assert run.partition_lines("probe") == [
        "motd.txt: " + line for line in MOTD.splitlines()] + [
        "3/3 echo replies from 10.0.2.2"], run
    # netdrv ends on probe's goodbye too, its counters its last lines
    assert run.expect("[net] every frontend said goodbye") < \
        run.expect("[tessera] net: exited with status 0"), run
    assert run.faults("net") == [], run


def test_summary_has_a_line_per_partition(default_run):
    for name in DEFAULT_PARTITIONS:
        assert default_run.summary(name) == (0, 0, 0), default_run


def test_sse_and_x87_state_survive_switching_on_one_cpu(switching):
    run = switching
    for index, partition in enumerate(SWITCHING):
        if partition.program != "sse":
            continue
        # tests/programs/sse/main.c: MXCSR and FCW from the partition id
        mxcsr = 0x1f80 | (index % 4) << 13
        fcw = (0x037f, 0x027f, 0x007f)[index % 3]
        assert run.partition_lines(partition.name) == [
            "sse: xmm0-xmm15, mxcsr 0x%04x and fcw 0x%04x intact over 200 "
            "yields" % (mxcsr, fcw)], run
        run.expect("[tessera] %s: exited with status 0" % partition.name)
    assert_victim_finished(run)
    assert run.status == HALT_OK, run


def test_console_lines_are_whole_and_prefixed_beside_floods(switching):
    run = switching
    names = "|".join(re.escape(p.name) for p in SWITCHING)
    line = re.compile(r"\[(tessera|%s)\] .*|qemu-run: .*" % names)
    assert [l for l in run.lines if not line.fullmatch(l)] == [], run
    assert_victim_finished(run)
    for flood in ("flood-a", "flood-b"):
        lines = run.partition_lines(flood)
        numbers = [int(m[1]) if m else -1 for m in map(FLOOD_NUMBER.match, lines)]
        assert lines == ["flood %03d %s" % (n, FLOOD_TEXT) for n in numbers], run
        assert numbers == sorted(set(numbers)), run
        # a flood may lose lines, never silently
        assert len(lines) == FLOOD_LINES or any(
            flood in l and re.search(r"\bdrop|\blost", l)
            for l in run.matching("[tessera] ")), run
        run.expect("[tessera] %s: exited with status 0" % flood)
    assert run.status == HALT_OK, run
