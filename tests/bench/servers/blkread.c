// SPDX-License-Identifier: MIT
/*
 * The Linux side of the block read benchmark (docs/benchmarks.md): the
 * extent of tests/bench/servers/servers.dts read from /dev/vda, the
 * same virtio disk image, with O_DIRECT so that every request reaches
 * the disk, as every one of blkdrv's does, and one at a time with
 * pread() as blkdrv keeps one in the disk.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define DISK "/dev/vda"

static uint64_t bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

#include "bench.h"
#include "blkread.h"

static int disk = -1;

static int blkread_read(uint64_t sector, uint32_t count, void *buf)
{
	ssize_t n = pread(disk, buf, count * 512ul,
			  (off_t)((BLKREAD_START_SECTOR + sector) * 512));

	return n == (ssize_t)(count * 512ul) ? 0 : n < 0 ? -errno : -EIO;
}

/* O_DIRECT wants the buffer aligned to the logical block: a page is. */
static uint8_t buf[BLKREAD_REQUEST_SECTORS * 512] __attribute__((aligned(4096)));

int main(void)
{
	disk = open(DISK, O_RDONLY | O_DIRECT);
	if (disk < 0) {
		perror(DISK);
		return 1;
	}
	return blkread_run(buf);
}
