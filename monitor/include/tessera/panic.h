/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PANIC_H
#define TESSERA_PANIC_H

/*
 * A broken invariant of the monitor (monitor/core/panic.c): the first CPU
 * to panic stops the others, prints "panic on cpu <n>: <reason>", its
 * registers and a backtrace, and halts the machine with HALT_PANIC. A CPU
 * that panics while another already does only stops; a panic inside the
 * panic ends the run at once, without printing.
 */

#include <stdbool.h>
#include <arch/regs.h>
#include <tessera/compiler.h>

__noreturn void panic(const char *fmt, ...) __printf(1, 2);

/* The same, with the registers of a trap rather than of the caller. */
__noreturn void panic_regs(const struct cpu_regs *regs, const char *fmt, ...)
	__printf(2, 3);

/* ---- supplied by the architecture ---------------------------------- */

/* Prints the CPU, the registers and a backtrace from regs. */
void arch_dump_regs(const struct cpu_regs *regs);

/*
 * Stops every other online CPU (they halt with interrupts off) and
 * returns once they have, or after a bounded wait. Returns false, without
 * doing anything, when another CPU is already stopping everyone.
 */
bool arch_stop_other_cpus(void);

#endif
