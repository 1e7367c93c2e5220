// SPDX-License-Identifier: MIT
/*
 * ringcheck hostile and serve (see main.c).
 *
 *	ringcheck hostile <channel> <n>	n writes into the ring, at random,
 *		against every rule of public/io/ring.h: producer indices
 *		anywhere, plausible requests with any length and id, requests
 *		rewritten after they were published, any word of the ring
 *		(the backend's own indices included)
 *	ringcheck serve <n> <channel>...	the backend of each channel at
 *		once, answering as `ringcheck back` does, until the first
 *		channel has had n requests served and every other one has
 *		broken the protocol (their frontends are the hostile ones: the
 *		run must see each caught, however the CPUs interleave); a ring
 *		whose frontend broke the protocol is reset and served on
 *		("<channel>: protocol error: <what>", its first error only)
 */
#include <stdbool.h>
#include <stdio.h>
#include "ringcheck.h"

static uint32_t hostile_random(void)
{
	static uint64_t x = 0x9e3779b97f4a7c15;	/* xorshift64 */

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return (uint32_t)(x >> 32);
}

int ringcheck_hostile(const char *name, uint32_t n)
{
	const struct tessera_channel *ch = ringcheck_channel(name);
	volatile struct tessera_ring_page *page;
	volatile uint32_t *words;

	if (!ch)
		return 1;
	page = (volatile struct tessera_ring_page *)ch->ring;
	words = (volatile uint32_t *)ch->ring;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t r = hostile_random(), prod = page->rsp_prod;
		volatile struct tessera_ring_slot *s = (volatile void *)(ch->ring +
			TESSERA_RING_SLOTS_OFFSET + (prod & (ch->slots - 1)) *
			TESSERA_RING_SLOT_STRIDE(ch->slot_size));

		switch (r % 8) {
		case 0:
			page->req_prod = hostile_random();
			break;
		case 1:
			s->len = hostile_random();
			break;
		case 2:
			words[hostile_random() % (ch->ring_bytes / 4)] =
				hostile_random();
			break;
		default:	/* the next request the backend would take */
			s->id = hostile_random();
			s->len = r & 8 ? hostile_random() : r % (ch->slot_size + 1);
			page->req_prod = prod + 1;
		}
	}
	printf("%u hostile writes\n", n);
	return 0;
}

/* Channel 0 had its n requests, every other one its protocol error. */
static bool serve_done(uint32_t n, int nr_channels, const uint32_t *served,
		       const uint32_t *errors)
{
	for (int i = 1; i < nr_channels; i++)
		if (!errors[i])
			return false;
	return served[0] >= n;
}

int ringcheck_serve(uint32_t n, int nr_channels, char **names)
{
	static struct tessera_ring_back backs[TESSERA_MAX_CHANNELS];
	static uint32_t served[TESSERA_MAX_CHANNELS], errors[TESSERA_MAX_CHANNELS];
	long idle = 0;

	if (nr_channels > TESSERA_MAX_CHANNELS)
		return 1;
	for (int i = 0; i < nr_channels; i++)
		if (tessera_ring_back_init(&backs[i], ringcheck_channel(names[i])))
			return 1;
	while (!serve_done(n, nr_channels, served, errors) &&
	       idle < RINGCHECK_POLLS) {
		bool busy = false;

		for (int i = 0; i < nr_channels; i++) {
			int ret = tessera_ring_back_take(&backs[i], &msg, reply,
							 sizeof(reply));

			if (ret < 0 && !errors[i]++)
				printf("%s: protocol error: %s\n", names[i],
				       backs[i].ring.error);
			if (ret < 0)
				tessera_ring_back_reset(&backs[i]);
			else if (ret > 0 && !ringcheck_answer(&backs[i]))
				served[i]++;
			busy |= ret != 0;
		}
		idle = busy ? 0 : idle + 1;
		if (!busy)
			tessera_yield();
	}
	for (int i = 0; i < nr_channels; i++)
		printf("%s: %u requests served, %u protocol errors\n", names[i],
		       served[i], errors[i]);
	return served[0] == n ? 0 : 1;
}
