// SPDX-License-Identifier: MIT
/*
 * blkcheck: a block frontend for tests/system/test_blk.py, through
 * <tessera/blkfront.h>. Each argument after the channel is a step,
 * printed with its result (the call's return value, 0 or a negated
 * errno) so that the test can compare it with the disk it built:
 *
 *	blkcheck <channel> <step>...
 *	  sum=<sector>+<count>	reads; "sum <s>+<n>: 0 <FNV-1a 64 of the
 *				bytes>", or on an error whether the buffer
 *				(zeroed first) was left untouched
 *	  write=<sector>+<count>:<seed>	writes the pattern of blkcheck_byte()
 *	  verify=<sector>+<count>:<seed>	reads it back: "ok" or "differs"
 *	  flush
 *	  fault-once=<sector>	faults (a write to address 0) unless the
 *				sector starts with BLKCHECK_MARK, which it
 *				writes first: "restarted" in the next life
 *	blkcheck hostile <channel> <n> <clean channel>	see hostile.c
 *
 * It exits 0 after its last step whatever the results: the test judges.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/blkfront.h>
#include "blkcheck.h"

#define BLKCHECK_SECTORS_MAX	2048	/* 1 MiB a step */
#define BLKCHECK_MARK		0xfa	/* fault-once's sector: faulted */

static struct tessera_blk blk;
static uint8_t data[BLKCHECK_SECTORS_MAX * TESSERA_BLK_SECTOR];

/* Byte i of disk sector `sector` of the pattern `seed` (test_blk.py too). */
static uint8_t blkcheck_byte(uint32_t seed, uint64_t sector, uint32_t i)
{
	return (uint8_t)((sector * 131 + i * 7 + seed * 29 + (i >> 8)) & 0xff);
}

static uint64_t blkcheck_fnv(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

/* Parses "<sector>+<count>[:<seed>]"; 0, or -1 when malformed. */
static int blkcheck_range(const char *s, uint64_t *sector, uint32_t *count,
			  uint32_t *seed)
{
	char *end;

	*sector = strtoul(s, &end, 0);
	if (*end != '+')
		return -1;
	*count = (uint32_t)strtoul(end + 1, &end, 0);
	if (*end == ':')
		*seed = (uint32_t)strtoul(end + 1, &end, 0);
	return *end || *count > BLKCHECK_SECTORS_MAX ? -1 : 0;
}

static void blkcheck_fill(uint32_t seed, uint64_t sector, uint32_t count)
{
	for (uint32_t s = 0; s < count; s++)
		for (uint32_t i = 0; i < TESSERA_BLK_SECTOR; i++)
			data[s * TESSERA_BLK_SECTOR + i] =
				blkcheck_byte(seed, sector + s, i);
}

static int blkcheck_untouched(size_t bytes)
{
	for (size_t i = 0; i < bytes; i++)
		if (data[i])
			return 0;
	return 1;
}

static void blkcheck_sum(const char *arg, uint64_t sector, uint32_t count)
{
	size_t bytes = (size_t)count * TESSERA_BLK_SECTOR;
	int ret;

	memset(data, 0, bytes);
	ret = tessera_blk_read(&blk, sector, count, data);
	if (!ret)
		printf("sum %s: 0 %016llx\n", arg,
		       (unsigned long long)blkcheck_fnv(data, bytes));
	else
		printf("sum %s: %d buffer %s\n", arg, ret,
		       blkcheck_untouched(bytes) ? "untouched" : "changed");
}

static void blkcheck_verify(const char *arg, uint64_t sector, uint32_t count,
			    uint32_t seed)
{
	int ret = tessera_blk_read(&blk, sector, count, data), ok = !ret;

	for (uint32_t s = 0; ok && s < count; s++)
		for (uint32_t i = 0; ok && i < TESSERA_BLK_SECTOR; i++)
			ok = data[s * TESSERA_BLK_SECTOR + i] ==
			     blkcheck_byte(seed, sector + s, i);
	printf("verify %s: %d %s\n", arg, ret, ok ? "ok" : "differs");
}

static void blkcheck_fault_once(uint64_t sector)
{
	int ret = tessera_blk_read(&blk, sector, 1, data);

	if (!ret && data[0] == BLKCHECK_MARK) {
		printf("restarted\n");
		return;
	}
	data[0] = BLKCHECK_MARK;
	ret = ret ? ret : tessera_blk_write(&blk, sector, 1, data);
	printf("fault-once %llu: %d, faulting\n", (unsigned long long)sector, ret);
	*(volatile int *)0 = 1;
}

static void blkcheck_step(const char *step)
{
	const char *arg = strchr(step, '=');
	uint64_t sector = 0;
	uint32_t count = 0, seed = 0;

	if (!strcmp(step, "flush")) {
		printf("flush: %d\n", tessera_blk_flush(&blk));
		return;
	}
	if (!strncmp(step, "fault-once=", 11)) {
		blkcheck_fault_once(strtoul(step + 11, NULL, 0));
		return;
	}
	if (!arg || blkcheck_range(arg + 1, &sector, &count, &seed)) {
		printf("%s: not a step\n", step);
		return;
	}
	arg++;
	if (!strncmp(step, "sum=", 4)) {
		blkcheck_sum(arg, sector, count);
	} else if (!strncmp(step, "write=", 6)) {
		blkcheck_fill(seed, sector, count);
		printf("write %s: %d\n", arg,
		       tessera_blk_write(&blk, sector, count, data));
	} else if (!strncmp(step, "verify=", 7)) {
		blkcheck_verify(arg, sector, count, seed);
	} else {
		printf("%s: not a step\n", step);
	}
}

int main(int argc, char **argv)
{
	int ret;

	if (argc == 5 && !strcmp(argv[1], "hostile"))
		return blkcheck_hostile(argv[2], (uint32_t)strtoul(argv[3], NULL, 0),
					argv[4]);
	if (argc < 2)
		return 1;
	ret = tessera_blk_open(&blk, argv[1]);
	if (ret) {
		printf("%s: open: %d\n", argv[1], ret);
		return 1;
	}
	printf("%s: %llu sectors, %s\n", argv[1],
	       (unsigned long long)tessera_blk_sectors(&blk),
	       tessera_blk_read_only(&blk) ? "read-only" : "read-write");
	for (int i = 2; i < argc; i++)
		blkcheck_step(argv[i]);
	printf("done\n");
	return 0;
}
