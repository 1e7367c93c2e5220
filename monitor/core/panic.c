// SPDX-License-Identifier: MIT
/* The monitor's panic (see tessera/panic.h). */

#include <stdarg.h>
#include <arch/irq.h>
#include <arch/processor.h>
#include <arch/regs.h>
#include <tessera/console.h>
#include <tessera/halt.h>
#include <tessera/panic.h>
#include <tessera/percpu.h>
#include <tessera/printk.h>

#define PANIC_REASON_MAX	128

static int panic_cpu = -1;	/* the CPU that panicked first */

static __noreturn void panic_vregs(const struct cpu_regs *regs,
				   const char *fmt, va_list ap)
{
	int me = (int)this_cpu()->index, expected = -1;
	char reason[PANIC_REASON_MAX];

	arch_irq_save();
	if (!__atomic_compare_exchange_n(&panic_cpu, &expected, me, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		if (expected == me)
			machine_off(HALT_PANIC);	/* the panic path itself failed */
		cpu_park();				/* the first one stops us */
	}
	console_panic();
	if (!arch_stop_other_cpus())
		cpu_park();
	vsnprintf(reason, sizeof(reason), fmt, ap);
	printk("panic on cpu %d: %s", me, reason);
	arch_dump_regs(regs);
	machine_halt(HALT_PANIC);
}

void panic(const char *fmt, ...)
{
	struct cpu_regs regs;
	va_list ap;

	arch_save_regs(&regs);
	va_start(ap, fmt);
	panic_vregs(&regs, fmt, ap);
}

void panic_regs(const struct cpu_regs *regs, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	panic_vregs(regs, fmt, ap);
}
