/* SPDX-License-Identifier: MIT */
#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H
/* Host stand-in for monitor/arch/x86_64/include/arch/irq.h: user space
 * cannot mask interrupts, so the hooks only relax and count. */
#include <sched.h>

static inline void arch_cpu_relax(void)
{
	__builtin_ia32_pause();
}

static inline unsigned long arch_irq_save(void)
{
	return 0;
}

static inline void arch_irq_restore(unsigned long flags)
{
	(void)flags;
}

#endif
