// SPDX-License-Identifier: MIT
/*
 * blkread: the Tessera side of the block read benchmark of `make bench`
 * (tests/bench/servers/servers.dts, docs/benchmarks.md): the extent of the block
 * channel "disk" read whole through blkdrv, in requests of a whole slot,
 * timed with tessera_now_ns(); set against a Linux process reading the
 * same extent of the same disk (tests/bench/servers/blkread.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <tessera.h>
#include <tessera/blkfront.h>

static uint64_t bench_now_ns(void)
{
	return tessera_now_ns();
}

#include "../../bench/include/bench.h"
#include "../../bench/include/blkread.h"

static struct tessera_blk disk;
static uint8_t buf[BLKREAD_REQUEST_SECTORS * TESSERA_BLK_SECTOR];

static int blkread_read(uint64_t sector, uint32_t count, void *data)
{
	return tessera_blk_read(&disk, sector, count, data);
}

int main(void)
{
	int rc = tessera_blk_open(&disk, "disk");

	if (rc || tessera_blk_sectors(&disk) != BLKREAD_SECTORS) {
		printf("blkread: channel disk: error %d, %llu sectors\n", rc,
		       (unsigned long long)tessera_blk_sectors(&disk));
		return 1;
	}
	return blkread_run(buf);
}
