// SPDX-License-Identifier: MIT
/*
 * hammer: the noisy neighbour of `make bench`'s hammered share run
 * (tests/bench/hammered.share.dts, docs/benchmarks.md). `hammer <ms>`
 * fills and copies buffers that take most of its memory, as fast as it
 * can, printing a line after each pass, until <ms> milliseconds of system
 * time have passed: the memory bus, the caches and the console lock all
 * busy while the partitions of another CPU measure their shares. It says
 * how many passes it made, which is no figure: its work is the load, not
 * what is measured.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>

/* Two of these take 8 of the 16 MiB hammered.share.dts gives it. */
#define HAMMER_BYTES	(4u << 20)
/* A chunk of memset and memcpy between two lines on the console. */
#define HAMMER_CHUNK	(64u << 10)

static uint8_t hammer_a[HAMMER_BYTES], hammer_b[HAMMER_BYTES];

int main(int argc, char **argv)
{
	uint64_t end, passes = 0;

	if (argc != 2) {
		printf("usage: hammer <ms>\n");
		return 1;
	}
	end = tessera_now_ns() + strtoul(argv[1], NULL, 10) * 1000000ull;
	while (tessera_now_ns() < end) {
		for (uint32_t off = 0; off < HAMMER_BYTES; off += HAMMER_CHUNK) {
			memset(hammer_a + off, (int)passes, HAMMER_CHUNK);
			memcpy(hammer_b + off, hammer_a + off, HAMMER_CHUNK);
			printf("hammer pass %lu offset %u: %u bytes set and "
			       "copied\n", passes, off, HAMMER_CHUNK);
		}
		passes++;
	}
	printf("hammer: %lu passes\n", passes);
	return 0;
}
