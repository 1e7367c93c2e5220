// SPDX-License-Identifier: MIT
/* Host tests of the guest library's strtoul, atoi and abs
 * (partitions/lib/stdlib.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <cmocka.h>

/* the library's declarations, not the host's (whose atoi may be inline) */
#include "../../partitions/lib/include/stdlib.h"

/* strtoul's value, and how many bytes of s it took */
static void assert_strtoul(const char *s, int base, unsigned long want,
			   size_t want_taken)
{
	char *end = NULL;

	assert_int_equal(strtoul(s, &end, base), want);
	assert_ptr_equal(end, s + want_taken);
}

static void test_strtoul_decimal(void **state)
{
	assert_strtoul("0", 10, 0, 1);
	assert_strtoul("123", 10, 123, 3);
	assert_strtoul("12abc", 10, 12, 2);
	assert_strtoul("007", 10, 7, 3);
}

static void test_strtoul_space_and_sign(void **state)
{
	assert_strtoul(" \t\n\v\f\r42", 10, 42, 8);
	assert_strtoul("+7", 10, 7, 2);
	assert_strtoul("-1", 10, ULONG_MAX, 2);
	assert_strtoul("-0x10", 0, -16UL, 5);
	assert_strtoul("- 1", 10, 0, 0);
	assert_strtoul("+-1", 10, 0, 0);
}

static void test_strtoul_no_digits_takes_nothing(void **state)
{
	assert_strtoul("", 10, 0, 0);
	assert_strtoul("   ", 10, 0, 0);
	assert_strtoul("-", 10, 0, 0);
	assert_strtoul("abc", 10, 0, 0);
	assert_strtoul("9", 8, 0, 0);
}

static void test_strtoul_base_0_picks_by_prefix(void **state)
{
	assert_strtoul("0x1f", 0, 31, 4);
	assert_strtoul("0X1F", 0, 31, 4);
	assert_strtoul("017", 0, 15, 3);
	assert_strtoul("08", 0, 0, 1);
	assert_strtoul("19", 0, 19, 2);
}

/* "0x" without a hex digit after it is the number 0, then an 'x' */
static void test_strtoul_bare_hex_prefix_is_zero(void **state)
{
	assert_strtoul("0x", 0, 0, 1);
	assert_strtoul("0xg", 0, 0, 1);
	assert_strtoul("0x", 16, 0, 1);
	assert_strtoul(" 0xz", 16, 0, 2);
}

static void test_strtoul_bases(void **state)
{
	assert_strtoul("1f", 16, 31, 2);
	assert_strtoul("0x1f", 16, 31, 4);
	assert_strtoul("ffffffffffffffff", 16, ULONG_MAX, 16);
	assert_strtoul("777", 8, 511, 3);
	assert_strtoul("0x10", 8, 0, 1);
	assert_strtoul("1012", 2, 5, 3);
	assert_strtoul("zZ", 36, 35 * 36 + 35, 2);
	assert_strtoul("0x10", 10, 0, 1);
}

static void test_strtoul_invalid_base_takes_nothing(void **state)
{
	assert_strtoul("1", 1, 0, 0);
	assert_strtoul("1", 37, 0, 0);
	assert_strtoul("1", -1, 0, 0);
}

/* every digit is taken, the value saturates */
static void test_strtoul_overflow_gives_ulong_max(void **state)
{
	assert_strtoul("18446744073709551615", 10, ULONG_MAX, 20);
	assert_strtoul("18446744073709551616", 10, ULONG_MAX, 20);
	assert_strtoul("99999999999999999999999x", 10, ULONG_MAX, 23);
	assert_strtoul("-18446744073709551616", 10, ULONG_MAX, 21);
	assert_strtoul("0x10000000000000000", 0, ULONG_MAX, 19);
}

static void test_strtoul_endptr_may_be_null(void **state)
{
	assert_int_equal(strtoul("42", NULL, 10), 42);
	assert_int_equal(strtoul("x", NULL, 10), 0);
}

static void test_atoi(void **state)
{
	assert_int_equal(atoi("42"), 42);
	assert_int_equal(atoi("-42"), -42);
	assert_int_equal(atoi("  +7x"), 7);
	assert_int_equal(atoi(""), 0);
	assert_int_equal(atoi("abc"), 0);
	assert_int_equal(atoi("0x10"), 0);
	assert_int_equal(atoi("010"), 10);
}

static void test_atoi_saturates_at_the_int_range(void **state)
{
	assert_int_equal(atoi("2147483647"), INT_MAX);
	assert_int_equal(atoi("2147483648"), INT_MAX);
	assert_int_equal(atoi("-2147483648"), INT_MIN);
	assert_int_equal(atoi("-2147483649"), INT_MIN);
	assert_int_equal(atoi("99999999999999999999999"), INT_MAX);
	assert_int_equal(atoi("-99999999999999999999999"), INT_MIN);
}

static void test_abs(void **state)
{
	assert_int_equal(abs(-5), 5);
	assert_int_equal(abs(5), 5);
	assert_int_equal(abs(0), 0);
	assert_int_equal(abs(-INT_MAX), INT_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strtoul_decimal),
		cmocka_unit_test(test_strtoul_space_and_sign),
		cmocka_unit_test(test_strtoul_no_digits_takes_nothing),
		cmocka_unit_test(test_strtoul_base_0_picks_by_prefix),
		cmocka_unit_test(test_strtoul_bare_hex_prefix_is_zero),
		cmocka_unit_test(test_strtoul_bases),
		cmocka_unit_test(test_strtoul_invalid_base_takes_nothing),
		cmocka_unit_test(test_strtoul_overflow_gives_ulong_max),
		cmocka_unit_test(test_strtoul_endptr_may_be_null),
		cmocka_unit_test(test_atoi),
		cmocka_unit_test(test_atoi_saturates_at_the_int_range),
		cmocka_unit_test(test_abs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
