// SPDX-License-Identifier: MIT
/*
 * Notifications delivered (see tessera/event.h): the peer's pending bit,
 * and a wake-up of its vCPU when that blocks. The sender learns nothing
 * of the peer's state, and nothing the peer does slows the sender beyond
 * one interrupt sent per block of the peer.
 */

#include <tessera/cpu.h>
#include <tessera/errno.h>
#include <tessera/event.h>
#include <tessera/partition.h>
#include <tessera/percpu.h>
#include <tessera/upcall.h>

void event_send(unsigned int partition, unsigned int port)
{
	struct partition *p = partition_get(partition);
	enum vcpu_state state;
	struct vcpu *v;

	if (__atomic_load_n(&p->state, __ATOMIC_ACQUIRE) != PARTITION_RUNNING) {
		__atomic_fetch_add(&p->events_dropped, 1, __ATOMIC_RELAXED);
		return;
	}
	/*
	 * A masked port ends no block, and a blocked vCPU cannot unmask it:
	 * a storm on a port its partition masked costs that CPU nothing.
	 */
	if (!event_set_pending(&p->shared_info->shi, port))
		return;
	/*
	 * The locked OR comes before this load, and a blocking vCPU stores
	 * its state before it reads the bits (sched_block): either it sees
	 * the bit, or this sees it blocked. Its own CPU, the caller's, looks
	 * at its sleepers before it runs a vCPU again or idles. A vCPU that
	 * takes upcalls is interrupted where it runs, so that one spinning
	 * without a hypercall enters its handler at once.
	 */
	v = &p->vcpus[0];
	state = __atomic_load_n(&v->state, __ATOMIC_SEQ_CST);
	if (v->cpu != this_cpu()->index && (state == VCPU_BLOCKED ||
	    (state == VCPU_RUNNABLE && upcall_wanted(v))))
		arch_cpu_kick(v->cpu);
}

int64_t event_notify(unsigned int id, uint64_t port)
{
	struct event_target to;

	if (event_peer(&tessera_tables, id, port, &to))
		return -EINVAL;
	event_send(to.partition, to.port);
	return 0;
}
