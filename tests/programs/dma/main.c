// SPDX-License-Identifier: MIT
/*
 * dma: a driver partition that turns its disk against memory not its
 * own, and the victim that checks its memory afterwards
 * (tests/system/test_iommu.py, docs/devices.md "DMA and the IOMMU").
 *
 *	dma read	prints "dma_base 0x<b>, iommu <yes|no>" from its
 *		start-info page, reads sector 0 of its virtio-blk disk into
 *		its own buffer, at the bus address the library gives (from
 *		dma_base), and prints "sector 0: <its first 16 bytes>"
 *	dma attack <bus address> <channel>	waits until the victim on
 *		<channel> is ready, asks the disk to put sector 0 at a bus
 *		address of its choosing (a descriptor rewritten after the
 *		library checked the chain), polls until the device completes
 *		the request or says it needs a reset, prints which, then
 *		tells the victim
 *	dma victim <offset> <channel>	fills a buffer that covers the
 *		page at <offset> from the start of its memory with a
 *		pattern, tells the attacker, waits for its word, then prints
 *		"pattern intact" or where it changed
 *
 * Each returns 0 when it could do what it was asked: whether the attack
 * worked is for the test to judge from the victim's line.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/virtio.h>

#define SECTOR			512
#define VIRTIO_BLK_T_IN		0	/* virtio 1.0 section 5.2.6 */
#define VIRTIO_S_NEEDS_RESET	0x40	/* section 2.1 */
#define COMMON_DEVICE_STATUS	20	/* in struct virtio_pci_common_cfg */
#define VICTIM_SIZE		0x100000

struct virtio_blk_header {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

static struct tessera_virtio dev;
static struct tessera_virtq q;
static struct virtio_blk_header header;
static uint8_t sector[SECTOR];
static uint8_t status;

/* Big enough to cover a page at any offset the test names in its middle. */
static uint8_t victim[VICTIM_SIZE] __attribute__((aligned(4096)));

static int disk_open(void)
{
	int i = tessera_virtio_find(TESSERA_VIRTIO_ID_BLOCK, 0);
	int ret = i < 0 ? i : tessera_virtio_open(&dev, (unsigned int)i);

	if (!ret)
		ret = tessera_virtio_negotiate(&dev, 0);
	if (!ret)
		ret = tessera_virtio_queue(&dev, &q, 0, 8);
	if (ret)
		printf("no usable virtio-blk device (%d)\n", ret);
	else
		tessera_virtio_ready(&dev);
	return ret;
}

/* Queues a read of sector 0 into `sector`, or with `attack` to `bus`. */
static int disk_read(bool attack, uint64_t bus)
{
	const struct tessera_virtq_buf bufs[] = {
		{ &header, sizeof(header), false },
		{ sector, SECTOR, true },
		{ &status, 1, true },
	};
	uint16_t head;
	int ret;

	header = (struct virtio_blk_header){ VIRTIO_BLK_T_IN, 0, 0 };
	status = 0xff;
	ret = tessera_virtq_add(&q, bufs, 3, &head);
	if (ret)
		return ret;
	if (attack)
		q.desc[q.desc[head].next].addr = bus;
	return tessera_virtq_kick(&q) < 0 ? -EPROTO : 0;
}

/* 1 when the request came back, 0 when the device gave up on it. */
static int disk_wait(void)
{
	for (;;) {
		uint16_t head;
		uint32_t len;
		int ret = tessera_virtq_get(&q, &head, &len);

		if (ret)
			return ret;
		if (dev.common[COMMON_DEVICE_STATUS] & VIRTIO_S_NEEDS_RESET)
			return 0;
		tessera_yield();
	}
}

static int dma_read(void)
{
	const struct tessera_start_info *si = tessera_start_info();
	int ret;

	printf("dma_base 0x%lx, iommu %s\n", si->dma_base,
	       si->features & TESSERA_FEATURE_IOMMU ? "yes" : "no");
	ret = disk_open();

	if (!ret)
		ret = disk_read(false, 0);
	if (!ret && disk_wait() != 1)
		ret = -EIO;
	if (ret || status) {
		printf("read failed: %d, status %u\n", ret, status);
		return 1;
	}
	printf("sector 0:");
	for (int i = 0; i < 16; i++)
		printf(" %02x", sector[i]);
	printf("\n");
	return 0;
}

static const struct tessera_channel *dma_channel(const char *name)
{
	const struct tessera_channel *ch = tessera_channel(name);

	if (!ch)
		printf("%s: not an end of this channel\n", name);
	return ch;
}

/* The other end's word: its notification on our end's port. */
static void dma_wait_peer(const struct tessera_channel *ch)
{
	while (tessera_event_clear(ch->port) != 1)
		tessera_wait_event();
}

static int dma_attack(uint64_t bus, const char *channel)
{
	const struct tessera_channel *ch = dma_channel(channel);
	int ret = ch ? disk_open() : -ENODEV;

	if (!ret)
		dma_wait_peer(ch);
	if (!ret)
		ret = disk_read(true, bus);
	if (!ret)
		ret = disk_wait();
	if (ret < 0) {
		printf("attack failed: %d\n", ret);
		return 1;
	}
	printf("dma to 0x%lx: %s\n", bus, ret ? "request completed" :
	       "the device needs a reset");
	return tessera_notify(ch->port) ? 1 : 0;
}

static uint8_t victim_pattern(size_t i)
{
	return (uint8_t)(i * 31 + 7);
}

static int dma_victim(uint64_t offset, const char *channel)
{
	const struct tessera_channel *ch = dma_channel(channel);
	uint64_t start = (uint64_t)victim - tessera_start_info()->mem_base;

	if (!ch)
		return 1;
	if (offset < start || offset + 4096 > start + VICTIM_SIZE) {
		printf("offset 0x%lx is outside the pattern\n", offset);
		return 1;
	}
	for (size_t i = 0; i < VICTIM_SIZE; i++)
		victim[i] = victim_pattern(i);
	printf("pattern at offset 0x%lx\n", start);
	if (tessera_notify(ch->port))
		return 1;
	dma_wait_peer(ch);
	for (size_t i = 0; i < VICTIM_SIZE; i++) {
		if (*(volatile uint8_t *)&victim[i] != victim_pattern(i)) {
			printf("pattern overwritten at offset 0x%lx\n",
			       start + i);
			return 0;
		}
	}
	printf("pattern intact\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "read"))
		return dma_read();
	if (argc == 4 && !strcmp(argv[1], "attack"))
		return dma_attack(strtoul(argv[2], NULL, 0), argv[3]);
	if (argc == 4 && !strcmp(argv[1], "victim"))
		return dma_victim(strtoul(argv[2], NULL, 0), argv[3]);
	printf("usage: dma read | attack <bus address> <channel> | "
	       "victim <offset> <channel>\n");
	return 2;
}
