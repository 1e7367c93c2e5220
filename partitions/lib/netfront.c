// SPDX-License-Identifier: MIT
/*
 * The netfront of <tessera/netfront.h>: a net channel's two rings
 * (public/io/netif.h) driven with the ring helpers, each ring described
 * to them as a channel of its own. tx requests carry frames and their
 * responses statuses; rx requests are empty buffers, kept posted, and
 * their responses frames. What the helpers do not check, because it is
 * netif's and not the ring's, is checked here: a tx response carries no
 * payload, an rx response is a frame of a length netif allows, status 0.
 */

#include <string.h>
#include <tessera.h>
#include <tessera/netfront.h>

/* A channel entry for one of the two rings of a net channel. */
static void netfront_ring_channel(struct tessera_channel *ring,
				  const struct tessera_channel *ch,
				  uint64_t offset)
{
	*ring = *ch;
	ring->ring = ch->ring + offset;
	ring->ring_bytes = TESSERA_RING_BYTES(ch->slots, ch->slot_size);
}

static bool netfront_geometry_ok(const struct tessera_channel *ch)
{
	return ch->kind == TESSERA_CHANNEL_NET &&
	       ch->role == TESSERA_ROLE_FRONTEND &&
	       ch->slot_size >= TESSERA_NETIF_FRAME_MAX &&
	       ch->slot_size <= TESSERA_NETFRONT_SLOT_MAX &&
	       ch->slots <= TESSERA_RING_SLOTS_MAX &&
	       ch->ring_bytes >= TESSERA_NETIF_BYTES(ch->slots, ch->slot_size);
}

static void netfront_kick(struct tessera_netfront *nf, int published)
{
	if (published > 0)
		tessera_notify(nf->ch->port);
}

/* Every rx slot posted as an empty buffer, its id the slot's number. */
static int netfront_post_rx(struct tessera_netfront *nf)
{
	int ret = 0;

	for (uint32_t id = 0; id < nf->rx_ch.slots && !ret; id++)
		ret = tessera_ring_front_push(&nf->rx, id, nf->buf, 0);
	if (!ret)
		ret = tessera_ring_front_publish(&nf->rx);
	netfront_kick(nf, ret);
	return ret < 0 ? ret : 0;
}

/*
 * The backend broke a ring: say why, start the ring afresh (posting the
 * rx buffers again) and go on.
 */
static int netfront_fail(struct tessera_netfront *nf,
			 struct tessera_ring_front *f, const char *why)
{
	nf->error = why ? why : f->ring.error;
	nf->stats.protocol_errors++;
	tessera_ring_front_reset(f);
	if (f == &nf->rx)
		netfront_post_rx(nf);
	return -EPROTO;
}

int tessera_netfront_open(struct tessera_netfront *nf, const char *channel)
{
	const struct tessera_start_info *si = tessera_start_info();
	const struct tessera_channel *ch = tessera_channel(channel);
	int ret;

	if (!ch)
		return -ENOENT;
	if (!netfront_geometry_ok(ch))
		return -EINVAL;
	memset(nf, 0, sizeof(*nf));
	nf->ch = ch;
	nf->params = &si->params[ch - si->channels].net;
	netfront_ring_channel(&nf->tx_ch, ch, TESSERA_NETIF_TX_OFFSET);
	netfront_ring_channel(&nf->rx_ch, ch,
			      TESSERA_NETIF_RX_OFFSET(ch->slots, ch->slot_size));
	ret = tessera_ring_front_init(&nf->tx, &nf->tx_ch);
	if (!ret)
		ret = tessera_ring_front_init(&nf->rx, &nf->rx_ch);
	return ret ? ret : netfront_post_rx(nf);
}

const struct tessera_net_params *
tessera_netfront_params(const struct tessera_netfront *nf)
{
	return nf->params;
}

unsigned int tessera_netfront_port(const struct tessera_netfront *nf)
{
	return nf->ch->port;
}

static void netfront_count(struct tessera_netfront_stats *s, int32_t status)
{
	switch (status) {
	case 0:
		s->tx_passed++;
		break;
	case -EPERM:
		s->tx_spoofed++;
		break;
	case -EACCES:
		s->tx_denied++;
		break;
	case -EINVAL:
		s->tx_malformed++;
		break;
	case -EAGAIN:
		s->tx_no_room++;
		break;
	default:
		s->tx_other++;
	}
}

int tessera_netfront_poll(struct tessera_netfront *nf)
{
	struct tessera_ring_msg msg;
	int ret, n = 0;

	while ((ret = tessera_ring_front_take(&nf->tx, &msg, nf->buf,
					      sizeof(nf->buf))) > 0) {
		if (msg.len)
			return netfront_fail(nf, &nf->tx,
					     "tx response with a payload");
		nf->tx_last = msg.status;
		netfront_count(&nf->stats, msg.status);
		n++;
	}
	return ret < 0 ? netfront_fail(nf, &nf->tx, NULL) : n;
}

unsigned int tessera_netfront_tx_in_flight(const struct tessera_netfront *nf)
{
	return nf->tx.ring.prod_pvt - nf->tx.ring.cons;
}

/* An id of the tx ring that no frame in flight has: one exists when a
 * slot is free, since each frame in flight holds one slot and one id. */
static uint32_t netfront_free_id(const struct tessera_netfront *nf)
{
	uint32_t id = 0;

	while (id < nf->tx_ch.slots &&
	       (nf->tx.outstanding[id / 64] & (1ULL << (id % 64))))
		id++;
	return id;
}

/* Queues a tx request of `len` bytes, after taking the statuses. */
static int netfront_queue(struct tessera_netfront *nf, const void *frame,
			  uint32_t len)
{
	int ret = tessera_netfront_poll(nf);

	if (ret < 0)
		return ret;
	ret = tessera_ring_front_push(&nf->tx, netfront_free_id(nf), frame, len);
	if (ret)
		return ret;
	ret = tessera_ring_front_publish(&nf->tx);
	netfront_kick(nf, ret);
	return ret < 0 ? netfront_fail(nf, &nf->tx, NULL) : 0;
}

int tessera_netfront_send(struct tessera_netfront *nf, const void *frame,
			  size_t len)
{
	if (len < TESSERA_NETIF_HEADER || len > TESSERA_NETIF_FRAME_MAX)
		return -EINVAL;
	return netfront_queue(nf, frame, (uint32_t)len);
}

int tessera_netfront_close(struct tessera_netfront *nf)
{
	return netfront_queue(nf, nf->buf, 0);
}

int tessera_netfront_recv(struct tessera_netfront *nf, void *buf, size_t cap)
{
	struct tessera_ring_msg msg;
	int ret;

	if (cap < TESSERA_NETIF_FRAME_MAX)
		return -EINVAL;
	ret = tessera_ring_front_take(&nf->rx, &msg, nf->buf, sizeof(nf->buf));
	if (ret <= 0)
		return ret < 0 ? netfront_fail(nf, &nf->rx, NULL) : 0;
	if (msg.status || msg.len < TESSERA_NETIF_HEADER ||
	    msg.len > TESSERA_NETIF_FRAME_MAX)
		return netfront_fail(nf, &nf->rx, "rx frame out of range");
	memcpy(buf, nf->buf, msg.len);
	nf->stats.rx_frames++;
	ret = tessera_ring_front_push(&nf->rx, msg.id, nf->buf, 0);
	if (!ret)
		ret = tessera_ring_front_publish(&nf->rx);
	netfront_kick(nf, ret);
	return ret < 0 ? netfront_fail(nf, &nf->rx, NULL) : (int)msg.len;
}

const struct tessera_netfront_stats *
tessera_netfront_stats(const struct tessera_netfront *nf)
{
	return &nf->stats;
}
