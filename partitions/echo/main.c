// SPDX-License-Identifier: MIT
/*
 * echo: the backend of every channel on which its partition is the
 * backend, answering each request with a response of status 0 carrying
 * the same payload (docs/partitions.md, "Example programs").
 *
 * A request of length 0 is a frontend's goodbye: echo answers it like any
 * other, then takes no more requests on that channel and masks its port;
 * once every channel has said goodbye, echo exits 0. A frontend that
 * breaks the protocol is reported ("<channel>: protocol error: <what>"),
 * its ring reset, and the other channels served on; its own is looked at
 * again when it notifies. It cannot end echo: its goodbye ends its own
 * channel only.
 *
 * Between rounds echo blocks in tessera_wait_event(), and notifies a
 * frontend only when the ring asked for it. A channel is looked at when
 * its port was pending (and once at the start): each look takes requests
 * until there are none, which re-arms req_event, so the frontend notifies
 * the next one. The port is cleared before the look, so an event that
 * comes after it ends the next wait at once.
 *
 * An event storm (TESSERA_RING_STORM_EVENTS events in a row without a
 * request, <tessera/ring.h>) is a protocol error too, and as each event
 * wakes echo, it also masks the port for a back-off, ECHO_BACKOFF_MIN_NS
 * doubled at each storm that follows without a request served, up to
 * ECHO_BACKOFF_MAX_NS: a storming frontend then costs echo at most
 * TESSERA_RING_STORM_EVENTS wake-ups per back-off, and a masked port none
 * (the monitor sends no interrupt for it). At the end of the back-off
 * echo unmasks the port and looks at the ring once, event or not, so a
 * frontend that behaves again is served.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <tessera.h>
#include <tessera/ring.h>

/* payload bytes of the largest slot echo serves */
#define ECHO_SLOT_MAX	65536

/* an event storm's back-off: long enough that the wake-ups a storm costs
 * are few, short enough that a frontend that behaves again waits little */
#define ECHO_BACKOFF_MIN_NS	10000000ULL	/* 10 ms */
#define ECHO_BACKOFF_MAX_NS	160000000ULL

struct echo_channel {
	const struct tessera_channel *ch;
	struct tessera_ring_back back;
	uint64_t backoff_ns;		/* the last back-off, 0 after a request */
	uint64_t unmask_ns;		/* port masked until then, or 0 */
	bool done;			/* said goodbye, or not served */
};

static struct echo_channel echo_channels[TESSERA_MAX_CHANNELS];
static uint8_t echo_buf[ECHO_SLOT_MAX];

/* Answers one request; whether it was the goodbye. -EPROTO and such < 0. */
static int echo_answer(struct echo_channel *e,
		       const struct tessera_ring_msg *msg)
{
	int ret = tessera_ring_back_push(&e->back, msg->id, 0, echo_buf,
					 msg->len);

	if (!ret)
		ret = tessera_ring_back_publish(&e->back);
	if (ret > 0)
		tessera_notify(e->ch->port);
	return ret < 0 ? ret : msg->len == 0;
}

static void echo_broken(struct echo_channel *e, const char *why)
{
	printf("%s: protocol error: %s\n", e->ch->name, why);
	tessera_ring_back_reset(&e->back);
}

/* Serves what the channel has: < 0 when it broke the ring, reset. */
static int echo_look(struct echo_channel *e)
{
	struct tessera_ring_msg msg;
	int ret = 0;

	while (!e->done && (ret = tessera_ring_back_take(&e->back, &msg,
				echo_buf, sizeof(echo_buf))) > 0) {
		ret = echo_answer(e, &msg);
		if (ret < 0)
			break;
		e->backoff_ns = 0;
		e->done = ret;
	}
	if (ret < 0)
		echo_broken(e, e->back.ring.error ? e->back.ring.error :
			    "request refused");
	return ret;
}

/*
 * Serves what the channel has, until the frontend has to notify again.
 * After a reset, one more look: a restarted frontend's first request is
 * in the ring already and it notifies once. A ring still broken then is
 * looked at again at the next notification: a line or two per event,
 * never a spin.
 */
static void echo_serve(struct echo_channel *e)
{
	if (echo_look(e) < 0)
		echo_look(e);
}

/* The port was pending: an event, maybe one too many, then a look. */
static void echo_event(struct echo_channel *e)
{
	if (!tessera_ring_back_event(&e->back)) {
		echo_serve(e);
		return;
	}
	echo_broken(e, e->back.ring.error);
	e->backoff_ns = e->backoff_ns ? e->backoff_ns * 2 : ECHO_BACKOFF_MIN_NS;
	if (e->backoff_ns > ECHO_BACKOFF_MAX_NS)
		e->backoff_ns = ECHO_BACKOFF_MAX_NS;
	e->unmask_ns = tessera_now_ns() + e->backoff_ns;
	tessera_event_mask(e->ch->port);
}

/* A look at a channel, if it is due; *wake: when the next back-off ends. */
static void echo_visit(struct echo_channel *e, bool start, uint64_t *wake)
{
	/* a channel echo no longer serves, or never did, wakes it no more */
	if (e->done) {
		tessera_event_mask(e->ch->port);
		return;
	}
	if (!e->unmask_ns) {
		if (tessera_event_clear(e->ch->port) > 0)
			echo_event(e);
		else if (start)
			echo_serve(e);
	} else if (tessera_now_ns() >= e->unmask_ns) {
		e->unmask_ns = 0;
		tessera_event_clear(e->ch->port);
		tessera_event_unmask(e->ch->port);
		echo_serve(e);
	}
	if (e->unmask_ns && e->unmask_ns < *wake)
		*wake = e->unmask_ns;
}

/* The channels echo backs: how many. */
static unsigned int echo_setup(void)
{
	const struct tessera_start_info *si = tessera_start_info();
	unsigned int n = 0;

	for (uint32_t i = 0; i < si->nr_channels && i < TESSERA_MAX_CHANNELS;
	     i++) {
		struct echo_channel *e = &echo_channels[i];

		e->ch = &si->channels[i];
		e->done = true;
		if (e->ch->role != TESSERA_ROLE_BACKEND)
			continue;
		if (e->ch->slot_size > ECHO_SLOT_MAX ||
		    tessera_ring_back_init(&e->back, e->ch)) {
			printf("%s: not served: slot size %u\n", e->ch->name,
			       e->ch->slot_size);
			continue;
		}
		e->done = false;
		n++;
	}
	return n;
}

int main(int argc, char **argv)
{
	unsigned int n = echo_setup(), left = n;
	bool start = true;

	printf("serving %u channel%s\n", n, n == 1 ? "" : "s");
	while (left) {
		uint64_t wake = UINT64_MAX;

		left = 0;
		/* a back-off's end; taken before the looks, like the ports */
		tessera_event_clear(TESSERA_PORT_TIMER);
		for (unsigned int i = 0; i < TESSERA_MAX_CHANNELS; i++) {
			struct echo_channel *e = &echo_channels[i];

			if (!e->ch)
				continue;
			echo_visit(e, start, &wake);
			left += !e->done;
		}
		start = false;
		if (left)
			tessera_wait_event_until(wake);
	}
	printf("every frontend said goodbye\n");
	return 0;
}
