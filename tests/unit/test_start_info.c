// SPDX-License-Identifier: MIT
/*
 * The start-info page from the domain tables (monitor/core/start_info.c):
 * identity, memory, bootargs, each partition's own ends of its channels
 * and its own devices only, and every other byte zero.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <public/layout.h>
#include <public/version.h>
#include <tessera/start_info.h>

static const struct tt_partition partitions[] = {
	{ .name = "web", .program = "httpd", .bootargs = "port=80 root=/",
	  .mem = { 0x4000000, 0x2000000 }, .first_vcpu = 0, .nr_vcpus = 2 },
	{ .name = "net", .program = "netd", .mem = { 0x6000000, 0x400000 },
	  .first_vcpu = 2, .nr_vcpus = 1 },
};

static const struct tt_channel channels[] = {
	{ .name = "web-net", .frontend = 0, .backend = 1, .slots = 64,
	  .slot_size = 2048, .frontend_port = 0, .backend_port = 0,
	  .mem = { 0x7000000, 0x21000 } },
	{ .name = "web-log", .frontend = 0, .backend = 1, .slots = 16,
	  .slot_size = 256, .frontend_port = 1, .backend_port = 1,
	  .mem = { 0x7100000, 0x2000 } },
};

static const struct tt_device devices[] = {
	{ .name = "serial@3f8", .compatible = "ns16550a", .owner = TT_MONITOR,
	  .nr_ports = 1, .nr_irqs = 1, .ports = { { 0x3f8, 8 } },
	  .irqs = { 4 } },
	{ .name = "nic@fe000000", .compatible = "intel,e1000", .owner = 1,
	  .nr_ports = 1, .nr_mmio = 1, .nr_irqs = 2,
	  .ports = { { 0xc000, 0x40 } }, .mmio = { { 0xfe000000, 0x20000 } },
	  .irqs = { 11, 12 } },
};

static const struct tessera_tables t = {
	.nr_partitions = 2,
	.nr_channels = 2,
	.nr_devices = 2,
	.partitions = partitions,
	.channels = channels,
	.devices = devices,
};

static struct tessera_start_info si;

static void test_identity_and_memory(void **state)
{
	memset(&si, 0xa5, sizeof(si));
	start_info_fill(&si, &t, 0);
	assert_int_equal(si.magic, TESSERA_START_INFO_MAGIC);
	assert_int_equal(si.abi_version, TESSERA_ABI_VERSION);
	assert_int_equal(si.size, sizeof(si));
	assert_int_equal(si.features, TESSERA_FEATURE_TIME | TESSERA_FEATURE_TIMER |
				      TESSERA_FEATURE_ACCOUNTING |
				      TESSERA_FEATURE_RINGS |
				      TESSERA_FEATURE_EVENTS);
	assert_int_equal(si.partition_id, 0);
	assert_int_equal(si.nr_vcpus, 2);
	assert_string_equal(si.name, "web");
	assert_string_equal(si.program, "httpd");
	assert_int_equal(si.mem_base, TESSERA_MEM_BASE);
	assert_int_equal(si.mem_size, 0x2000000);
	assert_string_equal(si.bootargs, "port=80 root=/");
	assert_int_equal(si.bootargs_len, 14);
	assert_int_equal(si.dma_base, 0);
	assert_int_equal(si.nr_devices, 0);
	for (size_t i = 0; i < sizeof(si.reserved); i++)
		assert_int_equal(si.reserved[i], 0);
}

static void test_channel_ends(void **state)
{
	start_info_fill(&si, &t, 0);
	assert_int_equal(si.nr_channels, 2);
	assert_string_equal(si.channels[0].name, "web-net");
	assert_int_equal(si.channels[0].ring, TESSERA_RING_BASE);
	assert_int_equal(si.channels[0].ring_bytes, 0x21000);
	assert_int_equal(si.channels[0].slots, 64);
	assert_int_equal(si.channels[0].slot_size, 2048);
	assert_int_equal(si.channels[0].role, TESSERA_ROLE_FRONTEND);
	/* the next ring after an unmapped guard page */
	assert_int_equal(si.channels[1].ring, TESSERA_RING_BASE + 0x22000);
	assert_int_equal(si.channels[1].port, 1);

	start_info_fill(&si, &t, 1);
	assert_int_equal(si.nr_channels, 2);
	assert_int_equal(si.channels[0].role, TESSERA_ROLE_BACKEND);
	assert_int_equal(si.channels[1].port, 1);
}

/* the monitor's devices and another partition's are not listed */
static void test_own_devices_only(void **state)
{
	start_info_fill(&si, &t, 1);
	assert_int_equal(si.nr_devices, 1);
	assert_string_equal(si.devices[0].name, "nic@fe000000");
	assert_string_equal(si.devices[0].compatible, "intel,e1000");
	assert_int_equal(si.devices[0].nr_ports, 1);
	assert_int_equal(si.devices[0].ports[0].base, 0xc000);
	assert_int_equal(si.devices[0].ports[0].count, 0x40);
	assert_int_equal(si.devices[0].mmio[0].addr, TESSERA_MMIO_BASE);
	assert_int_equal(si.devices[0].mmio[0].size, 0x20000);
	/* IRQ ports follow the partition's two channel ends */
	assert_int_equal(si.devices[0].irqs[0].irq, 11);
	assert_int_equal(si.devices[0].irqs[0].port, 2);
	assert_int_equal(si.devices[0].irqs[1].port, 3);
	assert_int_equal(si.dma_base, 0x6000000);
	assert_string_equal(si.bootargs, "");
	assert_int_equal(si.bootargs_len, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identity_and_memory),
		cmocka_unit_test(test_channel_ends),
		cmocka_unit_test(test_own_devices_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
