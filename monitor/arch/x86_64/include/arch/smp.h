/* SPDX-License-Identifier: MIT */
#ifndef ARCH_SMP_H
#define ARCH_SMP_H

/* Starting, calling and stopping the other CPUs (x86_64 side). */

#include <arch/regs.h>
#include <tessera/compiler.h>
#include <tessera/percpu.h>

/* The C entry of an AP, from trampoline.S, on its own stack. */
__noreturn void arch_ap_entry(struct percpu *cpu);

/* VECTOR_CALL: runs the function smp_call left for this CPU. */
void smp_call_interrupt(void);

/*
 * An NMI: the way arch_stop_other_cpus stops a CPU, which then halts
 * here for good. On the stopping CPU itself it is ignored; with nobody
 * stopping, it is unexpected, and a panic.
 */
void smp_stop_nmi(const struct cpu_regs *regs);

#endif
