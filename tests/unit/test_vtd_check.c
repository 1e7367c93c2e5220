// SPDX-License-Identifier: MIT
/*
 * The board's VT-d units against the firmware's DMAR
 * (monitor/drivers/vtd_check.c): QEMU's DMAR on the qemu-pc board
 * passes; firmware that moves, adds or hides a unit, or leaves a
 * partition's function outside every unit, is refused with the reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <drivers/vtd.h>
#include <tessera/errno.h>
#include <tessera/string.h>

#define UNIT	0xfed90000

static struct tt_partition partitions[] = {
	{ .name = "disk", .mem = { 0x2000000, 0x200000 } },
};

static struct tt_device devices[] = {
	{ .name = "iommu@fed90000", .compatible = "intel,vtd",
	  .owner = TT_MONITOR, .nr_mmio = 1, .mmio = { { UNIT, 0x1000 } } },
	{ .name = "disk@4", .compatible = "pci1af4,1042", .owner = 0,
	  .flags = TESSERA_DEVICE_PCI, .pci_bdf = TESSERA_PCI_BDF(0, 4, 0) },
	{ .name = "ethernet@3", .compatible = "pci1af4,1041",
	  .owner = TT_NONE, .flags = TESSERA_DEVICE_PCI,
	  .pci_bdf = TESSERA_PCI_BDF(0, 3, 0) },
};

static struct tessera_tables tables = {
	.board = "qemu-pc",
	.nr_partitions = 1, .partitions = partitions,
	.nr_devices = 3, .devices = devices,
};

/* As acpi_read_dmar reads QEMU 7.2's: one unit naming bus 0's functions. */
static const struct acpi_dmar_info qemu = {
	.address_bits = 39, .flags = 1,
	.nr_drhds = 1, .drhds = { { UNIT, 0, 0 } },
	.nr_scopes = 3, .scopes = {
		{ TESSERA_PCI_BDF(0, 0, 0), ACPI_SCOPE_PCI_ENDPOINT, 0 },
		{ TESSERA_PCI_BDF(0, 4, 0), ACPI_SCOPE_PCI_ENDPOINT, 0 },
		{ TESSERA_PCI_BDF(0, 0x1f, 0), ACPI_SCOPE_PCI_ENDPOINT, 0 },
	},
};

static struct acpi_dmar_info dmar;
static char why[160];

static int setup(void **state)
{
	dmar = qemu;
	memset(why, 0, sizeof(why));
	return 0;
}

static void assert_refused(const char *reason)
{
	assert_int_equal(vtd_check_dmar(&tables, &dmar, why, sizeof(why)),
			 -ENODEV);
	assert_string_equal(why, reason);
}

static void test_qemu_is_the_board(void **state)
{
	assert_ptr_equal(vtd_declared(&tables), &devices[0]);
	assert_int_equal(vtd_check_dmar(&tables, &dmar, why, sizeof(why)), 0);

	/* INCLUDE_PCI_ALL covers what no scope names */
	dmar.nr_scopes = 0;
	dmar.drhds[0].flags = ACPI_DRHD_INCLUDE_PCI_ALL;
	assert_int_equal(vtd_check_dmar(&tables, &dmar, why, sizeof(why)), 0);
}

static void test_unit_elsewhere(void **state)
{
	dmar.drhds[0].address = UNIT + 0x1000;
	assert_refused("the board's VT-d unit at 0xfed90000 is not in the "
		       "firmware's ACPI DMAR");
}

static void test_unit_the_board_lacks(void **state)
{
	dmar.drhds[1] = (struct acpi_drhd){ 0xfed80000, 0, 0 };
	dmar.nr_drhds = 2;
	assert_refused("the ACPI DMAR lists a VT-d unit at 0xfed80000 (PCI "
		       "segment 0) that the board does not declare");
}

/* The right address, another PCI segment: not the unit of segment 0. */
static void test_unit_of_another_segment(void **state)
{
	dmar.drhds[0].segment = 1;
	assert_refused("the ACPI DMAR lists a VT-d unit at 0xfed90000 (PCI "
		       "segment 1) that the board does not declare");
}

static void test_partitions_function_uncovered(void **state)
{
	dmar.scopes[1].bdf = TESSERA_PCI_BDF(0, 5, 0);
	assert_refused("PCI function 00:04.0 (disk@4) is behind no VT-d unit "
		       "of the ACPI DMAR");

	/* a bridge of that number is no endpoint */
	dmar.scopes[1] = (struct acpi_dmar_device){
		TESSERA_PCI_BDF(0, 4, 0), ACPI_SCOPE_PCI_BRIDGE, 0 };
	assert_refused("PCI function 00:04.0 (disk@4) is behind no VT-d unit "
		       "of the ACPI DMAR");
}

/* ethernet@3, in no scope, passes as nobody's: it gets no context entry. */
static void test_only_owned_functions_need_a_unit(void **state)
{
	devices[2].owner = 0;
	assert_refused("PCI function 00:03.0 (ethernet@3) is behind no VT-d "
		       "unit of the ACPI DMAR");
	devices[2].owner = TT_NONE;
}

static void test_board_without_unit(void **state)
{
	struct tessera_tables none = tables;

	none.devices = &devices[1];
	none.nr_devices = 2;
	assert_null(vtd_declared(&none));
}

#define TEST(t)	cmocka_unit_test_setup(t, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_qemu_is_the_board),
		TEST(test_unit_elsewhere),
		TEST(test_unit_the_board_lacks),
		TEST(test_unit_of_another_segment),
		TEST(test_partitions_function_uncovered),
		TEST(test_only_owned_functions_need_a_unit),
		TEST(test_board_without_unit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
