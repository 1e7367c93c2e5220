/* SPDX-License-Identifier: MIT */
#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

/*
 * Host stand-in for monitor/arch/x86_64/include/arch/irq.h. User space
 * cannot mask interrupts, so each thread keeps a pretend interrupt flag
 * that tests read with host_irqs_enabled(): it lets a test check that code
 * runs with interrupts off where the monitor must.
 */

#include <sched.h>
#include <stdbool.h>

#define HOST_IRQ_ENABLED	1UL

/* weak: every test that includes this header shares one flag per thread */
__attribute__((weak)) __thread unsigned long host_irq_flags = HOST_IRQ_ENABLED;

static inline bool host_irqs_enabled(void)
{
	return host_irq_flags & HOST_IRQ_ENABLED;
}

/*
 * A CPU spinning on a lock waits for another that runs; a thread may wait
 * for one that is not scheduled, more threads than cores. Yielding lets it
 * run, or a ticket lock with more waiters than cores crawls.
 */
static inline void arch_cpu_relax(void)
{
	sched_yield();
}

static inline unsigned long arch_irq_save(void)
{
	unsigned long flags = host_irq_flags;

	host_irq_flags = 0;
	return flags;
}

static inline void arch_irq_restore(unsigned long flags)
{
	host_irq_flags = flags;
}

#endif
