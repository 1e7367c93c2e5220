// SPDX-License-Identifier: MIT
/*
 * The ring helpers (partitions/lib/ring.c) with both ends on one ring in
 * a buffer, driven in turn by the test: round trips, free-running indices
 * across 2^32, full and empty rings, notification suppression, each
 * protocol error a hostile peer can cause and the reset after it, and
 * that each field of the ring is loaded once per operation, through the
 * seam of ring_seam.h, which can also rewrite a field right after the
 * library loaded it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <tessera/ring.h>

#define SLOTS		8
#define SLOT_SIZE	64
#define NR_FIELDS	(4 + 3 * SLOTS)	/* the indices, each slot header's */

static uint8_t *mem;
static struct tessera_ring_page *page;
static struct tessera_channel front_ch, back_ch;
static struct tessera_ring_front front;
static struct tessera_ring_back back;
static struct tessera_ring_msg msg;
static uint8_t buf[SLOT_SIZE];

/* ---- the seam: loads counted per field, a peer's write after one ---- */

static struct {
	const volatile void *field;
	unsigned int loads;
} seen[NR_FIELDS];

static struct {
	const volatile void *field;	/* rewrite this field... */
	uint32_t value;			/* ...with this, after its next load */
} peer;

/* the frontend's turn, taken after each load of req_prod and each store
 * of req_event (where the backend re-arms) when set */
static void (*peer_step)(void);

uint32_t ring_seam_load(const volatile void *field, uint32_t value)
{
	unsigned int i;

	for (i = 0; i < NR_FIELDS && seen[i].field && seen[i].field != field; i++)
		;
	assert_true(i < NR_FIELDS);
	seen[i].field = field;
	seen[i].loads++;
	if (peer.field == field) {
		*(volatile uint32_t *)field = peer.value;
		peer.field = NULL;
	}
	if (peer_step && field == &page->req_prod)
		peer_step();
	return value;
}

void ring_seam_store(const volatile void *field)
{
	if (peer_step && field == &page->req_event)
		peer_step();
}

static unsigned int loads(const volatile void *field)
{
	for (unsigned int i = 0; i < NR_FIELDS; i++)
		if (seen[i].field == field)
			return seen[i].loads;
	return 0;
}

static void loads_reset(void)
{
	memset(seen, 0, sizeof(seen));
}

/* ---- the ring in a buffer ------------------------------------------ */

static struct tessera_ring_slot *slot(uint32_t index)
{
	return (struct tessera_ring_slot *)(mem + TESSERA_RING_SLOTS_OFFSET +
		(index % SLOTS) * TESSERA_RING_SLOT_STRIDE(SLOT_SIZE));
}

static int setup(void **state)
{
	uint64_t bytes = TESSERA_RING_BYTES(SLOTS, SLOT_SIZE);

	peer_step = NULL;
	mem = aligned_alloc(TESSERA_PAGE_SIZE, bytes);
	assert_non_null(mem);
	memset(mem, 0, bytes);	/* as the monitor leaves it */
	page = (struct tessera_ring_page *)mem;
	front_ch = (struct tessera_channel){
		.name = "test", .ring = (uintptr_t)mem, .ring_bytes = bytes,
		.slots = SLOTS, .slot_size = SLOT_SIZE,
		.role = TESSERA_ROLE_FRONTEND,
	};
	back_ch = front_ch;
	back_ch.role = TESSERA_ROLE_BACKEND;
	assert_int_equal(tessera_ring_front_init(&front, &front_ch), 0);
	assert_int_equal(tessera_ring_back_init(&back, &back_ch), 0);
	loads_reset();
	peer.field = NULL;
	return 0;
}

static int teardown(void **state)
{
	free(mem);
	return 0;
}

static void fill(uint8_t *p, uint32_t len, uint32_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		p[i] = (uint8_t)(seed * 31 + i);
}

static void assert_filled(const uint8_t *p, uint32_t len, uint32_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		assert_int_equal(p[i], (uint8_t)(seed * 31 + i));
}

static void push(uint32_t id, uint32_t len)
{
	uint8_t data[SLOT_SIZE];

	fill(data, len, id);
	assert_int_equal(tessera_ring_front_push(&front, id, data, len), 0);
}

/* The backend takes a request and answers with its payload, reversed in status. */
static void serve_one(void)
{
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 1);
	assert_int_equal(msg.status, 0);
	assert_filled(buf, msg.len, msg.id);
	assert_int_equal(tessera_ring_back_push(&back, msg.id, -(int32_t)msg.id,
						buf, msg.len), 0);
}

static void take_response(uint32_t id, uint32_t len)
{
	assert_int_equal(tessera_ring_front_take(&front, &msg, buf, sizeof(buf)), 1);
	assert_int_equal(msg.id, id);
	assert_int_equal(msg.len, len);
	assert_int_equal(msg.status, -(int32_t)id);
	assert_filled(buf, len, id);
}

/* ---- the macros of public/io/ring.h at the wrap ------------------- */

static void test_macros_across_the_wrap(void **state)
{
	/* notify when the event lies in (old, new], whatever wraps */
	assert_true(TESSERA_RING_NEED_NOTIFY(0, UINT32_MAX, 0));
	assert_true(TESSERA_RING_NEED_NOTIFY(UINT32_MAX, UINT32_MAX - 1, 2));
	assert_true(TESSERA_RING_NEED_NOTIFY(2, UINT32_MAX - 1, 2));
	assert_false(TESSERA_RING_NEED_NOTIFY(UINT32_MAX - 1, UINT32_MAX - 1, 2));
	assert_false(TESSERA_RING_NEED_NOTIFY(3, UINT32_MAX - 1, 2));
	assert_false(TESSERA_RING_NEED_NOTIFY(5, 5, 5));	/* nothing new */
	/* a producer up to room ahead, not behind */
	assert_false(TESSERA_RING_PROD_OVERFLOW(UINT32_MAX - 2, 5, 8));
	assert_true(TESSERA_RING_PROD_OVERFLOW(UINT32_MAX - 2, 6, 8));
	assert_true(TESSERA_RING_PROD_OVERFLOW(3, 2, 8));
	assert_false(TESSERA_RING_PROD_OVERFLOW(3, 3, 0));
	/* the backend's room: slots less the requests taken, unanswered */
	assert_int_equal(TESSERA_RING_REQ_ROOM(2, UINT32_MAX - 1, 8), 4);
	assert_int_equal(TESSERA_RING_RSP_ROOM(UINT32_MAX, 3), 4);
	assert_false(TESSERA_RING_LEN_OVERFLOW(64, 64));
	assert_true(TESSERA_RING_LEN_OVERFLOW(UINT32_MAX, 64));
	assert_true(TESSERA_RING_ID_UNKNOWN(8, 8));
	assert_false(TESSERA_RING_ID_UNKNOWN(7, 8));
	assert_int_equal(TESSERA_RING_BYTES(16, 256), 0x3000);
	assert_int_equal(TESSERA_RING_BYTES(64, 2048), 0x22000);
	assert_int_equal(TESSERA_RING_BYTES(1, 8), 0x2000);
}

/* ---- round trips ---------------------------------------------------- */

static void test_round_trips(void **state)
{
	push(0, 0);
	push(5, 17);
	push(7, SLOT_SIZE);
	assert_int_equal(tessera_ring_front_publish(&front), 1);
	for (int i = 0; i < 3; i++)
		serve_one();
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 0);
	assert_int_equal(tessera_ring_back_publish(&back), 1);
	take_response(0, 0);
	take_response(5, 17);
	take_response(7, SLOT_SIZE);
	assert_int_equal(tessera_ring_front_take(&front, &msg, buf, sizeof(buf)), 0);
	assert_int_equal(page->req_prod, 3);
	assert_int_equal(page->rsp_prod, 3);
	/* each end re-armed its event for the next entry */
	assert_int_equal(page->req_event, 4);
	assert_int_equal(page->rsp_event, 4);
}

/* Free-running indices from just below 2^32 across the wrap. */
static void test_wrap_around(void **state)
{
	uint32_t start = UINT32_MAX - 2 * SLOTS + 3;

	front.ring.prod_pvt = front.ring.prod_pub = front.ring.cons = start;
	back.ring.prod_pvt = back.ring.prod_pub = back.ring.cons = start;
	page->req_prod = page->rsp_prod = start;
	page->req_event = page->rsp_event = start + 1;
	for (uint32_t n = 0; n < 5 * SLOTS; n += SLOTS - 1) {
		for (uint32_t i = 0; i < SLOTS - 1; i++)
			push(i, (n + i) % SLOT_SIZE);
		assert_int_equal(tessera_ring_front_publish(&front), 1);
		for (uint32_t i = 0; i < SLOTS - 1; i++)
			serve_one();
		assert_int_equal(tessera_ring_back_take(&back, &msg, buf,
							sizeof(buf)), 0);
		assert_int_equal(tessera_ring_back_publish(&back), 1);
		for (uint32_t i = 0; i < SLOTS - 1; i++)
			take_response(i, (n + i) % SLOT_SIZE);
		assert_int_equal(tessera_ring_front_take(&front, &msg, buf,
							 sizeof(buf)), 0);
	}
	assert_true(page->req_prod < start);	/* it did wrap */
	assert_int_equal(page->req_prod, start + 5 * (SLOTS - 1) + SLOTS - 1);
	assert_int_equal(page->rsp_prod, page->req_prod);
}

static void test_full_and_empty(void **state)
{
	uint8_t data[SLOT_SIZE] = { 0 };

	assert_int_equal(tessera_ring_front_take(&front, &msg, buf, sizeof(buf)), 0);
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 0);
	for (uint32_t id = 0; id < SLOTS; id++)
		push(id, 8);
	assert_int_equal(tessera_ring_front_push(&front, 0, data, 8), -EAGAIN);
	assert_int_equal(tessera_ring_front_publish(&front), 1);
	/* a slot is free again only once its response is taken */
	serve_one();
	assert_int_equal(tessera_ring_back_publish(&back), 1);
	assert_int_equal(tessera_ring_front_push(&front, 0, data, 8), -EAGAIN);
	take_response(0, 8);
	push(0, 8);
	assert_int_equal(tessera_ring_front_publish(&front), 0);  /* not taken yet */
	for (uint32_t i = 0; i < SLOTS; i++)
		serve_one();
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 0);
}

/*
 * A producer notifies only when the consumer has emptied the ring since
 * the last notification (and so re-armed its event): a batch of requests
 * costs one notification however it is published, and so does a batch
 * of responses.
 */
static void test_notification_suppression(void **state)
{
	unsigned int req_notes = 0, rsp_notes = 0, batches = 0;

	for (uint32_t n = 0; n < 200; batches++) {
		uint32_t batch = n % 5 + 1;

		for (uint32_t i = 0; i < batch; i++, n++) {
			push(i, 4);
			req_notes += tessera_ring_front_publish(&front);
		}
		for (uint32_t i = 0; i < batch; i++) {
			serve_one();
			rsp_notes += tessera_ring_back_publish(&back);
		}
		while (tessera_ring_back_take(&back, &msg, buf, sizeof(buf)) > 0)
			fail();
		for (uint32_t i = 0; i < batch; i++)
			take_response(i, 4);
		assert_int_equal(tessera_ring_front_take(&front, &msg, buf,
							 sizeof(buf)), 0);
	}
	assert_int_equal(req_notes, batches);
	assert_int_equal(rsp_notes, batches);
}

/* A consumer that has not run out of work is never notified. */
static void test_busy_consumer_not_notified(void **state)
{
	push(0, 4);
	assert_int_equal(tessera_ring_front_publish(&front), 1);
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 1);
	for (uint32_t id = 1; id < SLOTS; id++) {
		push(id, 4);
		assert_int_equal(tessera_ring_front_publish(&front), 0);
	}
}

/* ---- the caller's mistakes ----------------------------------------- */

static void test_caller_errors(void **state)
{
	struct tessera_channel ch = front_ch;
	uint8_t data[SLOT_SIZE + 1] = { 0 };

	assert_int_equal(tessera_ring_front_init(&front, NULL), -EINVAL);
	assert_int_equal(tessera_ring_back_init(&back, &front_ch), -EINVAL);
	assert_int_equal(tessera_ring_front_init(&front, &back_ch), -EINVAL);
	ch.slots = 6;
	assert_int_equal(tessera_ring_front_init(&front, &ch), -EINVAL);
	ch.slots = 2 * TESSERA_RING_SLOTS_MAX;
	assert_int_equal(tessera_ring_front_init(&front, &ch), -EINVAL);
	ch = front_ch;
	ch.ring_bytes -= TESSERA_PAGE_SIZE;
	assert_int_equal(tessera_ring_front_init(&front, &ch), -EINVAL);
	ch = front_ch;
	ch.slot_size = 12;
	assert_int_equal(tessera_ring_front_init(&front, &ch), -EINVAL);

	assert_int_equal(tessera_ring_front_init(&front, &front_ch), 0);
	assert_int_equal(tessera_ring_front_push(&front, SLOTS, data, 1), -EINVAL);
	assert_int_equal(tessera_ring_front_push(&front, 1, data, SLOT_SIZE + 1),
			 -EINVAL);
	push(1, 1);
	assert_int_equal(tessera_ring_front_push(&front, 1, data, 1), -EINVAL);
	assert_int_equal(tessera_ring_front_take(&front, &msg, buf, SLOT_SIZE - 1),
			 -EINVAL);
	/* the backend answers only what it took */
	assert_int_equal(tessera_ring_back_push(&back, 1, 0, data, 1), -EINVAL);
	assert_int_equal(tessera_ring_front_publish(&front), 1);
	serve_one();
	assert_int_equal(tessera_ring_back_push(&back, 1, 0, data, 1), -EINVAL);
	assert_null(front.ring.error);
	assert_null(back.ring.error);
}

/* ---- protocol errors ----------------------------------------------- */

static void assert_broken(struct tessera_ring *r, int ret, const char *why)
{
	assert_int_equal(ret, -EPROTO);
	assert_non_null(r->error);
	assert_string_equal(r->error, why);
}

/* Broken stays broken, whatever is called, until a reset. */
static void assert_stays_broken(void)
{
	uint8_t data[4] = { 0 };

	if (front.ring.error) {
		assert_int_equal(tessera_ring_front_event(&front), -EPROTO);
		assert_int_equal(tessera_ring_front_push(&front, 2, data, 4), -EPROTO);
		assert_int_equal(tessera_ring_front_publish(&front), -EPROTO);
		assert_int_equal(tessera_ring_front_take(&front, &msg, buf,
							 sizeof(buf)), -EPROTO);
	}
	if (back.ring.error) {
		assert_int_equal(tessera_ring_back_event(&back), -EPROTO);
		assert_int_equal(tessera_ring_back_take(&back, &msg, buf,
							sizeof(buf)), -EPROTO);
		assert_int_equal(tessera_ring_back_push(&back, 0, 0, data, 4), -EPROTO);
		assert_int_equal(tessera_ring_back_publish(&back), -EPROTO);
	}
}

/* After both ends reset, the ring carries traffic again from index 0. */
static void assert_reset_works(void)
{
	tessera_ring_front_reset(&front);
	tessera_ring_back_reset(&back);
	assert_null(front.ring.error);
	assert_null(back.ring.error);
	push(3, 9);
	assert_int_equal(tessera_ring_front_publish(&front), 1);
	serve_one();
	assert_int_equal(tessera_ring_back_publish(&back), 1);
	take_response(3, 9);
}

static void test_req_prod_too_far_ahead(void **state)
{
	page->req_prod = SLOTS + 1;
	assert_broken(&back.ring, tessera_ring_back_take(&back, &msg, buf,
				sizeof(buf)), "req_prod out of range");
	assert_stays_broken();
	assert_reset_works();
}

/* Slots still awaiting their responses count against the frontend. */
static void test_req_prod_over_unanswered_slots(void **state)
{
	for (uint32_t id = 0; id < 3; id++)
		push(id, 1);
	tessera_ring_front_publish(&front);
	for (uint32_t i = 0; i < 3; i++)
		assert_int_equal(tessera_ring_back_take(&back, &msg, buf,
							sizeof(buf)), 1);
	page->req_prod = SLOTS + 1;	/* 3 slots are not free again yet */
	assert_broken(&back.ring, tessera_ring_back_take(&back, &msg, buf,
				sizeof(buf)), "req_prod out of range");
	assert_reset_works();
}

static void test_req_prod_backwards(void **state)
{
	push(0, 1);
	push(1, 1);
	tessera_ring_front_publish(&front);
	serve_one();
	serve_one();
	page->req_prod = 1;	/* behind what the backend took */
	assert_broken(&back.ring, tessera_ring_back_take(&back, &msg, buf,
				sizeof(buf)), "req_prod out of range");
	assert_reset_works();
}

static void test_request_length_too_large(void **state)
{
	push(0, 8);
	tessera_ring_front_publish(&front);
	slot(0)->len = SLOT_SIZE + 1;
	assert_broken(&back.ring, tessera_ring_back_take(&back, &msg, buf,
				sizeof(buf)), "length larger than the slot size");
	assert_stays_broken();
	assert_reset_works();
}

static void test_rsp_prod_beyond_requests(void **state)
{
	push(0, 1);	/* pushed, not published: the backend cannot know it */
	page->rsp_prod = 1;
	assert_broken(&front.ring, tessera_ring_front_take(&front, &msg, buf,
				sizeof(buf)), "rsp_prod out of range");
	assert_stays_broken();
	assert_reset_works();
}

static void test_response_length_too_large(void **state)
{
	push(0, 8);
	tessera_ring_front_publish(&front);
	serve_one();
	tessera_ring_back_publish(&back);
	slot(0)->len = UINT32_MAX;
	assert_broken(&front.ring, tessera_ring_front_take(&front, &msg, buf,
				sizeof(buf)), "length larger than the slot size");
	assert_reset_works();
}

static void test_response_id_unknown(void **state)
{
	push(0, 8);
	tessera_ring_front_publish(&front);
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 1);
	assert_int_equal(tessera_ring_back_push(&back, SLOTS, 0, buf, 0), 0);
	tessera_ring_back_publish(&back);
	assert_broken(&front.ring, tessera_ring_front_take(&front, &msg, buf,
				sizeof(buf)), "response id unknown");
	assert_stays_broken();
	assert_reset_works();
}

static void test_response_id_duplicate(void **state)
{
	push(2, 8);
	push(4, 8);
	tessera_ring_front_publish(&front);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(tessera_ring_back_take(&back, &msg, buf,
							sizeof(buf)), 1);
		assert_int_equal(tessera_ring_back_push(&back, 2, -2, buf, 8), 0);
	}
	tessera_ring_back_publish(&back);
	take_response(2, 8);
	assert_broken(&front.ring, tessera_ring_front_take(&front, &msg, buf,
				sizeof(buf)), "response id not outstanding");
	assert_reset_works();
}

/* A response to an id answered long ago, or never asked. */
static void test_response_id_not_asked(void **state)
{
	push(1, 8);
	tessera_ring_front_publish(&front);
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 1);
	assert_int_equal(tessera_ring_back_push(&back, 6, 0, buf, 8), 0);
	tessera_ring_back_publish(&back);
	assert_broken(&front.ring, tessera_ring_front_take(&front, &msg, buf,
				sizeof(buf)), "response id not outstanding");
}

/*
 * A restarted peer: the monitor zeroes the ring under a live end, whose
 * indices then lie ahead of the peer's; the live end finds out on its
 * next take and both start again at 0 (docs/rings.md). The restarted
 * end's first publication notifies, though the zeroed event index asks
 * for nothing: else the live end would never look.
 */
static void test_peer_restart(void **state)
{
	for (uint32_t n = 0; n < 3; n++) {
		push(n, 4);
		tessera_ring_front_publish(&front);
		serve_one();
		tessera_ring_back_publish(&back);
		take_response(n, 4);
	}
	memset(mem, 0, TESSERA_RING_BYTES(SLOTS, SLOT_SIZE));
	assert_int_equal(tessera_ring_front_init(&front, &front_ch), 0);
	push(0, 4);
	assert_int_equal(tessera_ring_front_publish(&front), 1);
	assert_broken(&back.ring, tessera_ring_back_take(&back, &msg, buf,
				sizeof(buf)), "req_prod out of range");
	tessera_ring_back_reset(&back);
	serve_one();
	tessera_ring_back_publish(&back);
	take_response(0, 4);
}

/* ---- event storms ------------------------------------------------- */

#define STORM	TESSERA_RING_STORM_EVENTS

/* Events on an empty ring: the STORM-th in a row breaks it, on either end. */
static void test_event_storm(void **state)
{
	for (int i = 1; i < STORM; i++) {
		assert_int_equal(tessera_ring_back_event(&back), 0);
		assert_int_equal(tessera_ring_back_take(&back, &msg, buf,
							sizeof(buf)), 0);
		assert_int_equal(tessera_ring_front_event(&front), 0);
	}
	assert_broken(&back.ring, tessera_ring_back_event(&back),
		      "event storm: 8 events without work");
	assert_broken(&front.ring, tessera_ring_front_event(&front),
		      "event storm: 8 events without work");
	assert_stays_broken();
	assert_reset_works();
	/* the reset starts a new count */
	for (int i = 1; i < STORM; i++)
		assert_int_equal(tessera_ring_back_event(&back), 0);
}

/* A take of work ends the run of events without it; an empty take does not. */
static void test_work_ends_a_run_of_events(void **state)
{
	for (uint32_t n = 0; n < 3; n++) {
		for (int i = 1; i < STORM; i++)
			assert_int_equal(tessera_ring_back_event(&back), 0);
		push(n, 4);
		tessera_ring_front_publish(&front);
		serve_one();
		tessera_ring_back_publish(&back);
		take_response(n, 4);
	}
	for (int i = 1; i < STORM; i++)
		assert_int_equal(tessera_ring_back_event(&back), 0);
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 0);
	assert_broken(&back.ring, tessera_ring_back_event(&back),
		      "event storm: 8 events without work");
}

/*
 * An honest frontend and an echoing backend, interleaved at random, the
 * frontend also running in the middle of the backend's takes (on its
 * loads of req_prod, where the re-arm races with a publish). The
 * frontend notifies when publish says so, and its notification may lag
 * (sent at a later step); the port is a bit that notifications set and
 * the backend clears before it looks, as partitions/echo does. However
 * the steps fall, no event is counted as a storm, and a run of events
 * without work stays within the bound <tessera/ring.h> gives (3).
 */
static uint64_t honest_rng = 88172645463325252ULL;
static uint32_t honest_sent, honest_quiet_max;
static bool honest_pending, honest_in_flight;

static uint32_t honest_random(void)
{
	honest_rng ^= honest_rng << 13;
	honest_rng ^= honest_rng >> 7;
	honest_rng ^= honest_rng << 17;
	return (uint32_t)honest_rng;
}

/* The frontend's turn: send its notification, or take responses and push more. */
static void honest_front(void)
{
	uint32_t r = honest_random();

	if (honest_in_flight && r % 2) {
		honest_pending = true;
		honest_in_flight = false;
		return;
	}
	while (tessera_ring_front_take(&front, &msg, buf, sizeof(buf)) > 0)
		assert_filled(buf, msg.len, msg.id);
	for (uint32_t i = 0; !honest_in_flight && i < r % 4; i++) {
		uint8_t data[SLOT_SIZE];

		fill(data, 4, honest_sent % SLOTS);
		if (tessera_ring_front_push(&front, honest_sent % SLOTS, data, 4))
			break;
		honest_sent++;
		honest_in_flight = tessera_ring_front_publish(&front) == 1;
	}
}

/* The backend's turn, when its port is pending: count, then serve all. */
static void honest_back(void)
{
	honest_pending = false;
	assert_int_equal(tessera_ring_back_event(&back), 0);
	if (back.ring.quiet > honest_quiet_max)
		honest_quiet_max = back.ring.quiet;
	while (tessera_ring_back_take(&back, &msg, buf, sizeof(buf)) > 0) {
		assert_int_equal(tessera_ring_back_push(&back, msg.id, 0, buf,
							msg.len), 0);
		tessera_ring_back_publish(&back);
	}
}

static void test_honest_peer_is_no_storm(void **state)
{
	for (int k = 0; k < 200000; k++) {
		uint32_t r = honest_random();

		peer_step = r % 3 ? honest_front : NULL;
		if (r % 5 < 2)
			honest_front();
		else if (honest_pending)
			honest_back();
	}
	assert_null(back.ring.error);
	assert_true(honest_sent > 10000);
	print_message("events in a row without work: %u at most\n", honest_quiet_max);
	assert_in_range(honest_quiet_max, 2, 3);
}

/* ---- each field loaded once ---------------------------------------- */

static void test_one_load_per_field(void **state)
{
	push(0, 8);
	loads_reset();
	tessera_ring_front_publish(&front);
	assert_int_equal(loads(&page->req_event), 1);
	assert_int_equal(loads(&page->req_prod), 0);	/* its own: private */

	loads_reset();
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 1);
	assert_int_equal(loads(&page->req_prod), 1);
	assert_int_equal(loads(&slot(0)->id), 1);
	assert_int_equal(loads(&slot(0)->len), 1);
	assert_int_equal(loads(&slot(0)->status), 1);
	assert_int_equal(loads(&slot(0)->reserved), 0);

	/* empty: once, then once more after re-arming req_event */
	loads_reset();
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 0);
	assert_int_equal(loads(&page->req_prod), 2);
	assert_int_equal(loads(&page->req_event), 0);

	assert_int_equal(tessera_ring_back_push(&back, 0, 0, buf, 8), 0);
	tessera_ring_back_publish(&back);
	loads_reset();
	take_response(0, 8);
	assert_int_equal(loads(&page->rsp_prod), 1);
	assert_int_equal(loads(&slot(0)->id), 1);
	assert_int_equal(loads(&slot(0)->len), 1);
	assert_int_equal(loads(&slot(0)->status), 1);
}

/*
 * The peer rewrites a length right after the library loaded it: the copy
 * is what is checked and used, so the payload copied is the length
 * checked, not the rewritten one (a second load would overrun buf, which
 * the sanitizer catches).
 */
static void test_length_rewritten_after_check(void **state)
{
	push(0, 8);
	tessera_ring_front_publish(&front);
	peer.field = &slot(0)->len;
	peer.value = 0x7fffffff;
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 1);
	assert_null(peer.field);	/* the rewrite happened */
	assert_int_equal(msg.len, 8);
	assert_filled(buf, 8, 0);
}

/* The same with a producer index: the checked copy bounds the loop. */
static void test_index_rewritten_after_check(void **state)
{
	push(0, 8);
	tessera_ring_front_publish(&front);
	peer.field = &page->req_prod;
	peer.value = 1000;
	assert_int_equal(tessera_ring_back_take(&back, &msg, buf, sizeof(buf)), 1);
	assert_filled(buf, 8, 0);
	/* the rewritten value is read, checked and refused on the next call */
	assert_broken(&back.ring, tessera_ring_back_take(&back, &msg, buf,
				sizeof(buf)), "req_prod out of range");
}

/* A response id rewritten after its load is still checked as loaded. */
static void test_id_rewritten_after_check(void **state)
{
	push(5, 8);
	tessera_ring_front_publish(&front);
	serve_one();
	tessera_ring_back_publish(&back);
	peer.field = &slot(0)->id;
	peer.value = 6;
	take_response(5, 8);
	assert_int_equal(slot(0)->id, 6);
}

#define RING_TEST(t) cmocka_unit_test_setup_teardown(t, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_macros_across_the_wrap),
		RING_TEST(test_round_trips),
		RING_TEST(test_wrap_around),
		RING_TEST(test_full_and_empty),
		RING_TEST(test_notification_suppression),
		RING_TEST(test_busy_consumer_not_notified),
		RING_TEST(test_caller_errors),
		RING_TEST(test_req_prod_too_far_ahead),
		RING_TEST(test_req_prod_over_unanswered_slots),
		RING_TEST(test_req_prod_backwards),
		RING_TEST(test_request_length_too_large),
		RING_TEST(test_rsp_prod_beyond_requests),
		RING_TEST(test_response_length_too_large),
		RING_TEST(test_response_id_unknown),
		RING_TEST(test_response_id_duplicate),
		RING_TEST(test_response_id_not_asked),
		RING_TEST(test_peer_restart),
		RING_TEST(test_event_storm),
		RING_TEST(test_work_ends_a_run_of_events),
		RING_TEST(test_honest_peer_is_no_storm),
		RING_TEST(test_one_load_per_field),
		RING_TEST(test_length_rewritten_after_check),
		RING_TEST(test_index_rewritten_after_check),
		RING_TEST(test_id_rewritten_after_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
