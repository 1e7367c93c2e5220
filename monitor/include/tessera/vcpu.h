/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_VCPU_H
#define TESSERA_VCPU_H

/*
 * A virtual CPU: one per entry of tessera_tables.vcpus, pinned to the
 * physical CPU the tables give it, and touched only by that CPU once the
 * partitions run. Its registers live in `arch` while it is not on the CPU.
 */

#include <stdbool.h>
#include <stdint.h>
#include <arch/vcpu.h>
#include <tessera/tables.h>

enum vcpu_state {
	VCPU_OFFLINE,		/* not started (ABI 1.0 starts vCPU 0 only) */
	VCPU_RUNNABLE,		/* runs, or waits for its window */
	VCPU_BLOCKED,		/* until wake_ns, or an event if waits_event */
	VCPU_STOPPED,		/* its partition exited or was halted */
};

struct partition;

/*
 * What the vCPU had of its CPU (public/shared_info.h, struct
 * tessera_vcpu_info, has the meanings), counted by the scheduler of its
 * CPU since boot, across restarts of its partition.
 */
struct vcpu_acct {
	uint64_t runtime_ns;
	uint64_t periods;
	uint64_t exhausted;
	uint64_t windows_missed;
	uint64_t lateness_max_ns;
	uint64_t timer_interrupts;
	uint64_t period;		/* the period last counted in periods */
	bool gave_back;			/* of that period's windows */
};

struct vcpu {
	struct arch_vcpu arch;		/* first: its FPU area is aligned */
	struct partition *partition;
	const struct tt_vcpu *tt;
	unsigned int cpu;		/* the physical CPU, tables' index */
	enum vcpu_state state;
	uint64_t wake_ns;		/* while VCPU_BLOCKED, system time */
	bool waits_event;		/* blocked in TESSERA_HC_BLOCK */
	struct vcpu_acct acct;
};

/* Indexed like tessera_tables.vcpus (monitor/core/partition.c). */
extern struct vcpu vcpus[];

#endif
