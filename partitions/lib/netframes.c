// SPDX-License-Identifier: MIT
/* Ethernet, ARP and IPv4 frames built by hand (<tessera/netframes.h>). */
#include <string.h>
#include <tessera/netframes.h>

const uint8_t net_bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

void net_put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

uint16_t net_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

uint16_t net_checksum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += net_get16(p + i);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

size_t net_eth(uint8_t *buf, const uint8_t *dst, const uint8_t *src,
	       uint16_t type, size_t payload)
{
	memcpy(buf, dst, 6);
	memcpy(buf + 6, src, 6);
	net_put16(buf + 12, type);
	memset(buf + 14, 0, payload);
	return 14 + payload;
}

size_t net_arp(uint8_t *buf, const uint8_t *dst, const uint8_t *src,
	       uint16_t op, const uint8_t *sha, const uint8_t *spa,
	       const uint8_t *tpa)
{
	uint8_t *a = buf + 14;
	size_t len = net_eth(buf, dst, src, 0x0806, 28);

	net_put16(a, 1);
	net_put16(a + 2, 0x0800);
	a[4] = 6;
	a[5] = 4;
	net_put16(a + 6, op);
	memcpy(a + 8, sha, 6);
	memcpy(a + 14, spa, 4);
	memcpy(a + 24, tpa, 4);
	return len;
}

static size_t net_l4_bytes(uint8_t proto)
{
	switch (proto) {
	case 1:
		return NET_ICMP_HDR;
	case 6:
		return NET_TCP_HDR;
	case 17:
		return NET_UDP_HDR;
	}
	return 0;
}

size_t net_ipv4(uint8_t *buf, const uint8_t *dst, const uint8_t *src,
		const uint8_t *ip_src, const uint8_t *ip_dst, uint8_t proto,
		uint16_t dport, size_t payload)
{
	size_t l4 = net_l4_bytes(proto), total = 20 + l4 + payload;
	uint8_t *ip = buf + NET_IP_AT, *h = buf + NET_L4_AT;

	net_eth(buf, dst, src, 0x0800, total);
	ip[0] = 0x45;
	net_put16(ip + 2, (uint16_t)total);
	ip[8] = 64;
	ip[9] = proto;
	memcpy(ip + 12, ip_src, 4);
	memcpy(ip + 16, ip_dst, 4);
	if (proto == 1)
		h[0] = 8;			/* echo request */
	if (proto == 6 || proto == 17) {
		net_put16(h, 40000);
		net_put16(h + 2, dport);
	}
	if (proto == 6) {
		h[12] = 5 << 4;			/* data offset: 20 bytes */
		h[13] = 0x02;			/* SYN */
	}
	net_put16(ip + 10, net_checksum(ip, 20));
	return 14 + total;
}

size_t net_icmp_echo(uint8_t *buf, const uint8_t *dst, const uint8_t *src,
		     const uint8_t *ip_src, const uint8_t *ip_dst, uint16_t id,
		     uint16_t seq, size_t payload)
{
	size_t len = net_ipv4(buf, dst, src, ip_src, ip_dst, 1, 0, payload);
	uint8_t *h = buf + NET_L4_AT;

	net_put16(h + 4, id);
	net_put16(h + 6, seq);
	for (size_t i = 0; i < payload; i++)
		h[NET_ICMP_HDR + i] = (uint8_t)i;
	net_put16(h + 2, net_checksum(h, NET_ICMP_HDR + payload));
	return len;
}
