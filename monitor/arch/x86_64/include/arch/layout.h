/* SPDX-License-Identifier: MIT */
#ifndef ARCH_LAYOUT_H
#define ARCH_LAYOUT_H

/*
 * The monitor's virtual address space (docs/boot.md). Read by C, by the
 * assembly and by the linker script, so only constants live here.
 *
 *   0x0000000000000000  nothing once the CPUs are up (the boot identity
 *                       map and the AP trampoline page are removed)
 *   0xffff800000000000  direct map: physical p at DIRECTMAP_BASE + p,
 *                       supervisor-only, never executable
 *   0xffffc00000000000  device MMIO windows, uncached (paging_map_mmio)
 *   0xffffffff80000000  the image: physical p at IMAGE_VBASE + p
 */

#ifdef __ASSEMBLY__
#define _AC(x, suffix)	x
#else
#define _AC(x, suffix)	x##suffix
#endif

#define PAGE_SHIFT	12
#define PAGE_SIZE	_AC(0x1000, UL)

#define IMAGE_VBASE	_AC(0xffffffff80000000, UL)
#define DIRECTMAP_BASE	_AC(0xffff800000000000, UL)
#define DIRECTMAP_SIZE	_AC(0x0000400000000000, UL)	/* 64 TiB */
#define MMIO_BASE	_AC(0xffffc00000000000, UL)
#define MMIO_SIZE	_AC(0x0000000040000000, UL)	/* 1 GiB */

/*
 * Every CPU has four stacks of STACK_SIZE, each above an unmapped guard
 * page: the one it runs on and one per IST entry (arch/segment.h), so that
 * a stack overflow is a #PF that lands, as #DF, on a good stack.
 */
#define STACK_SIZE	_AC(0x4000, UL)
#define STACK_KERNEL	0
#define STACK_DF	1
#define STACK_NMI	2
#define STACK_MC	3
#define NR_STACKS	4

/* The stack the boot CPU runs on until its per-CPU stack is set up. */
#define BOOT_STACK_SIZE	_AC(0x1000, UL)

#endif
