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

/* Gives a frame to the frontend: 0, or -EAGAIN when it has no buffer. */
int vif_deliver(struct vif *v, const uint8_t *frame, uint32_t len);

#endif
