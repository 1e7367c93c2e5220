// SPDX-License-Identifier: MIT
/*
 * Cross-CPU calls: a function pointer in the target's slot and an IPI on
 * VECTOR_CALL. One call per target at a time; a caller waits, bounded,
 * for the slot to be free. Used to flush every CPU's TLB after a mapping
 * is removed.
 */

#include <stdbool.h>
#include <arch/irq.h>
#include <arch/smp.h>
#include <arch/timer.h>
#include <arch/vectors.h>
#include <drivers/lapic.h>
#include <tessera/cpu.h>
#include <tessera/errno.h>
#include <tessera/percpu.h>

#define SMP_CALL_TIMEOUT_US	1000000

typedef void (*smp_call_fn)(void);

int smp_call(unsigned int index, void (*fn)(void), bool wait)
{
	uint64_t deadline = timer_deadline_us(SMP_CALL_TIMEOUT_US);
	smp_call_fn expected = NULL, *slot;
	struct percpu *cpu;

	if (index >= CONFIG_MAX_CPUS)
		return -ENODEV;
	cpu = &percpu[index];
	slot = &cpu->arch.call_fn;
	if (cpu == this_cpu() || !__atomic_load_n(&cpu->online, __ATOMIC_ACQUIRE))
		return -ENODEV;
	while (!__atomic_compare_exchange_n(slot, &expected, fn, false,
					    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		if (timer_passed(deadline))
			return -EBUSY;
		expected = NULL;
		arch_cpu_relax();
	}
	if (lapic_send_ipi(cpu->apic_id, LAPIC_ICR_FIXED | VECTOR_CALL) < 0) {
		__atomic_store_n(slot, NULL, __ATOMIC_RELEASE);
		return -EBUSY;
	}
	/* the target empties the slot once fn has returned */
	while (wait && __atomic_load_n(slot, __ATOMIC_ACQUIRE) == fn) {
		if (timer_passed(deadline))
			return -EBUSY;
		arch_cpu_relax();
	}
	return 0;
}

void arch_cpu_kick(unsigned int index)
{
	const struct percpu *cpu = &percpu[index];

	/* a kick that cannot be sent leaves the vCPU to its CPU's next
	 * timer interrupt: late, never lost */
	if (index < CONFIG_MAX_CPUS && cpu != this_cpu() &&
	    __atomic_load_n(&cpu->online, __ATOMIC_ACQUIRE))
		lapic_send_ipi(cpu->apic_id, LAPIC_ICR_FIXED | VECTOR_KICK);
}

void smp_call_interrupt(void)
{
	smp_call_fn *slot = &this_cpu()->arch.call_fn;
	smp_call_fn fn = __atomic_load_n(slot, __ATOMIC_ACQUIRE);

	lapic_eoi();
	if (fn) {
		fn();
		__atomic_store_n(slot, NULL, __ATOMIC_RELEASE);
	}
}
