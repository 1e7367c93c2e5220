/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_REFCLOCK_H
#define DRIVERS_REFCLOCK_H

/*
 * A free-running counter of known frequency, that the TSC and the local
 * APIC timer are calibrated against: the HPET (monitor/drivers/hpet.c) or
 * the PIT (monitor/drivers/pit.c).
 */

#include <stdint.h>

struct refclock {
	const char *name;
	uint64_t hz;
	uint64_t (*read)(void);	/* counts up; differences taken mod 2^bits */
	uint64_t mask;		/* 2^bits - 1 */
};

/* The HPET whose registers are at `pa`: 0, or -ENODEV when none answers. */
int hpet_refclock(uint64_t pa, struct refclock *rc);

/*
 * The 8254 PIT at ports `base`..`base` + 3, channel 2 (gated by port
 * 0x61, no interrupt). Its 16-bit counter wraps every 55 ms, so it is
 * extended on each read: read it more often than that.
 */
int pit_refclock(uint16_t base, struct refclock *rc);

#endif
