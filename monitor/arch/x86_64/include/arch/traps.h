/* SPDX-License-Identifier: MIT */
#ifndef ARCH_TRAPS_H
#define ARCH_TRAPS_H

/* Interrupts and exceptions: the IDT, the entry stubs and the dispatch. */

#include <stdint.h>
#include <arch/regs.h>
#include <tessera/compiler.h>

/* A vector and its stub in entry.S. */
struct trap_entry {
	uint64_t vector;
	void *stub;
};

extern const struct trap_entry trap_entries[], trap_entries_end[];

/* Called by entry.S with the interrupted context, interrupts off. */
void trap_dispatch(struct cpu_regs *regs);

/* "page fault (#PF)" and the like; "vector <n>" beyond the exceptions. */
const char *trap_name(uint64_t vector);

/* Fills the IDT (once, on the boot CPU), then loads it (on every CPU). */
void idt_init(void);
void idt_load(void);

/* Switches to the stack whose top is `top` and calls fn there. */
__noreturn void arch_run_on_stack(uintptr_t top, void (*fn)(void));

#endif
