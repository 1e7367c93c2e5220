/* SPDX-License-Identifier: MIT */
#ifndef NETDRV_FRAME_H
#define NETDRV_FRAME_H

/*
 * What netdrv reads of an Ethernet frame (frame.c): the fields its
 * firewall-router decides on, each found to lie inside the frame and
 * inside the lengths the frame's own headers claim. The pointers lead
 * into the frame, which must be netdrv's private copy: nothing is read
 * from memory a peer can still write.
 */

#include <stdbool.h>
#include <stdint.h>

#define NET_ETH_ARP	0x0806
#define NET_ETH_IPV4	0x0800

enum net_kind {
	NET_OTHER,	/* any other ethertype: denied both ways */
	NET_ARP,	/* an Ethernet/IPv4 ARP request or reply */
	NET_IPV4,
};

struct net_frame {
	const uint8_t *dst, *src;	/* Ethernet MACs */
	uint16_t ethertype;
	enum net_kind kind;
	/* NET_ARP */
	uint16_t arp_op;		/* 1 request, 2 reply */
	const uint8_t *sha, *spa, *tpa;	/* sender MAC and IPv4, target IPv4 */
	/* NET_IPV4 */
	const uint8_t *ip_src, *ip_dst;
	uint8_t proto;
	bool has_port;		/* the TCP or UDP header is whole: dport */
	uint16_t dport;
};

/*
 * Parses the `len` bytes at `data`: 0, or -EINVAL for a frame shorter
 * than an Ethernet header or longer than TESSERA_NETIF_FRAME_MAX, an ARP
 * packet that is cut short or not Ethernet/IPv4, an IPv4 header that is
 * not version 4, cut short or longer than its total length, a total
 * length beyond the frame, or a first (or only) fragment whose TCP or
 * UDP header is not whole. Later fragments carry no ports (has_port is
 * false): the first fragment holds the whole header, so no later one can
 * overlap the ports it was judged by.
 */
int net_frame_parse(struct net_frame *f, const uint8_t *data, uint32_t len);

/* A group (broadcast or multicast) MAC. */
static inline bool net_mac_group(const uint8_t *mac)
{
	return mac[0] & 1;
}

#endif
