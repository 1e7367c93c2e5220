/* SPDX-License-Identifier: MIT */
#ifndef ARCH_PERCPU_H
#define ARCH_PERCPU_H

/*
 * The x86_64 half of a CPU's data (struct percpu in tessera/percpu.h): its
 * GDT and TSS, its stacks, its cross-call slot. GS_BASE holds the
 * address of the struct percpu, whose first field points to itself;
 * KERNEL_GS_BASE is kept for swapgs on entries from ring 3.
 */

#include <stddef.h>
#include <stdint.h>
#include <arch/ioport.h>
#include <arch/layout.h>
#include <arch/segment.h>
#include <tessera/compiler.h>

/* The 64-bit TSS (SDM vol. 3, 8.7); its I/O bitmap is further on in
 * struct arch_percpu (arch/ioport.h). */
struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];	/* IST1..IST7 */
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __packed;

BUILD_BUG_ON(sizeof(struct tss) != 104);

struct guarded_stack {
	uint8_t guard[PAGE_SIZE];	/* never mapped */
	uint8_t data[STACK_SIZE];
};

/* A CPU's stacks, indexed by STACK_*; page-aligned, in .bss.stacks. */
struct cpu_stacks {
	struct guarded_stack stack[NR_STACKS];
};

struct arch_percpu {
	uint64_t gdt[GDT_ENTRIES] __aligned(16);
	struct tss tss __aligned(16);
	struct cpu_stacks *stacks;
	void (*call_fn)(void);		/* smp_call's slot, NULL when free */
	uint64_t syscall_rsp;		/* the partition's rsp, for a moment */
	uint16_t io_owner;		/* partition io_bitmap opens, or TT_NONE */
	/* the TSS's I/O bitmap: the TSS's limit reaches to its end, and the
	 * fields between are nothing to the CPU */
	uint8_t io_bitmap[IO_BITMAP_BYTES];
};

/* Where the I/O bitmap starts, from the TSS: what its iomap_base holds. */
#define PERCPU_IOMAP_OFFSET	(offsetof(struct arch_percpu, io_bitmap) - \
				 offsetof(struct arch_percpu, tss))

extern struct cpu_stacks cpu_stacks[CONFIG_MAX_CPUS];

struct percpu;

/* Fills a CPU's struct: identity, stacks, TSS, GDT (on any CPU). */
void percpu_setup(struct percpu *cpu, unsigned int index, uint32_t apic_id);

/* Loads them on the CPU it describes, with the IDT and GS_BASE. */
void percpu_load(struct percpu *cpu);

/* %gs:0, the running CPU's struct percpu. */
static inline void *arch_percpu_self(void)
{
	void *self;

	__asm__("movq %%gs:0, %0" : "=r"(self));
	return self;
}

static inline uintptr_t stack_top(const struct cpu_stacks *s, unsigned int n)
{
	return (uintptr_t)s->stack[n].data + STACK_SIZE;
}

#endif
