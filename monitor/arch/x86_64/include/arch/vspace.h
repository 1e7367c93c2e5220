/* SPDX-License-Identifier: MIT */
#ifndef ARCH_VSPACE_H
#define ARCH_VSPACE_H

/*
 * A partition's address space as page-table entries (monitor/arch/
 * x86_64/vspace.c): pure logic over a struct pt, so the host tests check
 * every permission it grants. The layout is public/layout.h's.
 */

#include <stdint.h>
#include <arch/pagetable.h>
#include <tessera/channel.h>
#include <tessera/device_map.h>
#include <tessera/elf.h>

/* Permissions of the pages a partition sees: user, never W+X. */
#define VSPACE_RX	(PTE_U)
#define VSPACE_RO	(PTE_U | PTE_NX)
#define VSPACE_RW	(PTE_U | PTE_W | PTE_NX)
/* device registers: uncached (PCD and PWT: UC in the default PAT) */
#define VSPACE_MMIO	(VSPACE_RW | PTE_PCD | PTE_PWT)

/*
 * Table pages that a window of `span` bytes from the start of a PML4
 * entry can need at most, whatever the page sizes: a PDPT, a page
 * directory per GiB and a page table per 2 MiB; none for an empty one.
 */
#define VSPACE_WINDOW_PAGES(span)					\
	((span) ? 1 + ((span) + (1UL << 30) - 1) / (1UL << 30) +	\
		  ((span) + (1UL << 21) - 1) / (1UL << 21) : 0)

/*
 * Table pages of one partition's user half: a PML4, the window of its
 * memory and info pages (all below `top`, in the first 512 GiB) and its
 * ring window of `ring_span` bytes from TESSERA_RING_BASE.
 */
#define VSPACE_TABLE_PAGES(top, ring_span)				\
	(1 + VSPACE_WINDOW_PAGES(top) + VSPACE_WINDOW_PAGES(ring_span))

struct vspace_desc {
	uint64_t mem_pa;		/* the partition's memory */
	uint64_t mem_size;
	uint64_t start_info_pa;		/* a page each */
	uint64_t shared_info_pa;
	const struct elf_image *elf;	/* checked by elf_parse */
	const struct channel_end *rings;	/* its ends of channels */
	unsigned int nr_rings;
	const struct device_window *mmio;	/* its devices' windows */
	unsigned int nr_mmio;
};

/* The permissions of a segment's pages, from its ELF flags. */
uint64_t vspace_segment_flags(uint32_t elf_flags);

/*
 * Maps into pt, whose root holds nothing in the lower half yet: the
 * memory at TESSERA_MEM_BASE, each segment's pages with its permissions
 * and every other page read-write, the start-info page read-only, the
 * shared-info page and each ring read-write, each device window
 * read-write and uncached (one of size 0 is not mapped), all no-execute
 * but the program's text. 0, -EINVAL when a segment is writable and
 * executable or lies outside the memory or out of order, or a ring lies
 * outside the ring window or a device window outside the MMIO window,
 * or pt_map's error.
 */
int vspace_build(const struct pt *pt, const struct vspace_desc *d);

#endif
