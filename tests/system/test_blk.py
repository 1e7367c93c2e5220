# SPDX-License-Identifier: MIT
"""Virtual block devices (docs/drivers.md, "Block devices"): blkdrv owns
the virtio-blk disk (disk0) and serves extents of it to frontends through
tessera,vbd channels; tests/programs/blkcheck is the frontend, through
<tessera/blkfront.h>, and prints each step's result.

- A read-only frontend whose extent holds a content folder (mkdisk) reads
  exactly the bytes of the disk the build made, whose archive holds
  exactly the fixture's files; a read past its extent is -ERANGE and
  leaves its buffer untouched, never the next extent's bytes (filled with
  a pattern of its own before the boot); a write or flush is -EPERM, and
  afterwards its extent on disk is as the build made it.
- A read-write frontend writes, reads back, flushes, and its writes are
  on the disk image afterwards at its extent's sectors, nowhere else.
- An extent that the disk does not hold (the image cut short) is not
  served, with a line that says so, and the others are.
- A frontend that faults and restarts finds its ring zeroed and blkdrv's
  indices ahead; it is served again, and what it wrote before is there.
- Beside a frontend that attacks blkdrv (ring lies, requests flawed every
  way, notification storms), a good frontend's reads stay correct, blkdrv
  answers the flawed requests with their errors, reports the attacker,
  resets its ring, and still serves the attacker's clean channel after.

blkdrv's exit-after=<n> (the requests it must answer with status 0, which
the test counts from the steps) ends each run without a timeout.
"""
import io
import math
import os
import tarfile

import pytest

from harness import HALT_OK, HALT_PARTITION_FAILED, SRCTREE

FIXTURE = "tests/fixtures/blk-site"
SECTOR = 512
SLOT_SIZE = 4112                # a request header and 8 sectors
PER = (SLOT_SIZE - 16) // SECTOR
EPERM, ERANGE = -1, -34

# (channel, frontend, start sector, sectors, read-only, content)
READER = ("reader-disk", "reader", 2048, 2048, True, FIXTURE)
WRITER = ("writer-disk", "writer", 4096, 1024, False, None)
HOSTILE = ("hostile-disk", "hostile", 8192, 64, True, None)
CLEAN = ("hostile-clean", "hostile", 8256, 64, True, None)
OTHER_PATTERN = b"other extent "    # fills WRITER's extent before the boot


def vbd_dts(channels, partitions, on_fault="halt"):
    """A system of blkdrv on cpu1 with disk0 and the frontends, each
    (name, bootargs, cpu) with `on_fault`, on the qemu-pc board."""
    nodes = ["\t\tblk: blk {\n\t\t\tcompatible = \"tessera,partition\";\n"
             "\t\t\tprogram = \"blkdrv\";\n\t\t\tbootargs = \"%s\";\n"
             "\t\t\tmemory-size = <0x0 0x00400000>;\n\t\t\tcpus = <&cpu1>;\n"
             "\t\t\tdevices = <&disk0>;\n\t\t\ton-fault = \"halt\";\n\t\t};\n"
             % partitions[0]]
    for name, args, cpu in partitions[1:]:
        nodes.append("\t\t%s {\n\t\t\tcompatible = \"tessera,partition\";\n"
                     "\t\t\tprogram = \"blkcheck\";\n\t\t\tbootargs = \"%s\";\n"
                     "\t\t\tmemory-size = <0x0 0x00400000>;\n"
                     "\t\t\tcpus = <&cpu%d>;\n\t\t\ton-fault = \"%s\";\n\t\t};\n"
                     % (name, args, cpu, on_fault))
    chans = []
    for name, front, start, sectors, ro, content in channels:
        props = ['compatible = "tessera,vbd"', "frontend = <&{/partitions/%s}>" % front,
                 "backend = <&blk>", "slots = <8>", "slot-size = <%d>" % SLOT_SIZE,
                 "start-sector = <0x0 %#x>" % start, "sectors = <0x0 %#x>" % sectors]
        props += ["read-only"] if ro else []
        props += ['content = "%s"' % content] if content else []
        chans.append("\t\t%s {\n%s\t\t};\n"
                     % (name, "".join("\t\t\t%s;\n" % p for p in props)))
    return ('/dts-v1/;\n\n#include "qemu-pc.dtsi"\n\n/ {\n\tpartitions {\n%s'
            "\t};\n\n\tchannels {\n%s\t};\n};\n" % ("\n".join(nodes), "".join(chans)))


def fnv(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & (2**64 - 1)
    return "%016x" % h


def pattern(seed, sector, count):
    """tests/programs/blkcheck's blkcheck_byte(), sector by sector."""
    return bytes((s * 131 + i * 7 + seed * 29 + (i >> 8)) & 0xff
                 for s in range(sector, sector + count) for i in range(SECTOR))


def extent(image, ch):
    with open(image, "rb") as f:
        f.seek(ch[2] * SECTOR)
        return f.read(ch[3] * SECTOR)


def answered(steps):
    """Requests blkdrv answers with status 0: the steps expected to
    succeed, each cut into requests of PER sectors."""
    total = 0
    for step, ok in steps:
        if ok and step == "flush":
            total += 1
        elif ok:
            count = int(step.split("+")[1].split(":")[0])
            total += math.ceil(count / PER)
    return total


# (step, whether it succeeds); each list ends with a success, so that the
# last request blkdrv must answer comes after every other of its frontend
READER_STEPS = [("sum=0+2048", True), ("sum=0+1", True), ("sum=2047+1", True),
                ("sum=2047+2", False), ("sum=2048+1", False),
                ("sum=18446744073709551615+1", False), ("write=0+8:5", False),
                ("flush", False), ("sum=0+2048", True), ("sum=3+5", True)]
WRITER_STEPS = [("write=0+8:1", True), ("verify=0+8:1", True),
                ("write=100+37:2", True), ("verify=100+37:2", True),
                ("write=1016+8:3", True), ("sum=1020+8", False),
                ("flush", True), ("verify=0+8:1", True)]


def bootargs(ch, steps):
    return "blkcheck %s %s" % (ch[0], " ".join(s for s, _ in steps))


@pytest.fixture(scope="module")
def pair(system):
    n = answered(READER_STEPS) + answered(WRITER_STEPS)
    out = system.build(dts=vbd_dts(
        [READER, WRITER],
        ["blkdrv exit-after=%d" % n, ("reader", bootargs(READER, READER_STEPS), 2),
         ("writer", bootargs(WRITER, WRITER_STEPS), 3)]))
    image = os.path.join(out, "disk.img")
    with open(image, "r+b") as f:
        f.seek(WRITER[2] * SECTOR)
        f.write((OTHER_PATTERN * (WRITER[3] * SECTOR))[:WRITER[3] * SECTOR])
    before = {ch[0]: extent(image, ch) for ch in (READER, WRITER)}
    run = system.boot(out)
    return run, before, {ch[0]: extent(image, ch) for ch in (READER, WRITER)}, n


def fixture_files():
    top = os.path.join(SRCTREE, FIXTURE)
    found = {}
    for dirpath, _, names in os.walk(top):
        for name in names:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, top)] = f.read()
    return found


def test_run_ends_clean(pair):
    run, _, _, n = pair
    assert run.status == HALT_OK, run
    run.expect("[blk] serving 2 channels")
    run.expect("[blk] %d requests answered" % n)
    for p in ("blk", "reader", "writer"):
        run.expect("[tessera] %s: exited with status 0" % p)
        assert run.faults(p) == [], run


def test_extent_holds_the_fixture(pair):
    _, before, _, _ = pair
    with tarfile.open(fileobj=io.BytesIO(before[READER[0]]), mode="r:") as tar:
        got = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    assert got == fixture_files()


def test_reader_reads_the_disk(pair):
    run, before, _, _ = pair
    data = before[READER[0]]
    lines = run.partition_lines("reader")
    assert lines[0] == "reader-disk: 2048 sectors, read-only", run
    assert lines.count("sum 0+2048: 0 %s" % fnv(data)) == 2, run
    assert "sum 0+1: 0 %s" % fnv(data[:SECTOR]) in lines, run
    assert "sum 2047+1: 0 %s" % fnv(data[2047 * SECTOR:]) in lines, run
    assert "sum 3+5: 0 %s" % fnv(data[3 * SECTOR:8 * SECTOR]) in lines, run


def test_reader_cannot_read_past_its_extent(pair):
    run, _, _, _ = pair
    lines = run.partition_lines("reader")
    for where in ("2047+2", "2048+1", "18446744073709551615+1"):
        assert "sum %s: %d buffer untouched" % (where, ERANGE) in lines, run


def test_reader_cannot_write(pair):
    run, before, after, _ = pair
    lines = run.partition_lines("reader")
    assert "write 0+8:5: %d" % EPERM in lines, run
    assert "flush: %d" % EPERM in lines, run
    assert after[READER[0]] == before[READER[0]]


def test_writer_writes_its_extent(pair):
    run, before, after, _ = pair
    assert run.partition_lines("writer") == [
        "writer-disk: 1024 sectors, read-write",
        "write 0+8:1: 0", "verify 0+8:1: 0 ok", "write 100+37:2: 0",
        "verify 100+37:2: 0 ok", "write 1016+8:3: 0",
        "sum 1020+8: %d buffer untouched" % ERANGE, "flush: 0",
        "verify 0+8:1: 0 ok", "done"], run
    expect = bytearray(before[WRITER[0]])
    for seed, sector, count in ((1, 0, 8), (2, 100, 37), (3, 1016, 8)):
        expect[sector * SECTOR:(sector + count) * SECTOR] = pattern(seed, sector, count)
    assert after[WRITER[0]] == bytes(expect)


GOOD_STEPS = [("sum=0+2048", True)] * 4 + [("sum=5+3", True)]
ATTACKS = 2000


def test_hostile_frontend_beside_a_good_one(system):
    # the good reader's requests and the attacker's one clean read
    out = system.build(dts=vbd_dts(
        [READER, HOSTILE, CLEAN],
        ["blkdrv exit-after=%d" % (answered(GOOD_STEPS) + 1),
         ("reader", bootargs(READER, GOOD_STEPS), 2),
         ("hostile", "blkcheck hostile %s %d %s" % (HOSTILE[0], ATTACKS, CLEAN[0]),
          3)]))
    data = extent(os.path.join(out, "disk.img"), READER)
    run = system.boot(out)
    assert run.status == HALT_OK, run
    run.expect("[blk] serving 3 channels")
    assert run.partition_lines("reader") == (
        ["reader-disk: 2048 sectors, read-only"] +
        ["sum 0+2048: 0 %s" % fnv(data)] * 4 +
        ["sum 5+3: 0 %s" % fnv(data[5 * SECTOR:8 * SECTOR]), "done"]), run
    assert run.matching("[blk] hostile-disk: protocol error: "), run
    hostile = run.partition_lines("hostile")
    assert hostile[0] == "%d attacks" % ATTACKS and hostile[2] == "clean read: 0", run
    counts = dict(zip(*[iter(hostile[1].split()[1:])] * 2))
    assert all(int(counts[e]) > 0 for e in ("einval", "erange", "eperm")), run
    for p in ("blk", "reader", "hostile"):
        run.expect("[tessera] %s: exited with status 0" % p)
        assert run.faults(p) == [], run


RESTART_STEPS = [("write=0+8:4", True), ("fault-once=700", True),
                 ("verify=0+8:4", True)]
# requests of 8 sectors at most: before the fault the write, fault-once's
# read and write; after the restart the write, fault-once's read, the verify
RESTART_ANSWERED = 6


def test_frontend_restart_is_served_again(system):
    n = RESTART_ANSWERED
    out = system.build(dts=vbd_dts(
        [WRITER], ["blkdrv exit-after=%d" % n,
                   ("writer", bootargs(WRITER, RESTART_STEPS), 2)],
        on_fault="restart"))
    run = system.boot(out)
    # a fault, even one followed by a good restart, fails the run
    assert run.status == HALT_PARTITION_FAILED, run
    lines = run.partition_lines("writer")
    assert lines == ["writer-disk: 1024 sectors, read-write", "write 0+8:4: 0",
                     "fault-once 700: 0, faulting",
                     "writer-disk: 1024 sectors, read-write", "write 0+8:4: 0",
                     "restarted", "verify 0+8:4: 0 ok", "done"], run
    assert len(run.faults("writer")) == 1, run
    run.expect("[blk] %d requests answered" % n)
    run.expect("[tessera] writer: exited with status 0")
    run.expect("[tessera] blk: exited with status 0")
    assert run.faults("blk") == [], run


FAR = ("far-disk", "far", 30000, 4000, False, None)
DEFAULT_DISK = 16 << 20         # the image cut to this: 32768 sectors


def test_extent_beyond_the_disk_not_served(system):
    steps = [("sum=0+8", True)]
    out = system.build(dts=vbd_dts(
        [READER, FAR], ["blkdrv exit-after=%d" % answered(steps),
                        ("reader", bootargs(READER, steps), 2),
                        ("far", "blkcheck %s" % FAR[0], 3)]))
    image = os.path.join(out, "disk.img")
    data = extent(image, READER)
    os.truncate(image, DEFAULT_DISK)
    run = system.boot(out)
    assert run.status == HALT_OK, run
    run.expect("[blk] far-disk: not served: extent of 4000 sectors from "
               "sector 30000 ends beyond the disk's 32768 sectors")
    run.expect("[blk] serving 1 channel")
    run.expect("[reader] sum 0+8: 0 %s" % fnv(data[:8 * SECTOR]))
    run.expect("[far] far-disk: 4000 sectors, read-write")
