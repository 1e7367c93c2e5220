// SPDX-License-Identifier: MIT
/* Ticks to nanoseconds and back (see tessera/time_scale.h). */

#include <tessera/time_scale.h>

#define NS_PER_S	1000000000ULL

void time_scale_init(struct time_scale *ts, uint64_t hz)
{
	int shift = 0;

	/* bring the rate into (1e9, 2e9], so that mul lands in [2^31, 2^32) */
	while (hz > 2 * NS_PER_S) {
		hz >>= 1;
		shift--;
	}
	while (hz <= NS_PER_S) {
		hz <<= 1;
		shift++;
	}
	ts->mul = (uint32_t)((NS_PER_S << 32) / hz);
	ts->shift = (int8_t)shift;
}

uint64_t time_scale_ticks(const struct time_scale *ts, uint64_t ns)
{
	unsigned __int128 shifted, ticks;
	uint64_t rem = ns % ts->mul;

	/*
	 * The fewest shifted ticks s with (s * mul) >> 32 >= ns: the ceiling
	 * of ns * 2^32 / mul, divided in two 64-bit steps (the monitor has
	 * no 128-bit division).
	 */
	shifted = ((unsigned __int128)(ns / ts->mul) << 32) +
		  ((rem << 32) + ts->mul - 1) / ts->mul;
	if (ts->shift >= 0)
		ticks = (shifted + (1ULL << ts->shift) - 1) >> ts->shift;
	else
		ticks = shifted << -ts->shift;
	/* beyond 64 bits, or where ticks << shift would wrap in the reader */
	if (ticks >> (64 - (ts->shift > 0 ? ts->shift : 0)))
		return UINT64_MAX;
	return (uint64_t)ticks;
}
