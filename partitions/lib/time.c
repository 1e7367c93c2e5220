// SPDX-License-Identifier: MIT
/* The system time, read without a hypercall (see <tessera.h>). */

#include <stdint.h>
#include <tessera.h>

/* A load the compiler neither caches, merges nor moves across another. */
#define TIME_READ(x)	(*(const volatile __typeof__(x) *)&(x))

uint64_t tessera_now_ns(void)
{
	const struct tessera_time_info *t = &tessera_shared_info()->time;
	uint64_t tsc_timestamp, system_time;
	uint32_t version, mul, lo, hi;
	int8_t shift;

	do {
		version = TIME_READ(t->version);
		tsc_timestamp = TIME_READ(t->tsc_timestamp);
		system_time = TIME_READ(t->system_time);
		mul = TIME_READ(t->tsc_to_system_mul);
		shift = TIME_READ(t->tsc_shift);
		/* lfence: rdtsc does not run ahead of the loads above */
		__asm__ __volatile__("lfence; rdtsc" : "=a"(lo), "=d"(hi)
				     :: "memory");
	} while ((version & 1) || version != TIME_READ(t->version));
	return system_time + tessera_time_scale(((uint64_t)hi << 32 | lo) -
						tsc_timestamp, mul, shift);
}
