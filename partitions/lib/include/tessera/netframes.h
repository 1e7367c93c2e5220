/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_NETFRAMES_H
#define TESSERA_LIB_NETFRAMES_H

/*
 * Frames (partitions/lib/netframes.c) for programs that speak to a
 * network through netfront without a TCP/IP stack (partitions/probe,
 * tests/programs/netraw), and for the host tests of netdrv's parser and
 * firewall-router, which then cut, stretch or corrupt them: well-formed
 * Ethernet frames with ARP or IPv4 (ICMP echo, UDP, TCP SYN), checksums
 * right. Each builder writes into `buf` (TESSERA_NETIF_FRAME_MAX bytes)
 * and returns the frame's length. Addresses are in network order.
 */

#include <stddef.h>
#include <stdint.h>

#define NET_ICMP_HDR	8
#define NET_UDP_HDR	8
#define NET_TCP_HDR	20
#define NET_IP_AT	14	/* the IPv4 header's offset in a frame */
#define NET_L4_AT	34	/* the TCP/UDP/ICMP header's, no options */

extern const uint8_t net_bcast[6];

size_t net_arp(uint8_t *buf, const uint8_t *dst, const uint8_t *src,
	       uint16_t op, const uint8_t *sha, const uint8_t *spa,
	       const uint8_t *tpa);

/*
 * IPv4 of `proto` (ICMP echo, UDP or TCP SYN, whose header sets dport;
 * any other: no header) with `payload` bytes after the header.
 */
size_t net_ipv4(uint8_t *buf, const uint8_t *dst, const uint8_t *src,
		const uint8_t *ip_src, const uint8_t *ip_dst, uint8_t proto,
		uint16_t dport, size_t payload);

/* An Ethernet header of ethertype `type` and `payload` zero bytes. */
size_t net_eth(uint8_t *buf, const uint8_t *dst, const uint8_t *src,
	       uint16_t type, size_t payload);

/* An ICMP echo request of `payload` bytes, with its id and sequence. */
size_t net_icmp_echo(uint8_t *buf, const uint8_t *dst, const uint8_t *src,
		     const uint8_t *ip_src, const uint8_t *ip_dst, uint16_t id,
		     uint16_t seq, size_t payload);

void net_put16(uint8_t *p, uint16_t v);
uint16_t net_get16(const uint8_t *p);

/* The Internet checksum of `len` bytes (RFC 1071), to store as is. */
uint16_t net_checksum(const uint8_t *p, size_t len);

#endif
