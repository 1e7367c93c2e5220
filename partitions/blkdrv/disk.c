// SPDX-License-Identifier: MIT
/* blkdrv's virtio-blk disk (disk.h), one request in flight at a time. */

#include <stdio.h>
#include <tessera.h>
#include <tessera/virtio.h>
#include "disk.h"

/* virtio 1.0 section 5.2 */
#define VIRTIO_BLK_F_RO		(1ULL << 5)
#define VIRTIO_BLK_F_FLUSH	(1ULL << 9)
#define VIRTIO_BLK_T_IN		0
#define VIRTIO_BLK_T_OUT	1
#define VIRTIO_BLK_T_FLUSH	4
#define VIRTIO_BLK_S_OK		0
#define VIRTIO_BLK_CAPACITY	0	/* config offset: le64 sectors */

#define DISK_QUEUE_SIZE		8	/* one request of three descriptors */

struct virtio_blk_header {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

static struct {
	struct tessera_virtio dev;
	struct tessera_virtq q;
	struct virtio_blk_header header;
	uint8_t status;			/* written by the device */
	uint32_t expect;		/* bytes the device must write */
	bool busy, broken;
} disk;

int disk_open(struct disk_info *info)
{
	int i = tessera_virtio_find(TESSERA_VIRTIO_ID_BLOCK, 0);
	int ret = i < 0 ? i : tessera_virtio_open(&disk.dev, (unsigned int)i);

	if (!ret)
		ret = tessera_virtio_negotiate(&disk.dev, VIRTIO_BLK_F_RO |
					       VIRTIO_BLK_F_FLUSH);
	if (!ret)
		ret = tessera_virtio_config(&disk.dev, VIRTIO_BLK_CAPACITY,
					    &info->sectors, sizeof(info->sectors));
	if (!ret)
		ret = tessera_virtio_queue(&disk.dev, &disk.q, 0, DISK_QUEUE_SIZE);
	if (ret) {
		printf("disk: no usable virtio-blk device (%d)\n", ret);
		return -ENODEV;
	}
	tessera_virtio_ready(&disk.dev);
	info->read_only = disk.dev.features & VIRTIO_BLK_F_RO;
	info->irq_port = disk.dev.irq_port;
	return 0;
}

static uint32_t disk_type(uint32_t op)
{
	return op == TESSERA_BLK_OP_READ ? VIRTIO_BLK_T_IN :
	       op == TESSERA_BLK_OP_WRITE ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_FLUSH;
}

int disk_start(uint32_t op, uint64_t sector, uint32_t count, void *buf)
{
	bool read = op == TESSERA_BLK_OP_READ, flush = op == TESSERA_BLK_OP_FLUSH;
	struct tessera_virtq_buf bufs[] = {
		{ &disk.header, sizeof(disk.header), false },
		{ buf, count * TESSERA_BLK_SECTOR, read },
		{ &disk.status, 1, true },
	};
	uint16_t head;

	if (disk.broken)
		return -EIO;
	if (flush && !(disk.dev.features & VIRTIO_BLK_F_FLUSH))
		return 0;	/* no write cache: nothing to flush */
	disk.header = (struct virtio_blk_header){ disk_type(op), 0,
						  flush ? 0 : sector };
	disk.status = 0xff;
	if (flush)
		bufs[1] = bufs[2];
	if (tessera_virtq_add(&disk.q, bufs, flush ? 2 : 3, &head) ||
	    tessera_virtq_kick(&disk.q) < 0) {
		disk.broken = true;
		return -EIO;
	}
	disk.expect = (read ? count * TESSERA_BLK_SECTOR : 0) + 1;
	disk.busy = true;
	return 1;
}

int disk_finish(int *status)
{
	uint16_t head;
	uint32_t len;
	int ret;

	tessera_virtio_irq(&disk.dev);
	if (!disk.busy)
		return 0;
	ret = tessera_virtq_get(&disk.q, &head, &len);
	if (!ret)
		return 0;
	disk.busy = false;
	if (ret < 0) {
		printf("disk: broken: %s\n", disk.q.error);
		disk.broken = true;
	}
	/* a read that wrote less would hand out what the buffer held before */
	*status = ret > 0 && len == disk.expect &&
		  *(volatile uint8_t *)&disk.status == VIRTIO_BLK_S_OK ? 0 : -EIO;
	return 1;
}
