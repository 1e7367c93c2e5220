/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PERCPU_H
#define TESSERA_PERCPU_H

/*
 * Per-CPU data: one struct percpu for every CPU of the board, indexed
 * like tessera_tables.cpus (in APIC id order), so that a CPU's index is
 * the same in the tables, in the monitor and on the console.
 */

#include <stdbool.h>
#include <stdint.h>
#include <arch/percpu.h>

struct percpu {
	struct percpu *self;	/* first: this_cpu() is one load from %gs:0 */
	unsigned int index;	/* into tessera_tables.cpus */
	uint32_t apic_id;
	bool online;		/* set by the CPU itself, once it runs */
	struct arch_percpu arch;
};

extern struct percpu percpu[CONFIG_MAX_CPUS];

static inline struct percpu *this_cpu(void)
{
	return arch_percpu_self();
}

#endif
