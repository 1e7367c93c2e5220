# SPDX-License-Identifier: MIT
"""Rings (issue 6, items 2 to 4): the two ends of a channel see the same
memory at the address their start-info page gives, the rings of a
partition lie one after another in its ring window with a guard page
between them, and a partition that is no end of a channel has no entry
for it and faults on the address the ends use; a restarted end finds its
ring zero, nothing of its earlier life in it; a backend whose other
frontend is hostile reports it, resets that ring, and serves its
well-behaved frontend in full. tests/programs/ringcheck
polls, so that rings are tested without events: the frontend sends requests of every
length with a pattern, the backend answers each with the payload
inverted, and the frontend checks every byte."""
import pytest

from harness import (HALT_OK, HALT_PARTITION_FAILED, Partition, config_value,
                     system_dts)

RING_BASE = 0x8000000000        # TESSERA_RING_BASE, public/layout.h
ROUND_TRIPS = 100

# (name, frontend, backend, slots, slot-size, bytes gen gives the ring:
# a page of indices, then slots of a 16-byte header and slot-size bytes)
FIRST = ("first", "front", "back", 8, 64, 0x2000)
CHECKED = ("front-back", "front", "back", 16, 256, 0x3000)
# the rings of front and back: FIRST at the base, then a guard page
CHECKED_AT = RING_BASE + FIRST[5] + 0x1000


def rings_dts(partitions, channels):
    """system_dts() with a /channels node."""
    nodes = "".join(
        '\t\t%s {\n\t\t\tcompatible = "tessera,io-ring";\n'
        "\t\t\tfrontend = <&{/partitions/%s}>;\n"
        "\t\t\tbackend = <&{/partitions/%s}>;\n"
        "\t\t\tslots = <%d>;\n\t\t\tslot-size = <%d>;\n\t\t};\n" % c[:5]
        for c in channels)
    dts = system_dts(partitions)
    end = dts.rindex("};")
    return dts[:end] + "\tchannels {\n%s\t};\n" % nodes + dts[end:]


def ends(front_cpu, back_cpu, outsider=None):
    name = CHECKED[0]
    parts = [Partition("front", "ringcheck",
                       "ringcheck front %s %d" % (name, ROUND_TRIPS), cpu=front_cpu),
             Partition("back", "ringcheck",
                       "ringcheck back %s %d" % (name, ROUND_TRIPS), cpu=back_cpu)]
    if outsider is not None:
        parts.append(Partition("outsider", "ringcheck", "ringcheck outsider %s %#x"
                               % (name, CHECKED_AT), cpu=outsider))
    return rings_dts(parts, [FIRST, CHECKED])


@pytest.fixture(scope="module")
def across_cpus(system):
    return system.boot(system.build(dts=ends(1, 2, outsider=3)))


def assert_round_trips(run):
    where = "%s at %#x: %d slots of %d bytes" % (CHECKED[0], CHECKED_AT,
                                                 CHECKED[3], CHECKED[4])
    assert run.partition_lines("front")[0] == where, run
    assert run.partition_lines("back")[0] == where, run
    run.expect("[front] %d/%d round trips ok" % (ROUND_TRIPS, ROUND_TRIPS))
    run.expect("[back] %d requests served" % ROUND_TRIPS)
    run.expect("[tessera] front: exited with status 0")
    run.expect("[tessera] back: exited with status 0")
    assert run.faults("front") == [] and run.faults("back") == [], run


def test_ends_on_two_cpus_share_the_ring(across_cpus):
    assert_round_trips(across_cpus)


def test_outsider_has_no_entry_and_faults_on_the_ring(across_cpus):
    run = across_cpus
    assert run.partition_lines("outsider") == [
        "%s: not an end of this channel" % CHECKED[0],
        "reading %#x" % CHECKED_AT], run
    fault, = run.faults("outsider")
    assert (fault.name, fault.vector, fault.addr) == ("#PF", 14, CHECKED_AT), run
    assert fault.error == 0x4, run     # a user read of a page not present
    assert run.status == HALT_PARTITION_FAILED, run


def test_ends_sharing_one_cpu(system):
    run = system.boot(system.build(dts=ends(1, 1)))
    assert_round_trips(run)
    assert run.status == HALT_OK, run


def test_a_restarted_end_finds_its_ring_zero(system):
    """Each life of `scribble` fills the whole ring and faults; the
    monitor zeroes the ring before the next life (docs/rings.md)."""
    out = system.build(dts=rings_dts(
        [Partition("scribble", "ringcheck", "ringcheck scribble %s" % CHECKED[0],
                   cpu=1, on_fault="restart"),
         # the other end never touches the ring: a backend's init writes
         # req_event, which scribble could see before its check
         Partition("idle", "hello", "idle", cpu=2)],
        [CHECKED[:1] + ("scribble", "idle") + CHECKED[3:]]))
    run = system.boot(out)
    lives = config_value(out, "MAX_RESTARTS") + 1
    where = "%s at %#x: %d slots of %d bytes" % (CHECKED[0], RING_BASE,
                                                 CHECKED[3], CHECKED[4])
    assert run.partition_lines("scribble") == \
        [where, "%s: zero at start" % CHECKED[0]] * lives, run
    assert [f.name for f in run.faults("scribble")] == ["#UD"] * lives, run
    run.expect("[tessera] idle: exited with status 0")
    assert run.status == HALT_PARTITION_FAILED, run


def test_a_hostile_frontend_leaves_the_other_served(system):
    """`hostile` writes at random into its ring while `good` makes its
    round trips through the same backend; the backend never faults."""
    hostile_writes = 1000000
    run = system.boot(system.build(dts=rings_dts(
        [Partition("good", "ringcheck", "ringcheck front good %d" % ROUND_TRIPS,
                   cpu=1),
         Partition("hostile", "ringcheck",
                   "ringcheck hostile evil %d" % hostile_writes, cpu=2),
         Partition("back", "ringcheck", "ringcheck serve %d good evil"
                   % ROUND_TRIPS, cpu=3)],
        [("good", "good", "back", 16, 256), ("evil", "hostile", "back", 16, 256)])))
    run.expect("[good] %d/%d round trips ok" % (ROUND_TRIPS, ROUND_TRIPS))
    run.expect("[back] good: %d requests served, 0 protocol errors" % ROUND_TRIPS)
    errors = [l for l in run.partition_lines("back")
              if l.startswith("evil: protocol error: ")]
    assert len(errors) == 1, run
    assert errors[0].split(": ", 2)[2] in (
        "req_prod out of range", "length larger than the slot size"), run
    summary = run.partition_lines("back")[-1]
    assert summary.startswith("evil: ") and \
        not summary.endswith(" 0 protocol errors"), run
    run.expect("[hostile] %d hostile writes" % hostile_writes)
    for name in ("good", "hostile", "back"):
        run.expect("[tessera] %s: exited with status 0" % name)
    assert run.status == HALT_OK, run
