// SPDX-License-Identifier: MIT
/*
 * Stopping the other CPUs, for a panic or the end of the run: an NMI to
 * each online CPU through its local APIC, which no interrupt mask holds
 * off. The NMI handler sees who is stopping and halts for good; it never
 * returns, so the CPU stays blocked for further NMIs (until an IRET) and
 * none recurses. NMIs go to online CPUs one by one, not as a broadcast:
 * a CPU still in the trampoline has no IDT yet.
 */

#include <stdbool.h>
#include <arch/irq.h>
#include <arch/processor.h>
#include <arch/smp.h>
#include <arch/timer.h>
#include <drivers/lapic.h>
#include <tessera/panic.h>
#include <tessera/percpu.h>

#define STOP_TIMEOUT_US	100000

static int stopping_cpu = -1;		/* the CPU stopping the others */
static unsigned int nr_stopped;

bool arch_stop_other_cpus(void)
{
	int me = (int)this_cpu()->index, expected = -1;
	unsigned int nr_sent = 0;
	uint64_t deadline;

	if (!__atomic_compare_exchange_n(&stopping_cpu, &expected, me, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return expected == me;
	for (unsigned int i = 0; i < CONFIG_MAX_CPUS; i++) {
		if (i == (unsigned int)me ||
		    !__atomic_load_n(&percpu[i].online, __ATOMIC_ACQUIRE))
			continue;
		if (lapic_send_ipi(percpu[i].apic_id, LAPIC_ICR_NMI) == 0)
			nr_sent++;
	}
	deadline = timer_deadline_us(STOP_TIMEOUT_US);
	while (__atomic_load_n(&nr_stopped, __ATOMIC_ACQUIRE) < nr_sent &&
	       !timer_passed(deadline))
		arch_cpu_relax();
	return true;
}

void smp_stop_nmi(const struct cpu_regs *regs)
{
	int stopper = __atomic_load_n(&stopping_cpu, __ATOMIC_ACQUIRE);

	if (stopper < 0)
		panic_regs(regs, "unexpected NMI");
	if (stopper == (int)this_cpu()->index)
		return;
	__atomic_fetch_add(&nr_stopped, 1, __ATOMIC_RELEASE);
	cpu_park();
}
