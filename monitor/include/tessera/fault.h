/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_FAULT_H
#define TESSERA_FAULT_H

/*
 * A partition's exception (monitor/core/fault.c): reported on one line,
 *
 *   [tessera] <partition>: fault <name> (vector <n>, error 0x<e>) at rip
 *   0x<r> addr 0x<a> on cpu <k>: <action>
 *
 * then handled as the partition's on-fault says: halted, restarted from
 * its pristine image (up to CONFIG_MAX_RESTARTS times, then halted), or
 * the whole system halted with HALT_PARTITION_FAILED. Nothing else stops.
 */

#include <stdint.h>
#include <tessera/vcpu.h>

struct fault_info {
	const char *name;	/* short and stable: "#PF", "#GP", ... */
	uint64_t vector;
	uint64_t error;		/* the CPU's error code, 0 if none */
	uint64_t rip;
	uint64_t addr;		/* CR2 for a page fault, else 0 */
};

/* On the faulting vCPU's CPU; the caller then calls sched_resume. */
void fault_partition(struct vcpu *v, const struct fault_info *f);

#endif
