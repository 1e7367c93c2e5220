# SPDX-License-Identifier: MIT
"""Device assignment (DESIGN.md section 6 "Devices", docs/devices.md): a
driver partition gets its device's I/O ports through the TSS I/O bitmap,
its BARs mapped uncached at the addresses its start-info page gives, its
PCI configuration space through the filtered calls, and its interrupts as
events it acknowledges; everyone else faults on those ports and that
memory. `devtest <mode>` (tests/programs/devtest/) checks each answer
itself and prints "<what>: <got> ok" per check; the tests spell the
answers out again and read the monitor's lines.

One system runs every mode at once: uartdrv owns COM2 (serial@2f8, IRQ 3)
on cpu 1, which it shares with nicdrv, the virtio-net function's driver,
and with intruder, which has no device; both of those then touch COM2's
port. cfgprobe touches the PCI configuration ports beside the victim on
cpu 2, mmioprobe reads the MMIO window on cpu 3."""
import re

import pytest

from harness import (HALT_MISMATCH, HALT_PARTITION_FAILED, Partition,
                      assert_victim_finished, config_value, system_dts,
                      victim)

MMIO_BASE = 0x10000000000       # TESSERA_MMIO_BASE
EINVAL, ENODEV, EPERM = -22, -19, -1

PARTITIONS = [
    Partition("uartdrv", "devtest", "devtest uart", cpu=1),
    Partition("nicdrv", "devtest", "devtest pci -- in 0x2f8", cpu=1,
              on_fault="restart"),
    Partition("intruder", "devtest", "devtest nodev -- in 0x2f8", cpu=1),
    Partition("cfgprobe", "devtest", "devtest outl 0xcf8", cpu=2),
    victim(cpu=2),
    Partition("mmioprobe", "devtest", "devtest mmio", cpu=3),
]
DEVICES = {"uartdrv": "&uart1", "nicdrv": "&nic0"}

PROBE = re.compile(r"devtest (?:in|outl) (?P<port>0x[0-9a-f]+): "
                   r"rip 0x(?P<rip>[0-9a-f]+)")


def devices_dts(partitions, devices, extra=""):
    """system_dts() with `devices` (partition -> phandles) given, and
    `extra` nodes after the root (overrides of the board's)."""
    dts = system_dts(partitions)
    for name, refs in devices.items():
        node = "\t\t%s {\n" % name
        assert dts.count(node) == 1
        dts = dts.replace(node, node + "\t\t\tdevices = <%s>;\n" % refs)
    return dts + extra


@pytest.fixture(scope="module")
def devices(system):
    """The build and the run of the system with every mode."""
    out = system.build(dts=devices_dts(PARTITIONS, DEVICES),
                       config={"MAX_PARTITIONS": len(PARTITIONS)})
    return out, system.boot(out)


def checks(run, partition):
    """The partition's check lines, each "<what>: <got>" -> got, and that
    none of them failed."""
    lines = run.partition_lines(partition)
    assert not [l for l in lines if "FAILED" in l], run
    found = (re.fullmatch(r"(.+): (-?\d+) ok", l) for l in lines)
    return [(m[1], int(m[2])) for m in found if m]


def assert_probe_faulted(run, partition, cpu, action="halted"):
    """The partition's port probe was its last line, and faulted as #GP
    right there, on its CPU."""
    probe = PROBE.fullmatch(run.partition_lines(partition)[-1])
    assert probe, run
    fault = run.faults(partition)[-1]
    assert (fault.name, fault.vector, fault.error, fault.rip, fault.addr,
            fault.cpu, fault.action) == \
        ("#GP", 13, 0, int(probe["rip"], 16), 0, cpu, action), run
    return probe["port"]


def test_uart_driver_owns_its_ports_and_irq(devices):
    _, run = devices
    run.expect("[tessera] serial@2f8: irq 3 (gsi 3, vector 0x30) to uartdrv "
               "on cpu 1, port 0")
    assert run.partition_lines("uartdrv") == [
        "uart at 0x2f8, irq 3 on port 0",
        "uart scratch: 90 ok",          # 0x5a back from the scratch register
        "uart scratch: 165 ok",         # 0xa5
        "uart event 1: iir: 2 ok",      # transmitter empty, as an event
        "uart ack: 0 ok",
        "uart event 2: iir: 2 ok",      # again, after the ack and a new edge
        "uart ack: 0 ok",
        "uart ack of an open line: 0 ok",
        "uart pci read: %d ok" % ENODEV,
        "uart pci write: %d ok" % ENODEV,
        "uart irq ack of port + 1: %d ok" % EINVAL,
        "uart irq ack of the timer port: %d ok" % EINVAL,
        "uart irq ack of port + 2^32: %d ok" % EINVAL,
        "uart irq ack of -1: %d ok" % EINVAL,
    ], run
    run.expect("[tessera] uartdrv: exited with status 0")
    # one interrupt per acknowledgement: the line was masked in between
    run.expect("[tessera] uartdrv: serial@2f8 irq 3: 2 interrupts")
    assert run.faults("uartdrv") == [], run


def test_other_partitions_fault_on_the_ports(devices):
    _, run = devices
    # one without devices, on the owner's CPU
    assert checks(run, "intruder") == [
        ("nodev irq ack 0", EINVAL), ("nodev pci read 0", EINVAL),
        ("nodev pci write 0", EINVAL), ("nodev features", 1)], run
    assert assert_probe_faulted(run, "intruder", 1) == "0x2f8"
    # a driver partition, another device's port, in each of its lives
    assert assert_probe_faulted(run, "nicdrv", 1,
                                "restart limit reached: halted") == "0x2f8"
    # the PCI configuration mechanism is the monitor's
    assert assert_probe_faulted(run, "cfgprobe", 2) == "0xcf8"
    run.expect("[tessera] uartdrv: exited with status 0")
    assert_victim_finished(run)
    assert run.status == HALT_PARTITION_FAILED, run


def test_mmio_window_is_empty_without_devices(devices):
    _, run = devices
    target = re.fullmatch(r"devtest mmio: rip 0x([0-9a-f]+) addr 0x([0-9a-f]+)",
                          run.partition_lines("mmioprobe")[0])
    assert target and int(target[2], 16) == MMIO_BASE, run
    fault, = run.faults("mmioprobe")
    # a user read of a page that is not present
    assert (fault.name, fault.vector, fault.error, fault.rip, fault.addr,
            fault.cpu) == ("#PF", 14, 0x4, int(target[1], 16), MMIO_BASE,
                           3), run


def test_pci_function_through_its_config_calls_and_bar(devices):
    out, run = devices
    run.expect("[tessera] pci 00:03.0 (ethernet@3): pci1af4,1041 for nicdrv")
    run.expect("[tessera] ethernet@3: irq 23 (gsi 23, vector 0x31) to nicdrv "
               "on cpu 1, port 0")
    got = dict(checks(run, "nicdrv"))
    assert got["pci vendor"] == 0x1af4 and got["pci device"] == 0x1041, run
    assert got["pci id dword"] == 0x10411af4, run
    assert got["pci MSI-X off"] == 0, run
    # memory decoding on, as the monitor left it, then a register of the
    # common configuration read through the mapped BAR
    assert got["pci memory on"] == 2, run
    run.expect("[nicdrv] pci BAR4 at 0x%x, 0x4000 bytes" % MMIO_BASE)
    assert got["pci num_queues"] == 3, run     # rx, tx and control
    caps = [l for l in run.partition_lines("nicdrv")
            if l.startswith("pci caps:")][0].split()[2:]
    assert "0x11" in caps and caps.count("0x09") >= 4, run


def test_pci_writes_outside_the_allow_list_change_nothing(devices):
    _, run = devices
    got = dict(checks(run, "nicdrv"))
    for what in ("BAR4", "BAR4 byte", "ROM", "interrupt line",
                 "MSI-X control", "MSI-X dword", "vendor id",
                 "command and BAR0"):
        assert got["pci write " + what] == EPERM, (what, run)
        assert got["pci %s unchanged" % what] == 1, (what, run)
    assert got["pci write command, monitor's bits flipped"] == 0, run
    assert got["pci write status"] == 0, run
    assert got["pci status keeps caps"] == 1, run
    # "pci command after" equal to before is checked by the program


def test_hostile_config_arguments_are_refused(devices):
    _, run = devices
    got = checks(run, "nicdrv")
    hostile = [(w, r) for w, r in got
               if w.startswith(("pci read ", "pci write ")) and
               w.split(" ", 2)[2].startswith(("offset", "size", "misaligned",
                                              "device"))]
    assert len(hostile) == 2 * 12 * 4, run     # 12 of each call, 4 lives
    assert all(r == EINVAL for _, r in hostile), run
    assert ("pci write command, junk above", 0) in got, run


def test_restart_finds_the_function_silenced(devices):
    out, run = devices
    lives = config_value(out, "MAX_RESTARTS") + 1
    lines = run.partition_lines("nicdrv")
    # every life enabled bus mastering and found it off again, with the
    # monitor's memory decoding on
    starts = [l for l in lines if l.startswith("pci command at start: ")]
    assert starts == ["pci command at start: 0x2"] * lives, run
    assert lines.count("pci memory on: 2 ok") == lives, run
    assert len(run.faults("nicdrv")) == lives, run


BOARD_MISMATCHES = {
    "wrong function": ('&nic0 { compatible = "pci1af4,1042"; };',
                       "[tessera] pci 00:03.0 (ethernet@3): function "
                       "1af4:1041, the board says pci1af4,1042"),
    "wrong BAR size": ("&nic0 { assigned-addresses = "
                       "<0x43001820 0x0 0xe0000000 0x0 0x2000>; };",
                       "[tessera] pci 00:03.0 (ethernet@3): BAR4 decodes "
                       "0x4000 bytes, the board gives it 0x2000 at "
                       "0xe0000000"),
}


@pytest.mark.parametrize("case", BOARD_MISMATCHES)
def test_a_function_that_is_not_the_boards_refuses_the_machine(system, case):
    override, line = BOARD_MISMATCHES[case]
    driver = Partition("nicdrv", "devtest", "devtest pci", cpu=1)
    out = system.build(dts=devices_dts([driver], {"nicdrv": "&nic0"},
                                       "\n" + override + "\n"))
    run = system.boot(out)
    assert run.expect(line) < \
        run.expect("[tessera] machine does not match board qemu-pc: halting"), run
    assert not run.partition_lines("nicdrv"), run
    assert run.status == HALT_MISMATCH, run
