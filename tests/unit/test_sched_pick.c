// SPDX-License-Identifier: MIT
/*
 * The round-robin choice (monitor/core/sched_pick.c): a CPU's own
 * runnable vCPUs only, in table order after the current one, the current
 * one last.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/sched.h>

#define N 6

static struct vcpu table[N];

static int setup(void **state)
{
	static const unsigned int cpus[N] = { 1, 2, 1, 2, 1, 3 };

	for (unsigned int i = 0; i < N; i++)
		table[i] = (struct vcpu){ .cpu = cpus[i], .state = VCPU_RUNNABLE };
	return 0;
}

static void test_round_robin(void **state)
{
	assert_ptr_equal(sched_pick(table, N, 1, NULL), &table[0]);
	assert_ptr_equal(sched_pick(table, N, 1, &table[0]), &table[2]);
	assert_ptr_equal(sched_pick(table, N, 1, &table[2]), &table[4]);
	assert_ptr_equal(sched_pick(table, N, 1, &table[4]), &table[0]);
	assert_ptr_equal(sched_pick(table, N, 3, &table[5]), &table[5]);
}

static void test_not_runnable_skipped(void **state)
{
	table[2].state = VCPU_STOPPED;
	table[4].state = VCPU_OFFLINE;
	assert_ptr_equal(sched_pick(table, N, 1, &table[0]), &table[0]);
	table[0].state = VCPU_STOPPED;
	assert_null(sched_pick(table, N, 1, &table[0]));
	/* a CPU with no vCPU at all */
	assert_null(sched_pick(table, N, 0, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_round_robin, setup),
		cmocka_unit_test_setup(test_not_runnable_skipped, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
