// SPDX-License-Identifier: MIT
/*
 * echo: the backend of every channel on which its partition is the
 * backend, answering each request with a response of status 0 carrying
 * the same payload (docs/partitions.md, "Example programs").
 *
 * A request of length 0 is a frontend's goodbye: echo answers it like any
 * other, then takes no more requests on that channel; once every channel
 * has said goodbye, echo exits 0. A frontend that breaks the protocol is
 * reported ("<channel>: protocol error: <what>"), its ring reset, and the
 * other channels served on; its own is looked at again when it notifies.
 * It cannot end echo: its goodbye ends its own channel only.
 *
 * Between rounds echo blocks in tessera_wait_event(), and notifies a
 * frontend only when the ring asked for it. A channel is looked at when
 * its port was pending (and once at the start): each look takes requests
 * until there are none, which re-arms req_event, so the frontend notifies
 * the next one. The port is cleared before the look, so an event that
 * comes after it ends the next wait at once.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <tessera.h>
#include <tessera/ring.h>

/* payload bytes of the largest slot echo serves */
#define ECHO_SLOT_MAX	65536

struct echo_channel {
	const struct tessera_channel *ch;
	struct tessera_ring_back back;
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

/* Serves what the channel has, until the frontend has to notify again. */
static void echo_serve(struct echo_channel *e)
{
	struct tessera_ring_msg msg;
	int ret = 0;

	while (!e->done && (ret = tessera_ring_back_take(&e->back, &msg,
				echo_buf, sizeof(echo_buf))) > 0) {
		ret = echo_answer(e, &msg);
		if (ret < 0)
			break;
		e->done = ret;
	}
	if (ret < 0) {
		printf("%s: protocol error: %s\n", e->ch->name,
		       e->back.ring.error ? e->back.ring.error :
		       "request refused");
		/* looked at again at the frontend's next notification: a
		 * ring left broken costs a line per event, never a spin */
		tessera_ring_back_reset(&e->back);
	}
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
		left = 0;
		for (unsigned int i = 0; i < TESSERA_MAX_CHANNELS; i++) {
			struct echo_channel *e = &echo_channels[i];

			if (!e->ch)
				continue;
			if (tessera_event_clear(e->ch->port) > 0 || start)
				echo_serve(e);
			left += !e->done;
		}
		start = false;
		if (left)
			tessera_wait_event();
	}
	printf("every frontend said goodbye\n");
	return 0;
}
