// SPDX-License-Identifier: MIT
/* netraw's interface: raw.h. */

#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include <tessera/netframes.h>
#include "raw.h"

#define NS_PER_S	1000000000ull

struct raw raw;
static uint8_t raw_frame[TESSERA_NETIF_FRAME_MAX];

int raw_open(const char *channel)
{
	int ret = tessera_netfront_open(&raw.nf, channel);

	if (ret) {
		printf("%s: cannot open: %d\n", channel, ret);
		return 1;
	}
	raw.p = tessera_netfront_params(&raw.nf);
	if (!raw.peer_ip[0])
		memcpy(raw.peer_ip, raw.p->gateway, 4);
	return 0;
}

static void raw_answer_arp(const uint8_t *f)
{
	uint8_t reply[TESSERA_NETIF_FRAME_MAX];
	size_t len = net_arp(reply, f + 6, raw.p->mac, 2, raw.p->mac,
			     raw.p->ip, f + 14 + 14);

	memcpy(reply + 14 + 18, f + 14 + 8, 6);		/* the asker's MAC */
	tessera_netfront_send(&raw.nf, reply, len);
}

static void raw_take_arp(const uint8_t *f, int len)
{
	const uint8_t *a = f + 14;

	if (len < 42)
		return;
	if (net_get16(a + 6) == 1 && !memcmp(a + 24, raw.p->ip, 4))
		raw_answer_arp(f);
	if (net_get16(a + 6) == 2 && !memcmp(a + 14, raw.peer_ip, 4)) {
		memcpy(raw.peer_mac, a + 8, 6);
		raw.peer_known = true;
	}
}

/* The echo request `f` of `len` bytes turned into its reply, and sent. */
static void raw_answer_echo(const uint8_t *f, int len)
{
	uint8_t reply[TESSERA_NETIF_FRAME_MAX];
	uint32_t hlen = (uint32_t)(f[NET_IP_AT] & 0xf) * 4;
	uint32_t total = net_get16(f + NET_IP_AT + 2);
	uint8_t *ip = reply + NET_IP_AT, *l4 = ip + hlen;

	if (hlen < 20 || total < hlen + NET_ICMP_HDR ||
	    NET_IP_AT + total > (uint32_t)len)
		return;
	memcpy(reply, f, (size_t)len);
	memcpy(reply, f + 6, 6);
	memcpy(reply + 6, raw.p->mac, 6);
	memcpy(ip + 16, f + NET_IP_AT + 12, 4);
	memcpy(ip + 12, raw.p->ip, 4);
	l4[0] = 0;
	net_put16(l4 + 2, 0);
	net_put16(l4 + 2, net_checksum(l4, total - hlen));
	if (!tessera_netfront_send(&raw.nf, reply, (size_t)len))
		raw.answered++;
}

static void raw_take_ipv4(const uint8_t *f, int len)
{
	const uint8_t *ip = f + NET_IP_AT, *l4 = ip + (ip[0] & 0xf) * 4;

	if (len < NET_L4_AT + 8 || l4 + 14 > f + len)
		return;
	if (ip[9] == 1 && l4[0] == 0 && net_get16(l4 + 4) == RAW_ECHO_ID)
		raw.replied[net_get16(l4 + 6) % RAW_SEQS] = true;
	if (ip[9] == 1 && l4[0] == 8 && !memcmp(ip + 16, raw.p->ip, 4))
		raw_answer_echo(f, len);
	if (ip[9] != 6)
		return;
	printf("tcp%s to port %u\n", l4[13] & 0x02 ? " syn" : "",
	       net_get16(l4 + 2));
	raw.tcp_to_port[net_get16(l4 + 2) != raw.watch]++;
	raw.syns_to_watch += net_get16(l4 + 2) == raw.watch && (l4[13] & 0x02);
}

static void raw_take(void)
{
	int len;

	tessera_netfront_poll(&raw.nf);
	while ((len = tessera_netfront_recv(&raw.nf, raw_frame,
					    sizeof(raw_frame))) != 0) {
		if (len < 0) {
			printf("protocol error: %s\n", raw.nf.error);
			break;
		}
		if (net_get16(raw_frame + 12) == 0x0806)
			raw_take_arp(raw_frame, len);
		else if (net_get16(raw_frame + 12) == 0x0800)
			raw_take_ipv4(raw_frame, len);
	}
}

/*
 * Every look ends with both rings re-armed (recv and poll return 0 only
 * then), so whatever comes after it is notified and ends this wait.
 */
void raw_wait(uint64_t deadline)
{
	if (deadline)
		tessera_wait_event_until(deadline);
	else
		tessera_wait_event();
	tessera_event_clear(tessera_netfront_port(&raw.nf));
	tessera_event_clear(TESSERA_PORT_TIMER);
	raw_take();
}

/*
 * The status of the one refused frame among those whose statuses came
 * since `before`: netraw's own ARP replies, sent meanwhile, pass.
 */
static int raw_refusal(const struct tessera_netfront_stats *before)
{
	const struct tessera_netfront_stats *s = tessera_netfront_stats(&raw.nf);

	if (s->tx_spoofed != before->tx_spoofed)
		return -EPERM;
	if (s->tx_denied != before->tx_denied)
		return -EACCES;
	if (s->tx_malformed != before->tx_malformed)
		return -EINVAL;
	if (s->tx_no_room != before->tx_no_room)
		return -EAGAIN;
	return s->tx_other != before->tx_other ? -EIO : 0;
}

int raw_send(const uint8_t *frame, size_t len)
{
	struct tessera_netfront_stats before;
	int ret;

	while (tessera_netfront_tx_in_flight(&raw.nf))
		raw_wait(0);
	before = *tessera_netfront_stats(&raw.nf);
	ret = tessera_netfront_send(&raw.nf, frame, len);
	if (ret)
		return ret;
	while (tessera_netfront_tx_in_flight(&raw.nf))
		raw_wait(0);
	return raw_refusal(&before);
}

bool raw_arp_peer(void)
{
	uint8_t f[TESSERA_NETIF_FRAME_MAX];
	size_t len = net_arp(f, net_bcast, raw.p->mac, 1, raw.p->mac,
			     raw.p->ip, raw.peer_ip);

	for (int tries = 0; tries < 10 && !raw.peer_known; tries++) {
		uint64_t deadline = tessera_now_ns() + NS_PER_S;

		raw_send(f, len);
		while (!raw.peer_known && tessera_now_ns() < deadline)
			raw_wait(deadline);
	}
	return raw.peer_known;
}

bool raw_echo_reply(uint16_t seq, uint64_t deadline)
{
	while (!raw.replied[seq % RAW_SEQS] && tessera_now_ns() < deadline)
		raw_wait(deadline);
	return raw.replied[seq % RAW_SEQS];
}

void raw_close(void)
{
	tessera_netfront_close(&raw.nf);
	while (tessera_netfront_tx_in_flight(&raw.nf))
		raw_wait(0);
}
