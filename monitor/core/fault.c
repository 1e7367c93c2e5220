// SPDX-License-Identifier: MIT
/* A partition's exception, reported and handled (see tessera/fault.h). */

#include <stdbool.h>
#include <tessera/fault.h>
#include <tessera/format.h>
#include <tessera/halt.h>
#include <tessera/partition.h>
#include <tessera/printk.h>

#define FAULT_ACTION_MAX	48

void fault_partition(struct vcpu *v, const struct fault_info *f)
{
	struct partition *p = v->partition;
	char action[FAULT_ACTION_MAX];
	enum tt_on_fault policy = p->tt->on_fault;

	p->faults++;
	if (policy == TT_ON_FAULT_RESTART && p->restarts >= CONFIG_MAX_RESTARTS)
		snprintf(action, sizeof(action), "restart limit reached: halted");
	else if (policy == TT_ON_FAULT_RESTART)
		snprintf(action, sizeof(action), "restarting (restart %u of %u)",
			 p->restarts + 1, CONFIG_MAX_RESTARTS);
	else if (policy == TT_ON_FAULT_HALT_SYSTEM)
		snprintf(action, sizeof(action), "halting the system");
	else
		snprintf(action, sizeof(action), "halted");
	/* what the partition printed comes before what became of it */
	console_stream_flush(&p->console);
	printk("%s: fault %s (vector %lu, error 0x%lx) at rip 0x%lx addr 0x%lx "
	       "on cpu %u: %s", p->tt->name, f->name, f->vector, f->error,
	       f->rip, f->addr, v->cpu, action);

	if (policy == TT_ON_FAULT_HALT_SYSTEM)
		machine_halt(HALT_PARTITION_FAILED);
	if (policy == TT_ON_FAULT_RESTART && p->restarts < CONFIG_MAX_RESTARTS) {
		p->restarts++;
		/* events sent meanwhile are dropped, not left in the new life */
		__atomic_store_n(&p->state, PARTITION_RESTARTING,
				 __ATOMIC_SEQ_CST);
		partition_start(p);
		return;
	}
	partition_end(p, PARTITION_HALTED, 0);
}
