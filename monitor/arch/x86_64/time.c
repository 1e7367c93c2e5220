// SPDX-License-Identifier: MIT
/*
 * System time on the TSC, and the local APIC timer armed on it (see
 * tessera/time.h). The TSC is one counter for every CPU at one constant
 * rate (the monitor requires it), so T0 taken on the boot CPU holds for
 * all. The timer runs in TSC-deadline mode where CPUID has it: the
 * deadline is the TSC value itself, exact and free of drift. Otherwise it
 * counts down a one-shot interval converted to its own rate, rounded up
 * so that it does not fire before the instant; a wait longer than the
 * counter holds fires early, once a second, and the scheduler re-arms.
 */

#include <stdint.h>
#include <arch/cpufeature.h>
#include <arch/msr.h>
#include <arch/muldiv.h>
#include <arch/processor.h>
#include <arch/timer.h>
#include <drivers/lapic.h>
#include <tessera/compiler.h>
#include <tessera/printk.h>
#include <tessera/time.h>
#include <tessera/time_scale.h>

static uint64_t time_t0;		/* TSC at system time 0 */
static struct time_scale time_scale;

void time_init(void)
{
	time_scale_init(&time_scale, tsc_hz);
	time_t0 = rdtsc();
	printk("system time: T0 at tsc %lu, scale %u >> 32 shift %d; "
	       "local timer in %s mode", time_t0, time_scale.mul,
	       time_scale.shift,
	       cpu_features.tsc_deadline ? "tsc-deadline" : "one-shot");
}

uint64_t time_now_ns(void)
{
	return time_scale_ns(&time_scale, rdtsc() - time_t0);
}

void time_info_fill(struct tessera_time_info *ti)
{
	WRITE_ONCE(ti->version, ti->version | 1);
	barrier();	/* odd before the fields change: x86 keeps store order */
	ti->tsc_timestamp = time_t0;
	ti->system_time = 0;
	ti->tsc_to_system_mul = time_scale.mul;
	ti->tsc_shift = time_scale.shift;
	barrier();	/* the fields before the even version */
	WRITE_ONCE(ti->version, ti->version + 1);
}

void time_timer_init(void)
{
	if (cpu_features.tsc_deadline)
		lapic_timer_tsc_deadline_mode();
	time_arm(TIME_NEVER);
}

/* The TSC value at system time ns, or UINT64_MAX for never. */
static uint64_t time_tsc_at(uint64_t ns)
{
	uint64_t ticks = ns == TIME_NEVER ? UINT64_MAX :
			 time_scale_ticks(&time_scale, ns);

	return ticks > UINT64_MAX - time_t0 ? UINT64_MAX : time_t0 + ticks;
}

void time_arm(uint64_t ns)
{
	uint64_t tsc = time_tsc_at(ns), now, delta;

	if (cpu_features.tsc_deadline) {
		/* 0 disarms; UINT64_MAX is past any TSC this machine reaches */
		wrmsr(MSR_TSC_DEADLINE, ns == TIME_NEVER ? 0 : tsc);
		return;
	}
	if (ns == TIME_NEVER) {
		lapic_timer_oneshot(0);
		return;
	}
	now = rdtsc();
	delta = tsc > now ? tsc - now : 0;
	if (delta > tsc_hz)
		delta = tsc_hz;	/* at most a second: the count fits 32 bits */
	/* rounded up, and one more: never before the instant */
	lapic_timer_oneshot((uint32_t)(mul_div_u64(delta, lapic_timer_hz,
						   tsc_hz) + 1));
}
