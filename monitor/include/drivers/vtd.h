/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_VTD_H
#define DRIVERS_VTD_H

/*
 * The in-memory structures of Intel VT-d DMA remapping (Intel VT-d
 * specification, chapter 9), built from the domain tables by
 * monitor/drivers/vtd_tables.c: pure logic over pages reached through
 * callbacks, so that the host tests read every entry the IOMMU will. And
 * the check of the board's units against the firmware's
 * (monitor/drivers/vtd_check.c).
 *
 * Legacy mode: a root table of 256 entries, one per PCI bus, each
 * pointing at a context table of 256 entries, one per device and
 * function. A function given to a partition has a context entry naming
 * the partition's domain and its second-level page table; every other
 * function has none, so the IOMMU blocks all its DMA.
 *
 * A second-level table maps exactly [TESSERA_MEM_BASE, TESSERA_MEM_BASE +
 * mem_size) to the partition's memory, read-write: a device sees the
 * memory where its driver does (start_info.dma_base is TESSERA_MEM_BASE),
 * and nothing else — not the rings, the info pages, the monitor or
 * another partition. The tables are the x86 page tables of
 * arch/pagetable.h: VT-d's second-level entries have Read and Write where
 * x86 has Present and Writable, and the page-size bit where x86 has it.
 * A 3-level table (39-bit addresses) is the 4-level one's first PDPT.
 */

#include <stddef.h>
#include <stdint.h>
#include <arch/pagetable.h>
#include <arch/vspace.h>
#include <public/layout.h>
#include <tessera/acpi.h>
#include <tessera/tables.h>

#define VTD_BUSES		256
#define VTD_DEVFNS		256

/* A root or a context entry: 128 bits. */
struct vtd_entry {
	uint64_t lo;
	uint64_t hi;
};

#define VTD_PRESENT		0x1ULL	/* root and context entries, lo */
#define VTD_CONTEXT_DID_SHIFT	8	/* context hi: the domain id */
#define VTD_CONTEXT_DID_MASK	0xffffULL
#define VTD_CONTEXT_AW_MASK	0x7ULL	/* context hi: the table's levels */
/* CAP.SAGAW and the context entry's AW: 1 for 3 levels, 2 for 4 */
#define VTD_AW(levels)		((uint64_t)(levels) - 2)

/* Second-level entries: the bits arch/pagetable.h writes (see above). */
#define VTD_SL_R		PTE_P
#define VTD_SL_W		PTE_W
#define VTD_SL_PS		PTE_PS

/* One domain per partition; id 0 stays unused (reserved when CAP.CM). */
#define VTD_DOMAIN(partition)	((partition) + 1U)

/*
 * Pages that vtd_build can need for `partitions` partitions of at most
 * `max_size` bytes of memory and `devices` devices: the root table, a
 * context table per bus (at most one per device) and the page tables of
 * each partition that owns a device (at most one per device).
 */
#define VTD_MIN(a, b)		((a) < (b) ? (a) : (b))
#define VTD_POOL_PAGES(partitions, devices, max_size)			\
	(1 + (devices) + VTD_MIN(partitions, devices) *			\
	 (1 + VSPACE_WINDOW_PAGES(TESSERA_MEM_BASE + (max_size))))

struct vtd_build {
	uint64_t *(*table)(uint64_t pa);	/* a page, to read and write */
	int (*alloc)(uint64_t *pa);		/* a zeroed page, or -ENOMEM */
	unsigned int levels;			/* 3 or 4 */
	uint64_t root;				/* OUT: the root table */
};

/*
 * Builds the root table, a context entry for each PCI function the
 * tables give to a partition and the page tables of each such partition
 * (2 MiB pages where the memory's placement allows: CAP.SLLPS must have
 * them). 0, -EEXIST when two devices are one function, -EINVAL for a
 * partition without memory, or -ENOMEM from alloc.
 */
int vtd_build(struct vtd_build *b, const struct tessera_tables *t);

/* The board's first VT-d unit (a monitor device "intel,vtd"), or NULL. */
const struct tt_device *vtd_declared(const struct tessera_tables *t);

/*
 * Whether the firmware's DMAR is the board's: every unit the board
 * declares is in it, it lists no other (nor one of another PCI segment),
 * and every PCI function given to a partition is behind a unit, by
 * INCLUDE_PCI_ALL or an endpoint scope that names it (a function only
 * reached through bridges is not). 0, or -ENODEV with `why` (`size`
 * bytes) saying what differs.
 */
int vtd_check_dmar(const struct tessera_tables *t,
		   const struct acpi_dmar_info *dmar, char *why, size_t size);

#endif
