// SPDX-License-Identifier: MIT
/*
 * The partition's vif as lwIP's Ethernet interface: frames lwIP sends go
 * out through the netfront's tx ring, frames the backend delivers on the
 * rx ring go into lwIP's ethernet_input(). Everything on the rings is
 * the backend's to lie about; the netfront checks the rings, lwIP checks
 * each frame's headers and checksums.
 */
#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include <tessera/netfront.h>
#include "lwip/etharp.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "netif/ethernet.h"
#include "vif.h"

/* Frames taken per call, so that timers and servers get their turn. */
#define VIF_INPUT_BATCH	64
/* tx statuses that stop coming for this long: notify the backend again */
#define VIF_NUDGE_NS	(100 * 1000000ull)

struct net_stats vif_stats;
static struct tessera_netfront nf;
static struct {
	uint64_t statuses;	/* tx statuses taken, at `since` */
	uint64_t since;		/* when they last moved, or 0 */
} tx_progress;
static struct netif vif;
static uint8_t frame[TESSERA_NETIF_FRAME_MAX];

/*
 * The netfront has reset a ring the backend broke (and goes on): said on
 * the console as the drivers say it.
 */
static int vif_check(int rc)
{
	if (rc == -EPROTO)
		printf("%s: protocol error: %s\n", nf.ch->name, nf.error);
	return rc;
}

static err_t vif_linkoutput(struct netif *netif, struct pbuf *p)
{
	u16_t len = pbuf_copy_partial(p, frame, sizeof(frame), 0);
	int rc = vif_check(tessera_netfront_send(&nf, frame, len));

	/* A full ring drains as the backend answers: one more look. */
	if (rc == -EAGAIN && vif_check(tessera_netfront_poll(&nf)) >= 0)
		rc = vif_check(tessera_netfront_send(&nf, frame, len));
	if (rc) {
		vif_stats.tx_dropped++;
		return ERR_IF;
	}
	vif_stats.tx_frames++;
	return ERR_OK;
}

static err_t vif_netif_init(struct netif *netif)
{
	const struct tessera_net_params *params = tessera_netfront_params(&nf);

	netif->name[0] = 'v';
	netif->name[1] = 'f';
	netif->output = etharp_output;
	netif->linkoutput = vif_linkoutput;
	netif->mtu = TESSERA_NETIF_MTU;
	netif->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(netif->hwaddr, params->mac, ETH_HWADDR_LEN);
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP |
		NETIF_FLAG_ETHERNET | NETIF_FLAG_LINK_UP;
	return ERR_OK;
}

static void ip4_from_bytes(ip4_addr_t *addr, const uint8_t bytes[4])
{
	IP4_ADDR(addr, bytes[0], bytes[1], bytes[2], bytes[3]);
}

int vif_open(const char *channel)
{
	const struct tessera_net_params *params;
	ip4_addr_t ip, mask, gw;
	int rc = tessera_netfront_open(&nf, channel);

	if (rc)
		return rc;
	/*
	 * The backend looks at our rings when notified. After a restart the
	 * monitor has zeroed them, event indices too, so our first
	 * publications asked for no notification: tell the backend we are
	 * here, so that it finds the rings new and resets its end.
	 */
	tessera_notify(tessera_netfront_port(&nf));
	params = tessera_netfront_params(&nf);
	ip4_from_bytes(&ip, params->ip);
	ip4_from_bytes(&gw, params->gateway);
	ip4_addr_set_u32(&mask, params->prefix_len ?
			 lwip_htonl(~0u << (32 - params->prefix_len)) : 0);
	lwip_init();
	netif_add(&vif, &ip, &mask, &gw, NULL, vif_netif_init, ethernet_input);
	netif_set_default(&vif);
	netif_set_up(&vif);
	return 0;
}

/* One frame into the stack, copied into a buffer of its pool. */
static void vif_deliver(int len)
{
	struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);

	if (!p || pbuf_take(p, frame, (u16_t)len) != ERR_OK) {
		if (p)
			pbuf_free(p);
		vif_stats.rx_dropped++;
		return;
	}
	vif_stats.rx_frames++;
	if (vif.input(p, &vif) != ERR_OK)
		pbuf_free(p);
}

static uint64_t vif_tx_statuses(void)
{
	const struct tessera_netfront_stats *st = tessera_netfront_stats(&nf);

	return st->tx_passed + st->tx_spoofed + st->tx_denied +
	       st->tx_malformed + st->tx_no_room + st->tx_other;
}

/*
 * A notification can be lost for good: a backend that resets its end of
 * a ring we had already published on (after our restart, the monitor
 * zeroed the rings and our first frames asked for no notification) asks
 * to be notified of an index we have passed. Frames in flight whose
 * statuses stop coming therefore make us notify the backend again, once
 * per VIF_NUDGE_NS; a backend that looks finds them.
 */
static void vif_nudge(void)
{
	uint64_t now = tessera_now_ns(), statuses = vif_tx_statuses();

	if (!tessera_netfront_tx_in_flight(&nf) ||
	    statuses != tx_progress.statuses || !tx_progress.since) {
		tx_progress.statuses = statuses;
		tx_progress.since = now;
	} else if (now - tx_progress.since >= VIF_NUDGE_NS) {
		tessera_notify(tessera_netfront_port(&nf));
		tx_progress.since = now;
	}
}

bool vif_input(void)
{
	vif_check(tessera_netfront_poll(&nf));
	vif_nudge();
	/* -EPROTO: the netfront reset the ring; what follows is fresh. */
	for (int i = 0; i < VIF_INPUT_BATCH; i++) {
		int len = vif_check(tessera_netfront_recv(&nf, frame,
							  sizeof(frame)));

		if (len == 0)
			return false;
		if (len > 0)
			vif_deliver(len);
	}
	return true;
}

unsigned int vif_port(void)
{
	return tessera_netfront_port(&nf);
}
