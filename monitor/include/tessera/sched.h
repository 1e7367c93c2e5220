/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_SCHED_H
#define TESSERA_SCHED_H

/*
 * Running vCPUs by the tables' CPU schedules (monitor/core/sched.c;
 * docs/scheduling.md). A CPU with a schedule follows its windows from
 * system time 0 (T0): a window's vCPU runs from its start to its end,
 * whatever it does, and the local timer fires at window boundaries (and
 * at the deadlines of the CPU's sleepers) only. Outside windows, or when
 * the window's vCPU blocks, yields, ends or was halted, the CPU idles;
 * with CONFIG_SCHED_SLACK it runs the CPU's other runnable vCPUs
 * meanwhile instead. A dedicated CPU runs its vCPU with no timer but for
 * its sleeps.
 *
 * Every entry from ring 3 ends in sched_resume: the monitor's stack is
 * left behind, and the next instruction is a partition's.
 */

#include <stdint.h>
#include <tessera/compiler.h>
#include <tessera/vcpu.h>

/* Releases every CPU into its schedule (boot CPU, partitions loaded). */
void sched_start_all(void);

/* Waits until sched_start_all, then runs this CPU's vCPUs (every CPU). */
__noreturn void sched_run(void);

/* The vCPU that entered the monitor on this CPU. */
struct vcpu *sched_current(void);

/* The current vCPU gives up the rest of its window (TESSERA_HC_YIELD). */
void sched_yield(void);

/*
 * The current vCPU sleeps until system time `ns` (TESSERA_HC_SLEEP_UNTIL);
 * at once back when that has passed.
 */
void sched_sleep_until(uint64_t ns);

/*
 * TESSERA_HC_BLOCK: back at once when an unmasked event is pending, else
 * the current vCPU blocks until one is or system time `ns` comes, which
 * sets TESSERA_PORT_TIMER pending.
 */
void sched_block(uint64_t ns);

/*
 * A timer interrupt on this CPU: the timer is no longer armed, and the
 * current vCPU, if one was in ring 3, counts it.
 */
void sched_tick(void);

/*
 * Brings the current vCPU's CPU time and its shared-info figures up to
 * now (before its partition's end is reported).
 */
void sched_account(void);

/* Back to ring 3: the vCPU due on this CPU, once there is one. */
__noreturn void sched_resume(void);

/*
 * The first runnable vCPU of `cpu` in table[0..n) after `after` (NULL:
 * from the start), `after` itself last, or NULL (monitor/core/
 * sched_pick.c, host-tested): slack's round-robin, and a dedicated CPU's
 * one vCPU.
 */
struct vcpu *sched_pick(struct vcpu *table, unsigned int n, unsigned int cpu,
			const struct vcpu *after);

#endif
