/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_VCPU_H
#define TESSERA_VCPU_H

/*
 * A virtual CPU: one per entry of tessera_tables.vcpus, pinned to the
 * physical CPU the tables give it, and touched only by that CPU once the
 * partitions run. Its registers live in `arch` while it is not on the CPU.
 */

#include <arch/vcpu.h>
#include <tessera/tables.h>

enum vcpu_state {
	VCPU_OFFLINE,		/* not started (ABI 1.0 starts vCPU 0 only) */
	VCPU_RUNNABLE,		/* runs, or waits for its turn */
	VCPU_STOPPED,		/* its partition exited or was halted */
};

struct partition;

struct vcpu {
	struct arch_vcpu arch;		/* first: its FPU area is aligned */
	struct partition *partition;
	const struct tt_vcpu *tt;
	unsigned int cpu;		/* the physical CPU, tables' index */
	enum vcpu_state state;
};

/* Indexed like tessera_tables.vcpus (monitor/core/partition.c). */
extern struct vcpu vcpus[];

#endif
