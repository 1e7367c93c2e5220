/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_BENCH_BLKREAD_H
#define TESSERA_BENCH_BLKREAD_H

/*
 * Block read throughput (docs/benchmarks.md): an extent of the board's
 * virtio disk read whole, one request of BLKREAD_REQUEST_SECTORS after
 * the other, by a partition through blkdrv (tests/programs/blkread,
 * tests/bench/servers/servers.dts) and by a Linux process from /dev/vda
 * with O_DIRECT (tests/bench/servers/blkread.c). The system device tree
 * includes this file for the extent, so the part before the C code is
 * macros only.
 */

#define BLKREAD_START_SECTOR	0x1000	/* 2 MiB into the disk */
#define BLKREAD_SECTORS		0x8000	/* 16 MiB */
/* 64 KiB: the most a slot of blkdrv's holds (BLKDRV_SLOT_MAX) */
#define BLKREAD_REQUEST_SECTORS	128
/* the first pass fills the host's page cache and is not measured */
#define BLKREAD_PASSES		4

#ifndef __ASSEMBLER__

/*
 * The includer includes bench.h first (its clock and printing) and
 * defines the one read of the extent this file declares.
 */

/* Reads `count` sectors from `sector` of the extent into buf: 0 or an error. */
static int blkread_read(uint64_t sector, uint32_t count, void *buf);

/* One pass over the extent: its time in ns, or 0 when a read failed. */
static inline uint64_t blkread_pass(void *buf)
{
	uint64_t t0 = bench_now_ns(), s;
	int rc;

	for (s = 0; s < BLKREAD_SECTORS; s += BLKREAD_REQUEST_SECTORS) {
		rc = blkread_read(s, BLKREAD_REQUEST_SECTORS, buf);
		if (rc) {
			printf("blkread: sector %llu: error %d\n",
			       (unsigned long long)s, rc);
			return 0;
		}
	}
	return bench_now_ns() - t0;
}

/*
 * Prints `blk_read` (MB/s, the median of the measured passes) and
 * `blk_read_min` and `_max` (their spread). 0, or 1 when a read failed.
 * buf holds BLKREAD_REQUEST_SECTORS sectors.
 */
static inline int blkread_run(void *buf)
{
	uint64_t ns[BLKREAD_PASSES - 1], t, bytes = BLKREAD_SECTORS * 512ull;
	int i, j;

	if (!blkread_pass(buf))
		return 1;
	for (i = 0; i < BLKREAD_PASSES - 1; i++) {
		t = blkread_pass(buf);
		if (!t)
			return 1;
		for (j = i; j > 0 && ns[j - 1] > t; j--)
			ns[j] = ns[j - 1];
		ns[j] = t;
	}
	/* bytes per ns are GB/s: a million times that is MB/s in milli */
	bench_report_milli("blk_read", "", bytes * 1000000 /
			   ns[(BLKREAD_PASSES - 1) / 2], "MB/s");
	bench_report_milli("blk_read", "_min", bytes * 1000000 /
			   ns[BLKREAD_PASSES - 2], "MB/s");
	bench_report_milli("blk_read", "_max", bytes * 1000000 / ns[0], "MB/s");
	return 0;
}

#endif
#endif
