/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_LAPIC_H
#define DRIVERS_LAPIC_H

/*
 * The local APIC in xAPIC mode, through its MMIO page (monitor/drivers/
 * lapic.c): enabling it, EOI, inter-processor interrupts, and its timer.
 */

#include <stdint.h>

/* ICR delivery modes, with the level bit INIT needs. */
#define LAPIC_ICR_FIXED		0x00000
#define LAPIC_ICR_NMI		0x00400
#define LAPIC_ICR_INIT		0x04500		/* INIT, level assert */
#define LAPIC_ICR_STARTUP	0x04600		/* | the start page number */

/* The timer counts the bus clock divided by this. */
#define LAPIC_TIMER_DIVIDE	16

/*
 * Maps the boot CPU's local APIC (from IA32_APIC_BASE) and enables it.
 * Panics when firmware left it in x2APIC mode or disabled.
 */
void lapic_init(void);

/* Enables this CPU's local APIC: spurious vector, every LVT masked but
 * LINT1 (NMI), the timer's divider; nothing from the 8259 (LINT0). */
void lapic_enable(void);

uint32_t lapic_id(void);
void lapic_eoi(void);

/*
 * Sends an IPI (icr: LAPIC_ICR_* | vector) to one CPU. 0, or -EBUSY when
 * the APIC did not take it (delivery status stuck) within a bound.
 */
int lapic_send_ipi(uint32_t apic_id, uint32_t icr);

/* Lets the timer count down from its largest value, masked (to calibrate). */
void lapic_timer_start_count(void);
uint32_t lapic_timer_count(void);

/* Raises VECTOR_TIMER once, after `count` timer ticks; 0 stops the timer. */
void lapic_timer_oneshot(uint32_t count);

/* From now on VECTOR_TIMER comes when the TSC reaches IA32_TSC_DEADLINE. */
void lapic_timer_tsc_deadline_mode(void);

#endif
