// SPDX-License-Identifier: MIT
/*
 * ping: the frontend of every channel on which its partition is the
 * frontend (docs/partitions.md, "Example programs"). Bootargs:
 *
 *	count=<n>	round trips per channel, default 100, at most
 *			PING_COUNT_MAX
 *	size=<bytes>	payload of each request, default 64, from 1 to the
 *			channel's slot size
 *
 * One request at a time: a pattern of its number, sent, then the
 * response awaited in tessera_wait_event() and every byte checked. Each
 * channel ends with a request of length 0, the goodbye that lets echo
 * finish, and prints "<channel>: latency min <a> median <b> max <c> ns"
 * (tessera_now_ns() from publishing to the checked response). The last
 * line is "<good>/<n> round trips ok" over all channels; ping returns 0
 * only when all were good. A response that does not come within
 * PING_TIMEOUT_NS ends that channel's round trips as bad.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/ring.h>

#define PING_COUNT_MAX	100000
#define PING_SLOT_MAX	65536
#define PING_TIMEOUT_NS	10000000000ULL	/* 10 s of system time: echo is gone */

static uint8_t ping_req[PING_SLOT_MAX], ping_rsp[PING_SLOT_MAX];
static uint64_t ping_ns[PING_COUNT_MAX];

static uint8_t ping_pattern(uint32_t k, uint32_t i)
{
	return (uint8_t)(k * 7 + i * 13 + 1);
}

/* The next response into *msg and ping_rsp: 1, or 0 at the timeout, < 0. */
static int ping_await(struct tessera_ring_front *f, unsigned int port,
		      struct tessera_ring_msg *msg)
{
	uint64_t deadline = tessera_now_ns() + PING_TIMEOUT_NS;
	int ret;

	for (;;) {
		/* cleared before the look: a later event ends the wait; a
		 * backend that only notifies is a storm, reported */
		if (tessera_event_clear(port) == 1 &&
		    tessera_ring_front_event(f))
			return -EPROTO;
		tessera_event_clear(TESSERA_PORT_TIMER);
		ret = tessera_ring_front_take(f, msg, ping_rsp,
					      sizeof(ping_rsp));
		if (ret || tessera_now_ns() >= deadline)
			return ret;
		tessera_wait_event_until(deadline);
	}
}

/* Sends one request of `len` bytes and checks its echo: whether good. */
static bool ping_one(struct tessera_ring_front *f,
		     const struct tessera_channel *ch, uint32_t k,
		     uint32_t len, uint64_t *ns)
{
	uint32_t id = k % ch->slots;
	struct tessera_ring_msg msg;
	uint64_t t0;
	int ret;

	for (uint32_t i = 0; i < len; i++)
		ping_req[i] = ping_pattern(k, i);
	t0 = tessera_now_ns();
	ret = tessera_ring_front_push(f, id, ping_req, len);
	if (!ret)
		ret = tessera_ring_front_publish(f);
	if (ret > 0)
		tessera_notify(ch->port);
	if (ret >= 0)
		ret = ping_await(f, ch->port, &msg);
	*ns = tessera_now_ns() - t0;
	if (ret <= 0) {
		printf("%s: request %u: %s\n", ch->name, k,
		       ret ? f->ring.error : "no response");
		return false;
	}
	if (msg.id != id || msg.len != len || msg.status ||
	    memcmp(ping_rsp, ping_req, len)) {
		printf("%s: request %u: wrong response\n", ch->name, k);
		return false;
	}
	return true;
}

static void ping_sort(uint64_t *a, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		uint64_t x = a[i];
		uint32_t j = i;

		for (; j && a[j - 1] > x; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

/* count round trips over ch, then the goodbye: how many were good. */
static uint32_t ping_channel(const struct tessera_channel *ch,
			     uint32_t count, uint32_t size)
{
	static struct tessera_ring_front front;
	uint32_t good = 0, k;
	uint64_t ns;

	if (size > ch->slot_size || size > PING_SLOT_MAX ||
	    tessera_ring_front_init(&front, ch)) {
		printf("%s: size %u does not fit slots of %u bytes\n",
		       ch->name, size, ch->slot_size);
		return 0;
	}
	for (k = 0; k < count; k++) {
		if (!ping_one(&front, ch, k, size, &ping_ns[k]))
			break;
		good++;
	}
	if (k == count && !ping_one(&front, ch, k, 0, &ns))
		printf("%s: goodbye not answered\n", ch->name);
	if (good) {
		ping_sort(ping_ns, good);
		printf("%s: latency min %lu median %lu max %lu ns\n", ch->name,
		       (unsigned long)ping_ns[0],
		       (unsigned long)ping_ns[good / 2],
		       (unsigned long)ping_ns[good - 1]);
	}
	return good;
}

/* The value of `key=` among the arguments, or `dflt`. */
static unsigned long ping_arg(int argc, char **argv, const char *key,
			      unsigned long dflt)
{
	size_t n = strlen(key);

	for (int i = 1; i < argc; i++)
		if (!strncmp(argv[i], key, n) && argv[i][n] == '=')
			return strtoul(argv[i] + n + 1, NULL, 0);
	return dflt;
}

int main(int argc, char **argv)
{
	const struct tessera_start_info *si = tessera_start_info();
	unsigned long count = ping_arg(argc, argv, "count", 100);
	unsigned long size = ping_arg(argc, argv, "size", 64);
	uint32_t good = 0, n = 0;

	if (count > PING_COUNT_MAX || !size || size > PING_SLOT_MAX) {
		printf("count=0..%u size=1..%u, not count=%lu size=%lu\n",
		       PING_COUNT_MAX, PING_SLOT_MAX, count, size);
		return 2;
	}
	for (uint32_t i = 0; i < si->nr_channels && i < TESSERA_MAX_CHANNELS;
	     i++) {
		const struct tessera_channel *ch = &si->channels[i];

		if (ch->role != TESSERA_ROLE_FRONTEND)
			continue;
		good += ping_channel(ch, (uint32_t)count, (uint32_t)size);
		n += (uint32_t)count;
	}
	printf("%u/%u round trips ok\n", good, n);
	return good == n ? 0 : 1;
}
