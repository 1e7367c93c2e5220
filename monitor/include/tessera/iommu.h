/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_IOMMU_H
#define TESSERA_IOMMU_H

/*
 * DMA confinement (monitor/drivers/vtd.c, docs/devices.md "DMA and the
 * IOMMU"). When the board declares VT-d units, the firmware's ACPI DMAR
 * must list exactly those; the monitor then gives each PCI function a
 * partition owns that partition's memory alone, at TESSERA_MEM_BASE, and
 * every other function nothing. Without a declared unit, devices reach
 * all of memory, and the banner says so.
 */

#include <stdint.h>
#include <tessera/tables.h>

/*
 * Boot CPU, once, after the timers are calibrated and before any
 * partition starts: checks the DMAR against the board (halting with
 * HALT_MISMATCH when they differ), builds the tables, enables
 * translation and prints the banner line.
 */
void iommu_init(const struct tessera_tables *t);

/*
 * The bus address at which a partition's devices see its memory, whose
 * physical base is `mem_phys` (start_info.dma_base): TESSERA_MEM_BASE
 * when the IOMMU translates, `mem_phys` otherwise.
 */
uint64_t iommu_dma_base(uint64_t mem_phys);

/* TESSERA_FEATURE_IOMMU when DMA is confined, else 0 (start_info.features). */
uint64_t iommu_features(void);

/*
 * Prints a line for each DMA the IOMMU blocked since the last call
 * ("iommu: blocked DMA by <bus:dev.fn> (<owner>) to 0x<page>: fault
 * reason <n>") and clears the records. Any CPU, any time.
 */
void iommu_report_faults(void);

#endif
