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
#include "iommu_stub.h"

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
	  .mem = { 0x7100000, 0x2000 }, .kind = TESSERA_CHANNEL_BLOCK,
	  .params = { .blk = { .nr_sectors = 2048 } } },
};

static const struct tt_device devices[] = {
	{ .name = "serial@3f8", .compatible = "ns16550a", .owner = TT_MONITOR,
	  .nr_ports = 1, .nr_irqs = 1, .ports = { { 0x3f8, 8 } },
	  .irqs = { 4 } },
	{ .name = "nic@fe000000", .compatible = "intel,e1000", .owner = 1,
	  .nr_ports = 1, .nr_mmio = 1, .nr_irqs = 2,
	  .ports = { { 0xc000, 0x40 } }, .mmio = { { 0xfe000000, 0x20000 } },
	  .irqs = { 11, 12 } },
	/* a PCI function: a small BAR, then one of 2 MiB, 2 MiB-aligned */
	{ .name = "ethernet@3", .compatible = "pci1af4,1041", .owner = 1,
	  .nr_mmio = 2, .nr_irqs = 1, .flags = TESSERA_DEVICE_PCI,
	  .pci_bdf = TESSERA_PCI_BDF(0, 3, 0),
	  .mmio = { { 0xe0000000, 0x4000 }, { 0xe0200000, 0x200000 } },
	  .mmio_bar = { 4, 2 }, .irqs = { 23 },
	  .irq_flags = { TESSERA_IRQ_LEVEL } },
};

static const struct tessera_tables t = {
	.nr_partitions = 2,
	.nr_channels = 2,
	.nr_devices = 3,
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
				      TESSERA_FEATURE_EVENTS |
				      TESSERA_FEATURE_DEVICES |
				      TESSERA_FEATURE_UPCALLS);
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

/* each end sees its channel's kind and parameters, at the channel's index */
static void test_channel_kind_and_params(void **state)
{
	static const uint8_t zero[sizeof(si.params[0])];

	for (unsigned int id = 0; id < 2; id++) {
		start_info_fill(&si, &t, id);
		assert_int_equal(si.channels[0].kind, TESSERA_CHANNEL_RING);
		assert_memory_equal(&si.params[0], zero, sizeof(zero));
		assert_int_equal(si.channels[1].kind, TESSERA_CHANNEL_BLOCK);
		assert_int_equal(si.params[1].blk.nr_sectors, 2048);
		assert_memory_equal(&si.params[2], zero, sizeof(zero));
	}
}

/* the monitor's devices and another partition's are not listed */
static void test_own_devices_only(void **state)
{
	start_info_fill(&si, &t, 1);
	assert_int_equal(si.nr_devices, 2);
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
	assert_int_equal(si.devices[0].irqs[0].flags, 0);
	assert_int_equal(si.devices[0].flags, 0);
	assert_int_equal(si.devices[0].mmio_bar[0], 0);
	for (unsigned int j = 1; j < TESSERA_DEVICE_RES_MAX; j++)
		assert_int_equal(si.devices[0].mmio_bar[j], TESSERA_NO_BAR);
	assert_int_equal(si.dma_base, 0x6000000);
	assert_string_equal(si.bootargs, "");
	assert_int_equal(si.bootargs_len, 0);
}

/* with the IOMMU translating, devices see the memory where the partition
 * does, and the feature says DMA is confined */
static void test_dma_through_the_iommu(void **state)
{
	iommu_stub_translating = true;
	start_info_fill(&si, &t, 1);
	iommu_stub_translating = false;
	assert_int_equal(si.dma_base, TESSERA_MEM_BASE);
	assert_true(si.features & TESSERA_FEATURE_IOMMU);
	start_info_fill(&si, &t, 0);
	assert_int_equal(si.dma_base, 0);
}

/* a PCI function: its BDF, BARs and level IRQ; windows after guard pages */
static void test_pci_device(void **state)
{
	const struct tessera_device_info *di = &si.devices[1];

	start_info_fill(&si, &t, 1);
	assert_string_equal(di->name, "ethernet@3");
	assert_int_equal(di->flags, TESSERA_DEVICE_PCI);
	assert_int_equal(di->pci_bdf, 0x18);
	assert_int_equal(di->nr_ports, 0);
	assert_int_equal(di->nr_mmio, 2);
	/* after the e1000's 0x20000 bytes and a guard page */
	assert_int_equal(di->mmio[0].addr, TESSERA_MMIO_BASE + 0x21000);
	assert_int_equal(di->mmio[0].size, 0x4000);
	assert_int_equal(di->mmio_bar[0], 4);
	/* the next 2 MiB boundary past the guard page, for a large page */
	assert_int_equal(di->mmio[1].addr, TESSERA_MMIO_BASE + 0x200000);
	assert_int_equal(di->mmio[1].size, 0x200000);
	assert_int_equal(di->mmio_bar[1], 2);
	assert_int_equal(di->mmio_bar[2], TESSERA_NO_BAR);
	assert_int_equal(di->irqs[0].irq, 23);
	assert_int_equal(di->irqs[0].port, 4);
	assert_int_equal(di->irqs[0].flags, TESSERA_IRQ_LEVEL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identity_and_memory),
		cmocka_unit_test(test_channel_ends),
		cmocka_unit_test(test_channel_kind_and_params),
		cmocka_unit_test(test_own_devices_only),
		cmocka_unit_test(test_dma_through_the_iommu),
		cmocka_unit_test(test_pci_device),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
