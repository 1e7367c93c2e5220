/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_BLKFRONT_H
#define TESSERA_LIB_BLKFRONT_H

/*
 * The frontend of a virtual block device (partitions/lib/blkfront.c): a
 * channel of kind TESSERA_CHANNEL_BLOCK (DTS "tessera,vbd") whose
 * backend, blkdrv, serves one extent of a disk (public/io/blkif.h,
 * docs/drivers.md "Block devices"). Sectors are 512 bytes and numbered
 * from 0 at the extent's start.
 *
 *	static struct tessera_blk disk;		(keep it out of the stack)
 *	static uint8_t data[4096];
 *
 *	if (tessera_blk_open(&disk, "web-disk") == 0 &&
 *	    tessera_blk_read(&disk, 0, 8, data) == 0)
 *		the first 4 KiB of the extent are in data;
 *
 * Reads and writes are synchronous: they are split into requests as
 * large as the channel's slots hold, as many in flight as it has slots,
 * and return once every response is in, after blocking in
 * tessera_wait_event() (which returns at once, so the call polls, while
 * another of the partition's ports is pending). Each response is copied
 * out of the ring once and checked (its id against those in flight, its
 * status, its length against what the request moves) before a byte of
 * it is used. Returns 0, or a negated errno: -ERANGE (sectors outside
 * the extent), -EPERM (a write or flush to a read-only extent), -EINVAL
 * (count 0), -EIO (the disk failed), -EPROTO (the backend broke the
 * protocol twice in a row). After a protocol error the ring is reset and
 * the batch sent again once, the first publish after a reset notifying
 * the backend whatever the ring says: so a ring that a restart of either
 * end left behind recovers without the caller seeing it. A request that
 * fails moves no data, but of a larger transfer the parts before it may
 * have been done.
 */

#include <stdint.h>
#include <public/io/blkif.h>
#include <tessera/ring.h>

/* Payload bytes of the largest slot blkfront uses: 128 sectors a request. */
#define TESSERA_BLK_SLOT_MAX \
	(sizeof(struct tessera_blk_request) + 128 * TESSERA_BLK_SECTOR)

struct tessera_blk {
	const struct tessera_channel *ch;
	struct tessera_blk_params params;	/* the extent, from the DTS */
	struct tessera_ring_front front;
	uint8_t buf[TESSERA_BLK_SLOT_MAX] __attribute__((aligned(16)));
};

/*
 * Opens this partition's frontend of the block channel named `channel`.
 * 0; -ENOENT when there is none (no such channel, another kind, or this
 * partition is its backend); -EINVAL for slots of more than
 * TESSERA_BLK_SLOT_MAX bytes or too small for one sector.
 */
int tessera_blk_open(struct tessera_blk *b, const char *channel);

/* The extent's length in sectors. */
uint64_t tessera_blk_sectors(const struct tessera_blk *b);

/* 1 when the extent is read-only, else 0. */
int tessera_blk_read_only(const struct tessera_blk *b);

/* Reads `count` sectors from `sector` into buf (count * 512 bytes). */
int tessera_blk_read(struct tessera_blk *b, uint64_t sector, uint32_t count,
		     void *buf);

/* Writes `count` sectors from buf at `sector`. */
int tessera_blk_write(struct tessera_blk *b, uint64_t sector, uint32_t count,
		      const void *buf);

/* Asks the disk to make the writes done so far durable. */
int tessera_blk_flush(struct tessera_blk *b);

/*
 * Says goodbye to the backend: a TESSERA_BLK_OP_CLOSE request (blkif.h),
 * answered with 0, which lets blkdrv exit=goodbye end once every
 * frontend has said it. The frontend is closed after it, whatever the
 * answer: its calls return -ENOENT until it is opened again.
 */
int tessera_blk_close(struct tessera_blk *b);

#endif
