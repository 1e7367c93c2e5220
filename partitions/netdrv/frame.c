// SPDX-License-Identifier: MIT
/*
 * Frame parsing for netdrv's firewall-router (frame.h): every length a
 * header claims is checked against what is there before a field behind
 * it is read, and a frame that lies about its lengths is malformed.
 */

#include <string.h>
#include <public/errno.h>
#include <public/io/netif.h>
#include "frame.h"

#define ARP_BYTES	28	/* Ethernet/IPv4: 8 + 2 * (6 + 4) */
#define IPV4_MIN	20
#define IPV4_FRAG_MASK	0x1fff	/* the fragment offset, in 8-byte units */
#define UDP_BYTES	8
#define TCP_MIN		20

static uint16_t net_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static int net_parse_arp(struct net_frame *f, const uint8_t *p, uint32_t len)
{
	if (len < ARP_BYTES || net_be16(p) != 1 ||
	    net_be16(p + 2) != NET_ETH_IPV4 || p[4] != 6 || p[5] != 4)
		return -EINVAL;
	f->arp_op = net_be16(p + 6);
	if (f->arp_op != 1 && f->arp_op != 2)
		return -EINVAL;
	f->sha = p + 8;
	f->spa = p + 14;
	f->tpa = p + 24;
	return 0;
}

/* The ports of a first (or only) fragment's `len` bytes of payload. */
static int net_parse_ports(struct net_frame *f, const uint8_t *p, uint32_t len)
{
	if (f->proto == TESSERA_FW_UDP && len < UDP_BYTES)
		return -EINVAL;
	if (f->proto == TESSERA_FW_TCP &&
	    (len < TCP_MIN || (p[12] >> 4) * 4 < TCP_MIN ||
	     (uint32_t)(p[12] >> 4) * 4 > len))
		return -EINVAL;
	f->has_port = true;
	f->dport = net_be16(p + 2);
	return 0;
}

static int net_parse_ipv4(struct net_frame *f, const uint8_t *p, uint32_t len)
{
	uint32_t hlen, total;

	if (len < IPV4_MIN || p[0] >> 4 != 4)
		return -EINVAL;
	hlen = (uint32_t)(p[0] & 0xf) * 4;
	total = net_be16(p + 2);
	/* Ethernet pads short packets: the frame may hold more than total */
	if (hlen < IPV4_MIN || total < hlen || total > len)
		return -EINVAL;
	f->proto = p[9];
	f->ip_src = p + 12;
	f->ip_dst = p + 16;
	if (net_be16(p + 6) & IPV4_FRAG_MASK)
		return 0;
	if (f->proto != TESSERA_FW_TCP && f->proto != TESSERA_FW_UDP)
		return 0;
	return net_parse_ports(f, p + hlen, total - hlen);
}

int net_frame_parse(struct net_frame *f, const uint8_t *data, uint32_t len)
{
	memset(f, 0, sizeof(*f));
	if (len < TESSERA_NETIF_HEADER || len > TESSERA_NETIF_FRAME_MAX)
		return -EINVAL;
	f->dst = data;
	f->src = data + 6;
	f->ethertype = net_be16(data + 12);
	data += TESSERA_NETIF_HEADER;
	len -= TESSERA_NETIF_HEADER;
	if (f->ethertype == NET_ETH_ARP) {
		f->kind = NET_ARP;
		return net_parse_arp(f, data, len);
	}
	if (f->ethertype == NET_ETH_IPV4) {
		f->kind = NET_IPV4;
		return net_parse_ipv4(f, data, len);
	}
	return 0;
}
