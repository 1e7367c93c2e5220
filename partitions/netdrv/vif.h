/* SPDX-License-Identifier: MIT */
#ifndef NETDRV_VIF_H
#define NETDRV_VIF_H

/*
 * The backend end of a virtual interface (vif.c): a net channel's tx
 * ring, whose requests are the frontend's frames and whose responses
 * their statuses, and its rx ring, whose requests are empty buffers that
 * netdrv keeps, in order, until a frame for the frontend answers one
 * (public/io/netif.h). A tx request of length 0 is the frontend's
 * goodbye.
 */

#include <stdbool.h>
#include <stdint.h>
#include <public/start_info.h>
#include <tessera/ring.h>

#define VIF_SLOTS_MAX	256	/* slots of the largest ring served */
#define VIF_SLOT_MAX	4096	/* slot_size of the largest ring served */

/*
 * An event storm: this many events in a row on a vif's port with no work
 * taken from either of its rings. Both rings notify on the one port, and
 * an honest frontend causes at most TESSERA_RING_STORM_EVENTS' worth of
 * such events per ring (<tessera/ring.h>), so twice that is a storm. The
 * port is then masked for a back-off, doubled at each storm that follows
 * without work, so that a storming frontend costs netdrv a bounded
 * number of wake-ups.
 */
#define VIF_STORM_EVENTS	(2 * TESSERA_RING_STORM_EVENTS)
#define VIF_BACKOFF_MIN_NS	10000000ull	/* 10 ms */
#define VIF_BACKOFF_MAX_NS	160000000ull

struct vif {
	const struct tessera_channel *ch;
	unsigned int index;		/* in the vfr */
	struct tessera_channel tx_ch, rx_ch;	/* each ring as a channel */
	struct tessera_ring_back tx, rx;
	/* the ids of the rx buffers taken and not yet answered, each at
	 * its entry's index & (slots - 1) */
	uint32_t rx_ids[VIF_SLOTS_MAX];
	bool done;			/* said goodbye, sent nothing since */
	bool busy;			/* served a ring's worth, maybe more */
	bool worked;			/* the last serve took something */
	uint32_t quiet;			/* events in a row without work */
	uint64_t backoff_ns;		/* the last storm's back-off, or 0 */
	uint64_t unmask_ns;		/* the port is masked until then, or 0 */
};

/*
 * Takes the backend end of net channel `ch`: 0, or -EINVAL when netdrv
 * cannot serve its geometry.
 */
int vif_open(struct vif *v, const struct tessera_channel *ch,
	     unsigned int index);

/*
 * Takes the rx buffers the frontend posted and the frames it sent, at
 * most a ring's worth (then `busy`: call again before waiting), routing
 * each and answering it with its status. A frontend that breaks the
 * protocol gets "<channel>: protocol error: <what>" and its ring reset.
 */
void vif_serve(struct vif *v);

/*
 * Looks at the vif if it is due: its port was pending (`start`: look
 * anyway), its last serve was `busy`, or its back-off ended at `now`,
 * which unmasks the port. An event after which the look found no work
 * counts towards a storm: the storm's line is "<channel>: protocol
 * error: event storm: 16 events without work", and the port is masked
 * until unmask_ns.
 */
void vif_visit(struct vif *v, bool start, uint64_t now);

/* Gives a frame to the frontend: 0, or -EAGAIN when it has no buffer. */
int vif_deliver(struct vif *v, const uint8_t *frame, uint32_t len);

#endif
