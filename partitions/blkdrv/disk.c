// SPDX-License-Identifier: MIT
/* blkdrv's virtio-blk disk (disk.h), DISK_INFLIGHT requests at a time. */

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

#define DISK_QUEUE_SIZE		16	/* requests of three descriptors */

struct virtio_blk_header {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

/* A request in the device: the header and status byte it DMAs. */
struct disk_place {
	struct virtio_blk_header header;
	uint8_t status;			/* written by the device */
	bool busy;
	uint16_t head;			/* its chain in the queue */
	uint32_t expect;		/* bytes the device must write */
};

static struct {
	struct tessera_virtio dev;
	struct tessera_virtq q;
	struct disk_place places[DISK_INFLIGHT];
	bool broken;
} disk;

_Static_assert(3 * DISK_INFLIGHT <= DISK_QUEUE_SIZE, "a chain per place");

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
	if (!ret && disk.q.size < 3 * DISK_INFLIGHT)
		ret = -ENODEV;
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

int disk_start(unsigned int place, uint32_t op, uint64_t sector,
	       uint32_t count, void *buf)
{
	struct disk_place *p = &disk.places[place];
	bool read = op == TESSERA_BLK_OP_READ, flush = op == TESSERA_BLK_OP_FLUSH;
	struct tessera_virtq_buf bufs[] = {
		{ &p->header, sizeof(p->header), false },
		{ buf, count * TESSERA_BLK_SECTOR, read },
		{ &p->status, 1, true },
	};

	if (disk.broken)
		return -EIO;
	if (flush && !(disk.dev.features & VIRTIO_BLK_F_FLUSH))
		return 0;	/* no write cache: nothing to flush */
	p->header = (struct virtio_blk_header){ disk_type(op), 0,
						flush ? 0 : sector };
	p->status = 0xff;
	if (flush)
		bufs[1] = bufs[2];
	if (tessera_virtq_add(&disk.q, bufs, flush ? 2 : 3, &p->head) ||
	    tessera_virtq_kick(&disk.q) < 0) {
		disk.broken = true;
		return -EIO;
	}
	p->expect = (read ? count * TESSERA_BLK_SECTOR : 0) + 1;
	p->busy = true;
	return 1;
}

void disk_close(void)
{
	tessera_virtio_reset(&disk.dev);
}

void disk_interrupt(void)
{
	tessera_virtio_irq(&disk.dev);
}

/* The busy place whose chain starts at `head` (the queue has checked it). */
static unsigned int disk_place_of(uint16_t head)
{
	unsigned int k = 0;

	while (k + 1 < DISK_INFLIGHT &&
	       !(disk.places[k].busy && disk.places[k].head == head))
		k++;
	return k;
}

/* Once broken: every request still in the device comes back, failed. */
static int disk_drain(unsigned int *place, int *status)
{
	for (unsigned int k = 0; k < DISK_INFLIGHT; k++) {
		if (!disk.places[k].busy)
			continue;
		disk.places[k].busy = false;
		*place = k;
		*status = -EIO;
		return 1;
	}
	return 0;
}

int disk_finish(unsigned int *place, int *status)
{
	struct disk_place *p;
	uint16_t head;
	uint32_t len;
	int ret;

	if (disk.broken)
		return disk_drain(place, status);
	ret = tessera_virtq_get(&disk.q, &head, &len);
	if (!ret)
		return 0;
	if (ret < 0) {
		printf("disk: broken: %s\n", disk.q.error);
		disk.broken = true;
		return disk_drain(place, status);
	}
	/* the queue checked head against its chains in flight: each is a
	 * busy place's */
	*place = disk_place_of(head);
	p = &disk.places[*place];
	p->busy = false;
	/* a read that wrote less would hand out what the buffer held before */
	*status = len == p->expect &&
		  *(volatile uint8_t *)&p->status == VIRTIO_BLK_S_OK ? 0 : -EIO;
	return 1;
}
