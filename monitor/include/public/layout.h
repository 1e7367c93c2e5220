/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_LAYOUT_H
#define TESSERA_PUBLIC_LAYOUT_H

/*
 * A partition's virtual address space and its state at entry.
 *
 * The layout is the same in every partition, wherever gen placed the
 * partition's memory physically, so a program is linked once at
 * TESSERA_MEM_BASE (partitions/lib/partition.ld.S) and runs in any
 * partition that names it. Included by C, assembly and linker scripts:
 * plain numbers only.
 *
 *   0x00000000_00000000  unmapped: NULL and small offsets from it fault
 *   TESSERA_START_INFO_ADDR   start-info page, read-only (start_info.h)
 *   TESSERA_SHARED_INFO_ADDR  shared-info page, read-write (shared_info.h)
 *                        unmapped up to TESSERA_MEM_BASE
 *   TESSERA_MEM_BASE     the partition's memory, `memory-size` bytes: the
 *                        program's segments from here up, then memory
 *                        that reads as zero, and the stack at the top
 *                        (TESSERA_MEM_BASE + start_info.mem_size, growing
 *                        down; nothing guards it from meeting .bss)
 *                        unmapped up to TESSERA_RING_BASE
 *   TESSERA_RING_BASE    the rings of the partition's channels, each at
 *                        start_info.channels[i].ring, page-aligned, an
 *                        unmapped page between two rings
 *   TESSERA_MMIO_BASE    a driver partition's device MMIO windows, each
 *                        at start_info.devices[i].mmio[j].addr, uncached
 *   TESSERA_USER_TOP     nothing from here up is the partition's: the
 *                        monitor lives in the upper half, supervisor-only
 *
 * Permissions: program text is read-only and executable; every other page
 * is no-execute; read-only data and the start-info page are read-only; the
 * rest of the memory, the shared-info page, rings and MMIO are read-write.
 * A partition can map, unmap or change nothing: there is no such call.
 *
 * A program is a static ELF64 x86-64 executable whose PT_LOAD segments are
 * 4 KiB-aligned, share no page, are never both writable and executable,
 * and lie in [TESSERA_MEM_BASE, TESSERA_MEM_BASE + mem_size). The monitor
 * copies each segment's file bytes and zeroes every other byte of the
 * memory, so .bss, the heap a program may keep and the stack start as zero
 * and nothing of the monitor or of an earlier run shows through.
 *
 * State at entry (vCPU 0 only; other vCPUs are not started in ABI 1.0):
 * ring 3, 64-bit mode, rip = the ELF entry point, every general-purpose
 * register zero (rsp too: the program sets its own stack, as
 * partitions/lib/crt0.S does from the start-info page), rflags = 0x202
 * (IF set), fs and gs bases zero, the x87/SSE/AVX state as after reset
 * (FCW 0x037f, MXCSR 0x1f80, every vector register zero).
 */

#define TESSERA_PAGE_SIZE	0x1000

#define TESSERA_START_INFO_ADDR	0x200000
#define TESSERA_SHARED_INFO_ADDR 0x201000

/* 2 MiB-aligned, so that memory placed at a 2 MiB boundary can be mapped
 * with large pages where the permissions allow */
#define TESSERA_MEM_BASE	0x400000
/* 512 GiB, 1 TiB: each window starts a page-map level-4 entry of its own */
#define TESSERA_RING_BASE	0x8000000000
#define TESSERA_MMIO_BASE	0x10000000000
#define TESSERA_USER_TOP	0x18000000000

/* The largest memory-size a partition can have. */
#define TESSERA_MEM_MAX		(TESSERA_RING_BASE - TESSERA_MEM_BASE)

#endif
