// SPDX-License-Identifier: MIT
/*
 * ringcheck: the two ends of a channel see the same ring, and no one
 * else sees it (tests/system/test_rings.py). Each end polls, a bounded
 * number of times, yielding in between, so that the rings are tested
 * without events (partitions/ping and echo wait for events instead).
 *
 *	ringcheck front <channel> <n>	sends n requests, one at a time, of
 *		lengths 0 to slot_size and a pattern; checks each response
 *	ringcheck back <channel> <n>	answers n requests with the payload
 *		inverted and the length as status
 *	ringcheck outsider <channel> <address>	is no end of the channel:
 *		tessera_channel() is NULL, and a load at the address the ends
 *		use faults
 *	ringcheck scribble <channel>	says whether the whole ring reads as
 *		zero, then fills it with 0xa5 and faults (ud2): run with
 *		on-fault "restart", each life must find the ring zero again
 *	ringcheck liar <channel> [<n>]	breaks the protocol once (req_prod
 *		far ahead, notified), or with n, notifies n times on an
 *		empty ring (an event storm); then waits 50 ms, resets its
 *		own end and says goodbye to echo (a request of length 0,
 *		partitions/echo), printing "goodbye answered"
 *	ringcheck storm <channel> <n>	a backend that takes the first
 *		request, then notifies n times without answering it (an
 *		event storm towards the frontend, partitions/ping)
 *	ringcheck notify <ms> <port>...	sleeps ms milliseconds, then
 *		notifies each port, printing "notify <port>: <result>"
 *		(tests/system/test_events.py)
 *	ringcheck hostile <channel> <n>, ringcheck serve <n> <channel>...:
 *		a hostile frontend and a backend of several channels
 *		(hostile.c)
 *
 * Each end first prints "<channel> at 0x<ring>: <slots> slots of <slot
 * size> bytes" and ends with "<good>/<n> round trips ok" (front) or "<n>
 * requests served" (back), returning 0 only if all went well.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/ring.h>
#include "ringcheck.h"

static uint8_t payload[RINGCHECK_SLOT_MAX];
uint8_t reply[RINGCHECK_SLOT_MAX];
struct tessera_ring_msg msg;

static uint8_t pattern(uint32_t n, uint32_t i)
{
	return (uint8_t)(n * 7 + i * 13 + 1);
}

const struct tessera_channel *ringcheck_channel(const char *name)
{
	const struct tessera_channel *ch = tessera_channel(name);

	if (!ch) {
		printf("%s: not an end of this channel\n", name);
		return NULL;
	}
	printf("%s at 0x%lx: %u slots of %u bytes\n", name,
	       (unsigned long)ch->ring, ch->slots, ch->slot_size);
	if (ch->slot_size > RINGCHECK_SLOT_MAX) {
		printf("%s: slot size above %d\n", name, RINGCHECK_SLOT_MAX);
		return NULL;
	}
	return ch;
}

/* Polls take() until it has a message: 1, 0 when the peer stayed silent, or an error. */
#define RINGCHECK_POLL(take, end)					\
	({								\
		int ret_ = 0;						\
		for (long i_ = 0; i_ < RINGCHECK_POLLS && !ret_; i_++) { \
			ret_ = take(end, &msg, reply, sizeof(reply));	\
			if (!ret_)					\
				tessera_yield();			\
		}							\
		ret_;							\
	})

int ringcheck_answer(struct tessera_ring_back *back)
{
	for (uint32_t i = 0; i < msg.len; i++)
		reply[i] = (uint8_t)~reply[i];
	if (tessera_ring_back_push(back, msg.id, (int32_t)msg.len, reply,
				   msg.len))
		return -1;
	return tessera_ring_back_publish(back) < 0 ? -1 : 0;
}

static int ringcheck_front(const char *name, uint32_t n)
{
	static struct tessera_ring_front front;
	const struct tessera_channel *ch = ringcheck_channel(name);
	uint32_t good = 0;

	if (!ch || tessera_ring_front_init(&front, ch))
		return 1;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t len = k * 37 % (ch->slot_size + 1), id = k % ch->slots;
		bool ok;
		int ret;

		for (uint32_t i = 0; i < len; i++)
			payload[i] = pattern(k, i);
		if (tessera_ring_front_push(&front, id, payload, len) ||
		    tessera_ring_front_publish(&front) < 0)
			break;
		ret = RINGCHECK_POLL(tessera_ring_front_take, &front);
		if (ret <= 0) {
			printf("request %u: %s\n", k, ret ? front.ring.error :
			       "no response");
			break;
		}
		ok = msg.id == id && msg.len == len && msg.status == (int)len;
		for (uint32_t i = 0; ok && i < len; i++)
			ok = (uint8_t)(reply[i] ^ pattern(k, i)) == 0xff;
		if (!ok)
			printf("request %u: wrong response\n", k);
		good += ok;
	}
	printf("%u/%u round trips ok\n", good, n);
	return good == n ? 0 : 1;
}

static int ringcheck_back(const char *name, uint32_t n)
{
	static struct tessera_ring_back back;
	const struct tessera_channel *ch = ringcheck_channel(name);
	uint32_t served = 0;

	if (!ch || tessera_ring_back_init(&back, ch))
		return 1;
	while (served < n) {
		int ret = RINGCHECK_POLL(tessera_ring_back_take, &back);

		if (ret <= 0) {
			printf("%s\n", ret ? back.ring.error : "no request");
			break;
		}
		if (ringcheck_answer(&back))
			break;
		served++;
	}
	printf("%u requests served\n", served);
	return served == n ? 0 : 1;
}

static int ringcheck_outsider(const char *name, uintptr_t addr)
{
	if (ringcheck_channel(name))
		return 1;
	printf("reading 0x%lx\n", (unsigned long)addr);
	return *(volatile uint8_t *)addr;	/* must fault */
}

static int ringcheck_scribble(const char *name)
{
	const struct tessera_channel *ch = ringcheck_channel(name);
	volatile uint8_t *ring;
	uint64_t i;

	if (!ch)
		return 1;
	ring = (volatile uint8_t *)ch->ring;
	for (i = 0; i < ch->ring_bytes && !ring[i]; i++)
		;
	if (i < ch->ring_bytes)
		printf("%s: byte %#lx is %#x at start\n", name,
		       (unsigned long)i, ring[i]);
	else
		printf("%s: zero at start\n", name);
	for (i = 0; i < ch->ring_bytes; i++)
		ring[i] = 0xa5;
	__builtin_trap();
}

static int ringcheck_liar(const char *name, uint32_t storm)
{
	static struct tessera_ring_front front;
	const struct tessera_channel *ch = ringcheck_channel(name);
	int ret;

	if (!ch || tessera_ring_front_init(&front, ch))
		return 1;
	if (!storm)
		((volatile struct tessera_ring_page *)ch->ring)->req_prod =
			ch->slots + 1;
	for (uint32_t i = 0; i < storm || i == 0; i++)
		tessera_notify(ch->port);
	tessera_sleep_ns(50000000);
	tessera_ring_front_reset(&front);
	if (tessera_ring_front_push(&front, 0, NULL, 0) ||
	    tessera_ring_front_publish(&front) < 0)
		return 1;
	tessera_notify(ch->port);
	ret = RINGCHECK_POLL(tessera_ring_front_take, &front);
	if (ret <= 0 || msg.len || msg.id)
		return 1;
	printf("goodbye answered\n");
	return 0;
}

static int ringcheck_storm(const char *name, uint32_t n)
{
	static struct tessera_ring_back back;
	const struct tessera_channel *ch = ringcheck_channel(name);

	if (!ch || tessera_ring_back_init(&back, ch) ||
	    RINGCHECK_POLL(tessera_ring_back_take, &back) <= 0)
		return 1;
	for (uint32_t i = 0; i < n; i++)
		tessera_notify(ch->port);
	printf("%u events sent, no response\n", n);
	return 0;
}

static int ringcheck_notify(unsigned long ms, int n, char **ports)
{
	tessera_sleep_ns(ms * 1000000);
	for (int i = 0; i < n; i++) {
		unsigned long port = strtoul(ports[i], NULL, 0);

		printf("notify %lu: %d\n", port, tessera_notify(port));
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "front"))
		return ringcheck_front(argv[2], strtoul(argv[3], NULL, 0));
	if (argc == 4 && !strcmp(argv[1], "back"))
		return ringcheck_back(argv[2], strtoul(argv[3], NULL, 0));
	if (argc == 4 && !strcmp(argv[1], "outsider"))
		return ringcheck_outsider(argv[2], strtoul(argv[3], NULL, 0));
	if (argc == 3 && !strcmp(argv[1], "scribble"))
		return ringcheck_scribble(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "hostile"))
		return ringcheck_hostile(argv[2], strtoul(argv[3], NULL, 0));
	if ((argc == 3 || argc == 4) && !strcmp(argv[1], "liar"))
		return ringcheck_liar(argv[2], argc == 4 ?
				      strtoul(argv[3], NULL, 0) : 0);
	if (argc == 4 && !strcmp(argv[1], "storm"))
		return ringcheck_storm(argv[2], strtoul(argv[3], NULL, 0));
	if (argc >= 3 && !strcmp(argv[1], "notify"))
		return ringcheck_notify(strtoul(argv[2], NULL, 0), argc - 3,
					argv + 3);
	if (argc >= 4 && !strcmp(argv[1], "serve"))
		return ringcheck_serve(strtoul(argv[2], NULL, 0), argc - 3,
				       argv + 3);
	printf("usage: ringcheck front|back <channel> <n> | outsider <channel> "
	       "<address> | scribble <channel> | hostile <channel> <n> | "
	       "serve <n> <channel>... | liar <channel> [<n>] | storm <channel> "
	       "<n> | notify <ms> <port>...\n");
	return 2;
}
