// SPDX-License-Identifier: MIT
/*
 * tessera_sleep_ns (partitions/lib/sleep.c): a deadline from the clock
 * and the length, and one past what 64 bits hold is "never" (UINT64_MAX),
 * not a wrapped time in the past.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../partitions/lib/include/tessera.h"

static uint64_t now, deadline;

uint64_t tessera_now_ns(void)
{
	return now;
}

void tessera_sleep_until(uint64_t ns)
{
	deadline = ns;
}

static void test_deadline(void **state)
{
	now = 1000;
	tessera_sleep_ns(50000000);
	assert_int_equal(deadline, 50001000);
	tessera_sleep_ns(0);
	assert_int_equal(deadline, 1000);
}

static void test_no_wrap(void **state)
{
	now = 123456789;
	tessera_sleep_ns(UINT64_MAX);
	assert_int_equal(deadline, UINT64_MAX);
	tessera_sleep_ns(UINT64_MAX - now);
	assert_int_equal(deadline, UINT64_MAX);
	tessera_sleep_ns(UINT64_MAX - now + 1);
	assert_int_equal(deadline, UINT64_MAX);
	tessera_sleep_ns(UINT64_MAX - now - 1);
	assert_int_equal(deadline, UINT64_MAX - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_no_wrap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
