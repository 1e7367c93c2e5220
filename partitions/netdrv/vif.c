// SPDX-License-Identifier: MIT
/*
 * The vifs of vif.h. Everything a frontend writes reaches netdrv through
 * the ring helpers, copied and checked (<tessera/ring.h>); what netif
 * adds is checked here: an rx request is an empty buffer. A frontend
 * that breaks the protocol costs one line and a reset of its ring each
 * time it notifies, never a spin, and nothing to the other vifs; one
 * that notifies without work gets its port masked a while.
 */

#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include "netdrv.h"
#include "vif.h"

/*
 * Private copies of slots: a frame being routed, and an rx request. They
 * are apart because routing a frame to a vif may take that vif's rx
 * requests, whose payload (a hostile frontend's) must never land in the
 * frame on its way to the others.
 */
static uint8_t vif_buf[VIF_SLOT_MAX];
static uint8_t vif_rx_buf[VIF_SLOT_MAX];

static void vif_ring_channel(struct tessera_channel *ring,
			     const struct tessera_channel *ch, uint64_t offset)
{
	*ring = *ch;
	ring->ring = ch->ring + offset;
	ring->ring_bytes = TESSERA_RING_BYTES(ch->slots, ch->slot_size);
}

int vif_open(struct vif *v, const struct tessera_channel *ch,
	     unsigned int index)
{
	if (ch->kind != TESSERA_CHANNEL_NET || ch->role != TESSERA_ROLE_BACKEND ||
	    ch->slots > VIF_SLOTS_MAX || ch->slot_size > VIF_SLOT_MAX ||
	    ch->slot_size < TESSERA_NETIF_FRAME_MAX ||
	    ch->ring_bytes < TESSERA_NETIF_BYTES(ch->slots, ch->slot_size))
		return -EINVAL;
	memset(v, 0, sizeof(*v));
	v->ch = ch;
	v->index = index;
	vif_ring_channel(&v->tx_ch, ch, TESSERA_NETIF_TX_OFFSET);
	vif_ring_channel(&v->rx_ch, ch,
			 TESSERA_NETIF_RX_OFFSET(ch->slots, ch->slot_size));
	if (tessera_ring_back_init(&v->tx, &v->tx_ch) ||
	    tessera_ring_back_init(&v->rx, &v->rx_ch))
		return -EINVAL;
	return 0;
}

static void vif_kick(struct vif *v, int published)
{
	if (published > 0)
		tessera_notify(v->ch->port);
}

static void vif_protocol_error(struct vif *v, struct tessera_ring_back *b,
			       const char *why)
{
	printf("%s: protocol error: %s\n", v->ch->name,
	       why ? why : b->ring.error);
	tessera_ring_back_reset(b);
}

/* Takes one rx buffer the frontend posted: 1, 0 (none) or an error. */
static int vif_take_buffer(struct vif *v)
{
	struct tessera_ring_msg msg;
	uint32_t at = v->rx.ring.cons & (v->rx_ch.slots - 1);
	int ret = tessera_ring_back_take(&v->rx, &msg, vif_rx_buf,
					 sizeof(vif_rx_buf));

	if (ret < 0) {
		vif_protocol_error(v, &v->rx, NULL);
	} else if (ret && msg.len) {
		vif_protocol_error(v, &v->rx, "rx request with a payload");
		ret = -EPROTO;
	} else if (ret) {
		v->rx_ids[at] = msg.id;
		v->worked = true;
	}
	return ret;
}

int vif_deliver(struct vif *v, const uint8_t *frame, uint32_t len)
{
	struct tessera_ring *r = &v->rx.ring;
	int ret;

	if (r->cons == r->prod_pvt && vif_take_buffer(v) <= 0)
		return -EAGAIN;
	ret = tessera_ring_back_push(&v->rx, v->rx_ids[r->prod_pvt &
				     (v->rx_ch.slots - 1)], 0, frame, len);
	if (!ret)
		ret = tessera_ring_back_publish(&v->rx);
	vif_kick(v, ret);
	return ret < 0 ? -EAGAIN : 0;
}

/* The status of one tx request: a goodbye or a frame routed. */
static int32_t vif_status(struct vif *v, const struct tessera_ring_msg *msg)
{
	v->done = !msg->len;
	return msg->len ? netdrv_from_vif(v->index, vif_buf, msg->len) : 0;
}

/* Answers a tx request with its status: 1, or -EPROTO. */
static int vif_answer(struct vif *v, const struct tessera_ring_msg *msg)
{
	int ret = tessera_ring_back_push(&v->tx, msg->id, vif_status(v, msg),
					 vif_buf, 0);

	if (!ret)
		ret = tessera_ring_back_publish(&v->tx);
	vif_kick(v, ret);
	return ret < 0 ? ret : 1;
}

/*
 * Serves at most one ring's worth of frames, so that a frontend that
 * keeps its ring full cannot keep netdrv from the others: `busy` says
 * that it stopped with frames perhaps left.
 */
static void vif_serve_tx(struct vif *v)
{
	struct tessera_ring_msg msg;
	int ret = 1;

	for (uint32_t n = 0; n < v->tx_ch.slots && ret > 0; n++) {
		ret = tessera_ring_back_take(&v->tx, &msg, vif_buf,
					     sizeof(vif_buf));
		if (ret > 0) {
			v->worked = true;
			ret = vif_answer(v, &msg);
		}
	}
	v->busy = ret > 0;
	if (ret < 0)
		vif_protocol_error(v, &v->tx, NULL);
}

void vif_serve(struct vif *v)
{
	v->worked = false;
	while (vif_take_buffer(v) > 0)
		;
	vif_serve_tx(v);
}

/* An event was looked at: one too many masks the port for a back-off. */
static void vif_count_event(struct vif *v, uint64_t now)
{
	if (v->worked) {
		v->quiet = 0;
		v->backoff_ns = 0;
		return;
	}
	if (++v->quiet < VIF_STORM_EVENTS)
		return;
	printf("%s: protocol error: event storm: %u events without work\n",
	       v->ch->name, v->quiet);
	v->quiet = 0;
	v->backoff_ns = v->backoff_ns ? v->backoff_ns * 2 : VIF_BACKOFF_MIN_NS;
	if (v->backoff_ns > VIF_BACKOFF_MAX_NS)
		v->backoff_ns = VIF_BACKOFF_MAX_NS;
	v->unmask_ns = now + v->backoff_ns;
	tessera_event_mask(v->ch->port);
}

void vif_visit(struct vif *v, bool start, uint64_t now)
{
	bool event;

	if (v->unmask_ns) {
		if (now < v->unmask_ns)
			return;
		v->unmask_ns = 0;
		tessera_event_clear(v->ch->port);
		tessera_event_unmask(v->ch->port);
		vif_serve(v);
		return;
	}
	event = tessera_event_clear(v->ch->port) > 0;
	if (event || start || v->busy)
		vif_serve(v);
	if (event)
		vif_count_event(v, now);
}
