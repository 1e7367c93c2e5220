// SPDX-License-Identifier: MIT
/*
 * blkcheck hostile <channel> <n> <clean channel>: n attacks on blkdrv
 * through a block channel, written straight into the ring against every
 * rule of public/io/ring.h and public/io/blkif.h: producer indices
 * anywhere, lengths beyond the slot, any word of the ring, storms of
 * notifications, and requests with random ids and a random flaw in
 * every one (an unknown op, no sectors, more than the slot holds,
 * sectors past the extent or wrapping 2^64, a write or flush to its
 * read-only extent, a flush with sectors, a header cut short). None is
 * a request blkdrv may carry out, so blkdrv's exit-after count stays
 * with the good frontends.
 *
 * After each flawed request it gives blkdrv a moment (HOSTILE_PACE_NS,
 * or until an event) to answer, so that the requests reach the checks
 * rather than only overflow the ring, and counts the statuses it finds:
 * "statuses: einval <a> erange <b> eperm <c> other <d>". Then, as a
 * last step, it reads one sector through <tessera/blkfront.h> on its
 * clean channel: "clean read: <ret>" says blkdrv still serves it.
 */
#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include <tessera/blkfront.h>
#include <tessera/ring.h>
#include "blkcheck.h"

#define HOSTILE_STORM	1000	/* notifications in one storm */
#define HOSTILE_PACE_NS	2000000	/* the most it waits for an answer */

struct hostile {
	const struct tessera_channel *ch;
	const struct tessera_blk_params *extent;
	volatile struct tessera_ring_page *page;
	uint32_t prod, cons;
	uint32_t einval, erange, eperm, other;
};

static struct tessera_blk clean;
static uint8_t sector[TESSERA_BLK_SECTOR];

static uint64_t hostile_random(void)
{
	static uint64_t x = 0x2545f4914f6cdd1dULL;	/* xorshift64 */

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return x;
}

/* A request that blkif.h refuses, whatever the random numbers are. */
static uint32_t hostile_request(const struct hostile *h,
				struct tessera_blk_request *req)
{
	uint32_t max = (uint32_t)TESSERA_BLK_SECTORS_MAX(h->ch->slot_size);
	uint64_t r = hostile_random();

	*req = (struct tessera_blk_request){ TESSERA_BLK_OP_READ,
					     1 + (uint32_t)(r % max), 0 };
	switch ((r >> 32) % 8) {
	case 0:
		req->op = (uint32_t)r | 3;
		break;
	case 1:
		req->nr_sectors = 0;
		break;
	case 2:
		req->nr_sectors = max + 1 + (uint32_t)(r >> 40);
		break;
	case 3:
		req->sector = h->extent->nr_sectors + (r >> 40);
		break;
	case 4:
		req->sector = UINT64_MAX - (r >> 60);
		break;
	case 5:
		if (!h->extent->read_only)
			return 8;	/* a header cut short instead */
		req->op = TESSERA_BLK_OP_WRITE;
		return 16 + req->nr_sectors * TESSERA_BLK_SECTOR;
	case 6:
		req->op = TESSERA_BLK_OP_FLUSH;
		break;
	default:
		return (uint32_t)(r >> 40) % 16;
	}
	return 16;
}

static volatile struct tessera_ring_slot *hostile_slot(const struct hostile *h,
						       uint32_t index)
{
	return (volatile void *)(h->ch->ring + TESSERA_RING_SLOTS_OFFSET +
		(index & (h->ch->slots - 1)) *
		TESSERA_RING_SLOT_STRIDE(h->ch->slot_size));
}

/* Counts the statuses of the responses blkdrv has published. */
static void hostile_count(struct hostile *h)
{
	uint32_t prod = h->page->rsp_prod;

	/* blkdrv's index is believed only as far as the slots go */
	for (uint32_t k = 0; h->cons != prod && k < h->ch->slots; k++) {
		int32_t status = hostile_slot(h, h->cons++)->status;

		h->einval += status == -EINVAL;
		h->erange += status == -ERANGE;
		h->eperm += status == -EPERM;
		h->other += status != -EINVAL && status != -ERANGE &&
			    status != -EPERM;
	}
	h->cons = prod;
}

/* Publishes a flawed request, or a slot length beyond the slot. */
static void hostile_publish(struct hostile *h, int too_long)
{
	volatile struct tessera_ring_slot *s = hostile_slot(h, h->prod);
	struct tessera_blk_request req;
	uint32_t len = hostile_request(h, &req);

	memcpy((void *)(s + 1), &req, sizeof(req));
	s->id = (uint32_t)hostile_random();
	s->len = too_long ? h->ch->slot_size + 1 + (uint32_t)hostile_random() % 64 : len;
	s->status = 0;
	h->page->req_prod = ++h->prod;
	tessera_notify(h->ch->port);
	tessera_wait_event_until(tessera_now_ns() + HOSTILE_PACE_NS);
	tessera_event_clear(h->ch->port);
	hostile_count(h);
}

/*
 * After a lie, starts its end afresh as a frontend that resets would
 * (docs/rings.md, "Restarts and resets"), once blkdrv has had a moment to
 * catch the lie: so that the next flawed requests reach the checks.
 */
static void hostile_resync(struct hostile *h)
{
	tessera_notify(h->ch->port);
	tessera_wait_event_until(tessera_now_ns() + HOSTILE_PACE_NS);
	tessera_event_clear(h->ch->port);
	h->page->req_prod = h->prod = h->cons = 0;
}

static void hostile_attack(struct hostile *h)
{
	uint64_t r = hostile_random();
	volatile uint32_t *words = (volatile uint32_t *)h->ch->ring;

	switch (r % 10) {
	case 0:
		h->page->req_prod = (uint32_t)(r >> 32);
		hostile_resync(h);
		break;
	case 1:
		hostile_publish(h, 1);
		hostile_resync(h);
		break;
	case 2:
		words[(r >> 32) % (h->ch->ring_bytes / 4)] = (uint32_t)hostile_random();
		hostile_resync(h);
		break;
	case 3:
		for (int i = 0; i < HOSTILE_STORM; i++)
			tessera_notify(h->ch->port);
		break;
	default:
		hostile_publish(h, 0);
	}
}

int blkcheck_hostile(const char *channel, uint32_t n, const char *clean_channel)
{
	const struct tessera_start_info *si = tessera_start_info();
	struct hostile h = { .ch = tessera_channel(channel) };
	int ret;

	if (!h.ch || h.ch->kind != TESSERA_CHANNEL_BLOCK ||
	    h.ch->role != TESSERA_ROLE_FRONTEND) {
		printf("%s: not a block frontend\n", channel);
		return 1;
	}
	h.extent = &si->params[h.ch - si->channels].blk;
	h.page = (volatile struct tessera_ring_page *)h.ch->ring;
	for (uint32_t k = 0; k < n; k++)
		hostile_attack(&h);
	printf("%u attacks\n", n);
	printf("statuses: einval %u erange %u eperm %u other %u\n", h.einval,
	       h.erange, h.eperm, h.other);
	ret = tessera_blk_open(&clean, clean_channel);
	printf("clean read: %d\n", ret ? ret : tessera_blk_read(&clean, 0, 1, sector));
	return 0;
}
