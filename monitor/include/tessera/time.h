/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TIME_H
#define TESSERA_TIME_H

/*
 * System time: nanoseconds since T0, the time base taken once at boot
 * before any partition runs, the same on every CPU; what partitions read
 * in shared_info.time and what the CPU schedules count from. And each
 * CPU's one timer, armed for an instant of system time.
 */

#include <stdint.h>
#include <public/shared_info.h>

#define TIME_NEVER	UINT64_MAX

/* ---- supplied by the architecture ---------------------------------- */

/* Takes T0 and the scale (boot CPU, once, after timer calibration). */
void time_init(void);

uint64_t time_now_ns(void);

/* The stamp partitions read, with the version protocol of shared_info.h. */
void time_info_fill(struct tessera_time_info *ti);

/* This CPU's timer quiet and in the mode time_arm uses (every CPU, once). */
void time_timer_init(void);

/*
 * One timer interrupt on this CPU at the first instant of system time at
 * or after `ns` (at once when that has passed); TIME_NEVER: none. Replaces
 * what was armed before.
 */
void time_arm(uint64_t ns);

#endif
