/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TIME_SCALE_H
#define TESSERA_TIME_SCALE_H

/*
 * Counter ticks to nanoseconds and back (monitor/lib/time_scale.c,
 * host-tested), with the scale partitions read in shared_info.time: ns =
 * ((ticks << shift) * mul) >> 32, shift negative meaning a right shift
 * (tessera_time_scale() of public/shared_info.h). The monitor and every
 * partition convert with the same numbers, so that a deadline one side
 * computes is reached at the same tick on the other.
 */

#include <stdint.h>
#include <public/shared_info.h>

struct time_scale {
	uint32_t mul;	/* in [2^31, 2^32): ns per shifted tick, x 2^32 */
	int8_t shift;
};

/* The scale of a counter of `hz` ticks a second (hz > 0), as Xen's. */
void time_scale_init(struct time_scale *ts, uint64_t hz);

static inline uint64_t time_scale_ns(const struct time_scale *ts,
				     uint64_t ticks)
{
	return tessera_time_scale(ticks, ts->mul, ts->shift);
}

/*
 * The fewest ticks that scale to `ns` or more: a timer armed that many
 * ticks after the start of time never fires before `ns`. UINT64_MAX when
 * no tick count reaches it (ns beyond what 64 bits of ticks can scale to).
 */
uint64_t time_scale_ticks(const struct time_scale *ts, uint64_t ns);

#endif
