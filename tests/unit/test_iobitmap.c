// SPDX-License-Identifier: MIT
/*
 * Port ranges in an I/O permission bitmap (monitor/arch/x86_64/
 * iobitmap.c): exactly the ports of a range open, around byte
 * boundaries; closing restores them; a range that runs past port 0xffff
 * stops there and never touches the terminating byte; an empty one
 * changes nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <arch/ioport.h>

static uint8_t map[IO_BITMAP_BYTES];

static int setup(void **state)
{
	memset(map, 0xff, sizeof(map));
	return 0;
}

static int is_open(uint32_t port)
{
	return !(map[port / 8] & (1U << (port % 8)));
}

static void assert_open_exactly(uint32_t base, uint32_t end)
{
	for (uint32_t port = 0; port < IO_PORTS; port++)
		assert_int_equal(is_open(port), port >= base && port < end);
	assert_int_equal(map[IO_BITMAP_BYTES - 1], 0xff);
}

static void test_open_and_close(void **state)
{
	iobitmap_set(map, 0x2f8, 8, true);
	assert_open_exactly(0x2f8, 0x300);
	iobitmap_set(map, 0x2f8, 8, false);
	assert_open_exactly(0, 0);
}

/* ranges that start and end inside bytes */
static void test_unaligned(void **state)
{
	iobitmap_set(map, 0x3f5, 11, true);
	assert_open_exactly(0x3f5, 0x400);
	iobitmap_set(map, 0x3f5, 3, false);
	for (uint32_t port = 0x3f0; port < 0x408; port++)
		assert_int_equal(is_open(port), port >= 0x3f8 && port < 0x400);
}

static void test_empty(void **state)
{
	iobitmap_set(map, 0x80, 0, true);
	assert_open_exactly(0, 0);
}

static void test_clamped_at_the_last_port(void **state)
{
	iobitmap_set(map, 0xfff0, 0x100, true);
	assert_open_exactly(0xfff0, IO_PORTS);
	setup(state);
	iobitmap_set(map, 0xfffe, UINT32_MAX, true);
	assert_open_exactly(0xfffe, IO_PORTS);
	setup(state);
	iobitmap_set(map, IO_PORTS, 8, true);
	iobitmap_set(map, UINT32_MAX, 2, true);
	assert_open_exactly(0, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_open_and_close, setup),
		cmocka_unit_test_setup(test_unaligned, setup),
		cmocka_unit_test_setup(test_empty, setup),
		cmocka_unit_test_setup(test_clamped_at_the_last_port, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
