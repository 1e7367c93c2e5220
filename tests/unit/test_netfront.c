// SPDX-License-Identifier: MIT
/*
 * The netfront (partitions/lib/netfront.c) against a backend played by
 * the test with the ring helpers: a start-info page mapped at its fixed
 * address with one net channel, its two rings in a buffer. Open refuses
 * what is not a net channel of its role and geometry and posts every rx
 * buffer; frames go out unchanged and each tx status is counted by its
 * reason; goodbye is a request of length 0; received frames are copied
 * out and their buffers posted again;
 * and a hostile backend (bad lengths, statuses, indices) gets -EPROTO,
 * the ring started afresh, and nothing else.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>

#include <tessera.h>
#include <tessera/netfront.h>

#define SLOTS		4
#define SLOT_SIZE	2048
#define PORT		5

static struct tessera_start_info *si;
static uint8_t *mem;
static struct tessera_channel tx_back_ch, rx_back_ch;
static struct tessera_ring_back tx_back, rx_back;
static struct tessera_netfront nf;
static struct tessera_ring_msg msg;
static uint8_t buf[SLOT_SIZE], frame[TESSERA_NETIF_FRAME_MAX];
static unsigned int notified;

int tessera_notify(unsigned int port)
{
	assert_int_equal(port, PORT);
	notified++;
	return 0;
}

static struct tessera_ring_page *page(uint64_t offset)
{
	return (struct tessera_ring_page *)(mem + offset);
}

static void back_channel(struct tessera_channel *c, uint64_t offset)
{
	*c = si->channels[0];
	c->role = TESSERA_ROLE_BACKEND;
	c->ring += offset;
	c->ring_bytes = TESSERA_RING_BYTES(SLOTS, SLOT_SIZE);
}

static int setup(void **state)
{
	uint64_t bytes = TESSERA_NETIF_BYTES(SLOTS, SLOT_SIZE);
	void *p = mmap((void *)TESSERA_START_INFO_ADDR, TESSERA_PAGE_SIZE,
		       PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	assert_ptr_equal(p, (void *)TESSERA_START_INFO_ADDR);
	si = p;
	mem = aligned_alloc(TESSERA_PAGE_SIZE, bytes);
	assert_non_null(mem);
	memset(mem, 0, bytes);
	si->nr_channels = 2;
	si->channels[0] = (struct tessera_channel){
		.name = "web-net", .ring = (uintptr_t)mem, .ring_bytes = bytes,
		.slots = SLOTS, .slot_size = SLOT_SIZE, .port = PORT,
		.role = TESSERA_ROLE_FRONTEND, .kind = TESSERA_CHANNEL_NET,
	};
	si->channels[1] = si->channels[0];
	strcpy(si->channels[1].name, "plain");
	si->channels[1].kind = TESSERA_CHANNEL_RING;
	si->params[0].net = (struct tessera_net_params){
		.mac = { 2, 0, 0, 0, 0, 0x10 }, .prefix_len = 24,
		.ip = { 10, 0, 2, 16 }, .gateway = { 10, 0, 2, 2 },
	};
	back_channel(&tx_back_ch, TESSERA_NETIF_TX_OFFSET);
	back_channel(&rx_back_ch, TESSERA_NETIF_RX_OFFSET(SLOTS, SLOT_SIZE));
	assert_int_equal(tessera_ring_back_init(&tx_back, &tx_back_ch), 0);
	assert_int_equal(tessera_ring_back_init(&rx_back, &rx_back_ch), 0);
	notified = 0;
	return 0;
}

static int teardown(void **state)
{
	munmap(si, TESSERA_PAGE_SIZE);
	free(mem);
	return 0;
}

static void open_ok(void)
{
	assert_int_equal(tessera_netfront_open(&nf, "web-net"), 0);
}

/* The backend takes the n rx buffers posted, all empty. */
static void take_rx_buffers(unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		assert_int_equal(tessera_ring_back_take(&rx_back, &msg, buf,
							sizeof(buf)), 1);
		assert_int_equal(msg.len, 0);
	}
	assert_int_equal(tessera_ring_back_take(&rx_back, &msg, buf,
						sizeof(buf)), 0);
}

static void fill(uint8_t *p, size_t len, unsigned int seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = (uint8_t)(seed + i * 7);
}

/* The backend answers the oldest rx buffer with a frame. */
static void deliver(uint32_t id, int32_t status, const void *data, uint32_t len)
{
	assert_int_equal(tessera_ring_back_push(&rx_back, id, status, data,
						len), 0);
	assert_true(tessera_ring_back_publish(&rx_back) >= 0);
}

static void test_open_refuses_what_it_cannot_drive(void **state)
{
	struct tessera_channel good = si->channels[0];

	assert_int_equal(tessera_netfront_open(&nf, "nothing"), -ENOENT);
	assert_int_equal(tessera_netfront_open(&nf, "plain"), -EINVAL);
	si->channels[0].role = TESSERA_ROLE_BACKEND;
	assert_int_equal(tessera_netfront_open(&nf, "web-net"), -EINVAL);
	si->channels[0] = good;
	si->channels[0].slot_size = 1512;
	assert_int_equal(tessera_netfront_open(&nf, "web-net"), -EINVAL);
	si->channels[0].slot_size = TESSERA_NETFRONT_SLOT_MAX + 8;
	assert_int_equal(tessera_netfront_open(&nf, "web-net"), -EINVAL);
	si->channels[0] = good;
	si->channels[0].ring_bytes -= TESSERA_PAGE_SIZE;
	assert_int_equal(tessera_netfront_open(&nf, "web-net"), -EINVAL);
	si->channels[0] = good;
	si->channels[0].slots = 3;
	assert_int_equal(tessera_netfront_open(&nf, "web-net"), -EINVAL);
	assert_int_equal(notified, 0);
}

static void test_open_posts_every_rx_buffer(void **state)
{
	open_ok();
	assert_ptr_equal(tessera_netfront_params(&nf), &si->params[0].net);
	assert_int_equal(tessera_netfront_params(&nf)->ip[3], 16);
	assert_int_equal(tessera_netfront_port(&nf), PORT);
	assert_int_equal(notified, 1);
	take_rx_buffers(SLOTS);
	assert_int_equal(page(0)->req_prod, 0);
	assert_int_equal(tessera_netfront_tx_in_flight(&nf), 0);
}

static void test_send_checks_the_length_and_queues_the_frame(void **state)
{
	open_ok();
	fill(frame, sizeof(frame), 1);
	assert_int_equal(tessera_netfront_send(&nf, frame, 13), -EINVAL);
	assert_int_equal(tessera_netfront_send(&nf, frame,
					       TESSERA_NETIF_FRAME_MAX + 1), -EINVAL);
	assert_int_equal(tessera_netfront_send(&nf, frame,
					       TESSERA_NETIF_FRAME_MAX), 0);
	assert_int_equal(notified, 2);
	assert_int_equal(tessera_netfront_tx_in_flight(&nf), 1);
	assert_int_equal(tessera_ring_back_take(&tx_back, &msg, buf,
						sizeof(buf)), 1);
	assert_int_equal(msg.len, TESSERA_NETIF_FRAME_MAX);
	assert_memory_equal(buf, frame, TESSERA_NETIF_FRAME_MAX);
}

/* Sends a frame for each status; the backend answers; one poll counts. */
static void test_each_status_is_counted_by_its_reason(void **state)
{
	static const int32_t statuses[] = {
		0, -EPERM, -EACCES, -EINVAL, -EAGAIN, -EIO, 0,
	};
	const struct tessera_netfront_stats *s = tessera_netfront_stats(&nf);

	open_ok();
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		assert_int_equal(tessera_netfront_send(&nf, frame, 60), 0);
		assert_int_equal(tessera_ring_back_take(&tx_back, &msg, buf,
							sizeof(buf)), 1);
		assert_int_equal(tessera_ring_back_push(&tx_back, msg.id,
							statuses[i], buf, 0), 0);
		assert_true(tessera_ring_back_publish(&tx_back) >= 0);
		assert_int_equal(tessera_netfront_poll(&nf), 1);
		assert_int_equal(nf.tx_last, statuses[i]);
	}
	assert_int_equal(s->tx_passed, 2);
	assert_int_equal(s->tx_spoofed, 1);
	assert_int_equal(s->tx_denied, 1);
	assert_int_equal(s->tx_malformed, 1);
	assert_int_equal(s->tx_no_room, 1);
	assert_int_equal(s->tx_other, 1);
	assert_int_equal(s->protocol_errors, 0);
	assert_int_equal(tessera_netfront_tx_in_flight(&nf), 0);
}

static void test_a_full_tx_ring_is_eagain_until_statuses_come(void **state)
{
	open_ok();
	for (unsigned int i = 0; i < SLOTS; i++)
		assert_int_equal(tessera_netfront_send(&nf, frame, 60), 0);
	assert_int_equal(tessera_netfront_send(&nf, frame, 60), -EAGAIN);
	assert_int_equal(tessera_netfront_tx_in_flight(&nf), SLOTS);
	assert_int_equal(tessera_ring_back_take(&tx_back, &msg, buf,
						sizeof(buf)), 1);
	assert_int_equal(tessera_ring_back_push(&tx_back, msg.id, 0, buf, 0), 0);
	assert_true(tessera_ring_back_publish(&tx_back) >= 0);
	assert_int_equal(tessera_netfront_send(&nf, frame, 60), 0);
	assert_int_equal(tessera_netfront_stats(&nf)->tx_passed, 1);
	assert_int_equal(tessera_netfront_tx_in_flight(&nf), SLOTS);
}

static void test_recv_copies_the_frame_and_reposts_its_buffer(void **state)
{
	uint8_t data[100], out[TESSERA_NETIF_FRAME_MAX];

	open_ok();
	take_rx_buffers(SLOTS);
	assert_int_equal(tessera_netfront_recv(&nf, out, sizeof(out)), 0);
	assert_int_equal(tessera_netfront_recv(&nf, out, sizeof(out) - 1),
			 -EINVAL);
	fill(data, sizeof(data), 9);
	deliver(2, 0, data, sizeof(data));
	assert_int_equal(tessera_netfront_recv(&nf, out, sizeof(out)),
			 sizeof(data));
	assert_memory_equal(out, data, sizeof(data));
	assert_int_equal(tessera_netfront_stats(&nf)->rx_frames, 1);
	assert_int_equal(tessera_ring_back_take(&rx_back, &msg, buf,
						sizeof(buf)), 1);
	assert_int_equal(msg.id, 2);
	assert_int_equal(msg.len, 0);
	assert_int_equal(tessera_netfront_recv(&nf, out, sizeof(out)), 0);
}

/* After the protocol error, the rx ring holds every buffer anew. */
static void assert_rx_restarted(const char *why)
{
	assert_string_equal(nf.error, why);
	assert_int_equal(page(TESSERA_NETIF_RX_OFFSET(SLOTS, SLOT_SIZE))->req_prod,
			 SLOTS);
	tessera_ring_back_reset(&rx_back);
	take_rx_buffers(SLOTS);
}

static void test_a_backend_frame_out_of_range_is_refused(void **state)
{
	uint8_t out[TESSERA_NETIF_FRAME_MAX];
	const struct { int32_t status; uint32_t len; } bad[] = {
		{ 0, 0 }, { 0, 13 }, { 0, TESSERA_NETIF_FRAME_MAX + 1 },
		{ 0, SLOT_SIZE }, { -EIO, 60 },
	};

	open_ok();
	take_rx_buffers(SLOTS);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(buf, 0xee, sizeof(buf));
		deliver(0, bad[i].status, buf, bad[i].len);
		memset(out, 0, sizeof(out));
		assert_int_equal(tessera_netfront_recv(&nf, out, sizeof(out)),
				 -EPROTO);
		assert_int_equal(out[0], 0);
		assert_rx_restarted("rx frame out of range");
	}
	assert_int_equal(tessera_netfront_stats(&nf)->protocol_errors, 5);
	assert_int_equal(tessera_netfront_stats(&nf)->rx_frames, 0);
}

static void test_backend_indices_and_ids_are_checked(void **state)
{
	uint8_t out[TESSERA_NETIF_FRAME_MAX];
	struct tessera_ring_page *rx = page(TESSERA_NETIF_RX_OFFSET(SLOTS,
								    SLOT_SIZE));

	open_ok();
	take_rx_buffers(SLOTS);
	rx->rsp_prod = SLOTS + 1;
	assert_int_equal(tessera_netfront_recv(&nf, out, sizeof(out)), -EPROTO);
	assert_rx_restarted("rsp_prod out of range");
	deliver(SLOTS, 0, frame, 60);
	assert_int_equal(tessera_netfront_recv(&nf, out, sizeof(out)), -EPROTO);
	assert_rx_restarted("response id unknown");
	deliver(3, 0, frame, 60);
	assert_int_equal(tessera_netfront_recv(&nf, out, sizeof(out)), 60);
	/* a tx status for an id no frame in flight has */
	assert_int_equal(tessera_netfront_send(&nf, frame, 60), 0);
	assert_int_equal(tessera_ring_back_take(&tx_back, &msg, buf,
						sizeof(buf)), 1);
	assert_int_equal(tessera_ring_back_push(&tx_back, msg.id + 1, 0, buf,
						0), 0);
	assert_true(tessera_ring_back_publish(&tx_back) >= 0);
	assert_int_equal(tessera_netfront_poll(&nf), -EPROTO);
	assert_string_equal(nf.error, "response id not outstanding");
	assert_int_equal(tessera_netfront_stats(&nf)->tx_passed, 0);
}

static void test_a_tx_response_with_a_payload_is_refused(void **state)
{
	open_ok();
	assert_int_equal(tessera_netfront_send(&nf, frame, 60), 0);
	assert_int_equal(tessera_ring_back_take(&tx_back, &msg, buf,
						sizeof(buf)), 1);
	assert_int_equal(tessera_ring_back_push(&tx_back, msg.id, 0, buf, 4), 0);
	assert_true(tessera_ring_back_publish(&tx_back) >= 0);
	assert_int_equal(tessera_netfront_poll(&nf), -EPROTO);
	assert_string_equal(nf.error, "tx response with a payload");
	assert_int_equal(tessera_netfront_stats(&nf)->tx_passed, 0);
	assert_int_equal(tessera_netfront_tx_in_flight(&nf), 0);
	assert_int_equal(page(0)->req_prod, 0);
	/* the backend resets too, and frames flow again */
	tessera_ring_back_reset(&tx_back);
	assert_int_equal(tessera_netfront_send(&nf, frame, 60), 0);
	assert_int_equal(tessera_ring_back_take(&tx_back, &msg, buf,
						sizeof(buf)), 1);
	assert_int_equal(msg.len, 60);
}

static void test_a_tx_rsp_prod_ahead_fails_send_once(void **state)
{
	open_ok();
	page(0)->rsp_prod = 7;
	assert_int_equal(tessera_netfront_send(&nf, frame, 60), -EPROTO);
	assert_string_equal(nf.error, "rsp_prod out of range");
	page(0)->rsp_prod = 0;
	assert_int_equal(tessera_netfront_send(&nf, frame, 60), 0);
}

static void test_close_is_a_tx_request_of_length_0(void **state)
{
	open_ok();
	assert_int_equal(tessera_netfront_close(&nf), 0);
	assert_int_equal(tessera_netfront_tx_in_flight(&nf), 1);
	assert_int_equal(tessera_ring_back_take(&tx_back, &msg, buf,
						sizeof(buf)), 1);
	assert_int_equal(msg.len, 0);
	assert_int_equal(tessera_ring_back_push(&tx_back, msg.id, 0, buf, 0), 0);
	assert_true(tessera_ring_back_publish(&tx_back) >= 0);
	assert_int_equal(tessera_netfront_poll(&nf), 1);
	assert_int_equal(tessera_netfront_stats(&nf)->tx_passed, 1);
}

#define NET_TEST(t) cmocka_unit_test_setup_teardown(t, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		NET_TEST(test_open_refuses_what_it_cannot_drive),
		NET_TEST(test_open_posts_every_rx_buffer),
		NET_TEST(test_send_checks_the_length_and_queues_the_frame),
		NET_TEST(test_each_status_is_counted_by_its_reason),
		NET_TEST(test_a_full_tx_ring_is_eagain_until_statuses_come),
		NET_TEST(test_recv_copies_the_frame_and_reposts_its_buffer),
		NET_TEST(test_a_backend_frame_out_of_range_is_refused),
		NET_TEST(test_backend_indices_and_ids_are_checked),
		NET_TEST(test_a_tx_response_with_a_payload_is_refused),
		NET_TEST(test_a_tx_rsp_prod_ahead_fails_send_once),
		NET_TEST(test_close_is_a_tx_request_of_length_0),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
