/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_SCHED_TABLE_H
#define TESSERA_SCHED_TABLE_H

/*
 * A CPU's cyclic schedule placed in system time (monitor/core/
 * sched_table.c, host-tested). Window k of hyperperiod n runs from
 * n * hyperperiod + start_us(k) to its end, in ns since T0: every
 * boundary is computed from T0, never from the previous one, so nothing
 * drifts. A window is named by its position n * nr + k, which counts the
 * windows since T0 (it does not wrap: a window lasts at least 1 us, so
 * positions stay below the ns since T0 / 1000).
 */

#include <stdint.h>
#include <tessera/tables.h>

struct sched_table {
	const struct tt_window *windows;
	uint32_t nr;			/* 0: no schedule */
	uint64_t hyperperiod_ns;
};

struct sched_slot {
	uint64_t pos;
	uint64_t start_ns, end_ns;
	uint16_t vcpu;
};

/* The schedule of tables entry `cpu`. */
void sched_table_init(struct sched_table *st, const struct tessera_tables *t,
		      const struct tt_cpu *cpu);

/* The window at position pos. */
void sched_table_slot(const struct sched_table *st, uint64_t pos,
		      struct sched_slot *slot);

/* The position of the window in force at t, else of the next to start. */
uint64_t sched_table_find(const struct sched_table *st, uint64_t t);

/* The position of the first window of the first hyperperiod from t on. */
uint64_t sched_table_first(const struct sched_table *st, uint64_t t);

/* How many of the windows at positions [from, to) are vcpu's. */
uint64_t sched_table_count(const struct sched_table *st, uint64_t from,
			   uint64_t to, uint16_t vcpu);

#endif
