// SPDX-License-Identifier: MIT
/* The local APIC, xAPIC mode (see drivers/lapic.h). */

#include <stdint.h>
#include <arch/io.h>
#include <arch/irq.h>
#include <arch/msr.h>
#include <arch/paging.h>
#include <arch/vectors.h>
#include <drivers/lapic.h>
#include <tessera/errno.h>
#include <tessera/panic.h>

#define LAPIC_ID		0x020
#define LAPIC_TPR		0x080
#define LAPIC_EOI		0x0b0
#define LAPIC_SVR		0x0f0
#define  SVR_ENABLE		(1U << 8)
#define LAPIC_ESR		0x280
#define LAPIC_ICR_LOW		0x300
#define  ICR_PENDING		(1U << 12)
#define LAPIC_ICR_HIGH		0x310
#define LAPIC_LVT_TIMER		0x320
#define LAPIC_LVT_THERMAL	0x330
#define LAPIC_LVT_PERF		0x340
#define LAPIC_LVT_LINT0		0x350
#define LAPIC_LVT_LINT1		0x360
#define LAPIC_LVT_ERROR		0x370
#define  LVT_MASKED		(1U << 16)
#define  LVT_NMI		(4U << 8)
#define  LVT_TIMER_TSC_DEADLINE	(2U << 17)
#define LAPIC_TIMER_INITIAL	0x380
#define LAPIC_TIMER_CURRENT	0x390
#define LAPIC_TIMER_DIVIDER	0x3e0
#define  DIVIDER_16		0x3	/* LAPIC_TIMER_DIVIDE */

/*
 * How often to poll the ICR's delivery status before giving up. An xAPIC
 * takes an IPI within microseconds; one MMIO read costs at least 100 ns,
 * so this allows well beyond a millisecond, without needing a timer (the
 * panic path sends NMIs before one may be calibrated).
 */
#define ICR_POLLS		100000

static volatile uint8_t *lapic;

static uint32_t lapic_read(uint32_t reg)
{
	return mmio_read32(lapic + reg);
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	mmio_write32(lapic + reg, v);
}

void lapic_init(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);

	if (!(base & APIC_BASE_ENABLE) || (base & APIC_BASE_X2APIC))
		panic("local APIC %s by the firmware (IA32_APIC_BASE 0x%lx)",
		      base & APIC_BASE_X2APIC ? "in x2APIC mode" : "disabled",
		      base);
	lapic = paging_map_mmio(base & APIC_BASE_ADDR_MASK, PAGE_SIZE);
	lapic_enable();
}

void lapic_enable(void)
{
	lapic_write(LAPIC_TPR, 0);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | VECTOR_TIMER);
	lapic_write(LAPIC_LVT_THERMAL, LVT_MASKED);
	lapic_write(LAPIC_LVT_PERF, LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT0, LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT1, LVT_NMI);
	lapic_write(LAPIC_LVT_ERROR, LVT_MASKED);
	lapic_write(LAPIC_TIMER_DIVIDER, DIVIDER_16);
	lapic_write(LAPIC_SVR, SVR_ENABLE | VECTOR_SPURIOUS);
	/* the ESR latches on a write: twice clears what firmware left */
	lapic_write(LAPIC_ESR, 0);
	lapic_write(LAPIC_ESR, 0);
	lapic_eoi();
}

uint32_t lapic_id(void)
{
	return lapic_read(LAPIC_ID) >> 24;
}

void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

static int lapic_icr_idle(void)
{
	for (unsigned int i = 0; i < ICR_POLLS; i++) {
		if (!(lapic_read(LAPIC_ICR_LOW) & ICR_PENDING))
			return 0;
		arch_cpu_relax();
	}
	return -EBUSY;
}

int lapic_send_ipi(uint32_t apic_id, uint32_t icr)
{
	unsigned long flags = arch_irq_save();	/* the two writes, unbroken */
	int err = lapic_icr_idle();

	if (!err) {
		lapic_write(LAPIC_ICR_HIGH, apic_id << 24);
		lapic_write(LAPIC_ICR_LOW, icr);
		err = lapic_icr_idle();
	}
	arch_irq_restore(flags);
	return err;
}

void lapic_timer_start_count(void)
{
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | VECTOR_TIMER);
	lapic_write(LAPIC_TIMER_INITIAL, UINT32_MAX);
}

uint32_t lapic_timer_count(void)
{
	return lapic_read(LAPIC_TIMER_CURRENT);
}

void lapic_timer_tsc_deadline_mode(void)
{
	lapic_write(LAPIC_LVT_TIMER, LVT_TIMER_TSC_DEADLINE | VECTOR_TIMER);
	/* the mode is set before a deadline is written (Intel SDM 10.5.4.1) */
	__asm__ __volatile__("mfence" ::: "memory");
}

void lapic_timer_oneshot(uint32_t count)
{
	lapic_write(LAPIC_LVT_TIMER, VECTOR_TIMER);
	lapic_write(LAPIC_TIMER_INITIAL, count);
}
