// SPDX-License-Identifier: MIT
/*
 * share: what a partition gets of its CPU, measured from inside
 * (tests/system/test_reservations.py).
 *
 * `share spin <periods>` waits for the start of the period after the one
 * its first window opened (on a dedicated CPU, of a 10 ms unit), so that
 * partitions with one period on one CPU measure the same interval even
 * where slack ran one of them before the schedule began; it then spins
 * through <periods> of them reading tessera_now_ns(), never entering the
 * monitor. The time
 * between two reads less than GAP_NS apart it counts as its own; a longer
 * one is another partition's window, or idle. It prints its share of the
 * interval so measured and as the monitor accounted it (runtime_ns), both
 * in per mille, its reservation, and the rest of its accounting:
 *
 *	share 199 accounted 200 reserved 200 missed 0 lateness 1234 ticks 30
 *	periods 32 exhausted 31
 *
 * (one line). `share yield <periods>` does the same, but yields in every
 * turn of its loop, giving each of its windows away as soon as it gets it.
 *
 * `<name> bench <periods>` measures as `spin` and prints the figures of
 * `make bench` (docs/benchmarks.md), named after its argv[0]:
 *
 *	bench share_20 19.99 %
 *	bench share_20_accounted 20.00 %
 *	bench share_20_reserved 20.00 %
 *	bench share_20_lateness_max 176 ns
 *	bench share_20_windows_missed 0 windows
 *	bench share_20_loops 4876.496 iter/ms
 *	bench share_20_window_start_min 658 ns
 *	bench share_20_window_start_median 681 ns
 *	bench share_20_window_start_max 707 ns
 *
 * The loops are the turns of its measuring loop per ms of the interval:
 * set against a dedicated partition's, the share in loop turns. The
 * window starts are the instants, within its period, at which it found
 * itself running again after a gap: for a vCPU with one window a period,
 * its place in the schedule (layout.txt) plus how late the window came,
 * so max - min is the jitter of its window starts. A partition on a
 * dedicated CPU is never away and prints none.
 *
 * `share sleep <ms>` sleeps <ms> milliseconds and prints the system time
 * that passed, then sleeps until a time already past and prints how long
 * that took:
 *
 *	slept 50001234 ns
 *	past deadline returned after 345 ns
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>

#define NS_PER_US	1000ULL
#define NS_PER_MS	1000000ULL
#define UNIT_NS		(10 * NS_PER_MS)	/* a period on a dedicated CPU */
/* far longer than one read of the clock, far shorter than a window */
#define GAP_NS		(100 * NS_PER_US)

#define READ(x)		(*(const volatile __typeof__(x) *)&(x))

static const struct tessera_vcpu_info *share_info(void)
{
	return &tessera_shared_info()->vcpu[0];
}

/* The accounting brought up to now: any hypercall does it. */
static const struct tessera_vcpu_info *share_refresh(void)
{
	tessera_version(TESSERA_VERSION_ABI);
	return share_info();
}

/* What a partition had of its CPU over `periods` of its periods. */
/* The window starts a partition records, at most: more are not kept. */
#define SHARE_STARTS	1024

struct share {
	uint64_t interval;	/* ns */
	uint64_t own;		/* ns it saw itself run */
	uint64_t runtime;	/* ns the monitor accounted */
	uint64_t loops;		/* turns of its loop */
	uint64_t budget, period;
	/* where in its period it found itself running again after a gap */
	uint64_t starts[SHARE_STARTS];
	unsigned int nr_starts;
};

static struct share share_m;	/* too large for the stack */

static const struct share *share_measure(unsigned long periods, int yield)
{
	const struct tessera_vcpu_info *vi = share_info();
	struct share *m = &share_m;
	uint64_t start, end, last, now;

	m->period = READ(vi->period_us) * NS_PER_US ?: UNIT_NS;
	m->budget = READ(vi->budget_us) * NS_PER_US ?: m->period;
	while (READ(vi->period_us) && !READ(share_refresh()->periods))
		;
	start = (tessera_now_ns() / m->period + 1) * m->period;
	end = start + periods * m->period;
	m->interval = end - start;
	while ((last = tessera_now_ns()) < start)
		;
	m->runtime = READ(share_refresh()->runtime_ns);
	while ((now = tessera_now_ns()) < end) {
		m->loops++;
		if (now - last < GAP_NS)
			m->own += now - last;
		else if (m->nr_starts < SHARE_STARTS)
			m->starts[m->nr_starts++] = now % m->period;
		last = now;
		if (yield)
			tessera_yield();
	}
	m->runtime = READ(share_refresh()->runtime_ns) - m->runtime;
	return m;
}

/* Sorts the window starts, few enough for an insertion sort. */
static void share_sort_starts(struct share *m)
{
	for (unsigned int i = 1; i < m->nr_starts; i++) {
		uint64_t x = m->starts[i];
		unsigned int j = i;

		for (; j && m->starts[j - 1] > x; j--)
			m->starts[j] = m->starts[j - 1];
		m->starts[j] = x;
	}
}

/* part of whole in units of 1 / scale, rounded */
static uint64_t share_of(uint64_t part, uint64_t whole, uint64_t scale)
{
	return (part * scale + whole / 2) / whole;
}

static int share_spin(unsigned long periods, int yield)
{
	const struct tessera_vcpu_info *vi = share_info();
	const struct share *m = share_measure(periods, yield);

	printf("share %lu accounted %lu reserved %lu missed %lu lateness %lu "
	       "ticks %lu periods %lu exhausted %lu\n",
	       share_of(m->own, m->interval, 1000),
	       share_of(m->runtime, m->interval, 1000),
	       share_of(m->budget, m->period, 1000), READ(vi->windows_missed),
	       READ(vi->lateness_max_ns), READ(vi->timer_interrupts),
	       READ(vi->periods), READ(vi->exhausted));
	return 0;
}

/* A percentage with two decimals, from hundredths of a per cent. */
#define SHARE_PCT(bp)	(bp) / 100, (bp) % 100

/* The same as figures of `make bench` (tests/bench/share.dts), named <name>_*. */
static int share_bench(const char *name, unsigned long periods)
{
	const struct tessera_vcpu_info *vi = share_info();
	struct share *m = &share_m;
	uint64_t measured, accounted, reserved, loops;

	share_measure(periods, 0);
	measured = share_of(m->own, m->interval, 10000);
	accounted = share_of(m->runtime, m->interval, 10000);
	reserved = share_of(m->budget, m->period, 10000);
	loops = m->loops * NS_PER_MS * 1000 / m->interval;	/* milli */
	share_sort_starts(m);

	printf("bench %s %lu.%02lu %%\n", name, SHARE_PCT(measured));
	printf("bench %s_accounted %lu.%02lu %%\n", name, SHARE_PCT(accounted));
	printf("bench %s_reserved %lu.%02lu %%\n", name, SHARE_PCT(reserved));
	printf("bench %s_lateness_max %lu ns\n", name,
	       READ(vi->lateness_max_ns));
	printf("bench %s_windows_missed %lu windows\n", name,
	       READ(vi->windows_missed));
	printf("bench %s_loops %lu.%03lu iter/ms\n", name, loops / 1000,
	       loops % 1000);
	if (!m->nr_starts)
		return 0;
	printf("bench %s_window_start_min %lu ns\n", name, m->starts[0]);
	printf("bench %s_window_start_median %lu ns\n", name,
	       m->starts[m->nr_starts / 2]);
	printf("bench %s_window_start_max %lu ns\n", name,
	       m->starts[m->nr_starts - 1]);
	return 0;
}

static int share_sleep(unsigned long ms)
{
	uint64_t t0 = tessera_now_ns(), t1;

	tessera_sleep_ns(ms * NS_PER_MS);
	t1 = tessera_now_ns();
	printf("slept %lu ns\n", t1 - t0);
	tessera_sleep_until(t1 - 1);
	printf("past deadline returned after %lu ns\n", tessera_now_ns() - t1);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 2 ? strtoul(argv[2], NULL, 10) : 0;

	if (argc > 2 && !strcmp(argv[1], "spin") && n)
		return share_spin(n, 0);
	if (argc > 2 && !strcmp(argv[1], "yield") && n)
		return share_spin(n, 1);
	if (argc > 2 && !strcmp(argv[1], "bench") && n)
		return share_bench(argv[0], n);
	if (argc > 2 && !strcmp(argv[1], "sleep"))
		return share_sleep(n);
	printf("usage: share spin|yield|bench <periods> | share sleep <ms>\n");
	return 1;
}
