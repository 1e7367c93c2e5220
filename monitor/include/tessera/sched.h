/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_SCHED_H
#define TESSERA_SCHED_H

/*
 * Running vCPUs (monitor/core/sched.c). Each CPU runs the vCPUs the
 * tables pin to it, round-robin: a CPU with one runnable vCPU takes no
 * tick at all, one with several switches every CONFIG_TIME_SLICE_US on a
 * one-shot timer, a yield switches at once, and a CPU with nothing to run
 * halts. (The cyclic schedule of budgets and periods replaces the
 * round-robin in a later version; the interface stays.)
 *
 * Every entry from ring 3 ends in sched_resume: the monitor's stack is
 * left behind, and the next instruction is a partition's.
 */

#include <tessera/compiler.h>
#include <tessera/vcpu.h>

/* Releases every CPU into its schedule (boot CPU, partitions loaded). */
void sched_start_all(void);

/* Waits until sched_start_all, then runs this CPU's vCPUs (every CPU). */
__noreturn void sched_run(void);

/* The vCPU that entered the monitor on this CPU. */
struct vcpu *sched_current(void);

/* The current vCPU gives up the rest of its turn (TESSERA_HC_YIELD). */
void sched_yield(void);

/* The tick's interrupt: the current vCPU's slice is over. */
void sched_tick(void);

/* Back to ring 3: the current vCPU, or the next one due. */
__noreturn void sched_resume(void);

/*
 * The first runnable vCPU of `cpu` in table[0..n) after `after` (NULL:
 * from the start), `after` itself last, or NULL; and how many of that
 * CPU's vCPUs are runnable (monitor/core/sched_pick.c, host-tested).
 */
struct vcpu *sched_pick(struct vcpu *table, unsigned int n, unsigned int cpu,
			const struct vcpu *after, unsigned int *nr_runnable);

#endif
