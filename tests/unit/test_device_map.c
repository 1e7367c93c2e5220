// SPDX-License-Identifier: MIT
/*
 * A partition's devices and their windows (monitor/core/device_map.c):
 * its own devices only, in DTS order, at most TESSERA_MAX_DEVICES; the
 * MMIO windows one after another from TESSERA_MMIO_BASE with a guard
 * page between, 2 MiB-aligned when that large, and none mapped whose
 * size is not whole pages or which would end past the partition's half;
 * the first IRQ port after the channel ends; "pciVVVV,DDDD" and nothing
 * else as a function's identity.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <public/layout.h>
#include <tessera/device_map.h>

#define OWNER		1
#define NR_OWN		(TESSERA_MAX_DEVICES + 2)

static const struct tt_channel channels[] = {
	{ .name = "a", .frontend = 0, .backend = OWNER, .mem = { 0x7000000, 0x2000 } },
	{ .name = "b", .frontend = 0, .backend = 2, .mem = { 0x7100000, 0x2000 } },
	{ .name = "c", .frontend = OWNER, .backend = 2, .mem = { 0x7200000, 0x2000 } },
};

static struct tt_device devices[2 + NR_OWN];

static struct tessera_tables t = {
	.nr_channels = 3, .channels = channels,
	.nr_devices = sizeof(devices) / sizeof(devices[0]), .devices = devices,
};

/* The monitor's, another partition's, then NR_OWN of OWNER's, in order. */
static int setup(void **state)
{
	devices[0] = (struct tt_device){ .name = "monitor's", .owner = TT_MONITOR,
					 .nr_mmio = 1, .mmio = { { 0xfec00000, 0x1000 } } };
	devices[1] = (struct tt_device){ .name = "other's", .owner = 2,
					 .nr_mmio = 1, .mmio = { { 0xfe000000, 0x1000 } } };
	for (unsigned int i = 0; i < NR_OWN; i++)
		devices[2 + i] = (struct tt_device){ .owner = OWNER,
						     .name = { (char)('a' + i) } };
	return 0;
}

static void test_own_devices_in_order_and_bounded(void **state)
{
	const struct tt_device *list[TESSERA_MAX_DEVICES];

	assert_int_equal(device_list(&t, OWNER, list), TESSERA_MAX_DEVICES);
	for (unsigned int i = 0; i < TESSERA_MAX_DEVICES; i++)
		assert_ptr_equal(list[i], &devices[2 + i]);
	assert_int_equal(device_list(&t, 2, list), 1);
	assert_ptr_equal(list[0], &devices[1]);
	assert_int_equal(device_list(&t, 0, list), 0);
}

static void test_resource_counts_bounded(void **state)
{
	assert_int_equal(device_res(0), 0);
	assert_int_equal(device_res(TESSERA_DEVICE_RES_MAX),
			 TESSERA_DEVICE_RES_MAX);
	assert_int_equal(device_res(TESSERA_DEVICE_RES_MAX + 1),
			 TESSERA_DEVICE_RES_MAX);
	assert_int_equal(device_res(255), TESSERA_DEVICE_RES_MAX);
}

static void test_windows_with_guard_pages(void **state)
{
	struct device_window w[DEVICE_MAX_WINDOWS];

	devices[2].nr_mmio = 2;
	devices[2].mmio[0] = (struct tt_range){ 0xe0000000, 0x4000 };
	devices[2].mmio[1] = (struct tt_range){ 0xe0010000, 0x1000 };
	devices[4].nr_mmio = 1;
	devices[4].mmio[0] = (struct tt_range){ 0xd0000000, 0x400000 };
	devices[5].nr_mmio = 9;		/* bounded at TESSERA_DEVICE_RES_MAX */
	for (unsigned int j = 0; j < TESSERA_DEVICE_RES_MAX; j++)
		devices[5].mmio[j] = (struct tt_range){ 0xc0000000 + j * 0x1000,
							0x1000 };
	assert_int_equal(device_windows(&t, OWNER, w), 3 + TESSERA_DEVICE_RES_MAX);
	assert_int_equal(w[0].va, TESSERA_MMIO_BASE);
	assert_int_equal(w[0].pa, 0xe0000000);
	assert_int_equal(w[0].size, 0x4000);
	assert_int_equal(w[1].va, TESSERA_MMIO_BASE + 0x5000);
	assert_int_equal(w[1].pa, 0xe0010000);
	/* 4 MiB: at the next 2 MiB boundary, for large pages */
	assert_int_equal(w[2].va, TESSERA_MMIO_BASE + 0x200000);
	assert_int_equal(w[2].size, 0x400000);
	assert_int_equal(w[3].va, TESSERA_MMIO_BASE + 0x601000);
	assert_int_equal(w[4].va, TESSERA_MMIO_BASE + 0x603000);
	/* another partition's window is its own, from the same base */
	assert_int_equal(device_windows(&t, 2, w), 1);
	assert_int_equal(w[0].va, TESSERA_MMIO_BASE);
	assert_int_equal(w[0].pa, 0xfe000000);
}

/* Not whole pages, or past TESSERA_USER_TOP: size 0, nothing mapped. */
static void test_windows_refused(void **state)
{
	struct device_window w[DEVICE_MAX_WINDOWS];
	uint64_t span = TESSERA_USER_TOP - TESSERA_MMIO_BASE;

	devices[2].nr_mmio = 4;
	devices[2].mmio[0] = (struct tt_range){ 0xe0000000, 0x400 };
	devices[2].mmio[1] = (struct tt_range){ 0, span };
	devices[2].mmio[2] = (struct tt_range){ 0, UINT64_MAX & ~0xfffULL };
	devices[2].mmio[3] = (struct tt_range){ 0xe0001000, 0x1000 };
	assert_int_equal(device_windows(&t, OWNER, w), 4);
	assert_int_equal(w[0].size, 0);
	assert_int_equal(w[1].size, 0);
	assert_int_equal(w[2].size, 0);
	/* the refused take no room */
	assert_int_equal(w[3].va, TESSERA_MMIO_BASE);
	assert_int_equal(w[3].size, 0x1000);
	/* the largest that fits, with its guard page */
	devices[2].nr_mmio = 1;
	devices[2].mmio[0] = (struct tt_range){ 0, span - 0x200000 };
	assert_int_equal(device_windows(&t, OWNER, w), 1);
	assert_int_equal(w[0].size, span - 0x200000);
}

static void test_first_port_after_channel_ends(void **state)
{
	assert_int_equal(device_first_port(&t, OWNER), 2);
	assert_int_equal(device_first_port(&t, 2), 2);
	assert_int_equal(device_first_port(&t, 3), 0);
}

static void test_pci_ids(void **state)
{
	uint16_t vendor = 0, device = 0;

	assert_true(device_pci_ids("pci1af4,1041", &vendor, &device));
	assert_int_equal(vendor, 0x1af4);
	assert_int_equal(device, 0x1041);
	assert_true(device_pci_ids("pci8086,10d3", &vendor, &device));
	assert_int_equal(vendor, 0x8086);
	assert_int_equal(device, 0x10d3);
	assert_false(device_pci_ids("pci1AF4,1041", &vendor, &device));
	assert_false(device_pci_ids("pci1af4,10411", &vendor, &device));
	assert_false(device_pci_ids("pci1af4,104", &vendor, &device));
	assert_false(device_pci_ids("pci1af,1041", &vendor, &device));
	assert_false(device_pci_ids("pci1af4;1041", &vendor, &device));
	assert_false(device_pci_ids("pciclass,0200", &vendor, &device));
	assert_false(device_pci_ids("ns16550a", &vendor, &device));
	assert_false(device_pci_ids("pci", &vendor, &device));
	assert_false(device_pci_ids("", &vendor, &device));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_own_devices_in_order_and_bounded, setup),
		cmocka_unit_test(test_resource_counts_bounded),
		cmocka_unit_test_setup(test_windows_with_guard_pages, setup),
		cmocka_unit_test_setup(test_windows_refused, setup),
		cmocka_unit_test_setup(test_first_port_after_channel_ends, setup),
		cmocka_unit_test(test_pci_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
