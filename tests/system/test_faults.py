# SPDX-License-Identifier: MIT
"""Fault containment (issue 4, item 7): whatever a partition does in ring
3 stops that partition only. The monitor reports it on one line, with the
vector and error code the architecture defines, the exact rip and, for a
page fault, the exact address; then applies the partition's on-fault:
halt, restart (from a clean image, up to CONFIG_MAX_RESTARTS times) or
halt-system. A victim partition, on the attackers' CPU or another, prints
its full and correct output meanwhile.

`attack <mode>` (tests/programs/attack/faults.c) prints where its fault
must be reported before causing it: "attack <mode>: rip 0x<r>[ addr
0x<a>]". One system runs every attack at once, each in a partition named
after its mode, with the victim sharing CPU 1 with some of them.

Not tested: sysret's non-canonical return address. A partition cannot
place a `syscall` where the return address would be non-canonical (its
code lies far below the end of the lower half, TESSERA_USER_TOP), so the
hazard is the monitor's to rule out; read-noncanonical shows at least
that the address past the lower half faults as #GP, not as a page fault.
"""
import os
import re

import pytest

from harness import (HALT_PARTITION_FAILED, Partition, assert_victim_finished,
                      config_value, system_dts, victim)

VICTIM_CPU = 1

# Where QEMU 7.2's TCG is not the architecture. It raises neither #XM nor
# #AC: the instructions complete, and the attacker says "no fault" and
# exits 1. And when ring 3 may not use an interrupt gate, its #GP names
# the gate by its byte offset in the 64-bit IDT (vector * 16 | IDT) where
# the CPU names its vector (vector * 8 | IDT), a bug QEMU later fixed.
TCG = os.environ.get("QEMU_ACCEL", "tcg") == "tcg"
EMULATOR_GAPS = {"simd", "alignment"} if TCG else set()
TCG_INT_ERROR = {14 * 16 + 2} if TCG else set()

# mode: (cpu, fault name, vector, error codes the architecture allows)
ATTACKS = {
    # page faults: error bit 0 present, 1 write, 2 user, 4 instruction fetch
    "unmapped": (2, "#PF", 14, {0x4}),
    "write-text": (2, "#PF", 14, {0x7}),
    "write-start-info": (3, "#PF", 14, {0x7}),
    "exec-data": (3, "#PF", 14, {0x15}),
    "read-monitor": (2, "#PF", 14, {0x5}),
    "jump-monitor": (3, "#PF", 14, {0x15}),
    # the monitor's direct map of partition RAM: mapped or not, never user
    "read-direct-map": (2, "#PF", 14, {0x4, 0x5}),
    "stack-overflow": (VICTIM_CPU, "#PF", 14, {0x6}),
    # general protection: the error code is 0 or the selector at fault
    "read-noncanonical": (3, "#GP", 13, {0}),
    "cli": (2, "#GP", 13, {0}),
    "hlt": (3, "#GP", 13, {0}),
    "port-in": (2, "#GP", 13, {0}),
    "port-out": (3, "#GP", 13, {0}),
    "rdmsr": (2, "#GP", 13, {0}),
    "wrmsr": (3, "#GP", 13, {0}),
    "lgdt": (2, "#GP", 13, {0}),
    "mov-cr3": (3, "#GP", 13, {0}),
    "mov-cr0": (2, "#GP", 13, {0}),
    "iretq-ring0": (VICTIM_CPU, "#GP", 13, {0x08}),    # the kernel's CS
    "int14": (3, "#GP", 13, {14 * 8 + 2, *TCG_INT_ERROR}),  # IDT entry 14
    # the other exceptions
    "int3": (2, "#BP", 3, {0}),
    "ud2": (3, "#UD", 6, {0}),
    "div0": (VICTIM_CPU, "#DE", 0, {0}),
    "x87": (VICTIM_CPU, "#MF", 16, {0}),
    "simd": (VICTIM_CPU, "#XM", 19, {0}),
    "alignment": (VICTIM_CPU, "#AC", 17, {0}),   # the monitor must set CR0.AM
}

CONTAINED = [mode for mode in ATTACKS if mode not in EMULATOR_GAPS]

RESTARTER = Partition("restarter", "attack", "attack restart", cpu=3,
                      on_fault="restart")
FAULTS = [victim(VICTIM_CPU)] + [
    Partition(mode, "attack", "attack " + mode, cpu=cpu)
    for mode, (cpu, _, _, _) in ATTACKS.items()
] + [RESTARTER]

TARGET = re.compile(r"attack (?P<mode>\S+): rip 0x(?P<rip>[0-9a-f]+)"
                    r"(?: addr 0x(?P<addr>[0-9a-f]+))?")


@pytest.fixture(scope="module")
def attacked(system):
    """The build and the run of the system with every attacker."""
    out = system.build(dts=system_dts(FAULTS),
                       config={"MAX_PARTITIONS": len(FAULTS)})
    return out, system.boot(out)


@pytest.mark.parametrize("mode", [
    pytest.param(mode, marks=pytest.mark.xfail(
        reason="QEMU's TCG does not raise this exception", strict=True))
    if mode in EMULATOR_GAPS else mode for mode in ATTACKS])
def test_fault_is_reported_and_contained(attacked, mode):
    _, run = attacked
    cpu, name, vector, errors = ATTACKS[mode]
    lines = run.partition_lines(mode)
    target = TARGET.fullmatch(lines[0]) if lines else None
    assert target and target["mode"] == mode, run
    # halted: nothing more from it, no "no fault", no exit
    assert lines == [target[0]], run
    assert not run.matching("[tessera] %s: exited" % mode), run
    faults = run.faults(mode)
    assert len(faults) == 1, run
    fault = faults[0]
    assert (fault.name, fault.vector, fault.cpu, fault.action) == \
        (name, vector, cpu, "halted"), run
    assert fault.error in errors, run
    assert fault.rip == int(target["rip"], 16), run
    # the faulting address for a page fault, and no other partition's
    # stale one for anything else
    assert fault.addr == (int(target["addr"], 16) if vector == 14 else 0), run
    assert run.expect("[%s] %s" % (mode, target[0])) < \
        run.first("[tessera] %s: fault " % mode), run
    assert_victim_finished(run)
    assert run.status == HALT_PARTITION_FAILED, run


def test_restart_reloads_a_clean_image_up_to_the_limit(attacked):
    out, run = attacked
    limit = config_value(out, "MAX_RESTARTS")
    # each run reads the static variable's initial value, changes it, faults
    assert run.partition_lines("restarter") == \
        ["static = 42", "static = 7"] * (limit + 1), run
    restarts = run.faults("restarter")
    assert [(f.name, f.vector, f.cpu) for f in restarts] == \
        [("#UD", 6, RESTARTER.cpu)] * (limit + 1), run
    assert [f.action for f in restarts] == \
        ["restarting (restart %d of %d)" % (n, limit)
         for n in range(1, limit + 1)] + ["restart limit reached: halted"], run
    assert not run.matching("[tessera] restarter: exited"), run
    assert_victim_finished(run)


def test_summary_counts_faults_and_restarts(attacked):
    out, run = attacked
    limit = config_value(out, "MAX_RESTARTS")
    assert run.summary("victim") == (0, 0, 0), run
    assert run.summary("restarter") == (None, limit + 1, limit), run
    for mode in CONTAINED:
        assert run.summary(mode) == (None, 1, 0), (mode, run)


def test_halt_system_ends_the_run_at_once(system):
    dts = system_dts([
        # would run for hours: the run must end long before it does
        Partition("victim", "victim", "victim 100000", cpu=1),
        Partition("crasher", "attack", "attack ud2", cpu=2,
                  on_fault="halt-system"),
    ])
    run = system.boot(system.build(dts=dts), timeout=60)
    assert [(f.name, f.vector, f.cpu, f.action) for f in run.faults("crasher")] \
        == [("#UD", 6, 2, "halting the system")], run
    assert run.expect("[tessera] halting: status %d" % HALT_PARTITION_FAILED) > \
        run.first("[tessera] crasher: fault "), run
    assert not run.matching("[tessera] victim: exited"), run
    assert run.summary("victim") is None, run
    assert run.status == HALT_PARTITION_FAILED, run
