// SPDX-License-Identifier: MIT
/*
 * devtest pci: the driver of the virtio-net function (ethernet@3). It
 * reads its identity and capability list through the config calls, turns
 * on bus mastering and reads a register of its BAR through the window
 * the monitor mapped, with the memory decoding the monitor turned on;
 * every write outside the command and status registers is refused and
 * changes nothing, as do writes of the monitor's command bits; hostile
 * arguments get -EINVAL. Prints "pci command at start: 0x<c>" first:
 * every life finds memory decoding on and bus mastering off.
 */
#include <stdio.h>
#include <tessera.h>
#include "devtest.h"

#define PCI_COMMAND		0x04
#define PCI_STATUS		0x06
#define PCI_BAR4		0x20
#define PCI_ROM			0x30
#define PCI_CAP_PTR		0x34
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_COMMAND_MEMORY	0x0002
#define PCI_COMMAND_MASTER	0x0004
/* SERR#, parity error response, memory and I/O decoding */
#define PCI_COMMAND_MONITOR	0x0143
#define PCI_STATUS_CAPS		0x0010
#define PCI_CAP_VENDOR		0x09
#define PCI_CAP_MSIX		0x11
#define VIRTIO_CAP_CFG_TYPE	3
#define VIRTIO_CAP_BAR		4
#define VIRTIO_CAP_OFFSET	8
#define VIRTIO_COMMON_CFG	1
#define VIRTIO_COMMON_NUM_QUEUES 0x12

static unsigned int dev;

static long cfg_read(unsigned int offset, unsigned int size)
{
	return tessera_pci_config_read(dev, offset, size);
}

/* Prints the list; the offsets of the MSI-X and common-config caps. */
static void pci_caps(unsigned int *msix, unsigned int *common)
{
	char line[128];
	int n = snprintf(line, sizeof(line), "pci caps:");

	CHECK("pci status has caps", !!(cfg_read(PCI_STATUS, 2) & PCI_STATUS_CAPS), 1);
	for (long at = cfg_read(PCI_CAP_PTR, 1) & 0xfc; at;
	     at = cfg_read((unsigned int)at + 1, 1) & 0xfc) {
		long id = cfg_read((unsigned int)at, 1);

		if (id == PCI_CAP_MSIX)
			*msix = (unsigned int)at;
		if (id == PCI_CAP_VENDOR &&
		    cfg_read((unsigned int)at + VIRTIO_CAP_CFG_TYPE, 1) ==
		    VIRTIO_COMMON_CFG)
			*common = (unsigned int)at;
		if (n < (int)sizeof(line))
			n += snprintf(line + n, sizeof(line) - (size_t)n, " 0x%02lx", id);
	}
	printf("%s\n", line);
}

/* The virtio common config's num_queues, through the mapped BAR. */
static void pci_bar_read(unsigned int common)
{
	const struct tessera_device_info *di = &tessera_start_info()->devices[dev];
	long bar = cfg_read(common + VIRTIO_CAP_BAR, 1);
	long offset = cfg_read(common + VIRTIO_CAP_OFFSET, 4);

	for (unsigned int j = 0; j < di->nr_mmio; j++) {
		if (di->mmio_bar[j] != bar)
			continue;
		printf("pci BAR%ld at 0x%lx, 0x%lx bytes\n", bar,
		       (unsigned long)di->mmio[j].addr,
		       (unsigned long)di->mmio[j].size);
		CHECK("pci num_queues", *(volatile uint16_t *)(di->mmio[j].addr +
			(uint64_t)offset + VIRTIO_COMMON_NUM_QUEUES), 3);
		return;
	}
	printf("pci BAR%ld is not mapped FAILED\n", bar);
	devtest_failures++;
}

/* A write the monitor refuses, and the register as it was. */
static void pci_refused(const char *what, unsigned int offset,
			unsigned int size, uint32_t value)
{
	char line[64];
	long before = cfg_read(offset, size);

	snprintf(line, sizeof(line), "pci write %s", what);
	CHECK(line, tessera_pci_config_write(dev, offset, size, value), -EPERM);
	snprintf(line, sizeof(line), "pci %s unchanged", what);
	CHECK(line, cfg_read(offset, size) == before, 1);
}

static void pci_writes(unsigned int msix)
{
	long command = cfg_read(PCI_COMMAND, 2);

	pci_refused("BAR4", PCI_BAR4, 4, 0);
	pci_refused("BAR4 byte", PCI_BAR4 + 3, 1, 0x12);
	pci_refused("ROM", PCI_ROM, 4, 0xfffff801);
	pci_refused("interrupt line", PCI_INTERRUPT_LINE, 1, 9);
	pci_refused("MSI-X control", msix + 2, 2, 0x8000);
	pci_refused("MSI-X dword", msix, 4, 0x80000000);
	pci_refused("vendor id", 0, 2, 0);
	pci_refused("command and BAR0", 0, 4, 0);
	/* SERR, parity checking and decoding are the monitor's: flipped,
	 * they stay */
	CHECK("pci write command, monitor's bits flipped",
	      tessera_pci_config_write(dev, PCI_COMMAND, 2,
				       (uint32_t)command ^ PCI_COMMAND_MONITOR), 0);
	CHECK("pci command after", cfg_read(PCI_COMMAND, 2), command);
	CHECK("pci write status", tessera_pci_config_write(dev, PCI_STATUS, 2,
							   0xffff), 0);
	CHECK("pci status keeps caps",
	      !!(cfg_read(PCI_STATUS, 2) & PCI_STATUS_CAPS), 1);
}

static void pci_hostile(void)
{
	static const struct {
		const char *what;
		uint64_t device_delta, offset, size;
	} bad[] = {
		{ "offset 256", 0, 256, 1 },
		{ "offset -1", 0, ~0ULL, 1 },
		{ "offset 2^32", 0, 1ULL << 32, 4 },
		{ "size 0", 0, 0, 0 },
		{ "size 3", 0, 0, 3 },
		{ "size 8", 0, 0, 8 },
		{ "size 2^32 + 4", 0, 0, (1ULL << 32) | 4 },
		{ "misaligned 2 at 1", 0, 1, 2 },
		{ "misaligned 4 at 2", 0, 2, 4 },
		{ "device + 1", 1, 0, 4 },
		{ "device + 2^32", 1ULL << 32, 0, 4 },
		{ "device 2^64 - 1", 0, 0, 4 },
	};
	char line[64];

	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		/* the last entry's device is -1: the delta wraps dev to it */
		uint64_t d = i + 1 == sizeof(bad) / sizeof(bad[0]) ?
			     ~0ULL : dev + bad[i].device_delta;

		snprintf(line, sizeof(line), "pci read %s", bad[i].what);
		CHECK(line, devtest_hc(TESSERA_HC_PCI_CONFIG_READ, d,
				       bad[i].offset, bad[i].size, 0), -EINVAL);
		snprintf(line, sizeof(line), "pci write %s", bad[i].what);
		CHECK(line, devtest_hc(TESSERA_HC_PCI_CONFIG_WRITE, d,
				       bad[i].offset, bad[i].size, 0), -EINVAL);
	}
	/* the value's bits above size are not the monitor's concern */
	CHECK("pci write command, junk above",
	      devtest_hc(TESSERA_HC_PCI_CONFIG_WRITE, dev, PCI_COMMAND, 2,
			 0xdead000000000000ULL | (uint64_t)cfg_read(PCI_COMMAND, 2)),
	      0);
}

int devtest_pci(int argc, char **argv)
{
	int d = devtest_device("ethernet@3");
	unsigned int msix = 0, common = 0;
	long command;

	if (d < 0) {
		printf("no ethernet@3 among the devices FAILED\n");
		return 1;
	}
	dev = (unsigned int)d;
	command = cfg_read(PCI_COMMAND, 2);
	printf("pci command at start: 0x%lx\n",
	       command & (PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER));
	CHECK("pci vendor", cfg_read(0, 2), 0x1af4);
	CHECK("pci device", cfg_read(2, 2), 0x1041);
	CHECK("pci id dword", cfg_read(0, 4), 0x10411af4);
	pci_caps(&msix, &common);
	CHECK("pci MSI-X off", cfg_read(msix + 3, 1) & 0x80, 0);
	CHECK("pci enable bus mastering",
	      tessera_pci_config_write(dev, PCI_COMMAND, 2, (uint32_t)command |
				       PCI_COMMAND_MASTER),
	      0);
	CHECK("pci memory on", cfg_read(PCI_COMMAND, 2) & PCI_COMMAND_MEMORY,
	      PCI_COMMAND_MEMORY);
	pci_bar_read(common);
	pci_writes(msix);
	pci_hostile();
	return (int)devtest_failures;
}
