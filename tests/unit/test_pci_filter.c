// SPDX-License-Identifier: MIT
/*
 * The PCI configuration filter (monitor/core/pci_filter.c): every offset
 * of the 256 bytes at every size, which accesses are well-formed and
 * which writes a driver may make; the command register's bits that are
 * the driver's and those the monitor keeps, with and without I/O ports;
 * the status register's write-1-to-clear bits and nothing else.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/errno.h>
#include <tessera/pci_filter.h>

static void test_access_sizes_and_alignment(void **state)
{
	for (uint64_t size = 0; size <= 8; size++) {
		for (uint64_t offset = 0; offset < PCI_CONFIG_SIZE; offset++) {
			int want = (size == 1 || size == 2 || size == 4) &&
				   offset % size == 0 ? 0 : -EINVAL;

			assert_int_equal(pci_filter_access(offset, size), want);
		}
	}
}

static void test_access_out_of_range(void **state)
{
	static const uint64_t offsets[] = {
		PCI_CONFIG_SIZE, PCI_CONFIG_SIZE + 4, 0x1000, 1ULL << 32,
		(1ULL << 32) | 4, 1ULL << 63, UINT64_MAX - 3, UINT64_MAX,
	};

	for (size_t i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++)
		for (uint64_t size = 1; size <= 4; size *= 2)
			assert_int_equal(pci_filter_access(offsets[i], size),
					 -EINVAL);
	/* a size whose low bits look right */
	assert_int_equal(pci_filter_access(0, (1ULL << 32) | 4), -EINVAL);
	assert_int_equal(pci_filter_access(0, UINT64_MAX), -EINVAL);
	assert_int_equal(pci_filter_access(0, -4ULL), -EINVAL);
}

/* Everything but the command and status registers is the monitor's. */
static void test_write_outside_command_and_status(void **state)
{
	for (unsigned int size = 1; size <= 4; size *= 2) {
		for (unsigned int offset = 0; offset < PCI_CONFIG_SIZE;
		     offset += size) {
			uint32_t out = 0x5a5a5a5a;
			int inside = offset >= PCI_COMMAND &&
				     offset + size <= PCI_STATUS + 2;
			int err = pci_filter_write(offset, size, ~0U, 0, &out);

			assert_int_equal(err, inside ? 0 : -EPERM);
			if (!inside)	/* nothing to write */
				assert_int_equal(out, 0x5a5a5a5a);
		}
	}
}

/* Bus master and INTx disable are the driver's; decoding is not. */
static void test_command_bits(void **state)
{
	uint32_t out;

	assert_int_equal(pci_filter_write(PCI_COMMAND, 2, 0xffff, 0, &out), 0);
	assert_int_equal(out, 0x0404);
	/* the monitor's bits keep their value, whatever the driver writes */
	assert_int_equal(pci_filter_write(PCI_COMMAND, 2, 0, 0xffff, &out), 0);
	assert_int_equal(out, 0xfbfb);
	/* memory and I/O decoding neither switch on nor off */
	assert_int_equal(pci_filter_write(PCI_COMMAND, 2, 0x0003, 0x0140,
					  &out), 0);
	assert_int_equal(out, 0x0140);
	assert_int_equal(pci_filter_write(PCI_COMMAND, 2, 0x0004, 0x0143,
					  &out), 0);
	assert_int_equal(out, 0x0147);
}

/* A byte of the command register at a time, each with its own bits. */
static void test_command_bytes(void **state)
{
	uint32_t out;

	assert_int_equal(pci_filter_write(PCI_COMMAND, 1, 0xff, 0x42, &out), 0);
	assert_int_equal(out, 0x46);
	assert_int_equal(pci_filter_write(PCI_COMMAND, 1, 0x00, 0x07, &out), 0);
	assert_int_equal(out, 0x03);
	assert_int_equal(pci_filter_write(PCI_COMMAND + 1, 1, 0xff, 0x01, &out),
			 0);
	assert_int_equal(out, 0x05);
	assert_int_equal(pci_filter_write(PCI_COMMAND + 1, 1, 0x00, 0xff, &out),
			 0);
	assert_int_equal(out, 0xfb);
}

/* Status: only write-1-to-clear bits pass, as ones; zeros elsewhere. */
static void test_status(void **state)
{
	uint32_t out;

	assert_int_equal(pci_filter_write(PCI_STATUS, 2, 0xffff, 0xffff,
					  &out), 0);
	assert_int_equal(out, PCI_STATUS_W1C);
	assert_int_equal(pci_filter_write(PCI_STATUS, 2, 0, 0xffff,
					  &out), 0);
	assert_int_equal(out, 0);
	assert_int_equal(pci_filter_write(PCI_STATUS, 1, 0xff, 0xff,
					  &out), 0);
	assert_int_equal(out, 0);
	assert_int_equal(pci_filter_write(PCI_STATUS + 1, 1, 0xff, 0xff,
					  &out), 0);
	assert_int_equal(out, PCI_STATUS_W1C >> 8);
}

/* The dword at 4: command merged, status cleared bit by bit, together. */
static void test_command_and_status_dword(void **state)
{
	uint32_t out;

	assert_int_equal(pci_filter_write(PCI_COMMAND, 4, 0xffffffff,
					  0x00100140, &out), 0);
	assert_int_equal(out, (uint32_t)PCI_STATUS_W1C << 16 | 0x0544);
	assert_int_equal(pci_filter_write(PCI_COMMAND, 4, 0x00100000,
					  0xffff0000, &out), 0);
	assert_int_equal(out, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_access_sizes_and_alignment),
		cmocka_unit_test(test_access_out_of_range),
		cmocka_unit_test(test_write_outside_command_and_status),
		cmocka_unit_test(test_command_bits),
		cmocka_unit_test(test_command_bytes),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_command_and_status_dword),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
