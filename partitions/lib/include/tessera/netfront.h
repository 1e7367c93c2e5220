/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_NETFRONT_H
#define TESSERA_LIB_NETFRONT_H

/*
 * The frontend of a virtual network interface (partitions/lib/netfront.c):
 * a channel of kind TESSERA_CHANNEL_NET on which this partition is the
 * frontend, served by a driver partition such as partitions/netdrv
 * (public/io/netif.h, docs/drivers.md "Network"). Frames are whole
 * Ethernet frames, destination MAC first, no FCS, 14 to
 * TESSERA_NETIF_FRAME_MAX bytes.
 *
 *	static struct tessera_netfront nf;
 *	static uint8_t frame[TESSERA_NETIF_FRAME_MAX];
 *
 *	tessera_netfront_open(&nf, "web-net");
 *	tessera_netfront_send(&nf, frame, len);
 *	for (;;) {
 *		tessera_event_clear(tessera_netfront_port(&nf));
 *		tessera_netfront_poll(&nf);		tx statuses, counted
 *		while ((len = tessera_netfront_recv(&nf, frame,
 *						    sizeof(frame))) > 0)
 *			use len bytes of frame;
 *		tessera_wait_event();
 *	}
 *
 * The backend is not trusted: every index, header and length is read
 * from the rings once, into this struct, and checked (<tessera/ring.h>),
 * and each rx frame is copied out of its slot before the caller sees it.
 * A backend that breaks the protocol makes the call return -EPROTO with
 * `error` saying why; that ring has then been started afresh (frames in
 * flight on it are lost, rx buffers are posted again), so the next call
 * goes on. The backend finds the ring reset and resets its end too
 * (docs/rings.md, "Restarts and resets"): a restarted driver partition
 * is picked up the same way.
 *
 * One vCPU drives a netfront: the functions take no lock.
 */

#include <stddef.h>
#include <stdint.h>
#include <public/io/netif.h>
#include <public/start_info.h>
#include <tessera/ring.h>

/* The largest slot_size a netfront takes: a frame needs 1514 bytes. */
#define TESSERA_NETFRONT_SLOT_MAX	4096

/*
 * What became of the frames sent, from the statuses of the tx responses
 * taken so far (public/io/netif.h), and what was received.
 */
struct tessera_netfront_stats {
	uint64_t tx_passed;	/* status 0: passed on */
	uint64_t tx_spoofed;	/* -EPERM: a source that is not ours */
	uint64_t tx_denied;	/* -EACCES: a firewall rule */
	uint64_t tx_malformed;	/* -EINVAL */
	uint64_t tx_no_room;	/* -EAGAIN: no room on the way out */
	uint64_t tx_other;	/* any other status, a backend's mistake */
	uint64_t rx_frames;	/* frames returned by recv */
	uint64_t protocol_errors; /* rings reset after the backend broke one */
};

struct tessera_netfront {
	const struct tessera_channel *ch;
	const struct tessera_net_params *params;
	struct tessera_channel tx_ch, rx_ch;	/* each ring as a channel */
	struct tessera_ring_front tx, rx;
	int32_t tx_last;	/* the status of the last tx response taken */
	struct tessera_netfront_stats stats;
	const char *error;	/* the last protocol error, or NULL */
	uint8_t buf[TESSERA_NETFRONT_SLOT_MAX];	/* a slot's copy */
};

/*
 * Opens this partition's end of the net channel `channel`: both rings
 * reset and every slot of the rx ring posted as an empty buffer.
 * -ENOENT when the partition is no end of such a channel; -EINVAL when
 * it is not a net channel, this end is the backend, or its geometry does
 * not hold two rings of slots of TESSERA_NETIF_FRAME_MAX to
 * TESSERA_NETFRONT_SLOT_MAX bytes.
 */
int tessera_netfront_open(struct tessera_netfront *nf, const char *channel);

/* The interface's MAC, IPv4 address, prefix, gateway and rules. */
const struct tessera_net_params *
tessera_netfront_params(const struct tessera_netfront *nf);

/* The event port to wait on (tessera_wait_event) and to clear. */
unsigned int tessera_netfront_port(const struct tessera_netfront *nf);

/*
 * Queues one frame for the backend, after taking the tx statuses that
 * are waiting (as tessera_netfront_poll), and notifies the backend when
 * it asked. 0; -EAGAIN when every tx slot is in flight (poll after the
 * next event); -EINVAL for a length outside 14 to
 * TESSERA_NETIF_FRAME_MAX; -EPROTO. 0 says queued, not passed: the
 * backend's verdict arrives as a tx status.
 */
int tessera_netfront_send(struct tessera_netfront *nf, const void *frame,
			  size_t len);

/*
 * Says goodbye to the backend: a tx request of length 0 (netif.h), which
 * it answers with status 0 (counted in tx_passed) and after which it
 * owes this interface nothing until the next frame sent. A backend may
 * end once every frontend has said it (partitions/netdrv exit=goodbye).
 * 0, -EAGAIN, -EPROTO, as tessera_netfront_send().
 */
int tessera_netfront_close(struct tessera_netfront *nf);

/*
 * Takes the tx statuses that are waiting into the counters of
 * tessera_netfront_stats() and tx_last: how many, or -EPROTO.
 */
int tessera_netfront_poll(struct tessera_netfront *nf);

/* Frames sent whose status has not been taken yet. */
unsigned int tessera_netfront_tx_in_flight(const struct tessera_netfront *nf);

/*
 * Copies the next received frame into `buf` (`cap` at least
 * TESSERA_NETIF_FRAME_MAX bytes, else -EINVAL) and posts its buffer
 * again: its length, 0 when no frame is waiting, -EPROTO.
 */
int tessera_netfront_recv(struct tessera_netfront *nf, void *buf, size_t cap);

const struct tessera_netfront_stats *
tessera_netfront_stats(const struct tessera_netfront *nf);

#endif
