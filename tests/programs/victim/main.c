// SPDX-License-Identifier: MIT
/*
 * The victim: a workload that runs beside attackers and must still come
 * out right. `victim <rounds>` prints a running checksum after each round
 * and yields, so that partitions sharing its CPU run in between, then
 * prints the final checksum and returns 0.
 *
 * Each round runs a recurrence in SSE doubles, in which every step rounds,
 * so a rounding mode (MXCSR) leaked from another partition changes the
 * result, and a sum in x87 long doubles, which would fault if another
 * partition's pending x87 exception leaked in. tests/system/conftest.py
 * (victim_lines) computes the same lines in Python.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>

#define VICTIM_STEPS	100000u

/* FNV-1a's step, on 64-bit words */
static uint64_t victim_mix(uint64_t hash, uint64_t word)
{
	return (hash ^ word) * 0x100000001b3ull;
}

static uint64_t victim_round(uint64_t hash, unsigned int round)
{
	double series = 1.0;
	long double sum = 0;	/* exact: every partial sum is below 2^63 */
	uint64_t bits;

	for (unsigned int i = 1; i <= VICTIM_STEPS; i++) {
		series = series * 0.999 + 1.0 / (double)(i + round);
		sum += (long double)i * round;
	}
	memcpy(&bits, &series, sizeof(bits));
	return victim_mix(victim_mix(hash, bits), (uint64_t)sum);
}

int main(int argc, char **argv)
{
	unsigned int rounds = argc > 1 ? strtoul(argv[1], NULL, 0) : 0;
	uint64_t hash = 0xcbf29ce484222325ull;	/* FNV-1a's offset basis */

	for (unsigned int round = 0; round < rounds; round++) {
		hash = victim_round(hash, round);
		printf("round %u: 0x%016lx\n", round, hash);
		tessera_yield();
	}
	printf("checksum 0x%016lx\n", hash);
	return 0;
}
