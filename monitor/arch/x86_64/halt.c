// SPDX-License-Identifier: MIT
/* The end of the run (tessera/halt.h). */

#include <arch/io.h>
#include <arch/irq.h>
#include <arch/processor.h>
#include <tessera/console.h>
#include <tessera/halt.h>
#include <tessera/panic.h>
#include <tessera/printk.h>
#include <tessera/tables.h>

void machine_halt(enum halt_status status)
{
	arch_irq_save();
	if (!arch_stop_other_cpus())
		cpu_park();	/* another CPU is ending the run */
	console_panic();	/* a stopped CPU may have held the console */
	printk("halting: status %d", status);
	machine_off(status);
}

void machine_off(enum halt_status status)
{
	const struct tessera_tables *t = &tessera_tables;

	arch_irq_save();
	if (t->debug_exit < t->nr_devices && t->devices[t->debug_exit].nr_ports)
		outb(t->devices[t->debug_exit].ports[0].base,
		     HALT_DEBUG_EXIT_BASE + status);
	cpu_park();
}
