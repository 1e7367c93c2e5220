/* SPDX-License-Identifier: MIT */
#ifndef ARCH_IOPORT_H
#define ARCH_IOPORT_H

/*
 * Ring 3's I/O ports: the I/O permission bitmap of each CPU's TSS
 * (monitor/arch/x86_64/ioport.c). IOPL stays 0, so every in and out of a
 * partition is checked against the bitmap: a set bit, or a bitmap beyond
 * the TSS limit, is a #GP. A CPU's bitmap holds the ports of one
 * partition at a time (iobitmap.c is the pure part, host-tested).
 */

#include <stdbool.h>
#include <stdint.h>

#define IO_PORTS		0x10000
/*
 * A bit per port and the byte after it, all ones: the CPU reads two
 * bytes for every check, the last port's too (SDM vol. 1, 19.5.2).
 */
#define IO_BITMAP_BYTES		(IO_PORTS / 8 + 1)

/*
 * Opens (clears) or closes (sets) the bits of ports [base, base + count)
 * in `map`, the part below IO_PORTS only: a range that runs past the last
 * port stops there.
 */
void iobitmap_set(uint8_t *map, uint32_t base, uint32_t count, bool open);

struct arch_percpu;

/* A CPU's bitmap, every port closed, and out of the TSS's reach. */
void ioport_cpu_init(struct arch_percpu *a);

#endif
