// SPDX-License-Identifier: MIT
/*
 * The ring helpers of <tessera/ring.h>: the protocol of public/io/ring.h
 * with every hostile-peer check. The two ends differ only in which
 * indices they write (struct tessera_ring's pointers), how far the peer
 * may produce, and the frontend's outstanding ids; the rest is shared.
 */

#include <string.h>
#include <tessera.h>
#include <tessera/ring.h>

/*
 * Every load from the ring is one access, through RING_LOAD, into a
 * local; nothing is read twice. tests/unit/test_ring.c defines its own
 * RING_LOAD to count the loads and to change the ring between them, and
 * its own RING_STORE to let the peer run right after a store.
 */
#ifndef RING_LOAD
#define RING_LOAD(field) ((uint32_t)*(const volatile __typeof__(field) *)&(field))
#endif
#ifndef RING_STORE
#define RING_STORE(field, v) (*(volatile __typeof__(field) *)&(field) = (v))
#endif

/*
 * x86-64 keeps loads in order with loads and stores with stores (TSO),
 * so the read and write barriers of the protocol only stop the compiler.
 * A store followed by a load is the one pair the CPU reorders: the full
 * barrier is a locked instruction, cheaper than mfence and as strong for
 * ordinary memory.
 */
#define ring_rmb()	__asm__ __volatile__("" ::: "memory")
#define ring_wmb()	__asm__ __volatile__("" ::: "memory")
#define ring_mb()	__asm__ __volatile__("lock addl $0, (%%rsp)" ::: "memory", "cc")

#define RING_STR_(x)	#x
#define RING_STR(x)	RING_STR_(x)

static struct tessera_ring_slot *ring_slot(const struct tessera_ring *r,
					   uint32_t index)
{
	return (struct tessera_ring_slot *)(r->slot0 +
		(index & (r->slots - 1)) * TESSERA_RING_SLOT_STRIDE(r->slot_size));
}

static int ring_break(struct tessera_ring *r, const char *why)
{
	r->error = why;
	return -EPROTO;
}

static void ring_reset(struct tessera_ring *r)
{
	r->prod_pvt = r->prod_pub = r->cons = r->quiet = 0;
	r->fresh = true;
	r->error = NULL;
	RING_STORE(*r->prod, 0);
	RING_STORE(*r->event, 1);	/* notify me of the first entry */
}

static bool ring_geometry_ok(const struct tessera_channel *ch)
{
	return ch->slots && !(ch->slots & (ch->slots - 1)) &&
	       ch->slots <= TESSERA_RING_SLOTS_MAX && ch->slot_size &&
	       !(ch->slot_size % 8) && !(ch->ring % TESSERA_PAGE_SIZE) &&
	       ch->ring_bytes >= TESSERA_RING_BYTES(ch->slots, ch->slot_size);
}

static int ring_init(struct tessera_ring *r, const struct tessera_channel *ch,
		     uint8_t role)
{
	struct tessera_ring_page *page;
	bool front = role == TESSERA_ROLE_FRONTEND;

	if (!ch || ch->role != role || !ring_geometry_ok(ch))
		return -EINVAL;
	page = (struct tessera_ring_page *)ch->ring;
	r->prod = front ? &page->req_prod : &page->rsp_prod;
	r->event = front ? &page->rsp_event : &page->req_event;
	r->peer_prod = front ? &page->rsp_prod : &page->req_prod;
	r->peer_event = front ? &page->req_event : &page->rsp_event;
	r->slot0 = (uint8_t *)page + TESSERA_RING_SLOTS_OFFSET;
	r->slots = ch->slots;
	r->slot_size = ch->slot_size;
	r->front = front;
	ring_reset(r);
	return 0;
}

/* Writes the next entry of this end into its slot, unpublished. */
static void ring_fill(struct tessera_ring *r, uint32_t id, int32_t status,
		      const void *payload, uint32_t len)
{
	struct tessera_ring_slot *s = ring_slot(r, r->prod_pvt);

	RING_STORE(s->id, id);
	RING_STORE(s->len, len);
	RING_STORE(s->status, status);
	RING_STORE(s->reserved, 0);
	memcpy(s + 1, payload, len);
	r->prod_pvt++;
}

/*
 * 1 when the peer must be notified. The first entries published since
 * this end (re)started always are: after a restart the monitor has zeroed
 * the ring, so the peer's event index of 0 asks for nothing, while the
 * peer's private indices are those of our last life; only an event makes
 * it look, find the ring new and reset its end.
 */
static int ring_publish(struct tessera_ring *r)
{
	uint32_t old = r->prod_pub, new = r->prod_pvt;
	bool first = r->fresh && new != old;

	if (r->error)
		return -EPROTO;
	ring_wmb();	/* the peer sees the slots before the index */
	RING_STORE(*r->prod, new);
	r->prod_pub = new;
	r->fresh &= !first;
	ring_mb();	/* the index is out before the peer's event is read */
	return TESSERA_RING_NEED_NOTIFY(RING_LOAD(*r->peer_event), old, new) ||
	       first;
}

/*
 * How far the peer may have produced beyond cons: a backend's frontend
 * fills at most the slots that its responses freed, a frontend's backend
 * answers at most the requests published.
 */
static uint32_t ring_room(const struct tessera_ring *r)
{
	if (r->front)
		return TESSERA_RING_RSP_ROOM(r->cons, r->prod_pub);
	return TESSERA_RING_REQ_ROOM(r->cons, r->prod_pvt, r->slots);
}

/*
 * The peer's producer index, or cons when it has produced nothing new:
 * then this end's event is re-armed and the index read again, so that an
 * entry published meanwhile is either seen here or notified.
 */
static uint32_t ring_peer_prod(struct tessera_ring *r)
{
	uint32_t prod = RING_LOAD(*r->peer_prod);

	if (prod != r->cons)
		return prod;
	RING_STORE(*r->event, r->cons + 1);
	ring_mb();	/* the event is out before the index is read again */
	return RING_LOAD(*r->peer_prod);
}

/* The peer's next entry, copied, then checked: 1, 0 (none) or an error. */
static int ring_take(struct tessera_ring *r, struct tessera_ring_msg *msg,
		     void *payload, size_t size)
{
	const struct tessera_ring_slot *s;
	uint32_t prod;

	if (r->error)
		return -EPROTO;
	if (size < r->slot_size)
		return -EINVAL;
	prod = ring_peer_prod(r);
	if (prod == r->cons)
		return 0;
	if (TESSERA_RING_PROD_OVERFLOW(r->cons, prod, ring_room(r)))
		return ring_break(r, r->front ? "rsp_prod out of range" :
						"req_prod out of range");
	ring_rmb();	/* the slot is read after the index that covers it */
	s = ring_slot(r, r->cons);
	msg->id = RING_LOAD(s->id);
	msg->len = RING_LOAD(s->len);
	msg->status = (int32_t)RING_LOAD(s->status);
	if (TESSERA_RING_LEN_OVERFLOW(msg->len, r->slot_size))
		return ring_break(r, "length larger than the slot size");
	memcpy(payload, s + 1, msg->len);
	r->cons++;
	r->quiet = 0;
	return 1;
}

/* One more event of the peer's; a storm when too many brought nothing. */
static int ring_event(struct tessera_ring *r)
{
	if (r->error)
		return -EPROTO;
	if (++r->quiet < TESSERA_RING_STORM_EVENTS)
		return 0;
	return ring_break(r, "event storm: " RING_STR(TESSERA_RING_STORM_EVENTS)
			  " events without work");
}

/* ---- the frontend ---------------------------------------------------- */

static bool front_outstanding(const struct tessera_ring_front *f, uint32_t id)
{
	return f->outstanding[id / 64] & (1ULL << (id % 64));
}

static void front_mark(struct tessera_ring_front *f, uint32_t id, bool on)
{
	if (on)
		f->outstanding[id / 64] |= 1ULL << (id % 64);
	else
		f->outstanding[id / 64] &= ~(1ULL << (id % 64));
}

int tessera_ring_front_init(struct tessera_ring_front *f,
			    const struct tessera_channel *ch)
{
	memset(f->outstanding, 0, sizeof(f->outstanding));
	return ring_init(&f->ring, ch, TESSERA_ROLE_FRONTEND);
}

void tessera_ring_front_reset(struct tessera_ring_front *f)
{
	memset(f->outstanding, 0, sizeof(f->outstanding));
	ring_reset(&f->ring);
}

int tessera_ring_front_push(struct tessera_ring_front *f, uint32_t id,
			    const void *payload, uint32_t len)
{
	struct tessera_ring *r = &f->ring;

	if (r->error)
		return -EPROTO;
	/* every slot holds a request or a response not yet taken (and
	 * every id is outstanding) */
	if (r->prod_pvt - r->cons >= r->slots)
		return -EAGAIN;
	if (id >= r->slots || front_outstanding(f, id) || len > r->slot_size)
		return -EINVAL;
	ring_fill(r, id, 0, payload, len);
	front_mark(f, id, true);
	return 0;
}

int tessera_ring_front_publish(struct tessera_ring_front *f)
{
	return ring_publish(&f->ring);
}

int tessera_ring_front_event(struct tessera_ring_front *f)
{
	return ring_event(&f->ring);
}

int tessera_ring_front_take(struct tessera_ring_front *f,
			    struct tessera_ring_msg *msg, void *payload,
			    size_t size)
{
	int ret = ring_take(&f->ring, msg, payload, size);

	if (ret <= 0)
		return ret;
	if (TESSERA_RING_ID_UNKNOWN(msg->id, f->ring.slots))
		return ring_break(&f->ring, "response id unknown");
	if (!front_outstanding(f, msg->id))
		return ring_break(&f->ring, "response id not outstanding");
	front_mark(f, msg->id, false);
	return 1;
}

/* ---- the backend ----------------------------------------------------- */

int tessera_ring_back_init(struct tessera_ring_back *b,
			   const struct tessera_channel *ch)
{
	return ring_init(&b->ring, ch, TESSERA_ROLE_BACKEND);
}

void tessera_ring_back_reset(struct tessera_ring_back *b)
{
	ring_reset(&b->ring);
}

int tessera_ring_back_event(struct tessera_ring_back *b)
{
	return ring_event(&b->ring);
}

int tessera_ring_back_take(struct tessera_ring_back *b,
			   struct tessera_ring_msg *msg, void *payload,
			   size_t size)
{
	return ring_take(&b->ring, msg, payload, size);
}

int tessera_ring_back_push(struct tessera_ring_back *b, uint32_t id,
			   int32_t status, const void *payload, uint32_t len)
{
	struct tessera_ring *r = &b->ring;

	if (r->error)
		return -EPROTO;
	/* a response takes the slot of a request already taken */
	if (len > r->slot_size || r->prod_pvt == r->cons)
		return -EINVAL;
	ring_fill(r, id, status, payload, len);
	return 0;
}

int tessera_ring_back_publish(struct tessera_ring_back *b)
{
	return ring_publish(&b->ring);
}
