/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_RING_H
#define TESSERA_LIB_RING_H

/*
 * Ring helpers (partitions/lib/ring.c): the two ends of a channel's I/O
 * ring (public/io/ring.h, docs/rings.md), in the manner of Xen's
 * DEFINE_RING_TYPES front and back rings, as functions over a struct
 * that holds the end's private copies of the indices. The structs are
 * the end's own memory; they point into the ring, which only these
 * functions touch.
 *
 *	static struct tessera_ring_front front;
 *	static uint8_t buf[MAX_SLOT_SIZE];
 *	struct tessera_ring_msg msg;
 *
 *	tessera_ring_front_init(&front, tessera_channel("web-net"));
 *	tessera_ring_front_push(&front, id, data, len);
 *	if (tessera_ring_front_publish(&front) > 0)
 *		notify the backend (events come later);
 *	while (tessera_ring_front_take(&front, &msg, buf, sizeof(buf)) > 0)
 *		use msg.id, msg.status, msg.len bytes of buf;
 *
 * The peer is hostile. Everything read from the ring is copied into the
 * caller's memory before it is checked, and the copy is what the caller
 * gets: a message header in struct tessera_ring_msg, the payload in a
 * buffer of at least slot_size bytes. A check that fails breaks the ring:
 * the call returns -EPROTO, `error` says why (a static string), and every
 * later call returns -EPROTO until the end resets the ring.
 *
 * Errors: -EINVAL for the caller's own mistakes (a channel of the other
 * role or a bad geometry, an id out of range or already outstanding, a
 * length larger than slot_size, a buffer smaller than slot_size, a
 * response with no request to answer); -EAGAIN when the ring is full;
 * -EPROTO when the peer broke the protocol. One vCPU drives an end: the
 * functions take no lock.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <public/errno.h>	/* the -E codes these functions return */
#include <public/io/ring.h>
#include <public/layout.h>
#include <public/start_info.h>

/*
 * An event storm: TESSERA_RING_STORM_EVENTS events in a row on an end's
 * port with no work taken from the ring in between, counted by
 * tessera_ring_*_event(). An honest peer causes at most 3 such events
 * in a row: it notifies only when it publishes across the event index
 * this end armed when it ran out of work (TESSERA_RING_NEED_NOTIFY), so
 * after this end's last take of work it can still cause the event
 * pending then, the one of an earlier crossing it had not yet sent, and
 * one that comes with new work (counted before the look that takes it).
 * Notifications do not queue, so they never add up to more. The margin
 * above 3 costs a storming peer's victim a few wake-ups only.
 */
#define TESSERA_RING_STORM_EVENTS	8

/*
 * What each end keeps of the ring. The four pointers lead into the index
 * page (public/io/ring.h), chosen by the role: this end's producer and
 * event indices, which it writes, and the peer's, which it reads.
 */
struct tessera_ring {
	uint32_t *prod;			/* req_prod at the front */
	uint32_t *event;		/* rsp_event at the front */
	const uint32_t *peer_prod;	/* rsp_prod at the front */
	const uint32_t *peer_event;	/* req_event at the front */
	uint8_t *slot0;			/* slot 0's header */
	uint32_t slots;			/* a power of two */
	uint32_t slot_size;		/* payload bytes per slot */
	uint32_t prod_pvt;	/* the next entry this end will write */
	uint32_t prod_pub;	/* the producer index it last published */
	uint32_t cons;		/* the next entry of the peer to take */
	uint32_t quiet;		/* events since the last take of work */
	bool fresh;		/* nothing published since the (re)start */
	bool front;		/* TESSERA_ROLE_FRONTEND */
	const char *error;	/* why the ring is broken, or NULL */
};

struct tessera_ring_front {
	struct tessera_ring ring;
	/* bit id: a request with this id awaits its response */
	uint64_t outstanding[TESSERA_RING_SLOTS_MAX / 64];
};

struct tessera_ring_back {
	struct tessera_ring ring;
};

/* A slot header, copied out of the ring. */
struct tessera_ring_msg {
	uint32_t id;
	uint32_t len;		/* payload bytes, <= slot_size */
	int32_t status;		/* a response's; 0 in a request */
};

/*
 * Takes the channel's end (tessera_channel()) of the matching role, then
 * resets the ring as below. -EINVAL for NULL, the other role, or a
 * geometry that public/io/ring.h does not allow.
 */
int tessera_ring_front_init(struct tessera_ring_front *f,
			    const struct tessera_channel *ch);
int tessera_ring_back_init(struct tessera_ring_back *b,
			   const struct tessera_channel *ch);

/*
 * Starts this end afresh, after a protocol error or when the peer has
 * restarted: private indices 0, no request outstanding, the error
 * cleared; the end's producer index 0 and its event index 1 in the ring.
 * What was in flight is lost. The peer finds the indices gone back, which
 * breaks its ring too, and resets likewise; the two ends then agree again
 * (docs/rings.md, "Restarts and resets").
 */
void tessera_ring_front_reset(struct tessera_ring_front *f);
void tessera_ring_back_reset(struct tessera_ring_back *b);

/*
 * Writes a request into the next free slot, unpublished: `id` from 0 to
 * slots - 1 and not outstanding, `len` bytes of payload at most
 * slot_size. 0, -EAGAIN when every slot is taken, -EINVAL, -EPROTO.
 */
int tessera_ring_front_push(struct tessera_ring_front *f, uint32_t id,
			    const void *payload, uint32_t len);

/*
 * Publishes the requests pushed so far (push-and-check-notify): 1 when
 * the backend asked to be notified of them, 0 when it did not (it will
 * find them), -EPROTO.
 */
int tessera_ring_front_publish(struct tessera_ring_front *f);

/*
 * Takes the next response: its header into *msg and its payload into
 * `payload` (`size` >= slot_size bytes). 1, or 0 when there is none,
 * after re-arming rsp_event (so that the backend notifies the next one)
 * and looking once more; -EINVAL, -EPROTO.
 */
int tessera_ring_front_take(struct tessera_ring_front *f,
			    struct tessera_ring_msg *msg, void *payload,
			    size_t size);

/*
 * Takes the next request, as tessera_ring_front_take() takes responses,
 * re-arming req_event when there is none.
 */
int tessera_ring_back_take(struct tessera_ring_back *b,
			   struct tessera_ring_msg *msg, void *payload,
			   size_t size);

/*
 * Writes a response, unpublished, into the slot of the oldest request
 * taken and not yet answered: the id of the request it answers, `status`,
 * `len` bytes of payload at most slot_size. 0; -EINVAL when every
 * request taken has its response; -EPROTO.
 */
int tessera_ring_back_push(struct tessera_ring_back *b, uint32_t id,
			   int32_t status, const void *payload, uint32_t len);

/* Publishes the responses pushed so far, as tessera_ring_front_publish(). */
int tessera_ring_back_publish(struct tessera_ring_back *b);

/*
 * Counts an event: call it each time the end's port was found pending
 * (tessera_event_clear() returned 1), before looking at the ring. 0, or
 * -EPROTO, "event storm: 8 events without work", when this is the
 * TESSERA_RING_STORM_EVENTS-th event in a row that came without work
 * (a take returning 1 ends the run). The caller then resets the ring and
 * should stop paying for the peer's events a while (mask the port:
 * partitions/echo backs off). Counting reads nothing of the ring.
 */
int tessera_ring_front_event(struct tessera_ring_front *f);
int tessera_ring_back_event(struct tessera_ring_back *b);

#endif
