// SPDX-License-Identifier: MIT
/*
 * The table walker (monitor/core/sched_table.c): windows placed from T0
 * (n * hyperperiod + start), the window in force or the next one at any
 * time, the wrap at the end of the hyperperiod, the start of the first
 * whole hyperperiod, and the count of one vCPU's windows between two
 * positions, also across many hyperperiods.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/sched_table.h>

#define US	1000ULL
#define MS	1000000ULL

/* cpu 0: a 0-2 ms, b 2-5 ms, idle 5-6, a 6-7, idle to 10 ms */
static const struct tt_window windows[] = {
	{ .start_us = 0, .length_us = 2000, .vcpu = 0 },
	{ .start_us = 2000, .length_us = 3000, .vcpu = 1 },
	{ .start_us = 6000, .length_us = 1000, .vcpu = 0 },
	/* cpu 1: one window to the end of its 4 ms hyperperiod */
	{ .start_us = 1000, .length_us = 3000, .vcpu = 2 },
};

static const struct tt_cpu cpus[] = {
	{ .first_window = 0, .nr_windows = 3, .hyperperiod_us = 10000 },
	{ .first_window = 3, .nr_windows = 1, .hyperperiod_us = 4000 },
};

static const struct tessera_tables tables = {
	.windows = windows,
	.nr_windows = 4,
	.cpus = cpus,
	.nr_cpus = 2,
};

static struct sched_table st0, st1;

static int setup(void **state)
{
	sched_table_init(&st0, &tables, &cpus[0]);
	sched_table_init(&st1, &tables, &cpus[1]);
	return 0;
}

static void assert_slot(const struct sched_table *st, uint64_t pos,
			uint64_t start, uint64_t end, uint16_t vcpu)
{
	struct sched_slot s;

	sched_table_slot(st, pos, &s);
	assert_int_equal(s.pos, pos);
	assert_int_equal(s.start_ns, start);
	assert_int_equal(s.end_ns, end);
	assert_int_equal(s.vcpu, vcpu);
}

static void test_slots_from_t0(void **state)
{
	assert_int_equal(st0.nr, 3);
	assert_int_equal(st0.hyperperiod_ns, 10 * MS);
	assert_slot(&st0, 0, 0, 2 * MS, 0);
	assert_slot(&st0, 2, 6 * MS, 7 * MS, 0);
	/* hyperperiod 1000: from T0, not from any earlier timer */
	assert_slot(&st0, 3000, 10000 * MS, 10002 * MS, 0);
	assert_slot(&st0, 3001, 10002 * MS, 10005 * MS, 1);
	assert_slot(&st1, 7, 7 * 4 * MS + 1 * MS, 8 * 4 * MS, 2);
}

static void test_find(void **state)
{
	/* in force: from its first ns to the one before its end */
	assert_int_equal(sched_table_find(&st0, 0), 0);
	assert_int_equal(sched_table_find(&st0, 2 * MS - 1), 0);
	assert_int_equal(sched_table_find(&st0, 2 * MS), 1);
	assert_int_equal(sched_table_find(&st0, 4999999), 1);
	/* in a gap: the next one to start */
	assert_int_equal(sched_table_find(&st0, 5 * MS), 2);
	assert_int_equal(sched_table_find(&st0, 5 * MS + 999 * US), 2);
	assert_int_equal(sched_table_find(&st0, 6 * MS), 2);
	/* after the last window: the first of the next hyperperiod */
	assert_int_equal(sched_table_find(&st0, 7 * MS), 3);
	assert_int_equal(sched_table_find(&st0, 10 * MS - 1), 3);
	assert_int_equal(sched_table_find(&st0, 10 * MS), 3);
	assert_int_equal(sched_table_find(&st0, 123 * 10 * MS + 6500 * US),
			 123 * 3 + 2);
	/* a gap before the first window of each hyperperiod */
	assert_int_equal(sched_table_find(&st1, 0), 0);
	assert_int_equal(sched_table_find(&st1, 1 * MS), 0);
	assert_int_equal(sched_table_find(&st1, 4 * MS - 1), 0);
	assert_int_equal(sched_table_find(&st1, 4 * MS), 1);
	assert_int_equal(sched_table_find(&st1, 5 * MS + 1), 1);
}

static void test_first_hyperperiod(void **state)
{
	assert_int_equal(sched_table_first(&st0, 0), 0);
	assert_int_equal(sched_table_first(&st0, 1), 3);
	assert_int_equal(sched_table_first(&st0, 10 * MS), 3);
	assert_int_equal(sched_table_first(&st0, 10 * MS + 1), 6);
	assert_int_equal(sched_table_first(&st1, 9 * MS), 3);
}

static void test_count(void **state)
{
	assert_int_equal(sched_table_count(&st0, 0, 0, 0), 0);
	assert_int_equal(sched_table_count(&st0, 5, 2, 0), 0);
	assert_int_equal(sched_table_count(&st0, 0, 1, 0), 1);
	assert_int_equal(sched_table_count(&st0, 1, 2, 0), 0);
	assert_int_equal(sched_table_count(&st0, 1, 4, 0), 2);
	assert_int_equal(sched_table_count(&st0, 1, 4, 1), 1);
	/* a million hyperperiods and one window: without a million loops */
	assert_int_equal(sched_table_count(&st0, 2, 2 + 3000000 + 1, 0),
			 2000000 + 1);
	assert_int_equal(sched_table_count(&st0, 2, 2 + 3000000 + 1, 1),
			 1000000);
	assert_int_equal(sched_table_count(&st1, 10, 20, 2), 10);
	assert_int_equal(sched_table_count(&st1, 10, 20, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_slots_from_t0, setup),
		cmocka_unit_test_setup(test_find, setup),
		cmocka_unit_test_setup(test_first_hyperperiod, setup),
		cmocka_unit_test_setup(test_count, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
