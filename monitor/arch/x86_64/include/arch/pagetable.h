/* SPDX-License-Identifier: MIT */
#ifndef ARCH_PAGETABLE_H
#define ARCH_PAGETABLE_H

/*
 * 4-level page tables built from ranges (monitor/arch/x86_64/pagetable.c):
 * pure logic over tables reached through `table`, so that the host tests
 * run it on ordinary memory. Ranges are mapped with the largest pages
 * their alignment allows (2 MiB, and 1 GiB where the CPU has them).
 * Nothing here flushes a TLB: that is the caller's part.
 */

#include <stdbool.h>
#include <stdint.h>
#include <arch/paging.h>

struct pt {
	uint64_t root;				/* physical address of the PML4 */
	uint64_t *(*table)(uint64_t pa);	/* a table page, to read and write */
	int (*alloc)(uint64_t *pa);		/* a zeroed page, or -ENOMEM */
	bool page_1g;				/* 1 GiB pages allowed */
};

/*
 * Maps [va, va + size) to [pa, pa + size) with `flags` (PTE_W, PTE_U,
 * PTE_NX, PTE_PCD, PTE_PWT, PTE_G; present is implied). All three must be
 * page-aligned. Mapping a page again exactly as it is succeeds; any other
 * mapping in the way is -EEXIST. -EINVAL for misalignment, -ENOMEM when
 * alloc fails; on an error, the part before it stays mapped.
 */
int pt_map(const struct pt *pt, uint64_t va, uint64_t pa, uint64_t size,
	   uint64_t flags);

/*
 * Unmaps [va, va + size), page-aligned; pages not mapped are skipped.
 * -EBUSY, before anything changes, when that would split a larger page.
 */
int pt_unmap(const struct pt *pt, uint64_t va, uint64_t size);

/*
 * Where va is mapped: 0 with *pa the physical address and *flags the
 * entry's flags (PTE_PS for a larger page), or -ENOENT.
 */
int pt_lookup(const struct pt *pt, uint64_t va, uint64_t *pa, uint64_t *flags);

#endif
