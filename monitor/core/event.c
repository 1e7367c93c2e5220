// SPDX-License-Identifier: MIT
/* Event ports: the checks and the bits (see tessera/event.h). */

#include <tessera/channel.h>
#include <tessera/errno.h>
#include <tessera/event.h>

int event_peer(const struct tessera_tables *t, unsigned int id,
	       uint64_t port, struct event_target *to)
{
	struct channel_end ends[TESSERA_MAX_CHANNELS];
	unsigned int n = channel_ends(t, id, ends);

	for (unsigned int i = 0; i < n; i++) {
		const struct tt_channel *c = ends[i].c;
		uint16_t own = ends[i].front ? c->frontend_port : c->backend_port;
		uint16_t peer = ends[i].front ? c->backend_port : c->frontend_port;

		if (port != own)
			continue;
		if (peer >= TESSERA_MAX_PORTS)
			return -EINVAL;
		to->partition = ends[i].front ? c->backend : c->frontend;
		to->port = peer;
		return 0;
	}
	return -EINVAL;
}

bool event_set_pending(struct tessera_shared_info *shi, unsigned int port)
{
	__atomic_fetch_or(&shi->event_pending[TESSERA_EVENT_WORD(port)],
			  TESSERA_EVENT_BIT(port), __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&shi->event_mask[TESSERA_EVENT_WORD(port)],
			    __ATOMIC_RELAXED) & TESSERA_EVENT_BIT(port))
		return false;
	/* after the pending bit: a handler that clears this finds the bit */
	__atomic_store_n(&shi->vcpu[0].upcall_pending, 1, __ATOMIC_SEQ_CST);
	return true;
}

bool event_deliverable(const struct tessera_shared_info *shi)
{
	for (unsigned int w = 0; w < TESSERA_MAX_PORTS / 64; w++) {
		uint64_t pending = __atomic_load_n(&shi->event_pending[w],
						   __ATOMIC_SEQ_CST);
		uint64_t mask = __atomic_load_n(&shi->event_mask[w],
						__ATOMIC_RELAXED);

		if (pending & ~mask)
			return true;
	}
	return false;
}
