/* SPDX-License-Identifier: MIT */
#ifndef BLKDRV_DISK_H
#define BLKDRV_DISK_H

#include <stdbool.h>
#include <stdint.h>

/*
 * blkdrv's disk: the partition's virtio-blk function (virtio 1.0 section
 * 5.2) through <tessera/virtio.h>, one request at a time. The data
 * buffers are blkdrv's private memory, never a ring: a frontend cannot
 * change a write's data while the device reads it, nor see a read's
 * before it is checked.
 */

struct disk_info {
	uint64_t sectors;		/* capacity, 512-byte sectors */
	bool read_only;			/* VIRTIO_BLK_F_RO */
	uint16_t irq_port;
};

/* Finds and starts the device; 0, or -ENODEV with a line saying why. */
int disk_open(struct disk_info *info);

/*
 * Starts a request of `op` (TESSERA_BLK_OP_*) on `count` sectors from
 * disk sector `sector`, with `buf` the data (count * 512 bytes; none for
 * a flush). 1 when it went to the device, 0 when it is done already (a
 * flush of a disk without a cache), -EIO when the device is broken.
 */
int disk_start(uint32_t op, uint64_t sector, uint32_t count, void *buf);

/*
 * After an event on the IRQ port: 1 and the request's status (0 or
 * -EIO) in *status when it is done, 0 when not yet; the device's
 * lies make the request -EIO and the disk broken.
 */
int disk_finish(int *status);

#endif
