/* SPDX-License-Identifier: MIT */
#ifndef NETRAW_RAW_H
#define NETRAW_RAW_H

/*
 * netraw's interface (raw.c): a netfront, the frames it has seen, and
 * the loop that takes them. It answers ARP requests and ICMP echo
 * requests for its own address all the while, as a host would, so that
 * the gateway and other vifs can reach it.
 */

#include <stdbool.h>
#include <stdint.h>
#include <tessera/netfront.h>

#define RAW_ECHO_ID	0x7e57	/* the id of netraw's echo requests */
#define RAW_SEQS	256	/* echo sequence numbers remembered */

struct raw {
	struct tessera_netfront nf;
	const struct tessera_net_params *p;
	uint8_t peer_ip[4];		/* whom ping and spoof talk to */
	uint8_t peer_mac[6];
	bool peer_known;		/* peer_mac is the peer's, from ARP */
	bool replied[RAW_SEQS];		/* an echo reply with this seq came */
	unsigned int answered;		/* echo requests answered */
	unsigned int tcp_to_port[2];	/* TCP frames to `watch`, to others */
	uint16_t watch;			/* the TCP port listen waits for */
	unsigned int syns_to_watch;
};

extern struct raw raw;

/* Opens the channel: 0, or 1 after saying why not. */
int raw_open(const char *channel);

/*
 * Waits for an event, or until system time `deadline` (0: none), then
 * takes every frame that came and every tx status.
 */
void raw_wait(uint64_t deadline);

/* Sends a frame and waits for its status, which it returns. */
int raw_send(const uint8_t *frame, size_t len);

/* Asks for the peer's MAC, once a second, 10 times at most. */
bool raw_arp_peer(void);

/* Whether the reply to echo `seq` came by `deadline`. */
bool raw_echo_reply(uint16_t seq, uint64_t deadline);

/* Says goodbye and waits for its status. */
void raw_close(void);

#endif
