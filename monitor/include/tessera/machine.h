/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_MACHINE_H
#define TESSERA_MACHINE_H

/*
 * The machine against the board (monitor/core/machine.c): before anything
 * is built from the domain tables, the monitor checks that the machine has
 * what the board promised. Each problem is one printk line naming the
 * range or CPU and the numbers; the caller halts when any was found.
 */

#include <stddef.h>
#include <stdint.h>
#include <tessera/tables.h>

enum memmap_type {
	MEMMAP_AVAILABLE = 1,	/* as multiboot/e820 type 1 */
	MEMMAP_RESERVED = 2,	/* anything else */
	MEMMAP_ACPI_RECLAIMABLE = 3,
	MEMMAP_ACPI_NVS = 4,
	MEMMAP_BAD = 5,
};

struct memmap_entry {
	uint64_t base;
	uint64_t size;
	uint32_t type;
};

/*
 * Every RAM range of the board is usable RAM on the machine, and every
 * reservation (monitor, partitions, channels) lies in the board's RAM and
 * overlaps no firmware memory. Entries may be unsorted and overlap (real
 * firmware does that); a range is usable only where an available entry
 * covers it and no other kind of entry does. Returns the number of
 * problems printed.
 */
int machine_check_memory(const struct tessera_tables *t,
			 const struct memmap_entry *map, size_t n);

/*
 * Every CPU of the board is present and enabled on the machine (APIC ids
 * from the ACPI MADT). Extra CPUs on the machine are reported once and
 * left off; a missing one is a problem. Returns the number of problems.
 */
int machine_check_cpus(const struct tessera_tables *t,
		       const uint32_t *apic_ids, size_t n);

#endif
