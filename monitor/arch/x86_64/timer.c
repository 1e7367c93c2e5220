// SPDX-License-Identifier: MIT
/*
 * Calibrating the TSC and the local APIC timer (see arch/timer.h): both
 * counted over CALIBRATION_MS of the reference clock, with the TSC's rate
 * from CPUID instead when the CPU states it.
 */

#include <stdint.h>
#include <arch/cpufeature.h>
#include <arch/irq.h>
#include <arch/processor.h>
#include <arch/timer.h>
#include <drivers/lapic.h>
#include <drivers/refclock.h>
#include <tessera/errno.h>
#include <tessera/panic.h>
#include <tessera/printk.h>
#include <tessera/string.h>

#define CALIBRATION_MS	10

/*
 * Reads of a reference clock that may pass without it moving before it
 * is deemed dead: at the slowest (the PIT, 1.19 MHz) it moves every
 * microsecond, and no read is that quick.
 */
#define REFCLOCK_STALL_READS	1000000

uint64_t tsc_hz;
uint64_t lapic_timer_hz;

/* The monitor's device of that compatible in the tables, or NULL. */
static const struct tt_device *timer_device(const struct tessera_tables *t,
					    const char *compatible)
{
	for (uint32_t i = 0; i < t->nr_devices; i++)
		if (t->devices[i].owner == TT_MONITOR &&
		    !strcmp(t->devices[i].compatible, compatible))
			return &t->devices[i];
	return NULL;
}

static int timer_refclock(const struct tessera_tables *t, struct refclock *rc)
{
	const struct tt_device *hpet = timer_device(t, "intel,hpet");
	const struct tt_device *pit = timer_device(t, "intel,8254");

	if (hpet && hpet->nr_mmio && !hpet_refclock(hpet->mmio[0].base, rc))
		return 0;
	if (pit && pit->nr_ports)
		return pit_refclock(pit->ports[0].base, rc);
	return -ENODEV;
}

/* The TSC rate CPUID leaf 0x15 states (crystal rate times the ratio), or 0. */
static uint64_t timer_tsc_hz_cpuid(void)
{
	struct cpuid l15;

	if (!cpu_features.invariant_tsc || cpuid(0, 0).eax < 0x15)
		return 0;
	l15 = cpuid(0x15, 0);
	if (!l15.eax || !l15.ebx || !l15.ecx)
		return 0;
	return mul_div_u64(l15.ecx, l15.ebx, l15.eax);
}

/* Counts the TSC and the APIC timer over CALIBRATION_MS of rc. */
static void timer_measure(const struct refclock *rc)
{
	uint64_t window = rc->hz * CALIBRATION_MS / 1000, stalled = 0;
	uint64_t ref0, ref, last, tsc0, tsc1;
	uint32_t apic0, apic1;

	lapic_timer_start_count();
	last = ref0 = rc->read();
	tsc0 = rdtsc();
	apic0 = lapic_timer_count();
	do {
		ref = rc->read();
		stalled = ref == last ? stalled + 1 : 0;
		if (stalled > REFCLOCK_STALL_READS)
			panic("the %s does not count: cannot calibrate", rc->name);
		last = ref;
	} while (((ref - ref0) & rc->mask) < window);
	tsc1 = rdtsc();
	apic1 = lapic_timer_count();
	ref = (ref - ref0) & rc->mask;
	if (!tsc_hz)
		tsc_hz = mul_div_u64(tsc1 - tsc0, rc->hz, ref);
	lapic_timer_hz = mul_div_u64(apic0 - apic1, rc->hz, ref);
}

/* A rate in Hz as the two arguments of "%lu.%03lu MHz". */
#define MHZ(hz)	(hz) / 1000000, (hz) / 1000 % 1000

void timer_calibrate(const struct tessera_tables *t)
{
	struct refclock rc;
	const char *tsc_source;

	if (timer_refclock(t, &rc))
		panic("board %s has no hpet or pit to calibrate the timers",
		      t->board);
	tsc_hz = timer_tsc_hz_cpuid();
	tsc_source = tsc_hz ? "from cpuid" : "calibrated";
	timer_measure(&rc);
	if (!tsc_hz || !lapic_timer_hz)
		panic("calibration against the %s gave tsc %lu Hz, apic timer %lu Hz",
		      rc.name, tsc_hz, lapic_timer_hz);
	printk("timers: tsc %lu.%03lu MHz (%s), apic timer %lu.%03lu MHz "
	       "(bus / %u, calibrated); reference: %s", MHZ(tsc_hz), tsc_source,
	       MHZ(lapic_timer_hz), LAPIC_TIMER_DIVIDE, rc.name);
}

void timer_udelay(uint64_t us)
{
	uint64_t deadline = timer_deadline_us(us);

	while (!timer_passed(deadline))
		arch_cpu_relax();
}
