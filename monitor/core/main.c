// SPDX-License-Identifier: MIT
/*
 * The boot flow. The boot CPU says who it is, checks the domain tables,
 * checks the machine against the board (memory, then CPUs) and refuses a
 * machine that differs, builds the monitor's address space, quiets the
 * interrupt controllers and calibrates the timers, starts every other CPU
 * of the board, and prints the domain table. The other CPUs report
 * online and wait for work.
 *
 * Then the partitions are built and loaded, and every CPU runs its vCPUs
 * (monitor/core/sched.c) until the last partition has ended.
 */

#include <stdbool.h>
#include <stdint.h>
#include <drivers/uart16550.h>
#include <tessera/console.h>
#include <tessera/cpu.h>
#include <tessera/device.h>
#include <tessera/halt.h>
#include <tessera/machine.h>
#include <tessera/panic.h>
#include <tessera/partition.h>
#include <tessera/percpu.h>
#include <tessera/printk.h>
#include <tessera/sched.h>
#include <tessera/tables.h>
#include <tessera/tables_check.h>
#include <tessera/version.h>

static const struct tessera_tables *const tables = &tessera_tables;

static __noreturn void main_refuse(void)
{
	printk("machine does not match board %s: halting", tables->board);
	machine_halt(HALT_MISMATCH);
}

static void main_check_memory(void)
{
	const struct memmap_entry *map;
	int n = arch_memory_map(&map);
	int problems = n < 0 ? 1 : machine_check_memory(tables, map, (size_t)n);

	problems += arch_check_reservations(tables);
	if (problems)
		main_refuse();
}

static void main_check_cpus(void)
{
	const uint32_t *ids;
	int n = arch_cpus_present(&ids);
	int problems = n < 0 ? 1 : machine_check_cpus(tables, ids, (size_t)n);

	if (cpu_index_of(this_cpu()->apic_id) < 0) {
		printk("the boot cpu (apic id %u) is not a cpu of the board",
		       this_cpu()->apic_id);
		problems++;
	}
	if (problems)
		main_refuse();
}

static void main_cpu_online(void)
{
	struct percpu *cpu = this_cpu();

	printk("cpu %u online: apic id %u", cpu->index, cpu->apic_id);
	__atomic_store_n(&cpu->online, true, __ATOMIC_RELEASE);
}

static void main_start_cpus(void)
{
	arch_smp_prepare();
	for (unsigned int i = 0; i < tables->nr_cpus; i++) {
		uint32_t apic_id = tables->cpus[i].apic_id;

		if (i == this_cpu()->index)
			continue;
		if (arch_cpu_start(i, apic_id)) {
			printk("cpu %u (apic id %u) did not answer INIT-SIPI-SIPI",
			       i, apic_id);
			main_refuse();
		}
	}
	arch_smp_done();
}

#ifdef CONFIG_TEST_MONITOR_FAULT
/* In the low half, which holds no mapping once the APs are up. */
#define MAIN_TEST_FAULT_ADDRESS	0xdead0000UL

static void main_test_fault(void)
{
	(void)*(volatile uint64_t *)MAIN_TEST_FAULT_ADDRESS;
}

/* The exception path under test: a #PF on an AP, the others running. */
static __noreturn void main_fault_on_purpose(void)
{
	unsigned int last = tables->nr_cpus - 1;
	unsigned int cpu = last == this_cpu()->index ? 0 : last;
	int err = 0;

	printk("CONFIG_TEST_MONITOR_FAULT: cpu %u reads 0x%lx", cpu,
	       MAIN_TEST_FAULT_ADDRESS);
	if (cpu == this_cpu()->index)
		main_test_fault();
	else
		err = smp_call(cpu, main_test_fault, true);
	panic("cpu %u did not fault reading 0x%lx (smp_call: %d)", cpu,
	      MAIN_TEST_FAULT_ADDRESS, err);
}
#endif

void main_bsp(void)
{
	console_init(uart16550_init(tables));
	printk("Tessera %s", TESSERA_VERSION);
	if (tables_check(tables))
		panic("the domain tables of this image are inconsistent");
	printk("board %s (%s), system %s", tables->board, tables->model,
	       tables->system);
	main_check_memory();
	arch_mm_init(tables);
	main_check_cpus();
	arch_platform_init(tables);
	if (devices_init())
		main_refuse();
	main_cpu_online();
	main_start_cpus();
	tables_print(tables);
	printk("cpus online: %u", cpus_online());
#ifdef CONFIG_TEST_MONITOR_FAULT
	main_fault_on_purpose();
#endif
	partitions_init();
	sched_start_all();
	sched_run();
}

void main_ap(void)
{
	main_cpu_online();
	sched_run();
}
