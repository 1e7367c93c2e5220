// SPDX-License-Identifier: MIT
/*
 * Ranges less holes (monitor/arch/x86_64/memrange.c), as the monitor's
 * direct map takes the board's RAM less its reservations.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arch/memrange.h>

static struct tt_range got[8];
static size_t nr_got;

static void collect(uint64_t base, uint64_t size, void *ctx)
{
	assert_true(nr_got < 8);
	got[nr_got++] = (struct tt_range){ base, size };
	(*(int *)ctx)++;
}

static void subtract(uint64_t base, uint64_t size, const struct tt_range *holes,
		     size_t nr)
{
	struct tt_range r = { base, size };
	int calls = 0;

	nr_got = 0;
	memrange_subtract(&r, holes, nr, collect, &calls);
	assert_int_equal(calls, nr_got);
}

static void assert_got(size_t i, uint64_t base, uint64_t size)
{
	assert_true(i < nr_got);
	assert_int_equal(got[i].base, base);
	assert_int_equal(got[i].size, size);
}

/* The qemu-pc board: RAM above 1 MiB less the monitor's 31 MiB. */
static void test_board_ram(void **state)
{
	const struct tt_range reserved[] = {
		{ 0x0, 0x100000 }, { 0x100000, 0x1f00000 },
	};

	subtract(0x0, 0x9f000, reserved, 2);
	assert_int_equal(nr_got, 0);
	subtract(0x100000, 0x3fedf000, reserved, 2);
	assert_int_equal(nr_got, 1);
	assert_got(0, 0x2000000, 0x3dfdf000);
}

static void test_no_holes(void **state)
{
	subtract(0x1000, 0x5000, NULL, 0);
	assert_int_equal(nr_got, 1);
	assert_got(0, 0x1000, 0x5000);
}

static void test_holes_inside_and_at_the_ends(void **state)
{
	const struct tt_range holes[] = {
		{ 0x0, 0x2000 },	/* covers the start */
		{ 0x4000, 0x1000 },	/* inside */
		{ 0x8000, 0x10000 },	/* covers the end */
	};

	subtract(0x1000, 0x9000, holes, 3);
	assert_int_equal(nr_got, 2);
	assert_got(0, 0x2000, 0x2000);
	assert_got(1, 0x5000, 0x3000);
}

static void test_holes_outside_and_overlapping(void **state)
{
	const struct tt_range holes[] = {
		{ 0x0, 0x1000 },	/* before */
		{ 0x3000, 0x2000 },
		{ 0x4000, 0x3000 },	/* overlaps the previous */
		{ 0x5000, 0x1000 },	/* inside the previous */
		{ 0x20000, 0x1000 },	/* after */
	};

	subtract(0x2000, 0x8000, holes, 5);
	assert_int_equal(nr_got, 2);
	assert_got(0, 0x2000, 0x1000);
	assert_got(1, 0x7000, 0x3000);
}

static void test_all_covered(void **state)
{
	const struct tt_range holes[] = { { 0x0, 0x100000 } };

	subtract(0x1000, 0x2000, holes, 1);
	assert_int_equal(nr_got, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_board_ram),
		cmocka_unit_test(test_no_holes),
		cmocka_unit_test(test_holes_inside_and_at_the_ends),
		cmocka_unit_test(test_holes_outside_and_overlapping),
		cmocka_unit_test(test_all_covered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
