# SPDX-License-Identifier: MIT
"""The monitor boots the board: every CPU up, the domain table shown, the
machine checked against the board, faults in the monitor reported, and the
verdict carried to the exit status (issue 3)."""
import subprocess

from harness import HALT_MISMATCH, HALT_OK, HALT_PANIC, SRCTREE


def test_default_system_boots_with_every_cpu(system):
    run = system.boot(system.build())
    run.expect("[tessera] cpus online: 4")
    for apic_id in range(4):
        assert any("apic id %d" % apic_id in l.lower()
                   for l in run.matching("[tessera] cpu")), run
    # the domain table of configs/qemu_pc.dts
    for name in ("alpha", "beta", "gamma", "net", "disk", "probe",
                 "alpha-beta", "probe-net", "probe-disk"):
        assert any(name in l for l in run.matching("[tessera] ")), run
    # its channel carries ping's requests to echo (configs/qemu_pc.dts)
    run.expect("[alpha] 100/100 round trips ok")
    assert run.status == HALT_OK, run


def test_every_console_line_is_whole_and_prefixed(system):
    run = system.boot(system.build())
    prefixes = tuple("[%s] " % name
                     for name in ("tessera", "alpha", "beta", "gamma", "net",
                                  "disk", "probe"))
    assert run.lines, run
    for line in run.lines:
        assert line.startswith(prefixes), "stray line %r%r" % (line, run)


def test_fewer_cpus_than_the_board_is_refused(system):
    run = system.boot(system.build(), set={"-smp": "2"})
    assert run.status == HALT_MISMATCH, run
    assert not run.matching("[tessera] cpus online"), run
    assert any("apic id 2" in l.lower() and "not present" in l
               for l in run.lines), run


def test_less_ram_than_the_board_is_refused(system):
    run = system.boot(system.build(), set={"-m": "512"})
    assert run.status == HALT_MISMATCH, run
    assert any("0x100000-0x3ffdc000" in l for l in run.lines), run
    assert not run.matching("[tessera] cpus online"), run


def test_monitor_fault_dumps_registers_and_fails(system):
    out = system.build(config={"TEST_MONITOR_FAULT": "y"})
    run = system.boot(out)
    assert run.status == HALT_PANIC, run
    text = run.output
    for word in ("page fault", "rip", "cr2", "rsp", "backtrace"):
        assert word in text.lower(), "no %r in the dump%r" % (word, run)


def test_iso_boots_through_grub(system):
    out = system.build(targets=("iso",))
    run = system.boot(out, iso=True)
    assert "[tessera] cpus online: 4" in run.output, run
    assert run.status == HALT_OK, run


def test_make_run_exits_with_the_verdict(system):
    out = system.build()
    res = subprocess.run(["make", "-C", SRCTREE, "O=%s" % out, "run"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, timeout=300)
    assert "[tessera] cpus online: 4" in res.stdout, res.stdout
    assert res.returncode == 0, res.stdout


def test_verbose_boot_log_shows_the_steps(system):
    out = system.build(config={"DEBUG_BOOT": "y"})
    run = system.boot(out)
    assert run.matching("[tessera] memory map: 0x0-0x9fc00 type 1"), run
    assert run.matching("[tessera] acpi: cpu with apic id 3"), run
    assert run.matching("[tessera] cpu 3: INIT-SIPI-SIPI to apic id 3"), run
    assert run.status == HALT_OK, run


def test_quiet_boot_has_no_debug_lines(system):
    run = system.boot(system.build())
    assert not run.matching("[tessera] memory map:"), run
