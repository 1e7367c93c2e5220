/* SPDX-License-Identifier: MIT */
#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

#define X86_EFLAGS_IF	(1UL << 9)

static inline void arch_cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

/* Disables interrupts and returns the previous RFLAGS. */
static inline unsigned long arch_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0; cli" : "=r"(flags) :: "memory");
	return flags;
}

static inline void arch_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		__asm__ __volatile__("sti" ::: "memory");
}

#endif
