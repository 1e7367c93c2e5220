/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_UACCESS_H
#define TESSERA_UACCESS_H

/*
 * Reaching a partition's memory from the monitor. A hypercall's pointer is
 * a virtual address of the partition; the monitor never dereferences it.
 * It checks the range against the partition's own memory, then reads or
 * writes the same bytes through its own supervisor mapping of that memory
 * (the direct map), so neither SMAP nor the partition's page tables are
 * involved and no other page can be reached.
 */

#include <stddef.h>
#include <stdint.h>

/*
 * The offset of va into the partition's memory when [va, va + len) lies
 * inside [TESSERA_MEM_BASE, TESSERA_MEM_BASE + mem_size) without wrapping:
 * 0 and *offset set, else -EFAULT. Every value may be hostile.
 */
int uaccess_check(uint64_t mem_size, uint64_t va, uint64_t len,
		  uint64_t *offset);

/*
 * The monitor's address of [va, va + len) of a partition whose memory the
 * monitor sees at `mem` (mem_size bytes), or NULL when uaccess_check
 * refuses the range.
 */
void *uaccess_map(void *mem, uint64_t mem_size, uint64_t va, uint64_t len);

#endif
