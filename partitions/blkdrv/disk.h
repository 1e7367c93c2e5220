/* SPDX-License-Identifier: MIT */
#ifndef BLKDRV_DISK_H
#define BLKDRV_DISK_H

#include <stdbool.h>
#include <stdint.h>

/*
 * blkdrv's disk: the partition's virtio-blk function (virtio 1.0 section
 * 5.2) through <tessera/virtio.h>, up to DISK_INFLIGHT requests at a
 * time, each in a numbered place (0 to DISK_INFLIGHT - 1) that the
 * caller picks and gets back with its completion. The data buffers are
 * blkdrv's private memory, never a ring: a frontend cannot change a
 * write's data while the device reads it, nor see a read's before it is
 * checked.
 */

#define DISK_INFLIGHT	4

struct disk_info {
	uint64_t sectors;		/* capacity, 512-byte sectors */
	bool read_only;			/* VIRTIO_BLK_F_RO */
	uint16_t irq_port;
};

/* Finds and starts the device; 0, or -ENODEV with a line saying why. */
int disk_open(struct disk_info *info);

/*
 * Starts a request in place `place` (free) of `op` (TESSERA_BLK_OP_*) on
 * `count` sectors from disk sector `sector`, with `buf` the data (count
 * * 512 bytes; none for a flush). 1 when it went to the device, 0 when
 * it is done already (a flush of a disk without a cache), -EIO when the
 * device is broken.
 */
int disk_start(unsigned int place, uint32_t op, uint64_t sector,
	       uint32_t count, void *buf);

/* Resets the device, so that it leaves blkdrv's memory alone: at exit. */
void disk_close(void);

/* After an event on the IRQ port: reads the ISR and acknowledges. */
void disk_interrupt(void);

/*
 * The next finished request: 1, its place in *place and its status (0
 * or -EIO) in *status; 0 when none is. When the device lies the disk is
 * broken: each request still in it comes back, -EIO.
 */
int disk_finish(unsigned int *place, int *status);

#endif
