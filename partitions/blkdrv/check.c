// SPDX-License-Identifier: MIT
/* The check of every request before it reaches the disk (check.h). */

#include <string.h>
#include <public/errno.h>
#include "check.h"

#define HEADER	((uint32_t)sizeof(struct tessera_blk_request))

/* The most sectors a slot carries; 0 when it cannot hold the header. */
static uint64_t check_slot_sectors(uint32_t slot_size)
{
	return slot_size < HEADER ? 0 : TESSERA_BLK_SECTORS_MAX(slot_size);
}

static int check_transfer(const struct tessera_blk_request *req, uint32_t len,
			  const struct tessera_blk_params *extent,
			  uint32_t slot_size)
{
	int write = req->op == TESSERA_BLK_OP_WRITE;
	uint64_t n = req->nr_sectors;

	if (!n || n > check_slot_sectors(slot_size))
		return -EINVAL;
	/* n is bounded by the slot: the product cannot overflow */
	if ((uint64_t)len != HEADER + (write ? n * TESSERA_BLK_SECTOR : 0))
		return -EINVAL;
	if (write && extent->read_only)
		return -EPERM;
	/* written so that sector + n is never computed: it may wrap */
	if (req->sector >= extent->nr_sectors ||
	    n > extent->nr_sectors - req->sector)
		return -ERANGE;
	return 0;
}

int blkdrv_check(const void *payload, uint32_t len,
		 const struct tessera_blk_params *extent, uint32_t slot_size,
		 struct tessera_blk_request *req)
{
	if (len < HEADER)
		return -EINVAL;
	memcpy(req, payload, HEADER);
	switch (req->op) {
	case TESSERA_BLK_OP_READ:
	case TESSERA_BLK_OP_WRITE:
		return check_transfer(req, len, extent, slot_size);
	case TESSERA_BLK_OP_FLUSH:
	case TESSERA_BLK_OP_CLOSE:
		if (req->nr_sectors || req->sector || len != HEADER)
			return -EINVAL;
		/* a goodbye changes nothing: a read-only extent takes it */
		return req->op == TESSERA_BLK_OP_FLUSH && extent->read_only ?
		       -EPERM : 0;
	default:
		return -EINVAL;
	}
}
