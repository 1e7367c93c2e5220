# SPDX-License-Identifier: MIT
"""The system-test harness (the `system` fixture of conftest.py): build a configuration, boot it under QEMU (TCG)
with a timeout, and hand the test the console lines and the exit status.

    def test_x(system):
        image = system.build(dts=SOME_DTS_TEXT, config={"ASSERTIONS": "y"})
        run = system.boot(image, set={"-smp": "2"})
        run.expect("[tessera] cpus online: 2")
        assert run.status == 2, run

Builds go to pytest's temporary directory; the default configuration is
built once per session. A failing assertion shows the whole console.

For partitions: system_dts() writes a system of partitions running the
programs of partitions/ and tests/programs/; Run.partition_lines(),
faults() and summary() read what became of each; victim_lines() is the
output of tests/programs/victim.
"""
import functools
import os
import re
import struct
import subprocess
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
# the run's verdicts, monitor/include/tessera/halt.h
HALT_OK, HALT_PARTITION_FAILED, HALT_MISMATCH, HALT_PANIC = 0, 1, 2, 3
BOOT_TIMEOUT = 120	# seconds; a boot takes a few under TCG on 2 cores
BUILD_TIMEOUT = 600


class Run:
    """One boot: its exit status (scripts/qemu-run's) and console lines."""

    def __init__(self, cmd, status, output):
        self.cmd = cmd
        self.status = status
        self.output = output
        self.lines = output.splitlines()

    def __repr__(self):
        return ("\n$ %s\nexit status %d; console:\n%s"
                % (" ".join(self.cmd), self.status, self.output))

    def has(self, line):
        return line in self.lines

    def expect(self, line):
        """The console has exactly this line; returns where it first is."""
        assert self.has(line), "no line %r in the run:%r" % (line, self)
        return self.lines.index(line)

    def matching(self, prefix):
        return [l for l in self.lines if l.startswith(prefix)]

    def first(self, prefix):
        """Where the first line that starts with `prefix` is."""
        for i, line in enumerate(self.lines):
            if line.startswith(prefix):
                return i
        raise AssertionError("no line %r... in the run:%r" % (prefix, self))

    def partition_lines(self, partition):
        """The text of each line the partition printed, in order."""
        prefix = "[%s] " % partition
        return [l[len(prefix):] for l in self.matching(prefix)]

    def faults(self, partition):
        """The partition's fault lines (DESIGN.md section 5), parsed."""
        found = (FAULT_LINE.fullmatch(l) for l in self.lines)
        return [Fault.parse(m) for m in found
                if m and m["partition"] == partition]

    def summary(self, partition):
        """The partition's line of the end-of-run summary, read loosely (its
        format is not a contract): a monitor line naming the partition and
        counting its faults and restarts, with its exit status if it
        exited. None when there is no such line."""
        name = re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(partition))
        for line in self.matching("[tessera] "):
            faults = re.search(r"(\d+) faults?\b", line)
            restarts = re.search(r"(\d+) restarts?\b", line)
            if FAULT_LINE.fullmatch(line) or not name.search(line) \
                    or not faults or not restarts:
                continue
            status = re.search(r"status (-?\d+)", line)
            return Summary(int(status[1]) if status else None,
                           int(faults[1]), int(restarts[1]))
        return None


class System:
    def __init__(self, tmp_factory):
        self.tmp_factory = tmp_factory
        self.default = None

    def make(self, out, *targets, env=None):
        cmd = ["make", "-C", SRCTREE, "O=%s" % out] + list(targets)
        res = subprocess.run(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True,
                             timeout=BUILD_TIMEOUT, env=env)
        return res.returncode, res.stdout

    def build(self, dts=None, config=None, targets=("all",)):
        """Builds a configuration: qemu_pc_defconfig, then the Kconfig
        symbols of `config` (name without CONFIG_ -> value), then the
        system device tree `dts` (DTS text) if given. Returns the O dir."""
        if dts is None and not config and targets == ("all",) and self.default:
            return self.default
        out = str(self.tmp_factory.mktemp("build"))
        self.configure(out, config or {})
        extra = []
        if dts is not None:
            path = os.path.join(out, "system.dts")
            with open(path, "w") as f:
                f.write(dts)
            extra.append("SYSTEM_DTS=%s" % path)
        status, log = self.make(out, *extra, *targets)
        assert status == 0, "build failed:\n" + log
        if dts is None and not config and targets == ("all",):
            self.default = out
        return out

    def configure(self, out, config):
        status, log = self.make(out, "qemu_pc_defconfig")
        assert status == 0, log
        if config:
            with open(os.path.join(out, ".config"), "a") as f:
                for name, value in config.items():
                    f.write("CONFIG_%s=%s\n" % (name, value))
            status, log = self.make(out, "olddefconfig")
            assert status == 0, log

    def boot(self, out, iso=False, set=None, extra=(), timeout=BOOT_TIMEOUT,
             hostfwd="", unset=()):
        """Boots $(O)/tessera.elf (or the ISO) through scripts/qemu-run,
        with the QEMU options `extra` after the board's (e.g. -icount),
        without the board's option lines `unset` ((option, value) pairs,
        e.g. ("-device", "intel-iommu")), the build's disk image and the
        host ports `hostfwd` forwards (qemu.args's {hostfwd})."""
        image = os.path.join(out, "tessera.iso" if iso else "tessera.elf")
        cmd = [os.path.join(SRCTREE, "scripts", "qemu-run"),
               "--timeout", str(timeout), "--accel",
               os.environ.get("QEMU_ACCEL", "tcg"),
               "--var", "disk=" + os.path.join(out, "disk.img"),
               "--var", "hostfwd=" + hostfwd]
        for opt, value in (set or {}).items():
            cmd.append("--set=%s=%s" % (opt, value))
        for opt, value in unset:
            cmd.append("--unset=%s=%s" % (opt, value))
        cmd += [os.path.join(SRCTREE, "boards", "qemu-pc"),
                "iso" if iso else "kernel", image]
        if extra:
            cmd += ["--"] + list(extra)
        res = subprocess.run(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True,
                             errors="replace", timeout=timeout + 30)
        return Run(cmd, res.returncode, res.stdout)


# ---- partitions: their console lines, system device trees, the victim -------

FAULT_LINE = re.compile(
    r"\[tessera\] (?P<partition>\S+): fault (?P<name>.+?) "
    r"\(vector (?P<vector>\d+), error 0x(?P<error>[0-9a-f]+)\) "
    r"at rip 0x(?P<rip>[0-9a-f]+) addr 0x(?P<addr>[0-9a-f]+) "
    r"on cpu (?P<cpu>\d+): (?P<action>.+)")


class Fault(NamedTuple):
    name: str
    vector: int
    error: int
    rip: int
    addr: int
    cpu: int
    action: str

    @classmethod
    def parse(cls, match):
        return cls(match["name"], int(match["vector"]), int(match["error"], 16),
                   int(match["rip"], 16), int(match["addr"], 16),
                   int(match["cpu"]), match["action"])


class Summary(NamedTuple):
    status: object      # the exit status, None if the partition did not exit
    faults: int
    restarts: int


@dataclass(frozen=True)
class Partition:
    """A partition of a system built by system_dts()."""
    name: str
    program: str
    bootargs: str = ""
    cpu: int = 1
    on_fault: str = "halt"
    budget_us: int = 0  # of PERIOD_US; 0: an equal share of the CPU's


PERIOD_US = 10000


def system_dts(partitions):
    """A system device tree on the qemu-pc board, as configs/qemu_pc.dts,
    with these partitions of 2 MiB each. Partitions that share a CPU get
    their budget_us, or equal budgets, of one period; one alone on its CPU
    has it dedicated."""
    sharing = Counter(p.cpu for p in partitions)
    nodes = []
    for p in partitions:
        props = ['compatible = "tessera,partition"', 'program = "%s"' % p.program,
                 'bootargs = "%s"' % p.bootargs, "memory-size = <0x0 0x00200000>",
                 "cpus = <&cpu%d>" % p.cpu, 'on-fault = "%s"' % p.on_fault]
        if sharing[p.cpu] > 1:
            props += ["cpu-budget-us = <%d>"
                      % (p.budget_us or PERIOD_US // sharing[p.cpu]),
                      "cpu-period-us = <%d>" % PERIOD_US]
        nodes.append("\t\t%s {\n%s\t\t};\n"
                     % (p.name, "".join("\t\t\t%s;\n" % x for x in props)))
    return ('/dts-v1/;\n\n#include "qemu-pc.dtsi"\n\n/ {\n\tpartitions {\n%s'
            "\t};\n};\n" % "\n".join(nodes))


def config_value(out, symbol):
    """The value of CONFIG_<symbol> in the .config of a build."""
    with open(os.path.join(out, ".config")) as f:
        for line in f:
            name, _, value = line.strip().partition("=")
            if name == "CONFIG_" + symbol:
                return int(value, 0)
    raise AssertionError("no CONFIG_%s in %s/.config" % (symbol, out))


VICTIM_STEPS = 100000   # tests/programs/victim/main.c
VICTIM_ROUNDS = 16      # a few hundred ms under TCG


def victim(cpu):
    """The partition the attacks must not disturb: `victim` on `cpu`."""
    return Partition("victim", "victim", "victim %d" % VICTIM_ROUNDS, cpu=cpu)


def assert_victim_finished(run):
    """The victim printed all it should have, and exited with status 0."""
    assert run.partition_lines("victim") == victim_lines(VICTIM_ROUNDS), run
    run.expect("[tessera] victim: exited with status 0")


@functools.lru_cache(maxsize=None)
def victim_lines(rounds):
    """What `victim <rounds>` prints, computed as
    tests/programs/victim/main.c computes it (Python's floats are the
    same IEEE doubles, rounded the same way)."""
    def mix(checksum, word):
        return ((checksum ^ word) * 0x100000001b3) & (2**64 - 1)

    checksum, lines = 0xcbf29ce484222325, []
    for r in range(rounds):
        series = 1.0
        for i in range(1, VICTIM_STEPS + 1):
            series = series * 0.999 + 1.0 / (i + r)
        bits, = struct.unpack("<Q", struct.pack("<d", series))
        total = r * VICTIM_STEPS * (VICTIM_STEPS + 1) // 2
        checksum = mix(mix(checksum, bits), total)
        lines.append("round %d: 0x%016x" % (r, checksum))
    return lines + ["checksum 0x%016x" % checksum]
