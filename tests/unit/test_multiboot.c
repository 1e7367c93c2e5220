// SPDX-License-Identifier: MIT
/*
 * The multiboot memory map (monitor/arch/x86_64/multiboot.c): what a
 * loader hands over becomes memmap entries, and a malformed map is
 * refused rather than half-read. "Physical memory" is one buffer here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <arch/multiboot.h>
#include <tessera/errno.h>

#define MMAP_PA	0x9000		/* where the test's map "is" */

static uint8_t mmap[512];
static struct multiboot_info info;
static struct memmap_entry map[8];

static const void *test_phys(uint64_t pa, size_t len)
{
	if (pa < MMAP_PA || pa + len > MMAP_PA + sizeof(mmap))
		return NULL;
	return mmap + (pa - MMAP_PA);
}

/* Appends an entry whose size field is `size` (20 for a plain one). */
static void add(uint32_t size, uint64_t base, uint64_t length, uint32_t type)
{
	struct multiboot_mmap_entry e = { size, base, length, type };

	memcpy(mmap + info.mmap_length, &e, sizeof(e));
	info.mmap_length += sizeof(uint32_t) + size;
}

static int setup(void **state)
{
	memset(mmap, 0, sizeof(mmap));
	memset(map, 0, sizeof(map));
	info = (struct multiboot_info){
		.flags = MULTIBOOT_INFO_MEM_MAP,
		.mmap_addr = MMAP_PA,
	};
	return 0;
}

static int parse(void)
{
	return multiboot_memmap(&info, test_phys, map, 8);
}

/* QEMU's map: entries in order, types kept or folded into reserved. */
static void test_qemu_map(void **state)
{
	add(20, 0x0, 0x9fc00, 1);
	add(20, 0x9fc00, 0x400, 2);
	add(20, 0x100000, 0x3fedf000, 1);
	add(20, 0x3ffdf000, 0x21000, 3);
	add(20, 0xfffc0000, 0x40000, 4);
	add(20, 0xfd00000000, 0x300000000, 5);
	add(20, 0xfed1c000, 0x4000, 12);	/* e.g. persistent memory */
	assert_int_equal(parse(), 7);
	assert_int_equal(map[0].base, 0);
	assert_int_equal(map[0].size, 0x9fc00);
	assert_int_equal(map[0].type, MEMMAP_AVAILABLE);
	assert_int_equal(map[1].type, MEMMAP_RESERVED);
	assert_int_equal(map[2].base, 0x100000);
	assert_int_equal(map[2].size, 0x3fedf000);
	assert_int_equal(map[3].type, MEMMAP_ACPI_RECLAIMABLE);
	assert_int_equal(map[4].type, MEMMAP_ACPI_NVS);
	assert_int_equal(map[5].base, 0xfd00000000);
	assert_int_equal(map[5].type, MEMMAP_BAD);
	assert_int_equal(map[6].type, MEMMAP_RESERVED);
}

/* A larger size field is a newer loader's longer entry: skipped over. */
static void test_longer_entries(void **state)
{
	add(28, 0x1000, 0x2000, 1);
	add(20, 0x100000, 0x1000, 1);
	assert_int_equal(parse(), 2);
	assert_int_equal(map[0].base, 0x1000);
	assert_int_equal(map[1].base, 0x100000);
}

static void test_empty_entries_left_out(void **state)
{
	add(20, 0x1000, 0, 1);
	add(20, 0x2000, 0x1000, 1);
	assert_int_equal(parse(), 1);
	assert_int_equal(map[0].base, 0x2000);
}

static void test_no_map(void **state)
{
	info.flags = 0;
	assert_int_equal(parse(), -ENOENT);
	assert_int_equal(multiboot_memmap(NULL, test_phys, map, 8), -ENOENT);
}

static void test_map_outside_memory(void **state)
{
	add(20, 0x1000, 0x1000, 1);
	info.mmap_addr = 0x100;
	assert_int_equal(parse(), -EINVAL);
}

static void test_entry_too_short(void **state)
{
	add(20, 0x1000, 0x1000, 1);
	add(16, 0x2000, 0x1000, 1);
	assert_int_equal(parse(), -EINVAL);
}

/* The last entry claims more bytes than the map has. */
static void test_entry_past_the_end(void **state)
{
	add(20, 0x1000, 0x1000, 1);
	add(20, 0x2000, 0x1000, 1);
	info.mmap_length -= 4;
	assert_int_equal(parse(), -EINVAL);
	info.mmap_length += 4;
	((struct multiboot_mmap_entry *)(mmap + 24))->size = 24;
	assert_int_equal(parse(), -EINVAL);
}

static void test_too_many_entries(void **state)
{
	for (int i = 0; i < 9; i++)
		add(20, 0x1000 * i, 0x1000, 1);
	assert_int_equal(parse(), -E2BIG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_qemu_map, setup),
		cmocka_unit_test_setup(test_longer_entries, setup),
		cmocka_unit_test_setup(test_empty_entries_left_out, setup),
		cmocka_unit_test_setup(test_no_map, setup),
		cmocka_unit_test_setup(test_map_outside_memory, setup),
		cmocka_unit_test_setup(test_entry_too_short, setup),
		cmocka_unit_test_setup(test_entry_past_the_end, setup),
		cmocka_unit_test_setup(test_too_many_entries, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
