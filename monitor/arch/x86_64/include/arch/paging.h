/* SPDX-License-Identifier: MIT */
#ifndef ARCH_PAGING_H
#define ARCH_PAGING_H

/* Page-table entry bits (4-level paging) and the monitor's mappings. */

#include <arch/layout.h>

#define PTE_P		_AC(0x001, UL)	/* present */
#define PTE_W		_AC(0x002, UL)	/* writable */
#define PTE_U		_AC(0x004, UL)	/* user (ring 3) */
#define PTE_PWT		_AC(0x008, UL)
#define PTE_PCD		_AC(0x010, UL)	/* with PWT: uncached (default PAT) */
#define PTE_A		_AC(0x020, UL)
#define PTE_D		_AC(0x040, UL)
#define PTE_PS		_AC(0x080, UL)	/* a 2 MiB or 1 GiB page */
#define PTE_G		_AC(0x100, UL)
#define PTE_NX		(_AC(1, UL) << 63)
#define PTE_ADDR_MASK	_AC(0x000ffffffffff000, UL)

#ifndef __ASSEMBLY__
#include <stddef.h>
#include <stdint.h>
#include <tessera/tables.h>

/* Builds the monitor's page tables and switches to them (boot CPU). */
void paging_init(const struct tessera_tables *t);

/* The monitor's page tables, for CR3 on the CPUs started later. */
uint64_t paging_root(void);

/*
 * Maps `size` bytes of device registers at `pa` uncached, writable, never
 * executable; returns their address. Panics when the window is full.
 */
void *paging_map_mmio(uint64_t pa, size_t size);

/*
 * Makes `len` bytes of firmware memory at `pa` (ACPI tables, the BIOS
 * area) readable in the direct map and returns their address there; NULL
 * when the range lies beyond the direct map. Pages mapped already stay.
 */
const void *paging_map_firmware(uint64_t pa, size_t len);

/* The direct-map address of RAM at `pa`. */
static inline void *paging_direct(uint64_t pa)
{
	return (void *)(DIRECTMAP_BASE + pa);
}

/*
 * For the AP trampoline: maps one page at `pa` at the same virtual
 * address (read and execute) and in the direct map (read and write), or
 * removes both and flushes every online CPU's TLB.
 */
void paging_map_trampoline(uint64_t pa);
void paging_unmap_trampoline(uint64_t pa);
#endif

#endif
