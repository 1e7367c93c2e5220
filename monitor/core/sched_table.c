// SPDX-License-Identifier: MIT
/* A CPU's schedule placed in system time (see tessera/sched_table.h). */

#include <tessera/sched_table.h>

#define NS_PER_US	1000

void sched_table_init(struct sched_table *st, const struct tessera_tables *t,
		      const struct tt_cpu *cpu)
{
	st->windows = &t->windows[cpu->first_window];
	st->nr = cpu->nr_windows;
	st->hyperperiod_ns = (uint64_t)cpu->hyperperiod_us * NS_PER_US;
}

void sched_table_slot(const struct sched_table *st, uint64_t pos,
		      struct sched_slot *slot)
{
	const struct tt_window *w = &st->windows[pos % st->nr];
	uint64_t base = pos / st->nr * st->hyperperiod_ns;

	slot->pos = pos;
	slot->start_ns = base + (uint64_t)w->start_us * NS_PER_US;
	slot->end_ns = slot->start_ns + (uint64_t)w->length_us * NS_PER_US;
	slot->vcpu = w->vcpu;
}

uint64_t sched_table_find(const struct sched_table *st, uint64_t t)
{
	uint64_t n = t / st->hyperperiod_ns;
	uint64_t off_us = t % st->hyperperiod_ns / NS_PER_US;
	uint32_t lo = 0, hi = st->nr;
	const struct tt_window *w;

	/* lo: the number of windows that start at or before off_us */
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (st->windows[mid].start_us <= off_us)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return n * st->nr;
	w = &st->windows[lo - 1];
	/* in force until its end (in ns: t may be inside its last us) */
	if (t % st->hyperperiod_ns <
	    ((uint64_t)w->start_us + w->length_us) * NS_PER_US)
		return n * st->nr + lo - 1;
	return n * st->nr + lo;
}

uint64_t sched_table_first(const struct sched_table *st, uint64_t t)
{
	uint64_t n = t / st->hyperperiod_ns;

	return (t % st->hyperperiod_ns ? n + 1 : n) * st->nr;
}

uint64_t sched_table_count(const struct sched_table *st, uint64_t from,
			   uint64_t to, uint16_t vcpu)
{
	uint64_t count = 0, per_hyperperiod = 0;

	if (to <= from)
		return 0;
	/* whole hyperperiods at once: a stall is not a loop as long */
	if (to - from >= st->nr) {
		for (uint32_t k = 0; k < st->nr; k++)
			per_hyperperiod += st->windows[k].vcpu == vcpu;
		count = (to - from) / st->nr * per_hyperperiod;
		from += (to - from) / st->nr * st->nr;
	}
	for (; from < to; from++)
		count += st->windows[from % st->nr].vcpu == vcpu;
	return count;
}
