// SPDX-License-Identifier: MIT
/*
 * netdrv's frame parser (partitions/netdrv/frame.c): the fields of
 * well-formed ARP and IPv4 frames, and -EINVAL for every length that
 * lies, cut short or stretched: the Ethernet header, ARP, the IPv4
 * header length and total length, TCP and UDP headers, first fragments.
 * Each frame is parsed from a heap block of exactly its length, so that
 * AddressSanitizer sees any read beyond it; random garbage is parsed the
 * same way.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <public/errno.h>
#include <public/io/netif.h>
#include "../../partitions/netdrv/frame.h"
#include <tessera/netframes.h>

static const uint8_t mac_a[6] = { 2, 0, 0, 0, 0, 0x10 };
static const uint8_t mac_b[6] = { 0x52, 0x55, 10, 0, 2, 2 };
static const uint8_t ip_a[4] = { 10, 0, 2, 16 }, ip_b[4] = { 10, 0, 2, 2 };

static uint8_t buf[TESSERA_NETIF_FRAME_MAX + 64];
static uint8_t *exact;		/* what f's pointers lead into */
static struct net_frame f;

/*
 * Parses the first len bytes of buf from a block of exactly len bytes,
 * which lives until the next parse.
 */
static int parse(size_t len)
{
	free(exact);
	exact = malloc(len ? len : 1);
	memcpy(exact, buf, len);
	return net_frame_parse(&f, exact, (uint32_t)len);
}

static size_t ipv4(uint8_t proto, uint16_t dport, size_t payload)
{
	return net_ipv4(buf, mac_b, mac_a, ip_a, ip_b, proto, dport, payload);
}

static void test_ethernet_lengths(void **state)
{
	net_eth(buf, mac_b, mac_a, 0x86dd, sizeof(buf) - 14);
	assert_int_equal(parse(0), -EINVAL);
	assert_int_equal(parse(13), -EINVAL);
	assert_int_equal(parse(TESSERA_NETIF_FRAME_MAX + 1), -EINVAL);
	assert_int_equal(parse(14), 0);
	assert_int_equal(f.kind, NET_OTHER);
	assert_int_equal(f.ethertype, 0x86dd);
	assert_int_equal(parse(TESSERA_NETIF_FRAME_MAX), 0);
	assert_true(f.dst[0] == mac_b[0] && f.src[5] == mac_a[5]);
}

static void test_arp_fields(void **state)
{
	size_t len = net_arp(buf, net_bcast, mac_a, 1, mac_a, ip_a, ip_b);

	assert_int_equal(len, 42);
	assert_int_equal(parse(len), 0);
	assert_int_equal(f.kind, NET_ARP);
	assert_int_equal(f.arp_op, 1);
	assert_memory_equal(f.sha, mac_a, 6);
	assert_memory_equal(f.spa, ip_a, 4);
	assert_memory_equal(f.tpa, ip_b, 4);
	assert_int_equal(parse(60), 0);		/* padded to the minimum */
}

static void test_arp_that_is_cut_or_not_ethernet_ipv4(void **state)
{
	static const struct { size_t at; uint8_t value; } bad[] = {
		{ 14 + 1, 2 },		/* hardware type 2 */
		{ 14 + 2, 0x86 },	/* protocol type 0x86dd */
		{ 14 + 4, 8 },		/* hardware length */
		{ 14 + 5, 16 },		/* protocol length */
		{ 14 + 7, 3 },		/* op 3 */
		{ 14 + 7, 0 },		/* op 0 */
	};
	size_t len = net_arp(buf, net_bcast, mac_a, 2, mac_a, ip_a, ip_b);

	assert_int_equal(parse(len - 1), -EINVAL);
	assert_int_equal(parse(len), 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		net_arp(buf, net_bcast, mac_a, 2, mac_a, ip_a, ip_b);
		buf[bad[i].at] = bad[i].value;
		assert_int_equal(parse(len), -EINVAL);
	}
}

static void test_ipv4_fields_and_ports(void **state)
{
	assert_int_equal(parse(ipv4(TESSERA_FW_UDP, 53, 4)), 0);
	assert_int_equal(f.kind, NET_IPV4);
	assert_int_equal(f.proto, TESSERA_FW_UDP);
	assert_true(f.has_port);
	assert_int_equal(f.dport, 53);
	assert_memory_equal(f.ip_src, ip_a, 4);
	assert_memory_equal(f.ip_dst, ip_b, 4);
	assert_int_equal(parse(ipv4(TESSERA_FW_TCP, 80, 0)), 0);
	assert_true(f.has_port);
	assert_int_equal(f.dport, 80);
	assert_int_equal(parse(ipv4(TESSERA_FW_ICMP, 0, 56)), 0);
	assert_int_equal(f.proto, TESSERA_FW_ICMP);
	assert_false(f.has_port);
	assert_int_equal(parse(ipv4(47, 0, 0)), 0);	/* GRE: no ports */
	assert_false(f.has_port);
}

static void test_ipv4_padding_and_options(void **state)
{
	size_t len = ipv4(TESSERA_FW_UDP, 53, 0);

	memset(buf + len, 0xee, 60 - len);
	assert_int_equal(parse(60), 0);		/* padded beyond total */
	assert_int_equal(f.dport, 53);
	/* one word of options moves the UDP header by 4 bytes */
	len = ipv4(TESSERA_FW_UDP, 53, 4);
	memmove(buf + NET_L4_AT + 4, buf + NET_L4_AT, NET_UDP_HDR);
	buf[NET_IP_AT] = 0x46;
	net_put16(buf + NET_IP_AT + 2, 24 + NET_UDP_HDR);
	assert_int_equal(parse(len), 0);
	assert_int_equal(f.dport, 53);
}

static void test_ipv4_header_lengths_that_lie(void **state)
{
	size_t len = ipv4(TESSERA_FW_ICMP, 0, 0);

	assert_int_equal(parse(14 + 19), -EINVAL);
	buf[NET_IP_AT] = 0x65;				/* version 6 */
	assert_int_equal(parse(len), -EINVAL);
	buf[NET_IP_AT] = 0x44;				/* 16-byte header */
	assert_int_equal(parse(len), -EINVAL);
	buf[NET_IP_AT] = 0x4f;				/* 60 > total 28 */
	assert_int_equal(parse(len), -EINVAL);
	buf[NET_IP_AT] = 0x45;
	net_put16(buf + NET_IP_AT + 2, 19);		/* total < header */
	assert_int_equal(parse(len), -EINVAL);
	net_put16(buf + NET_IP_AT + 2, (uint16_t)(len - 14 + 1)); /* beyond */
	assert_int_equal(parse(len), -EINVAL);
	net_put16(buf + NET_IP_AT + 2, 0xffff);
	assert_int_equal(parse(len), -EINVAL);
	net_put16(buf + NET_IP_AT + 2, (uint16_t)(len - 14));
	assert_int_equal(parse(len), 0);
}

static void test_transport_headers_that_are_not_whole(void **state)
{
	size_t len = ipv4(TESSERA_FW_UDP, 53, 0);

	net_put16(buf + NET_IP_AT + 2, 20 + NET_UDP_HDR - 1);
	assert_int_equal(parse(len), -EINVAL);
	len = ipv4(TESSERA_FW_TCP, 80, 0);
	net_put16(buf + NET_IP_AT + 2, 20 + NET_TCP_HDR - 1);
	assert_int_equal(parse(len), -EINVAL);
	net_put16(buf + NET_IP_AT + 2, 20 + 4);		/* ports only */
	assert_int_equal(parse(len), -EINVAL);
	len = ipv4(TESSERA_FW_TCP, 80, 0);
	buf[NET_L4_AT + 12] = 4 << 4;			/* data offset 16 */
	assert_int_equal(parse(len), -EINVAL);
	buf[NET_L4_AT + 12] = 6 << 4;			/* 24 > 20 there */
	assert_int_equal(parse(len), -EINVAL);
	len = ipv4(TESSERA_FW_TCP, 80, 4);
	assert_int_equal(parse(len), 0);		/* 24 of 24 */
}

static void test_fragments(void **state)
{
	size_t len = ipv4(TESSERA_FW_UDP, 53, 0);

	/* a first fragment (more fragments, offset 0) must hold the header */
	net_put16(buf + NET_IP_AT + 6, 0x2000);
	assert_int_equal(parse(len), 0);
	assert_true(f.has_port);
	net_put16(buf + NET_IP_AT + 2, 20 + 4);
	assert_int_equal(parse(len), -EINVAL);
	/* a later one has no header: no ports, whatever its bytes say */
	net_put16(buf + NET_IP_AT + 6, 0x2001);
	assert_int_equal(parse(len), 0);
	assert_false(f.has_port);
	net_put16(buf + NET_IP_AT + 6, 0x0001);	/* the last, offset 8 */
	assert_int_equal(parse(len), 0);
	assert_false(f.has_port);
}

static void test_garbage_is_parsed_within_its_bounds(void **state)
{
	srand(1);
	for (unsigned int round = 0; round < 20000; round++) {
		size_t len = (size_t)rand() % (TESSERA_NETIF_FRAME_MAX + 2);
		int ret;

		for (size_t i = 0; i < len; i++)
			buf[i] = (uint8_t)rand();
		/* steer half of them into the parsers behind the ethertype */
		if (len >= 14 && round % 2)
			net_put16(buf + 12, round % 4 == 1 ? 0x0800 : 0x0806);
		if (len >= 15 && round % 4 == 1)
			buf[NET_IP_AT] = (uint8_t)(0x40 | (buf[NET_IP_AT] & 0xf));
		ret = parse(len);
		assert_true(ret == 0 || ret == -EINVAL);
		if (ret == 0 && f.has_port)
			assert_true(f.kind == NET_IPV4);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ethernet_lengths),
		cmocka_unit_test(test_arp_fields),
		cmocka_unit_test(test_arp_that_is_cut_or_not_ethernet_ipv4),
		cmocka_unit_test(test_ipv4_fields_and_ports),
		cmocka_unit_test(test_ipv4_padding_and_options),
		cmocka_unit_test(test_ipv4_header_lengths_that_lie),
		cmocka_unit_test(test_transport_headers_that_are_not_whole),
		cmocka_unit_test(test_fragments),
		cmocka_unit_test(test_garbage_is_parsed_within_its_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
