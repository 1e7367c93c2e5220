/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_IO_BLKIF_H
#define TESSERA_PUBLIC_IO_BLKIF_H

/*
 * Virtual block devices (ABI 1.4): channels of kind TESSERA_CHANNEL_BLOCK,
 * DTS compatible "tessera,vbd", as Xen's blkif. The backend is a driver
 * partition (partitions/blkdrv) that owns the disk; each frontend sees
 * one extent of it, params.blk: nr_sectors sectors from start_sector,
 * read-only or not. Sector numbers in requests are the frontend's own:
 * its sector 0 is the disk's start_sector, and the backend refuses
 * anything outside [0, nr_sectors), so no frontend reads or writes a
 * byte of another's extent.
 *
 * The channel is one ring (public/io/ring.h). A request's payload is a
 * struct tessera_blk_request, followed for a write by the data
 * (nr_sectors * TESSERA_BLK_SECTOR bytes: len is exactly the header and
 * the data). Its response carries the data of a read (len bytes, all of
 * the request's sectors) or nothing, and a status: 0 done, -EINVAL a
 * malformed request (unknown op, a length that does not match, a
 * transfer larger than the slot, nr_sectors 0), -ERANGE sectors outside
 * the extent, -EPERM a write or flush to a read-only extent, -EIO the
 * disk failed. A request that fails moves no data.
 *
 * TESSERA_BLK_OP_CLOSE is the frontend's goodbye, as netif's tx request
 * of length 0: answered with status 0 (also on a read-only extent), it
 * moves nothing and lets a backend that was told to (partitions/blkdrv
 * exit=goodbye) end once every frontend has said it. An op rather than
 * an empty payload, because every request stays a header that the
 * backend checks one way (CLOSE as FLUSH: nr_sectors and sector 0, len
 * the header); blkdrv refused it as an unknown op, -EINVAL, before.
 */

#include <stdint.h>

#define TESSERA_BLK_SECTOR	512

#define TESSERA_BLK_OP_READ	0
#define TESSERA_BLK_OP_WRITE	1
#define TESSERA_BLK_OP_FLUSH	2	/* nr_sectors and sector are 0 */
#define TESSERA_BLK_OP_CLOSE	3	/* the goodbye: as FLUSH */

struct tessera_blk_request {
	uint32_t op;			/* TESSERA_BLK_OP_* */
	uint32_t nr_sectors;		/* sectors to move */
	uint64_t sector;		/* the first, in the extent */
};

/* The most sectors one request moves in a slot of slot_size bytes. */
#define TESSERA_BLK_SECTORS_MAX(slot_size) \
	(((slot_size) - sizeof(struct tessera_blk_request)) / TESSERA_BLK_SECTOR)

/* A block channel's parameters (start_info.params[i].blk), from the DTS. */
struct tessera_blk_params {
	uint64_t start_sector;		/* on the backend's disk */
	uint64_t nr_sectors;		/* the extent's length */
	uint8_t read_only;		/* 1: writes and flushes are refused */
	uint8_t reserved[47];
};

_Static_assert(sizeof(struct tessera_blk_request) == 16, "request size");
_Static_assert(sizeof(struct tessera_blk_params) == 64, "blk params size");

#endif
