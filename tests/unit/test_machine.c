// SPDX-License-Identifier: MIT
/*
 * The machine against the board (monitor/core/machine.c): firmware memory
 * maps with RAM missing, holes, unsorted and overlapping entries, firmware
 * memory under a reservation; CPUs missing and extra. Each problem must
 * be one line with the numbers, and counted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <console_capture.h>
#include <tessera/compiler.h>
#include <tessera/machine.h>

/* The qemu-pc board, shortened: two partitions and a ring. */
static const struct tt_range ram[] = {
	{ 0x0, 0x9f000 },
	{ 0x100000, 0x3fedf000 },
};

static const struct tt_cpu cpus[] = {
	{ .apic_id = 0 }, { .apic_id = 1 }, { .apic_id = 2 }, { .apic_id = 3 },
};

static const struct tt_partition partitions[] = {
	{ .name = "alpha", .mem = { 0x2000000, 0x400000 } },
	{ .name = "gamma", .mem = { 0x8000000, 0x200000 } },
};

static const struct tt_channel channels[] = {
	{ .name = "alpha-gamma", .mem = { 0x2600000, 0x2000 } },
};

static const struct tessera_tables board = {
	.monitor = { 0x100000, 0x1f00000 },
	.nr_ram = ARRAY_SIZE(ram),
	.nr_cpus = ARRAY_SIZE(cpus),
	.nr_partitions = ARRAY_SIZE(partitions),
	.nr_channels = ARRAY_SIZE(channels),
	.ram = ram,
	.cpus = cpus,
	.partitions = partitions,
	.channels = channels,
};

#define AVAILABLE	MEMMAP_AVAILABLE
#define RESERVED	MEMMAP_RESERVED

/* What SeaBIOS (QEMU 7.2) reports for `qemu-system-x86_64 -M q35 -m 1024`. */
static const struct memmap_entry qemu_map[] = {
	{ 0x0, 0x9fc00, AVAILABLE },
	{ 0x9fc00, 0x400, RESERVED },
	{ 0xf0000, 0x10000, RESERVED },
	{ 0x100000, 0x3fedf000, AVAILABLE },
	{ 0x3ffdf000, 0x21000, RESERVED },
	{ 0xb0000000, 0x10000000, RESERVED },
	{ 0xfed1c000, 0x4000, RESERVED },
	{ 0xfffc0000, 0x40000, RESERVED },
	{ 0xfd00000000, 0x300000000, RESERVED },
};

static void check_memory(const struct tessera_tables *t,
			 const struct memmap_entry *map, size_t n,
			 int problems, const char *lines)
{
	capture_start();
	assert_int_equal(machine_check_memory(t, map, n), problems);
	assert_string_equal(capture_text(), lines);
}

#define CHECK_MAP(map, problems, lines) \
	check_memory(&board, map, ARRAY_SIZE(map), problems, lines)

static void test_matching_machine(void **state)
{
	CHECK_MAP(qemu_map, 0, "");
}

/* A board that claims the page SeaBIOS keeps at the top of low RAM. */
static void test_board_claims_firmware_page(void **state)
{
	static const struct tt_range greedy_ram[] = {
		{ 0x0, 0x9f000 },
		{ 0x100000, 0x3fee0000 },
	};
	struct tessera_tables t = board;

	t.ram = greedy_ram;
	check_memory(&t, qemu_map, ARRAY_SIZE(qemu_map), 1,
		     "[tessera] board RAM 0x100000-0x3ffe0000 overlaps firmware memory 0x3ffdf000-0x40000000 (type 2, reserved)\n");
}

/* Less RAM than the board says: QEMU started with -m 1023. Lines go in address order. */
static void test_ram_missing_at_top(void **state)
{
	static const struct memmap_entry map[] = {
		{ 0x0, 0x9fc00, AVAILABLE },
		{ 0x100000, 0x3fe00000, AVAILABLE },
		{ 0x3ff00000, 0x20000, RESERVED },
	};

	CHECK_MAP(map, 2,
		  "[tessera] board RAM 0x100000-0x3ffdf000 overlaps firmware memory 0x3ff00000-0x3ff20000 (type 2, reserved)\n"
		  "[tessera] board RAM 0x100000-0x3ffdf000 is not usable RAM on this machine: 0x3ff20000-0x3ffdf000 missing\n");
}

static void test_hole_in_the_middle(void **state)
{
	static const struct memmap_entry map[] = {
		{ 0x0, 0x9fc00, AVAILABLE },
		{ 0x100000, 0x1f00000, AVAILABLE },
		{ 0x3000000, 0x3cfe0000, AVAILABLE },
	};

	CHECK_MAP(map, 3,
		  "[tessera] board RAM 0x100000-0x3ffdf000 is not usable RAM on this machine: 0x2000000-0x3000000 missing\n"
		  "[tessera] partition alpha memory 0x2000000-0x2400000 is not usable RAM on this machine: 0x2000000-0x2400000 missing\n"
		  "[tessera] channel alpha-gamma memory 0x2600000-0x2602000 is not usable RAM on this machine: 0x2600000-0x2602000 missing\n");
}

/*
 * Unsorted, overlapping entries as real firmware gives them: available
 * pieces that overlap or touch make one usable range; a reserved entry
 * inside an available one takes its place there.
 */
static void test_overlapping_entries(void **state)
{
	static const struct memmap_entry map[] = {
		{ 0x8100000, 0x100000, MEMMAP_ACPI_NVS },
		{ 0x1000000, 0x3efe0000, AVAILABLE },
		{ 0x0, 0x9fc00, AVAILABLE },
		{ 0x100000, 0x1000000, AVAILABLE },
		{ 0x800000, 0x1000000, AVAILABLE },
	};

	CHECK_MAP(map, 2,
		  "[tessera] board RAM 0x100000-0x3ffdf000 overlaps firmware memory 0x8100000-0x8200000 (type 4, ACPI NVS)\n"
		  "[tessera] partition gamma memory 0x8000000-0x8200000 overlaps firmware memory 0x8100000-0x8200000 (type 4, ACPI NVS)\n");
}

/* Stretches cut by unrelated entry edges still make one line. */
static void test_one_line_per_stretch(void **state)
{
	static const struct memmap_entry map[] = {
		{ 0x0, 0x9fc00, AVAILABLE },
		{ 0x100000, 0xf00000, AVAILABLE },
		{ 0x1000000, 0x3efe0000, AVAILABLE },
		{ 0x30000000, 0x100000, AVAILABLE },
		{ 0x2f000000, 0x2000000, MEMMAP_BAD },
	};

	CHECK_MAP(map, 1,
		  "[tessera] board RAM 0x100000-0x3ffdf000 overlaps firmware memory 0x2f000000-0x31000000 (type 5, bad memory)\n");
}

/* Firmware memory under the monitor, and a type the checker cannot name. */
static void test_reservation_in_firmware_memory(void **state)
{
	static const struct memmap_entry map[] = {
		{ 0x0, 0x9fc00, AVAILABLE },
		{ 0x100000, 0x3fee0000, AVAILABLE },
		{ 0x1ff0000, 0x10000, 12 },
	};

	CHECK_MAP(map, 2,
		  "[tessera] board RAM 0x100000-0x3ffdf000 overlaps firmware memory 0x1ff0000-0x2000000 (type 12, unknown)\n"
		  "[tessera] monitor 0x100000-0x2000000 overlaps firmware memory 0x1ff0000-0x2000000 (type 12, unknown)\n");
}

/* A bogus entry that claims to run past 2^64 is cut there, not wrapped. */
static void test_entry_past_the_top(void **state)
{
	static const struct memmap_entry map[] = {
		{ 0x0, UINT64_MAX, AVAILABLE },
		{ 0xffffffff00000000, UINT64_MAX, RESERVED },
	};

	CHECK_MAP(map, 0, "");
}

static void test_no_memory_map(void **state)
{
	check_memory(&board, NULL, 0, 6,
		     "[tessera] board RAM 0x0-0x9f000 is not usable RAM on this machine: 0x0-0x9f000 missing\n"
		     "[tessera] board RAM 0x100000-0x3ffdf000 is not usable RAM on this machine: 0x100000-0x3ffdf000 missing\n"
		     "[tessera] monitor 0x100000-0x2000000 is not usable RAM on this machine: 0x100000-0x2000000 missing\n"
		     "[tessera] partition alpha memory 0x2000000-0x2400000 is not usable RAM on this machine: 0x2000000-0x2400000 missing\n"
		     "[tessera] partition gamma memory 0x8000000-0x8200000 is not usable RAM on this machine: 0x8000000-0x8200000 missing\n"
		     "[tessera] channel alpha-gamma memory 0x2600000-0x2602000 is not usable RAM on this machine: 0x2600000-0x2602000 missing\n");
}

/* A reservation outside the board's RAM: the tables themselves are wrong. */
static void test_reservation_outside_board_ram(void **state)
{
	static const struct tt_partition stray[] = {
		{ .name = "alpha", .mem = { 0x2000000, 0x400000 } },
		{ .name = "stray", .mem = { 0x9e000, 0x2000 } },
	};
	struct tessera_tables t = board;

	t.partitions = stray;
	t.nr_partitions = ARRAY_SIZE(stray);
	check_memory(&t, qemu_map, ARRAY_SIZE(qemu_map), 1,
		     "[tessera] partition stray memory 0x9e000-0xa0000 is not inside the board's RAM\n");
}

/* The board's RAM ranges may touch: a reservation across them is inside. */
static void test_reservation_across_touching_ranges(void **state)
{
	static const struct tt_range split_ram[] = {
		{ 0x0, 0x9f000 },
		{ 0x100000, 0x2100000 },
		{ 0x2200000, 0x3dddf000 },
	};
	struct tessera_tables t = board;

	t.ram = split_ram;
	t.nr_ram = ARRAY_SIZE(split_ram);
	check_memory(&t, qemu_map, ARRAY_SIZE(qemu_map), 0, "");
}

static void check_cpus(const uint32_t *ids, size_t n, int problems,
		       const char *lines)
{
	capture_start();
	assert_int_equal(machine_check_cpus(&board, ids, n), problems);
	assert_string_equal(capture_text(), lines);
}

static void test_cpus_present(void **state)
{
	static const uint32_t ids[] = { 2, 0, 3, 1 };

	check_cpus(ids, ARRAY_SIZE(ids), 0, "");
}

static void test_cpu_missing(void **state)
{
	static const uint32_t ids[] = { 0, 1, 2 };

	check_cpus(ids, ARRAY_SIZE(ids), 1,
		   "[tessera] board cpu 3 (APIC id 3) is not present on this machine\n");
	check_cpus(NULL, 0, 4,
		   "[tessera] board cpu 0 (APIC id 0) is not present on this machine\n"
		   "[tessera] board cpu 1 (APIC id 1) is not present on this machine\n"
		   "[tessera] board cpu 2 (APIC id 2) is not present on this machine\n"
		   "[tessera] board cpu 3 (APIC id 3) is not present on this machine\n");
}

/* Extra CPUs are left off: one line, no problem. */
static void test_cpus_extra(void **state)
{
	static const uint32_t ids[] = { 0, 1, 6, 2, 3, 4 };

	check_cpus(ids, ARRAY_SIZE(ids), 0,
		   "[tessera] 2 cpus of this machine are not on the board, left off: APIC ids 6 4\n");
}

/* Many extra CPUs: the list stops at a whole id, the count is exact. */
static void test_cpus_many_extra(void **state)
{
	uint32_t ids[4 + 60] = { 0, 1, 2, 3 };

	for (uint32_t i = 4; i < ARRAY_SIZE(ids); i++)
		ids[i] = 996 + i;
	check_cpus(ids, ARRAY_SIZE(ids), 0,
		   "[tessera] 60 cpus of this machine are not on the board, left off: APIC ids "
		   "1000 1001 1002 1003 1004 1005 1006 1007 1008 1009 1010 1011 ...\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matching_machine),
		cmocka_unit_test(test_board_claims_firmware_page),
		cmocka_unit_test(test_ram_missing_at_top),
		cmocka_unit_test(test_hole_in_the_middle),
		cmocka_unit_test(test_overlapping_entries),
		cmocka_unit_test(test_one_line_per_stretch),
		cmocka_unit_test(test_reservation_in_firmware_memory),
		cmocka_unit_test(test_entry_past_the_top),
		cmocka_unit_test(test_no_memory_map),
		cmocka_unit_test(test_reservation_outside_board_ram),
		cmocka_unit_test(test_reservation_across_touching_ranges),
		cmocka_unit_test(test_cpus_present),
		cmocka_unit_test(test_cpu_missing),
		cmocka_unit_test(test_cpus_extra),
		cmocka_unit_test(test_cpus_many_extra),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
