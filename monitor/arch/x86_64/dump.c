// SPDX-License-Identifier: MIT
/*
 * The register dump of a panic (arch_dump_regs): which CPU, which trap,
 * every register, the control registers, and a backtrace over this CPU's
 * stacks. Addresses resolve with `addr2line -e $(O)/tessera.elf`.
 */

#include <arch/backtrace.h>
#include <arch/processor.h>
#include <arch/regs.h>
#include <arch/vectors.h>
#include <tessera/panic.h>
#include <tessera/percpu.h>
#include <tessera/printk.h>

#define BACKTRACE_DEPTH	16

static void dump_backtrace(const struct cpu_regs *r)
{
	const struct cpu_stacks *s = this_cpu()->arch.stacks;
	struct stack_range stacks[NR_STACKS];
	uintptr_t pcs[BACKTRACE_DEPTH];
	size_t n;

	for (unsigned int i = 0; i < NR_STACKS; i++)
		stacks[i] = (struct stack_range){
			(uintptr_t)s->stack[i].data, stack_top(s, i)
		};
	n = backtrace_walk(r->rbp, stacks, NR_STACKS, pcs, ARRAY_SIZE(pcs));
	printk("backtrace:");
	printk("  0x%016lx", r->rip);
	for (size_t i = 0; i < n; i++)
		printk("  0x%016lx", pcs[i]);
}

void arch_dump_regs(const struct cpu_regs *r)
{
	const struct percpu *cpu = this_cpu();

	printk("cpu %u, apic id %u", cpu->index, cpu->apic_id);
	printk("rip 0x%016lx cs  0x%04lx rflags 0x%016lx", r->rip, r->cs, r->rflags);
	printk("rsp 0x%016lx ss  0x%04lx", r->rsp, r->ss);
	/* a #DF most often follows a #PF that could not be delivered */
	if (r->vector == VECTOR_PF || r->vector == VECTOR_DF)
		printk("cr2 0x%016lx (the last page-fault address)", read_cr2());
	printk("cr0 0x%016lx cr3 0x%016lx cr4 0x%016lx", read_cr0(), read_cr3(),
	       read_cr4());
	printk("rax 0x%016lx rbx 0x%016lx rcx 0x%016lx", r->rax, r->rbx, r->rcx);
	printk("rdx 0x%016lx rsi 0x%016lx rdi 0x%016lx", r->rdx, r->rsi, r->rdi);
	printk("rbp 0x%016lx r8  0x%016lx r9  0x%016lx", r->rbp, r->r8, r->r9);
	printk("r10 0x%016lx r11 0x%016lx r12 0x%016lx", r->r10, r->r11, r->r12);
	printk("r13 0x%016lx r14 0x%016lx r15 0x%016lx", r->r13, r->r14, r->r15);
	dump_backtrace(r);
}
