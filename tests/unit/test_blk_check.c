// SPDX-License-Identifier: MIT
/*
 * blkdrv's check of a block request (partitions/blkdrv/check.c) against
 * its extent and slot size, as a hostile frontend would probe it: every
 * error code of public/io/blkif.h, a sector + count that wraps 2^64, the
 * last sector and one past it, the slot bound, read-only extents, and the
 * request header copied out before it is looked at.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <public/errno.h>
#include "../../partitions/blkdrv/check.h"

#define SLOT	4112			/* 16-byte header, 8 sectors */
#define SECTORS	1000

static const struct tessera_blk_params rw = { .start_sector = 2048,
					      .nr_sectors = SECTORS };
static const struct tessera_blk_params ro = { .start_sector = 4096,
					      .nr_sectors = SECTORS,
					      .read_only = 1 };
static uint8_t slot[SLOT];

/* A request of `op` in the slot; its length as blkif.h wants it. */
static uint32_t request(uint32_t op, uint32_t n, uint64_t sector)
{
	struct tessera_blk_request r = { op, n, sector };

	memcpy(slot, &r, sizeof(r));
	return (uint32_t)sizeof(r) +
	       (op == TESSERA_BLK_OP_WRITE ? n * TESSERA_BLK_SECTOR : 0);
}

static int check(const struct tessera_blk_params *ext, uint32_t len)
{
	struct tessera_blk_request req;

	return blkdrv_check(slot, len, ext, SLOT, &req);
}

static void test_good(void **state)
{
	struct tessera_blk_request req;
	uint32_t len = request(TESSERA_BLK_OP_WRITE, 8, 992);

	assert_int_equal(blkdrv_check(slot, len, &rw, SLOT, &req), 0);
	assert_int_equal(req.op, TESSERA_BLK_OP_WRITE);
	assert_int_equal(req.nr_sectors, 8);
	assert_int_equal(req.sector, 992);
	/* the copy is what counts: the slot may change after */
	memset(slot, 0xff, sizeof(req));
	assert_int_equal(req.sector, 992);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 1, 0)), 0);
	assert_int_equal(check(&ro, request(TESSERA_BLK_OP_READ, 8, 992)), 0);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_FLUSH, 0, 0)), 0);
}

static void test_malformed(void **state)
{
	/* too short for a header, whatever it says */
	request(TESSERA_BLK_OP_READ, 1, 0);
	for (uint32_t len = 0; len < 16; len++)
		assert_int_equal(check(&rw, len), -EINVAL);
	assert_int_equal(check(&rw, request(4, 1, 0)), -EINVAL);
	assert_int_equal(check(&rw, request(0xffffffffu, 1, 0)), -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 0, 0)), -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_WRITE, 0, 0)), -EINVAL);
	/* a read carries no data; a write exactly its sectors */
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 1, 0) + 512),
			 -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_WRITE, 2, 0) - 1),
			 -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_WRITE, 2, 0) - 512),
			 -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_WRITE, 2, 0) + 8),
			 -EINVAL);
	/* a flush moves nothing */
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_FLUSH, 1, 0)), -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_FLUSH, 0, 1)), -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_FLUSH, 0, 0) + 8),
			 -EINVAL);
}

/* the goodbye: a header and nothing else, taken by any extent */
static void test_close(void **state)
{
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_CLOSE, 0, 0)), 0);
	assert_int_equal(check(&ro, request(TESSERA_BLK_OP_CLOSE, 0, 0)), 0);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_CLOSE, 1, 0)), -EINVAL);
	assert_int_equal(check(&ro, request(TESSERA_BLK_OP_CLOSE, 0, 1)), -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_CLOSE, 0, 0) + 512),
			 -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_CLOSE, 0, 0) - 1),
			 -EINVAL);
}

static void test_slot_bound(void **state)
{
	struct tessera_blk_request req;

	/* 8 sectors fit a slot of 4112 bytes, 9 do not, for reads too */
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 8, 0)), 0);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 9, 0)), -EINVAL);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 0xffffffffu, 0)),
			 -EINVAL);
	/* a write whose n * 512 wraps 32 bits to a length that "matches" */
	request(TESSERA_BLK_OP_WRITE, 0x800001u, 0);
	assert_int_equal(check(&rw, 16 + 512), -EINVAL);
	/* a slot too small for the header carries nothing */
	assert_int_equal(blkdrv_check(slot, request(TESSERA_BLK_OP_READ, 1, 0),
				      &rw, 8, &req), -EINVAL);
}

static void test_range(void **state)
{
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 1, SECTORS - 1)), 0);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 1, SECTORS)),
			 -ERANGE);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 2, SECTORS - 1)),
			 -ERANGE);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_WRITE, 8, SECTORS - 7)),
			 -ERANGE);
	/* sector + n wraps 2^64 to a small number */
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 8, UINT64_MAX - 3)),
			 -ERANGE);
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_WRITE, 2, UINT64_MAX)),
			 -ERANGE);
	/* the extent's start is the backend's business, not the frontend's */
	assert_int_equal(check(&rw, request(TESSERA_BLK_OP_READ, 1, rw.start_sector)),
			 -ERANGE);
}

static void test_read_only(void **state)
{
	assert_int_equal(check(&ro, request(TESSERA_BLK_OP_WRITE, 1, 0)), -EPERM);
	assert_int_equal(check(&ro, request(TESSERA_BLK_OP_FLUSH, 0, 0)), -EPERM);
	/* a write refused for being read-only, wherever it points */
	assert_int_equal(check(&ro, request(TESSERA_BLK_OP_WRITE, 1, SECTORS)),
			 -EPERM);
	assert_int_equal(check(&ro, request(TESSERA_BLK_OP_READ, 1, SECTORS)),
			 -ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_close),
		cmocka_unit_test(test_slot_bound),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_read_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
