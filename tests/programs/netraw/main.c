// SPDX-License-Identifier: MIT
/*
 * netraw: raw Ethernet frames on a virtual interface, no TCP/IP stack
 * (tests/system/test_net.py). Each mode answers ARP and ICMP echo
 * requests for its own address while it runs, prints what it saw and
 * ends with a goodbye to the backend (tessera_netfront_close()).
 *
 *	netraw <channel> ping [count=<n>] [to=<ip>]	asks for the MAC of
 *		the gateway, or of <ip> ("arp <ip>: <mac>"), then sends it n
 *		ICMP echo requests, one at a time, each waiting 5 s of system
 *		time for its reply: "echo <i>: status <s>" for a frame refused,
 *		"echo <i>: no reply", and "<good>/<n> echo replies"
 *	netraw <channel> answer <n>	answers echo requests until n were,
 *		then says "<n> echo requests answered"
 *	netraw <channel> spoof	sends four frames that are not its own
 *		("spoof <what>: status <s>": a source MAC, a source IPv4
 *		address, an ARP sender address, an ARP sender MAC), then one
 *		echo of its own; once that reply is in, no reply to the spoofed
 *		echoes can still be on its way: "spoofed echo replies: <n>"
 *	netraw <channel> listen <port>	prints each TCP frame that reaches
 *		it ("tcp syn to port <p>") until two SYNs to <port> came (the
 *		second, a retransmission, comes well after any SYN the peer
 *		sent before the first)
 *	netraw <channel> hostile	breaks its rings (hostile.c), then
 *		says goodbye
 *
 * It returns 0 once its mode ran to the end, whatever it saw: the test
 * judges the lines; 1 when the channel cannot be opened, 2 for bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/option.h>
#include <tessera/netframes.h>
#include "netraw.h"
#include "raw.h"

#define NS_PER_S	1000000000ull
#define ECHO_WAIT_NS	(5 * NS_PER_S)
#define ECHO_PAYLOAD	32

static const uint8_t netraw_other_mac[6] = { 2, 0, 0, 0, 0, 0x99 };
static uint8_t frame[TESSERA_NETIF_FRAME_MAX];

static bool netraw_arp(void)
{
	const uint8_t *g = raw.peer_ip, *m = raw.peer_mac;

	if (!raw_arp_peer()) {
		printf("arp %u.%u.%u.%u: no reply\n", g[0], g[1], g[2], g[3]);
		return false;
	}
	printf("arp %u.%u.%u.%u: %02x:%02x:%02x:%02x:%02x:%02x\n", g[0], g[1],
	       g[2], g[3], m[0], m[1], m[2], m[3], m[4], m[5]);
	return true;
}

/* An echo of our own to the peer: whether its reply came. */
static bool netraw_echo(uint16_t seq)
{
	size_t len = net_icmp_echo(frame, raw.peer_mac, raw.p->mac, raw.p->ip,
				   raw.peer_ip, RAW_ECHO_ID, seq,
				   ECHO_PAYLOAD);
	int status = raw_send(frame, len);

	if (status) {
		printf("echo %u: status %d\n", seq, status);
		return false;
	}
	if (raw_echo_reply(seq, tessera_now_ns() + ECHO_WAIT_NS))
		return true;
	printf("echo %u: no reply\n", seq);
	return false;
}

static void netraw_ping(unsigned int count)
{
	unsigned int good = 0;

	if (!netraw_arp())
		return;
	for (unsigned int seq = 1; seq <= count; seq++)
		good += netraw_echo((uint16_t)seq);
	printf("%u/%u echo replies\n", good, count);
}

static void netraw_spoofed(const char *what, size_t len)
{
	printf("spoof %s: status %d\n", what, raw_send(frame, len));
}

static void netraw_spoof(void)
{
	const struct tessera_net_params *p = raw.p;
	uint8_t neighbour[4] = { p->ip[0], p->ip[1], p->ip[2], p->ip[3] + 1 };

	if (!netraw_arp())
		return;
	netraw_spoofed("source mac", net_icmp_echo(frame, raw.peer_mac,
		netraw_other_mac, p->ip, raw.peer_ip, RAW_ECHO_ID, 101, 8));
	netraw_spoofed("source ip", net_icmp_echo(frame, raw.peer_mac, p->mac,
		neighbour, raw.peer_ip, RAW_ECHO_ID, 102, 8));
	netraw_spoofed("arp sender ip", net_arp(frame, net_bcast, p->mac, 2,
		p->mac, p->gateway, p->gateway));
	netraw_spoofed("arp sender mac", net_arp(frame, net_bcast, p->mac, 1,
		netraw_other_mac, p->ip, p->gateway));
	printf("echo 1: %s\n", netraw_echo(1) ? "reply" : "none");
	printf("spoofed echo replies: %u\n", raw.replied[101] + raw.replied[102]);
}

static void netraw_answer(unsigned int n)
{
	while (raw.answered < n)
		raw_wait(0);
	printf("%u echo requests answered\n", n);
}

static void netraw_listen(uint16_t port)
{
	raw.watch = port;
	while (raw.syns_to_watch < 2)
		raw_wait(0);
	printf("tcp frames to port %u: %u, to other ports: %u\n", port,
	       raw.tcp_to_port[0], raw.tcp_to_port[1]);
}

/* "a.b.c.d" into ip: whether it is one. */
static bool netraw_ipv4(const char *text, uint8_t *ip)
{
	for (int i = 0; i < 4; i++) {
		char *end;
		unsigned long b = strtoul(text, &end, 10);

		if (end == text || b > 255 || *end != (i < 3 ? '.' : '\0'))
			return false;
		ip[i] = (uint8_t)b;
		text = end + 1;
	}
	return true;
}

/* count=<n> and to=<a.b.c.d>, for ping. */
static unsigned int netraw_options(int argc, char **argv)
{
	const char *to = tessera_option(argc, argv, "to", NULL);

	if (to && !netraw_ipv4(to, raw.peer_ip))
		printf("not an IPv4 address: %s\n", to);
	return (unsigned int)strtoul(tessera_option(argc, argv, "count", "1"),
				     NULL, 10);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 2 ? argv[2] : "";
	unsigned int count = netraw_options(argc, argv);

	if (argc < 3) {
		printf("usage: netraw <channel> ping|spoof|answer|listen|hostile ...\n");
		return 2;
	}
	if (raw_open(argv[1]))
		return 1;
	if (!strcmp(mode, "ping"))
		netraw_ping(count);
	else if (!strcmp(mode, "spoof"))
		netraw_spoof();
	else if (!strcmp(mode, "answer") && argc > 3)
		netraw_answer((unsigned int)strtoul(argv[3], NULL, 10));
	else if (!strcmp(mode, "listen") && argc > 3)
		netraw_listen((uint16_t)strtoul(argv[3], NULL, 10));
	else if (!strcmp(mode, "hostile"))
		netraw_hostile(argv[1]);
	else
		printf("unknown mode %s\n", mode);
	raw_close();
	printf("goodbye\n");
	return 0;
}
