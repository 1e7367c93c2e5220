/* SPDX-License-Identifier: MIT */
#ifndef BLKDRV_CHECK_H
#define BLKDRV_CHECK_H

#include <stdint.h>
#include <public/io/blkif.h>

/*
 * Copies the request header out of `payload` (`len` bytes, the
 * backend's private copy of a slot) into *req, then checks it against
 * the channel's extent and slot size (public/io/blkif.h): 0 when the
 * request may go to the disk (a close, the goodbye, goes no further
 * than blkdrv), else -EINVAL (malformed: too short, an unknown op,
 * nr_sectors 0 or more than the slot holds, a length that is not exactly
 * the header and the data, a flush or close with sectors), -EPERM (a
 * write or flush to a read-only extent), -ERANGE (a sector outside the
 * extent, or sector + nr_sectors beyond it, whatever wraps). Pure: the
 * host test is tests/unit/test_blk_check.c.
 */
int blkdrv_check(const void *payload, uint32_t len,
		 const struct tessera_blk_params *extent, uint32_t slot_size,
		 struct tessera_blk_request *req);

#endif
