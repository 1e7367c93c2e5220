// SPDX-License-Identifier: MIT
/* The round-robin choice of a runnable vCPU (see tessera/sched.h). */

#include <tessera/sched.h>

struct vcpu *sched_pick(struct vcpu *table, unsigned int n, unsigned int cpu,
			const struct vcpu *after)
{
	unsigned int start = after ? (unsigned int)(after - table) + 1 : 0;

	for (unsigned int k = 0; k < n; k++) {
		struct vcpu *v = &table[(start + k) % n];

		if (v->cpu == cpu && v->state == VCPU_RUNNABLE)
			return v;
	}
	return NULL;
}
