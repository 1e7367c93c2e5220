/* SPDX-License-Identifier: MIT */
#ifndef ARCH_TIMER_H
#define ARCH_TIMER_H

/*
 * Time on x86_64 (monitor/arch/x86_64/timer.c): the TSC and the local
 * APIC timer, their rates calibrated once at boot, and delays and
 * deadlines on the TSC.
 */

#include <stdbool.h>
#include <stdint.h>
#include <arch/muldiv.h>
#include <arch/processor.h>
#include <tessera/tables.h>

extern uint64_t tsc_hz;		/* 0 until timer_calibrate */
extern uint64_t lapic_timer_hz;	/* after LAPIC_TIMER_DIVIDE */

/*
 * Calibrates against the board's HPET, else its PIT (or takes the TSC
 * rate from CPUID where the TSC is invariant and the leaf filled), and
 * prints both rates. Boot CPU, once, its local APIC enabled.
 */
void timer_calibrate(const struct tessera_tables *t);

/* The TSC value `us` microseconds from now; now itself before calibration. */
static inline uint64_t timer_deadline_us(uint64_t us)
{
	return rdtsc() + mul_div_u64(us, tsc_hz, 1000000);
}

static inline bool timer_passed(uint64_t deadline)
{
	return (int64_t)(rdtsc() - deadline) >= 0;
}

void timer_udelay(uint64_t us);

#endif
