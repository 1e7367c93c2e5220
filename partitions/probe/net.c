// SPDX-License-Identifier: MIT
/*
 * The gateway of probe's vif pinged (probe.h): its MAC asked by ARP,
 * then `count` ICMP echo requests, one at a time, each waiting for its
 * reply. Frames come from the backend and are checked before use: an
 * ARP reply must be the gateway's, an echo reply the gateway's, with
 * probe's id and the sequence number waited for.
 */

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include <tessera/netframes.h>
#include <tessera/netfront.h>
#include "probe.h"

#define NS_PER_S	1000000000ull
#define ARP_TRIES	5
#define ECHO_WAIT_NS	(2 * NS_PER_S)
#define ECHO_ID		0x7072
#define ECHO_PAYLOAD	32
#define ETH_ARP		0x0806
#define ETH_IPV4	0x0800

static struct tessera_netfront nf;
static const struct tessera_net_params *p;
static uint8_t frame[TESSERA_NETIF_FRAME_MAX];
static uint8_t gw_mac[6];
static bool gw_known;
static uint16_t replied;	/* the last echo sequence answered */

static void net_take_arp(int len)
{
	const uint8_t *a = frame + NET_IP_AT;

	if (len >= NET_IP_AT + 28 && net_get16(a + 6) == 2 &&
	    !memcmp(a + 14, p->gateway, 4)) {
		memcpy(gw_mac, a + 8, 6);
		gw_known = true;
	}
}

static void net_take_ipv4(int len)
{
	const uint8_t *ip = frame + NET_IP_AT;
	uint32_t hlen = (ip[0] & 0xfu) * 4;
	const uint8_t *icmp = ip + hlen;

	if (len < NET_L4_AT + NET_ICMP_HDR || hlen < 20 ||
	    NET_IP_AT + hlen + NET_ICMP_HDR > (uint32_t)len)
		return;
	if (ip[9] == 1 && icmp[0] == 0 && !memcmp(ip + 12, p->gateway, 4) &&
	    net_get16(icmp + 4) == ECHO_ID)
		replied = net_get16(icmp + 6);
}

/* Waits for an event or `deadline`, then takes what came. */
static void net_wait(uint64_t deadline)
{
	int len;

	tessera_wait_event_until(deadline);
	tessera_event_clear(tessera_netfront_port(&nf));
	tessera_event_clear(TESSERA_PORT_TIMER);
	tessera_netfront_poll(&nf);
	while ((len = tessera_netfront_recv(&nf, frame, sizeof(frame))) > 0) {
		if (net_get16(frame + 12) == ETH_ARP)
			net_take_arp(len);
		else if (net_get16(frame + 12) == ETH_IPV4)
			net_take_ipv4(len);
	}
}

static bool net_arp_gateway(void)
{
	uint8_t f[TESSERA_NETIF_FRAME_MAX];
	size_t len = net_arp(f, net_bcast, p->mac, 1, p->mac, p->ip,
			     p->gateway);

	for (int tries = 0; tries < ARP_TRIES && !gw_known; tries++) {
		uint64_t deadline = tessera_now_ns() + NS_PER_S;

		tessera_netfront_send(&nf, f, len);
		while (!gw_known && tessera_now_ns() < deadline)
			net_wait(deadline);
	}
	return gw_known;
}

/* One echo request to the gateway: whether its reply came in time. */
static bool net_echo(uint16_t seq)
{
	uint8_t f[TESSERA_NETIF_FRAME_MAX];
	size_t len = net_icmp_echo(f, gw_mac, p->mac, p->ip, p->gateway,
				   ECHO_ID, seq, ECHO_PAYLOAD);
	uint64_t deadline = tessera_now_ns() + ECHO_WAIT_NS;

	if (tessera_netfront_send(&nf, f, len))
		return false;
	while (replied != seq && tessera_now_ns() < deadline)
		net_wait(deadline);
	return replied == seq;
}

/* Says goodbye and waits until the backend has answered it. */
static void net_close(void)
{
	tessera_netfront_close(&nf);
	while (tessera_netfront_tx_in_flight(&nf))
		net_wait(tessera_now_ns() + NS_PER_S);
}

bool probe_net(const char *channel, unsigned int count)
{
	const uint8_t *g;
	unsigned int good = 0;
	int ret = tessera_netfront_open(&nf, channel);

	if (ret) {
		printf("%s: cannot open: %d\n", channel, ret);
		return false;
	}
	p = tessera_netfront_params(&nf);
	g = p->gateway;
	if (net_arp_gateway()) {
		for (unsigned int i = 1; i <= count; i++)
			good += net_echo((uint16_t)i);
		printf("%u/%u echo replies from %u.%u.%u.%u\n", good, count,
		       g[0], g[1], g[2], g[3]);
	} else {
		printf("arp %u.%u.%u.%u: no reply\n", g[0], g[1], g[2], g[3]);
	}
	net_close();
	return gw_known && good == count;
}
