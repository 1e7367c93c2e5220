// SPDX-License-Identifier: MIT
/*
 * netraw hostile (netraw.h): writes into its tx ring what no frontend
 * may (a producer index far ahead, a slot length beyond the slot), each
 * after a frame of its own has been answered, so that the backend's
 * reset shows as its response index gone back to 0; and notifies a
 * thousand times with nothing to do in between.
 */
#include <stdio.h>
#include <tessera.h>
#include <tessera/netframes.h>
#include "netraw.h"
#include "raw.h"

#define NS_PER_MS	1000000ull
#define RESET_POLLS	10000	/* 1 ms apart: the backend has 10 s */
#define STORM		1000

#define STORE(field, v)	(*(volatile __typeof__(field) *)&(field) = (v))
#define LOAD(field)	(*(const volatile __typeof__(field) *)&(field))

static uint8_t frame[TESSERA_NETIF_FRAME_MAX];

static struct tessera_ring_page *hostile_tx_page(void)
{
	return (struct tessera_ring_page *)raw.nf.tx_ch.ring;
}

/* A frame of our own, answered: rsp_prod is then 1 past 0. */
static void hostile_own_frame(void)
{
	raw_send(frame, net_arp(frame, net_bcast, raw.p->mac, 1, raw.p->mac,
				raw.p->ip, raw.p->gateway));
}

/* Notifies, then waits for the backend's reset of the tx ring. */
static void hostile_await_reset(const char *attack, const char *channel)
{
	const struct tessera_ring_page *page = hostile_tx_page();
	int polls = 0;

	tessera_notify(tessera_netfront_port(&raw.nf));
	while (LOAD(page->rsp_prod) && polls++ < RESET_POLLS)
		tessera_sleep_ns(NS_PER_MS);
	printf("%s: %s\n", attack, LOAD(page->rsp_prod) ? "no reset" :
	       "backend reset");
	raw_open(channel);
}

static void hostile_prod_ahead(const char *channel)
{
	struct tessera_ring_page *page = hostile_tx_page();

	hostile_own_frame();
	STORE(page->req_prod, raw.nf.tx.ring.prod_pvt + 1000);
	hostile_await_reset("req_prod far ahead", channel);
}

static void hostile_long_slot(const char *channel)
{
	struct tessera_ring_front *tx = &raw.nf.tx;
	struct tessera_ring_slot *slot;

	hostile_own_frame();
	slot = (struct tessera_ring_slot *)(tx->ring.slot0 +
		(tx->ring.prod_pvt & (tx->ring.slots - 1)) *
		TESSERA_RING_SLOT_STRIDE(tx->ring.slot_size));
	STORE(slot->id, 0);
	STORE(slot->len, tx->ring.slot_size + 1);
	STORE(hostile_tx_page()->req_prod, tx->ring.prod_pvt + 1);
	hostile_await_reset("len beyond the slot", channel);
}

void netraw_hostile(const char *channel)
{
	hostile_prod_ahead(channel);
	hostile_long_slot(channel);
	for (int i = 0; i < STORM; i++)
		tessera_notify(tessera_netfront_port(&raw.nf));
	printf("event storm: %d notifications\n", STORM);
}
