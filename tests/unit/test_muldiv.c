// SPDX-License-Identifier: MIT
/*
 * mul_div_u64 (monitor/arch/x86_64/include/arch/muldiv.h), which turns
 * counts into rates and microseconds into TSC ticks: exact through the
 * 128-bit product, and right when the compiler sees equal operands (a
 * register-sharing mistake in its constraints once made a 1 s AP timeout
 * into none).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arch/muldiv.h>

static void test_small(void **state)
{
	assert_int_equal(mul_div_u64(6, 7, 3), 14);
	assert_int_equal(mul_div_u64(10, 1, 3), 3);	/* rounds down */
	assert_int_equal(mul_div_u64(0, 12345, 7), 0);
}

/* The product needs more than 64 bits; the quotient does not. */
static void test_wide_product(void **state)
{
	uint64_t tsc_hz = 3000000000ULL, ticks = 40000000000ULL;

	assert_int_equal(mul_div_u64(ticks, 1000000000ULL, tsc_hz), 13333333333ULL);
	assert_int_equal(mul_div_u64(UINT64_MAX, UINT64_MAX, UINT64_MAX), UINT64_MAX);
	assert_int_equal(mul_div_u64(1ULL << 40, 1ULL << 40, 1ULL << 20), 1ULL << 60);
}

/* Constants the compiler can fold into one register, as at the call sites. */
static void test_equal_operands(void **state)
{
	assert_int_equal(mul_div_u64(1000000, 2600000000ULL, 1000000), 2600000000ULL);
	assert_int_equal(mul_div_u64(2600000000ULL, 1000000, 1000000), 2600000000ULL);
	assert_int_equal(mul_div_u64(5, 5, 5), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_wide_product),
		cmocka_unit_test(test_equal_operands),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
