// SPDX-License-Identifier: MIT
/*
 * Starting the APs (SDM vol. 3, 8.4.4.1): the trampoline copied to its
 * page, then for each AP in turn INIT, 10 ms, SIPI, 200 us, SIPI, 200 us,
 * and a bounded wait until it reports online. One at a time, so one
 * trampoline_data serves all and the console shows them in order.
 */

#include <stdint.h>
#include <arch/cpufeature.h>
#include <arch/irq.h>
#include <arch/paging.h>
#include <arch/percpu.h>
#include <arch/processor.h>
#include <arch/smp.h>
#include <arch/timer.h>
#include <arch/trampoline.h>
#include <drivers/lapic.h>
#include <tessera/bug.h>
#include <tessera/cpu.h>
#include <tessera/errno.h>
#include <tessera/panic.h>
#include <tessera/partition.h>
#include <tessera/printk.h>
#include <tessera/string.h>

#define INIT_DELAY_US	10000
#define SIPI_DELAY_US	200
#define AP_TIMEOUT_US	1000000		/* generous: TCG on a loaded host */

static struct trampoline_data *smp_trampoline_data(void)
{
	uintptr_t offset = (uintptr_t)&trampoline_data - (uintptr_t)trampoline_start;

	return (struct trampoline_data *)((uintptr_t)paging_direct(TRAMPOLINE_PA) +
					  offset);
}

void arch_smp_prepare(void)
{
	paging_map_trampoline(TRAMPOLINE_PA);
	memcpy(paging_direct(TRAMPOLINE_PA), trampoline_start,
	       (size_t)(trampoline_end - trampoline_start));
}

int arch_cpu_start(unsigned int index, uint32_t apic_id)
{
	struct trampoline_data *td = smp_trampoline_data();
	uint32_t sipi = LAPIC_ICR_STARTUP | (TRAMPOLINE_PA >> PAGE_SHIFT);
	struct percpu *cpu;
	uint64_t deadline;

	BUG_ON(index >= CONFIG_MAX_CPUS);
	cpu = &percpu[index];
	percpu_setup(cpu, index, apic_id);
	*td = (struct trampoline_data){
		.cr3 = paging_root(),
		.stack = stack_top(cpu->arch.stacks, STACK_KERNEL),
		.cpu = (uint64_t)cpu,
	};
	/* x86 keeps stores in order: the AP sees td before it sees the SIPI */
	barrier();
	pr_debug("cpu %u: INIT-SIPI-SIPI to apic id %u", index, apic_id);
	if (lapic_send_ipi(apic_id, LAPIC_ICR_INIT))
		return -EIO;
	timer_udelay(INIT_DELAY_US);
	for (int i = 0; i < 2; i++) {
		if (lapic_send_ipi(apic_id, sipi))
			return -EIO;
		timer_udelay(SIPI_DELAY_US);
	}
	deadline = timer_deadline_us(AP_TIMEOUT_US);
	while (!__atomic_load_n(&cpu->online, __ATOMIC_ACQUIRE)) {
		if (timer_passed(deadline))
			return -EIO;
		arch_cpu_relax();
	}
	return 0;
}

void arch_smp_done(void)
{
	paging_unmap_trampoline(TRAMPOLINE_PA);
}

void arch_ap_entry(struct percpu *cpu)
{
	percpu_load(cpu);
	cpu_protect();
	lapic_enable();
	if (lapic_id() != cpu->apic_id)
		panic("cpu %u started with apic id %u, not %u", cpu->index,
		      lapic_id(), cpu->apic_id);
	main_ap();
}

void arch_cpu_wait(void)
{
	/* sti's one-instruction shadow: no interrupt slips in before hlt */
	__asm__ __volatile__("sti; hlt; cli" ::: "memory");
}
