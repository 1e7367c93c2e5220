// SPDX-License-Identifier: MIT
/*
 * Per-CPU data and what loads it on a CPU: its GDT with its TSS, the IDT,
 * GS_BASE. The boot CPU sets up each CPU's struct before starting it;
 * the CPU loads its own.
 */

#include <stdint.h>
#include <arch/ioport.h>
#include <arch/msr.h>
#include <arch/percpu.h>
#include <arch/segment.h>
#include <arch/traps.h>
#include <tessera/cpu.h>
#include <tessera/percpu.h>
#include <tessera/tables.h>

struct percpu percpu[CONFIG_MAX_CPUS];
struct cpu_stacks cpu_stacks[CONFIG_MAX_CPUS]
	__section(".bss.stacks") __aligned(PAGE_SIZE);

/* Flat segments; L for 64-bit code; the accessed bit preset. */
#define SEG_KERNEL_CODE	0x00af9b000000ffffUL
#define SEG_KERNEL_DATA	0x00cf93000000ffffUL
#define SEG_USER_CODE	0x00affb000000ffffUL
#define SEG_USER_DATA	0x00cff3000000ffffUL
#define SEG_TSS_TYPE	0x89UL		/* present, available 64-bit TSS */

int cpu_index_of(uint32_t apic_id)
{
	const struct tessera_tables *t = &tessera_tables;

	for (uint32_t i = 0; i < t->nr_cpus && i < CONFIG_MAX_CPUS; i++)
		if (t->cpus[i].apic_id == apic_id)
			return (int)i;
	return -1;
}

unsigned int cpus_online(void)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < CONFIG_MAX_CPUS; i++)
		n += __atomic_load_n(&percpu[i].online, __ATOMIC_ACQUIRE);
	return n;
}

static void percpu_fill_gdt(struct arch_percpu *a)
{
	uint64_t base = (uint64_t)&a->tss;
	uint64_t limit = PERCPU_IOMAP_OFFSET + sizeof(a->io_bitmap) - 1;

	a->gdt[0] = 0;
	a->gdt[GDT_KERNEL_CS / 8] = SEG_KERNEL_CODE;
	a->gdt[GDT_KERNEL_DS / 8] = SEG_KERNEL_DATA;
	a->gdt[GDT_SYSRET_BASE / 8] = 0;
	a->gdt[GDT_USER_DS / 8] = SEG_USER_DATA;
	a->gdt[GDT_USER_CS / 8] = SEG_USER_CODE;
	a->gdt[GDT_TSS / 8] = (limit & 0xffff) | (base & 0xffffff) << 16 |
			      SEG_TSS_TYPE << 40 | ((limit >> 16) & 0xf) << 48 |
			      ((base >> 24) & 0xff) << 56;
	a->gdt[GDT_TSS / 8 + 1] = base >> 32;
}

void percpu_setup(struct percpu *cpu, unsigned int index, uint32_t apic_id)
{
	struct arch_percpu *a = &cpu->arch;

	cpu->self = cpu;
	cpu->index = index;
	cpu->apic_id = apic_id;
	a->stacks = &cpu_stacks[index];
	a->tss.rsp[0] = stack_top(a->stacks, STACK_KERNEL);
	a->tss.ist[IST_DF - 1] = stack_top(a->stacks, STACK_DF);
	a->tss.ist[IST_NMI - 1] = stack_top(a->stacks, STACK_NMI);
	a->tss.ist[IST_MC - 1] = stack_top(a->stacks, STACK_MC);
	ioport_cpu_init(a);
	percpu_fill_gdt(a);
}

static void percpu_load_gdt(struct arch_percpu *a)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed ptr = { sizeof(a->gdt) - 1, (uint64_t)a->gdt };

	__asm__ __volatile__("lgdt %0" :: "m"(ptr));
	/* CS by a far return; null FS and GS, whose bases the MSRs set */
	__asm__ __volatile__("pushq %[cs]\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\n\t"
			     "mov %[ds], %%ds\n\t"
			     "mov %[ds], %%es\n\t"
			     "mov %[ds], %%ss\n\t"
			     "mov %[null], %%fs\n\t"
			     "mov %[null], %%gs\n\t"
			     "ltr %w[tss]"
			     :: [cs] "i"(GDT_KERNEL_CS), [ds] "r"(GDT_KERNEL_DS),
				[null] "r"(0), [tss] "r"(GDT_TSS)
			     : "rax", "memory");
}

void percpu_load(struct percpu *cpu)
{
	percpu_load_gdt(&cpu->arch);
	idt_load();
	wrmsr(MSR_GS_BASE, (uint64_t)cpu);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}
