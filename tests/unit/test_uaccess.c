// SPDX-License-Identifier: MIT
/*
 * The range check of every hypercall pointer (monitor/core/uaccess.c),
 * with the values a hostile partition would pass: NULL, the info pages,
 * monitor addresses, lengths that wrap, ranges that straddle either end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <public/layout.h>
#include <tessera/errno.h>
#include <tessera/uaccess.h>

#define SIZE	0x200000UL
#define BASE	TESSERA_MEM_BASE
#define END	(BASE + SIZE)

static int check(uint64_t va, uint64_t len)
{
	uint64_t offset = 0xdead;
	int err = uaccess_check(SIZE, va, len, &offset);

	if (err)
		assert_int_equal(offset, 0xdead);	/* untouched */
	else
		assert_int_equal(offset, va - BASE);
	return err;
}

static void test_inside(void **state)
{
	assert_int_equal(check(BASE, 1), 0);
	assert_int_equal(check(BASE, SIZE), 0);
	assert_int_equal(check(END - 1, 1), 0);
	assert_int_equal(check(BASE + 0x1234, 0x100), 0);
	/* an empty range at either end is inside */
	assert_int_equal(check(BASE, 0), 0);
	assert_int_equal(check(END, 0), 0);
}

static void test_outside(void **state)
{
	assert_int_equal(check(0, 1), -EFAULT);
	assert_int_equal(check(0, 0), -EFAULT);
	assert_int_equal(check(TESSERA_START_INFO_ADDR, 16), -EFAULT);
	assert_int_equal(check(TESSERA_SHARED_INFO_ADDR, 16), -EFAULT);
	assert_int_equal(check(BASE - 1, 1), -EFAULT);
	assert_int_equal(check(END, 1), -EFAULT);
	assert_int_equal(check(END + 1, 0), -EFAULT);
	assert_int_equal(check(TESSERA_RING_BASE, 8), -EFAULT);
	assert_int_equal(check(0xffff800000000000UL, 8), -EFAULT);
	assert_int_equal(check(0xffffffff80100000UL, 8), -EFAULT);
}

static void test_straddle(void **state)
{
	assert_int_equal(check(BASE - 1, 2), -EFAULT);
	assert_int_equal(check(END - 1, 2), -EFAULT);
	assert_int_equal(check(BASE, SIZE + 1), -EFAULT);
	assert_int_equal(check(BASE + 1, SIZE), -EFAULT);
}

/* va + len would wrap to a small number inside the memory */
static void test_wrap(void **state)
{
	assert_int_equal(check(BASE + 0x10, UINT64_MAX), -EFAULT);
	assert_int_equal(check(BASE + 0x10, UINT64_MAX - 0xf), -EFAULT);
	assert_int_equal(check(UINT64_MAX, 1), -EFAULT);
	assert_int_equal(check(UINT64_MAX, UINT64_MAX), -EFAULT);
	assert_int_equal(check(UINT64_MAX - BASE, BASE + 0x1000), -EFAULT);
	assert_int_equal(check(BASE, 1UL << 63), -EFAULT);
}

static void test_map(void **state)
{
	static uint8_t mem[SIZE];

	assert_ptr_equal(uaccess_map(mem, SIZE, BASE + 5, 3), mem + 5);
	assert_ptr_equal(uaccess_map(mem, SIZE, END - 3, 3), mem + SIZE - 3);
	assert_null(uaccess_map(mem, SIZE, END - 3, 4));
	assert_null(uaccess_map(mem, SIZE, 0, 4));
	/* a partition of no memory has nothing to pass */
	assert_null(uaccess_map(mem, 0, BASE, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inside),
		cmocka_unit_test(test_outside),
		cmocka_unit_test(test_straddle),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_map),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
