// SPDX-License-Identifier: MIT
/*
 * ringbench: the Tessera side of the ring benchmark of `make bench`
 * (tests/bench/ring.dts, docs/benchmarks.md). The frontend of one
 * channel whose backend is echo on another CPU: a round trip is a
 * 64-byte request pushed, published and notified (when the suppression
 * asks for it), then its response awaited in tessera_wait_event().
 * `ring_rtt` is set against a pipe ping-pong between two Linux
 * processes (tests/bench/linux/pipe.c); `ring_events` is the
 * notifications sent per request. Then `ring_mbps`: requests of a whole
 * slot (2 KiB in ring.dts) streamed, every slot in flight, each response
 * carrying the same bytes back; `ring_stream_events` is the notifications
 * per request there, which the suppression keeps below 1. Ends with
 * echo's goodbye (length 0).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include <tessera/ring.h>

static uint64_t bench_now_ns(void)
{
	return tessera_now_ns();
}

#include "../../bench/include/bench.h"

#define RB_SIZE		64
#define RB_SLOT_MAX	4096

static const struct tessera_channel *rb_ch;
static struct tessera_ring_front rb_front;
static uint8_t rb_req[RB_SLOT_MAX], rb_rsp[RB_SLOT_MAX];
static uint64_t rb_requests, rb_notifies, rb_errors;
static uint64_t rb_stream_requests, rb_stream_notifies;
static uint32_t rb_k;

/* One request of len bytes and its response: whether it came back. */
static int rb_trip(uint32_t len)
{
	struct tessera_ring_msg msg;
	uint32_t id = rb_k++ % rb_ch->slots;
	int ret;

	ret = tessera_ring_front_push(&rb_front, id, rb_req, len);
	if (!ret)
		ret = tessera_ring_front_publish(&rb_front);
	if (ret > 0) {
		tessera_notify(rb_ch->port);
		rb_notifies++;
	}
	rb_requests++;
	if (ret < 0)
		return 0;
	for (;;) {
		/* cleared before the look: a later event ends the wait */
		tessera_event_clear(rb_ch->port);
		ret = tessera_ring_front_take(&rb_front, &msg, rb_rsp,
					      sizeof(rb_rsp));
		if (ret)
			return ret > 0 && msg.id == id && msg.len == len;
		tessera_wait_event();
	}
}

static void rb_loop(uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		if (!rb_trip(RB_SIZE))
			rb_errors++;
}

/*
 * n requests of a whole slot each, streamed: as many in flight as the
 * ring has slots, published in batches, responses taken as they come.
 */
static void rb_stream(uint64_t n)
{
	struct tessera_ring_msg msg;
	uint64_t sent = 0, got = 0;
	uint32_t len = rb_ch->slot_size;
	int ret;

	while (got < n) {
		int pushed = 0, took = 0;

		while (sent < n && sent - got < rb_ch->slots &&
		       !tessera_ring_front_push(&rb_front,
					       (uint32_t)(sent % rb_ch->slots),
					       rb_req, len)) {
			sent++;
			pushed++;
		}
		if (pushed) {
			rb_stream_requests += (uint64_t)pushed;
			ret = tessera_ring_front_publish(&rb_front);
			if (ret > 0) {
				tessera_notify(rb_ch->port);
				rb_stream_notifies++;
			}
		}
		/* cleared before the look: a later event ends the wait */
		tessera_event_clear(rb_ch->port);
		while ((ret = tessera_ring_front_take(&rb_front, &msg, rb_rsp,
						      sizeof(rb_rsp))) > 0) {
			if (msg.len != len)
				rb_errors++;
			got++;
			took++;
		}
		if (ret < 0) {
			rb_errors++;
			return;
		}
		if (!pushed && !took)
			tessera_wait_event();
	}
}

int main(void)
{
	const struct tessera_start_info *si = tessera_start_info();

	for (uint32_t i = 0; i < si->nr_channels && i < TESSERA_MAX_CHANNELS;
	     i++)
		if (si->channels[i].role == TESSERA_ROLE_FRONTEND)
			rb_ch = &si->channels[i];
	if (!rb_ch || rb_ch->slot_size < RB_SIZE ||
	    tessera_ring_front_init(&rb_front, rb_ch)) {
		printf("ringbench: no channel with %u-byte slots\n", RB_SIZE);
		return 1;
	}
	memset(rb_req, 0x5a, sizeof(rb_req));
	bench_per_call("ring_rtt", rb_loop);
	bench_report_milli("ring_events", "",
			   rb_notifies * 1000 / rb_requests, "events/req");
	if (rb_ch->slot_size <= RB_SLOT_MAX) {
		uint64_t n;
		struct bench_run r = bench_measure(rb_stream, &n);

		/* bytes per ns are GB/s: * 1000 for MB/s, * 1000 for milli */
		bench_report_milli("ring_mbps", "",
				   n * rb_ch->slot_size * 1000000ull / r.ns,
				   "MB/s");
		bench_report_milli("ring_stream_events", "",
				   rb_stream_notifies * 1000 /
				   rb_stream_requests, "events/req");
	}
	rb_trip(0);		/* the goodbye: echo ends */
	if (rb_errors)
		printf("ringbench: %lu bad round trips\n",
		       (unsigned long)rb_errors);
	return rb_errors ? 1 : 0;
}
