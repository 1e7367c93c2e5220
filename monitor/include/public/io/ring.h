/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_IO_RING_H
#define TESSERA_PUBLIC_IO_RING_H

/*
 * I/O rings: the shared memory of a channel (DESIGN.md section 6,
 * docs/rings.md), in the manner of Xen's io/ring.h.
 *
 * What the includer provides: nothing but a C11 compiler (<stdint.h> is
 * included here); the memory barriers are the includer's to write, and
 * the guest library writes them (partitions/lib/ring.c). gen reads the
 * plain-number defines of this file (TESSERA_RING_SLOTS_OFFSET,
 * TESSERA_RING_SLOT_HEADER, TESSERA_RING_SLOTS_MAX: gen/tessera_gen/
 * contract.py) to size and check each channel's memory. The monitor maps
 * and zeroes rings, nothing more: it never reads a byte of one.
 *
 * Layout, from the channel's `ring` address in the start-info page
 * (struct tessera_channel in public/start_info.h), ring_bytes in all:
 *
 *   +0x0000  struct tessera_ring_page: four 32-bit indices, each alone in
 *            its cache line, so that a store by one end never makes the
 *            other end's index bounce; the rest of the page is zero
 *   +0x1000  slot 0: struct tessera_ring_slot (TESSERA_RING_SLOT_HEADER
 *            bytes), then slot_size bytes of payload
 *   +0x1000 + n * TESSERA_RING_SLOT_STRIDE(slot_size)   slot n
 *   ...      up to slot slots - 1, then zero up to the page boundary
 *
 * `slot_size` (the DTS `slot-size`) counts the payload only; a slot takes
 * TESSERA_RING_SLOT_STRIDE(slot_size) bytes. gen allocates
 * TESSERA_RING_BYTES(slots, slot_size) for a channel.
 *
 * Indices are free-running 32-bit counters that wrap at 2^32; entry n
 * lives in slot n & (slots - 1) (slots is a power of two, so the masking
 * stays right across the wrap). Requests and responses share the slots:
 * the backend writes its n-th response in the slot of the n-th request,
 * which it has consumed already. Who writes what:
 *
 *   req_prod   frontend  requests produced (published) so far
 *   req_event  backend   notify me when req_prod passes this value
 *   rsp_prod   backend   responses produced (published) so far
 *   rsp_event  frontend  notify me when rsp_prod passes this value
 *
 * An end writes its two fields and the slots it owns, and reads the other
 * two fields and the slots the peer produced. The monitor zeroes the ring
 * before either end first runs and again before a restarted end runs
 * again (docs/rings.md, "Restarts"); each end, when it starts or resets,
 * writes 0 to its producer index and 1 to its event index.
 *
 * Walk-through (ring.c is this, with every check):
 *
 * Frontend, to send: fill slot req_prod_pvt & (slots - 1) with the header
 * (id, len, status 0) and the payload; req_prod_pvt++. Then publish:
 *
 *	old = what it last published; new = req_prod_pvt;
 *	wmb();			back sees the slots before the index
 *	req_prod = new;
 *	mb();			req_prod is visible before req_event is read
 *	if (TESSERA_RING_NEED_NOTIFY(READ_ONCE(req_event), old, new))
 *		notify the backend;
 *
 * Backend, to serve: prod = READ_ONCE(req_prod) once, check it with
 * TESSERA_RING_PROD_OVERFLOW against TESSERA_RING_REQ_ROOM, rmb() (the
 * slots are read after the index that says they are there); for each
 * entry from req_cons to prod copy the slot header into private memory,
 * check len with TESSERA_RING_LEN_OVERFLOW, copy the payload, and only
 * then act on the copy. When nothing is left, re-arm and look again, so
 * that a request published meanwhile is not missed:
 *
 *	req_event = req_cons + 1;
 *	mb();			req_event is visible before req_prod is read
 *	if (READ_ONCE(req_prod) != req_cons) serve again;
 *
 * Responses go the same way the other way round, with rsp_prod and
 * rsp_event, TESSERA_RING_RSP_ROOM, and the frontend checking each
 * response's id against the ids it has outstanding.
 *
 * A hostile peer can write anything at any time. Each shared field is
 * read once into a local and the local is checked and used; a value that
 * fails a check below is a protocol error: the end stops using the ring
 * until it resets it, and never trusts, loops on or indexes with the bad
 * value.
 */

#include <stdint.h>

#define TESSERA_RING_CACHE_LINE	64
#define TESSERA_RING_SLOTS_OFFSET 0x1000	/* the index page, then slots */
#define TESSERA_RING_SLOT_HEADER 16		/* struct tessera_ring_slot */

/* The frontend's ids are 0 to slots - 1, and slots at most this many. */
#define TESSERA_RING_SLOTS_MAX	4096

/* Bytes a slot takes, header and payload. */
#define TESSERA_RING_SLOT_STRIDE(slot_size) \
	(TESSERA_RING_SLOT_HEADER + (uint64_t)(slot_size))

/* Bytes of a channel's memory: the index page and the slots, whole pages. */
#define TESSERA_RING_BYTES(slots, slot_size)				\
	((TESSERA_RING_SLOTS_OFFSET +					\
	  (uint64_t)(slots) * TESSERA_RING_SLOT_STRIDE(slot_size) +	\
	  0xfff) & ~(uint64_t)0xfff)

/*
 * Whether a producer that moved its index from `old` to `new` must notify
 * a consumer that asked to be told when the index passes `event`: event
 * lies in (old, new], in wrapping arithmetic (the Xen paper, figure 2).
 */
#define TESSERA_RING_NEED_NOTIFY(event, old, new) \
	((uint32_t)((new) - (event)) < (uint32_t)((new) - (old)))

/* ---- hostile-peer checks: each true is a protocol error ------------ */

/*
 * A producer index `prod`, read from the peer, that claims more entries
 * after the consumer's `cons` than the peer may have produced (`room`),
 * or lies behind cons. Consuming up to such an index would read slots the
 * peer does not own, or loop for up to 2^32 entries.
 */
#define TESSERA_RING_PROD_OVERFLOW(cons, prod, room) \
	((uint32_t)((prod) - (cons)) > (uint32_t)(room))

/*
 * The room of a backend: the frontend may have published requests up to
 * `slots` ahead of the responses the backend has produced (rsp_prod_pvt),
 * whether or not they are published yet: those slots are the only free
 * ones.
 */
#define TESSERA_RING_REQ_ROOM(req_cons, rsp_prod_pvt, slots) \
	((uint32_t)(slots) - (uint32_t)((req_cons) - (rsp_prod_pvt)))

/*
 * The room of a frontend: one response per request it has published
 * (req_prod_pub), less the responses it has consumed.
 */
#define TESSERA_RING_RSP_ROOM(rsp_cons, req_prod_pub) \
	((uint32_t)((req_prod_pub) - (rsp_cons)))

/* A length, from a slot header, that the slot cannot hold. */
#define TESSERA_RING_LEN_OVERFLOW(len, slot_size) \
	((uint32_t)(len) > (uint32_t)(slot_size))

/* A response id that no request of this ring can have had. */
#define TESSERA_RING_ID_UNKNOWN(id, slots) ((uint32_t)(id) >= (uint32_t)(slots))

/* ---- the shared structures ------------------------------------------ */

/* The index page's start; the rest of the page is reserved, zero. */
struct tessera_ring_page {
	uint32_t req_prod;		/* written by the frontend */
	uint32_t pad0[TESSERA_RING_CACHE_LINE / 4 - 1];
	uint32_t req_event;		/* written by the backend */
	uint32_t pad1[TESSERA_RING_CACHE_LINE / 4 - 1];
	uint32_t rsp_prod;		/* written by the backend */
	uint32_t pad2[TESSERA_RING_CACHE_LINE / 4 - 1];
	uint32_t rsp_event;		/* written by the frontend */
	uint32_t pad3[TESSERA_RING_CACHE_LINE / 4 - 1];
};

/* The start of each slot; slot_size bytes of payload follow. */
struct tessera_ring_slot {
	uint32_t id;		/* the request's, from 0 to slots - 1; a
				 * response carries its request's id */
	uint32_t len;		/* bytes of payload in use, <= slot_size */
	int32_t status;		/* a response's: 0 or a negated errno.h code;
				 * 0 in a request */
	uint32_t reserved;	/* zero; keeps the payload 16-byte aligned */
};

_Static_assert(sizeof(struct tessera_ring_page) == 4 * TESSERA_RING_CACHE_LINE,
	       "one cache line per index");
_Static_assert(sizeof(struct tessera_ring_slot) == TESSERA_RING_SLOT_HEADER,
	       "slot header");

#endif
