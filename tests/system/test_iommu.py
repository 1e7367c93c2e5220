# SPDX-License-Identifier: MIT
"""The VT-d IOMMU confines each driver partition's DMA to its own memory
(docs/devices.md, "DMA and the IOMMU"): the banner says whether it does,
a machine whose firmware lacks the board's unit is refused, and a driver
partition that programs its disk to write elsewhere than its memory
leaves the victim's memory as it was, with the blocked DMA on the
console."""
import os
import re

import pytest

from harness import HALT_MISMATCH, HALT_OK, SRCTREE

CONFINED = ("[tessera] iommu: VT-d at 0xfed90000, device DMA confined to "
            "each driver partition's memory")
NONE = "[tessera] iommu: none, device DMA is not confined"
NO_IOMMU = ("-device", "intel-iommu")     # qemu.args's line


def without_iommu_dts():
    """configs/qemu_pc.dts on a board without its VT-d unit."""
    with open(os.path.join(SRCTREE, "configs", "qemu_pc.dts")) as f:
        return f.read() + "\n/delete-node/ &iommu;\n"


def test_board_with_iommu_confines_dma(system):
    run = system.boot(system.build())
    assert run.matching("[tessera] iommu: ") == [CONFINED], run
    assert run.expect(CONFINED) < run.first("[tessera] cpus online"), run
    run.expect("[alpha] 100/100 round trips ok")
    assert run.status == HALT_OK, run


def test_board_without_iommu_says_dma_is_not_confined(system):
    run = system.boot(system.build(dts=without_iommu_dts()),
                      unset=[NO_IOMMU])
    assert run.matching("[tessera] iommu: ") == [NONE], run
    run.expect("[alpha] 100/100 round trips ok")
    assert run.status == HALT_OK, run


def test_firmware_without_the_boards_iommu_is_refused(system):
    run = system.boot(system.build(), unset=[NO_IOMMU])
    run.expect("[tessera] iommu: the board declares VT-d at 0xfed90000, "
               "but the firmware has no usable ACPI DMAR (error -19)")
    run.expect("[tessera] machine does not match board qemu-pc: halting")
    assert not run.matching("[tessera] cpus online"), run
    assert run.status == HALT_MISMATCH, run


# ---- a driver partition attacks with its disk's DMA ---------------------

VICTIM_PA = 0x10000000      # the victim's memory, fixed by its `reg`
VICTIM_OFFSET = 0x80000     # a page inside its pattern (tests/programs/dma)
MEM_BASE = 0x400000         # public/layout.h TESSERA_MEM_BASE
MEM_SIZE = 0x200000
SECTOR0 = bytes(range(0x40, 0x50)) + b"tessera" * 70
BLOCKED = re.compile(r"\[tessera\] iommu: blocked DMA by 00:04\.0 "
                     r"\(attacker\) to 0x([0-9a-f]+): fault reason (\d+)")


def dma_dts(attacker_args, victim=True, iommu=True):
    """The attacker owns the disk (00:04.0) on cpu1; the victim, on cpu2,
    has fixed memory and a channel on which the attacker says it is done."""
    victim_node = """
		victim: victim {
			compatible = "tessera,partition";
			program = "dma";
			bootargs = "dma victim 0x%x dma-done";
			reg = <0x0 0x%x 0x0 0x%x>;
			cpus = <&cpu2>;
		};""" % (VICTIM_OFFSET, VICTIM_PA, MEM_SIZE)
    channel = """
	channels {
		dma-done {
			compatible = "tessera,io-ring";
			frontend = <&attacker>;
			backend = <&victim>;
			slots = <2>;
			slot-size = <64>;
		};
	};"""
    return """/dts-v1/;

#include "qemu-pc.dtsi"

/ {
	partitions {
		attacker: attacker {
			compatible = "tessera,partition";
			program = "dma";
			bootargs = "dma %s";
			memory-size = <0x0 0x%x>;
			cpus = <&cpu1>;
			devices = <&disk0>;
		};%s
	};%s
};
%s""" % (attacker_args, MEM_SIZE, victim_node if victim else "",
         channel if victim else "", "" if iommu else "/delete-node/ &iommu;\n")


def boot_dma(system, attacker_args, victim=True, iommu=True, **boot):
    out = system.build(dts=dma_dts(attacker_args, victim, iommu))
    with open(os.path.join(out, "disk.img"), "r+b") as disk:
        disk.write(SECTOR0)
    return system.boot(out, **boot) if iommu else \
        system.boot(out, unset=[NO_IOMMU])


def iommu_with(props):
    """boot() arguments for the board's machine with `props` added to its
    intel-iommu: the unit and the PCI devices after it again, in order,
    since QEMU puts a device behind the IOMMU only if it comes later."""
    with open(os.path.join(SRCTREE, "boards", "qemu-pc", "qemu.args")) as f:
        lines = [l.split(" ", 1) for l in f.read().splitlines()
                 if l.startswith("-device ")]
    devices = [tuple(l) for l in lines[lines.index(list(NO_IOMMU)):]]
    extra = []
    for opt, value in devices:
        extra += [opt, value + props if (opt, value) == NO_IOMMU else value]
    return {"unset": devices, "extra": extra}


@pytest.mark.parametrize("iommu", [True, False], ids=["iommu", "none"])
def test_dma_into_its_own_memory_delivers_the_disk(system, iommu):
    """Devices see the driver's memory at dma_base: its virtual address
    behind the IOMMU (and the feature bit says so), else its physical."""
    run = boot_dma(system, "read", victim=False, iommu=iommu)
    run.expect(CONFINED if iommu else NONE)
    base = MEM_BASE if iommu else int(re.search(
        r"attacker +dma +0x([0-9a-f]+)-", run.output)[1], 16)
    run.expect("[attacker] dma_base 0x%x, iommu %s"
               % (base, "yes" if iommu else "no"))
    run.expect("[attacker] sector 0: " +
               " ".join("%02x" % b for b in SECTOR0[:16]))
    assert not BLOCKED.search(run.output), run
    assert run.status == HALT_OK, run


@pytest.mark.parametrize("target", [
    VICTIM_PA + VICTIM_OFFSET,  # another partition's memory, physically
    0,                          # below the attacker's memory
    MEM_BASE + MEM_SIZE,        # just past it
], ids=["victim", "zero", "past-its-memory"])
def test_dma_outside_its_memory_is_blocked(system, target):
    run = boot_dma(system, "attack 0x%x dma-done" % target)
    run.expect("[victim] pattern intact")
    blocked = [BLOCKED.fullmatch(l) for l in run.lines]
    assert [int(m[1], 16) for m in blocked if m] == [target], run
    run.expect("[tessera] attacker: exited with status 0")
    run.expect("[tessera] victim: exited with status 0")
    assert run.status == HALT_OK, run


def test_four_level_tables_confine_too(system):
    """QEMU's unit walks 3 levels (39 bits) by default; with 48-bit
    addresses the monitor builds 4-level tables, which let the driver's
    own DMA through and stop the attack."""
    machine = iommu_with(",aw-bits=48")
    run = boot_dma(system, "read", victim=False, **machine)
    run.expect("[attacker] sector 0: " +
               " ".join("%02x" % b for b in SECTOR0[:16]))
    run = boot_dma(system, "attack 0x%x dma-done" % (VICTIM_PA + VICTIM_OFFSET),
                   **machine)
    run.expect(CONFINED)
    run.expect("[victim] pattern intact")
    assert [int(m[1], 16) for m in map(BLOCKED.fullmatch, run.lines) if m] \
        == [VICTIM_PA + VICTIM_OFFSET], run
    assert run.status == HALT_OK, run


def test_without_iommu_the_same_dma_lands_in_the_victim(system):
    """The attack is real: only the IOMMU stops it."""
    run = boot_dma(system, "attack 0x%x dma-done" % (VICTIM_PA + VICTIM_OFFSET),
                   iommu=False)
    run.expect(NONE)
    run.expect("[victim] pattern overwritten at offset 0x%x" % VICTIM_OFFSET)
    assert run.status == HALT_OK, run


def test_iommu_elsewhere_than_the_board_says_is_refused(system):
    with open(os.path.join(SRCTREE, "configs", "qemu_pc.dts")) as f:
        dts = f.read() + "\n&iommu {\n\treg = <0x0 0xfed91000 0x0 0x1000>;\n};\n"
    run = system.boot(system.build(dts=dts))
    run.expect("[tessera] iommu: the board's VT-d unit at 0xfed91000 is not "
               "in the firmware's ACPI DMAR")
    run.expect("[tessera] machine does not match board qemu-pc: halting")
    assert not run.matching("[tessera] cpus online"), run
    assert run.status == HALT_MISMATCH, run
