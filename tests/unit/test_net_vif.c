// SPDX-License-Identifier: MIT
/*
 * netdrv's vifs (partitions/netdrv/vif.c) against a frontend played by
 * the test with the ring helpers: vif_open refuses what netdrv cannot
 * serve; each frame sent reaches the router unchanged and is answered
 * with the router's status; a request of length 0 is a goodbye; rx
 * buffers are kept and answered in order, with their ids, and a frame
 * that finds none is -EAGAIN; a frontend that breaks a ring (an rx
 * request with a payload, a producer index far ahead) gets that ring
 * reset and nothing else; a ring kept full is served a ring's worth at a
 * time; events without work, a storm, mask the port for a back-off that
 * doubles until work comes, and an honest peer's are never a storm.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../partitions/netdrv/vif.h"

#define SLOTS		8
#define SLOT_SIZE	2048

static uint8_t *mem;
static struct tessera_channel ch, tx_front_ch, rx_front_ch;
static struct tessera_ring_front tx, rx;
static struct vif v;
static struct tessera_ring_msg msg;
static uint8_t buf[SLOT_SIZE], frame[SLOT_SIZE];

/* the router, as vif.c sees it: the frames it got, the status it gives */
static struct {
	unsigned int frames;
	uint32_t len;
	uint8_t first;
	int status;
	struct vif *also_to;	/* delivers the frame there, then looks again */
	uint8_t first_after;
} router;

int netdrv_from_vif(unsigned int index, const uint8_t *f, uint32_t len)
{
	assert_int_equal(index, 3);
	router.frames++;
	router.len = len;
	router.first = f[0];
	if (router.also_to) {
		assert_int_equal(vif_deliver(router.also_to, f, len), -EAGAIN);
		router.first_after = f[0];
	}
	return router.status;
}

int tessera_notify(unsigned int port)
{
	return 0;
}

/* the vif's port: pending or not, masked or not */
static bool pending, masked;

int tessera_event_clear(unsigned int port)
{
	int was = pending;

	pending = false;
	return was;
}

int tessera_event_mask(unsigned int port)
{
	masked = true;
	return 0;
}

int tessera_event_unmask(unsigned int port)
{
	masked = false;
	return pending;
}

static void front_channel(struct tessera_channel *c, uint64_t offset)
{
	*c = ch;
	c->role = TESSERA_ROLE_FRONTEND;
	c->ring += offset;
	c->ring_bytes = TESSERA_RING_BYTES(SLOTS, SLOT_SIZE);
}

static int setup(void **state)
{
	uint64_t bytes = TESSERA_NETIF_BYTES(SLOTS, SLOT_SIZE);

	mem = aligned_alloc(TESSERA_PAGE_SIZE, bytes);
	assert_non_null(mem);
	memset(mem, 0, bytes);
	ch = (struct tessera_channel){
		.name = "web-net", .ring = (uintptr_t)mem, .ring_bytes = bytes,
		.slots = SLOTS, .slot_size = SLOT_SIZE, .port = 2,
		.role = TESSERA_ROLE_BACKEND, .kind = TESSERA_CHANNEL_NET,
	};
	front_channel(&tx_front_ch, TESSERA_NETIF_TX_OFFSET);
	front_channel(&rx_front_ch, TESSERA_NETIF_RX_OFFSET(SLOTS, SLOT_SIZE));
	assert_int_equal(vif_open(&v, &ch, 3), 0);
	assert_int_equal(tessera_ring_front_init(&tx, &tx_front_ch), 0);
	assert_int_equal(tessera_ring_front_init(&rx, &rx_front_ch), 0);
	memset(&router, 0, sizeof(router));
	pending = masked = false;
	return 0;
}

static int teardown(void **state)
{
	free(mem);
	return 0;
}

static void send(uint32_t id, uint32_t len, uint8_t first)
{
	frame[0] = first;
	assert_int_equal(tessera_ring_front_push(&tx, id, frame, len), 0);
	assert_true(tessera_ring_front_publish(&tx) >= 0);
}

static void post(uint32_t id)
{
	assert_int_equal(tessera_ring_front_push(&rx, id, frame, 0), 0);
	assert_true(tessera_ring_front_publish(&rx) >= 0);
}

static void assert_status(uint32_t id, int status)
{
	assert_int_equal(tessera_ring_front_take(&tx, &msg, buf, sizeof(buf)), 1);
	assert_int_equal(msg.id, id);
	assert_int_equal(msg.status, status);
	assert_int_equal(msg.len, 0);
}

static void test_open_refuses_what_netdrv_cannot_serve(void **state)
{
	struct tessera_channel bad = ch;
	struct vif w;

	bad.kind = TESSERA_CHANNEL_RING;
	assert_int_equal(vif_open(&w, &bad, 0), -EINVAL);
	bad = ch;
	bad.role = TESSERA_ROLE_FRONTEND;
	assert_int_equal(vif_open(&w, &bad, 0), -EINVAL);
	bad = ch;
	bad.slots = VIF_SLOTS_MAX * 2;
	assert_int_equal(vif_open(&w, &bad, 0), -EINVAL);
	bad = ch;
	bad.slot_size = 1024;
	assert_int_equal(vif_open(&w, &bad, 0), -EINVAL);
	bad = ch;
	bad.slot_size = VIF_SLOT_MAX + 8;
	assert_int_equal(vif_open(&w, &bad, 0), -EINVAL);
	bad = ch;
	bad.ring_bytes -= TESSERA_PAGE_SIZE;
	assert_int_equal(vif_open(&w, &bad, 0), -EINVAL);
}

static void test_frames_reach_the_router_and_get_its_status(void **state)
{
	send(4, 60, 0xaa);
	router.status = -EACCES;
	vif_serve(&v);
	assert_int_equal(router.len, 60);
	assert_int_equal(router.first, 0xaa);
	send(5, TESSERA_NETIF_FRAME_MAX, 0xbb);
	router.status = -EPERM;
	vif_serve(&v);
	assert_int_equal(router.frames, 2);
	assert_int_equal(router.len, TESSERA_NETIF_FRAME_MAX);
	assert_int_equal(router.first, 0xbb);
	assert_status(4, -EACCES);
	assert_status(5, -EPERM);
	assert_false(v.done);
	assert_false(v.busy);
}

static void test_a_request_of_length_0_is_goodbye(void **state)
{
	send(0, 0, 0);
	vif_serve(&v);
	assert_true(v.done);
	assert_int_equal(router.frames, 0);
	assert_status(0, 0);
	send(1, 60, 1);
	vif_serve(&v);
	assert_false(v.done);
	assert_int_equal(router.frames, 1);
}

static void test_rx_buffers_are_answered_in_order_with_their_ids(void **state)
{
	static const uint32_t ids[] = { 5, 2, 7 };

	post(5);
	post(2);
	vif_serve(&v);
	post(7);				/* taken when a frame needs it */
	for (uint8_t i = 0; i < 3; i++) {
		frame[0] = i;
		assert_int_equal(vif_deliver(&v, frame, 60 + i), 0);
	}
	assert_int_equal(vif_deliver(&v, frame, 60), -EAGAIN);
	for (uint32_t i = 0; i < 3; i++) {
		assert_int_equal(tessera_ring_front_take(&rx, &msg, buf,
							 sizeof(buf)), 1);
		assert_int_equal(msg.id, ids[i]);
		assert_int_equal(msg.len, 60 + i);
		assert_int_equal(msg.status, 0);
		assert_int_equal(buf[0], i);
	}
}

static void test_an_rx_request_with_a_payload_resets_the_ring(void **state)
{
	struct tessera_ring_page *page = (struct tessera_ring_page *)
		rx_front_ch.ring;

	post(1);
	assert_int_equal(tessera_ring_front_push(&rx, 2, frame, 8), 0);
	assert_true(tessera_ring_front_publish(&rx) >= 0);
	vif_serve(&v);
	assert_int_equal(page->rsp_prod, 0);
	assert_int_equal(page->req_event, 1);
	/* the frontend resets too and posts again: served as before */
	tessera_ring_front_reset(&rx);
	post(3);
	vif_serve(&v);
	assert_int_equal(vif_deliver(&v, frame, 60), 0);
	assert_int_equal(tessera_ring_front_take(&rx, &msg, buf, sizeof(buf)), 1);
	assert_int_equal(msg.id, 3);
}

static void test_a_tx_index_far_ahead_resets_the_ring(void **state)
{
	struct tessera_ring_page *page = (struct tessera_ring_page *)
		tx_front_ch.ring;

	send(0, 60, 1);
	vif_serve(&v);
	assert_status(0, 0);
	page->req_prod = 1000;
	vif_serve(&v);
	assert_int_equal(router.frames, 1);
	assert_int_equal(page->rsp_prod, 0);
	tessera_ring_front_reset(&tx);
	send(0, 60, 2);
	vif_serve(&v);
	assert_int_equal(router.frames, 2);
	assert_status(0, 0);
}

static void test_a_full_ring_is_served_a_ring_at_a_time(void **state)
{
	for (uint32_t id = 0; id < SLOTS; id++)
		send(id, 60, (uint8_t)id);
	vif_serve(&v);
	assert_int_equal(router.frames, SLOTS);
	assert_true(v.busy);
	vif_serve(&v);
	assert_false(v.busy);
	assert_int_equal(router.frames, SLOTS);
}

/* n events, each looked at, at time `now`, with no work */
static void empty_events(unsigned int n, uint64_t now)
{
	for (unsigned int i = 0; i < n; i++) {
		pending = true;
		vif_visit(&v, false, now);
	}
}

static void test_an_event_storm_masks_the_port_a_while(void **state)
{
	uint64_t t = 1000;

	empty_events(VIF_STORM_EVENTS - 1, t);
	assert_false(masked);
	empty_events(1, t);
	assert_true(masked);
	assert_int_equal(v.unmask_ns, t + VIF_BACKOFF_MIN_NS);
	/* while masked, nothing is looked at, even what is there */
	send(0, 60, 1);
	pending = true;
	vif_visit(&v, false, t + VIF_BACKOFF_MIN_NS - 1);
	assert_int_equal(router.frames, 0);
	assert_true(masked);
	/* the back-off over, the port is unmasked and the ring looked at */
	vif_visit(&v, false, t + VIF_BACKOFF_MIN_NS);
	assert_false(masked);
	assert_int_equal(v.unmask_ns, 0);
	assert_int_equal(router.frames, 1);
}

static void test_back_offs_double_until_work_comes(void **state)
{
	uint64_t t = 0, backoff = VIF_BACKOFF_MIN_NS;

	for (int storm = 0; storm < 6; storm++) {
		empty_events(VIF_STORM_EVENTS, t);
		assert_int_equal(v.unmask_ns - t, backoff);
		t = v.unmask_ns;
		vif_visit(&v, false, t);
		if (backoff < VIF_BACKOFF_MAX_NS)
			backoff *= 2;
	}
	assert_int_equal(v.backoff_ns, VIF_BACKOFF_MAX_NS);
	/* an event with work ends the run and the back-off */
	empty_events(VIF_STORM_EVENTS - 1, t);
	send(0, 60, 1);
	empty_events(1, t);
	assert_int_equal(v.backoff_ns, 0);
	empty_events(VIF_STORM_EVENTS - 1, t);
	assert_false(masked);
}

static void test_events_with_work_are_never_a_storm(void **state)
{
	for (uint32_t i = 0; i < 10 * VIF_STORM_EVENTS; i++) {
		/* a frame, then the three empty events an honest peer may
		 * cause on each of the two rings */
		send(i % SLOTS, 60, 1);
		empty_events(1, 0);
		assert_status(i % SLOTS, 0);
		empty_events(2 * 3, 0);
	}
	assert_false(masked);
	assert_int_equal(router.frames, 10 * VIF_STORM_EVENTS);
}

/*
 * A frame on its way from one vif to another whose frontend posted an rx
 * request with a payload: the payload is refused and never lands in the
 * frame, which goes on, unchanged, to the others.
 */
static void test_a_receiver_cannot_write_into_a_frame_in_flight(void **state)
{
	uint64_t bytes = TESSERA_NETIF_BYTES(SLOTS, SLOT_SIZE);
	uint8_t *mem2 = aligned_alloc(TESSERA_PAGE_SIZE, bytes);
	struct tessera_channel ch2 = ch, rx2_ch;
	struct tessera_ring_front rx2;
	static struct vif w;
	uint8_t evil[SLOT_SIZE];

	memset(mem2, 0, bytes);
	ch2.ring = (uintptr_t)mem2;
	assert_int_equal(vif_open(&w, &ch2, 4), 0);
	rx2_ch = ch2;
	rx2_ch.role = TESSERA_ROLE_FRONTEND;
	rx2_ch.ring += TESSERA_NETIF_RX_OFFSET(SLOTS, SLOT_SIZE);
	rx2_ch.ring_bytes = TESSERA_RING_BYTES(SLOTS, SLOT_SIZE);
	assert_int_equal(tessera_ring_front_init(&rx2, &rx2_ch), 0);
	memset(evil, 0xee, sizeof(evil));
	assert_int_equal(tessera_ring_front_push(&rx2, 0, evil, SLOT_SIZE), 0);
	assert_true(tessera_ring_front_publish(&rx2) >= 0);
	router.also_to = &w;
	send(0, TESSERA_NETIF_FRAME_MAX, 0x11);
	vif_serve(&v);
	assert_int_equal(router.first_after, 0x11);
	assert_status(0, 0);
	free(mem2);
}

#define VIF_TEST(t) cmocka_unit_test_setup_teardown(t, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		VIF_TEST(test_open_refuses_what_netdrv_cannot_serve),
		VIF_TEST(test_frames_reach_the_router_and_get_its_status),
		VIF_TEST(test_a_request_of_length_0_is_goodbye),
		VIF_TEST(test_rx_buffers_are_answered_in_order_with_their_ids),
		VIF_TEST(test_an_rx_request_with_a_payload_resets_the_ring),
		VIF_TEST(test_a_tx_index_far_ahead_resets_the_ring),
		VIF_TEST(test_a_full_ring_is_served_a_ring_at_a_time),
		VIF_TEST(test_a_receiver_cannot_write_into_a_frame_in_flight),
		VIF_TEST(test_an_event_storm_masks_the_port_a_while),
		VIF_TEST(test_back_offs_double_until_work_comes),
		VIF_TEST(test_events_with_work_are_never_a_storm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
