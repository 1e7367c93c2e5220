// SPDX-License-Identifier: MIT
/*
 * netdrv's virtual firewall-router (partitions/netdrv/vfr.c), each rule
 * of public/io/netif.h on its own: anti-spoofing in every form (source
 * MAC, IPv4 source, ARP sender MAC and address, a neighbour's address)
 * and from the wire; first match with port ranges, default deny in and
 * allow out, ICMP and later fragments against port rules; ARP passed to
 * the interface whose address it concerns and to no one else; other
 * ethertypes denied; frames between two interfaces through the sender's
 * out rules, then the receiver's in rules; the counters of each; and
 * random frames from both sides, routed only within the interfaces.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <public/errno.h>
#include "../../partitions/netdrv/vfr.h"
#include <tessera/netframes.h>

#define WEB	0	/* vifs[0]: 10.0.2.16 */
#define DB	1	/* vifs[1]: 10.0.2.17 */
#define BIT(i)	(1u << (i))

static const uint8_t mac_web[6] = { 2, 0, 0, 0, 0, 0x10 };
static const uint8_t mac_db[6] = { 2, 0, 0, 0, 0, 0x11 };
static const uint8_t mac_gw[6] = { 0x52, 0x55, 10, 0, 2, 2 };
static const uint8_t mac_other[6] = { 2, 0, 0, 0, 0, 0x99 };
static const uint8_t ip_web[4] = { 10, 0, 2, 16 }, ip_db[4] = { 10, 0, 2, 17 };
static const uint8_t ip_gw[4] = { 10, 0, 2, 2 }, ip_other[4] = { 10, 0, 2, 99 };
static const uint8_t ip_bcast[4] = { 10, 0, 2, 255 };

static struct vfr v;
static struct vfr_route r;
static uint8_t buf[TESSERA_NETIF_FRAME_MAX];
static size_t len;

static struct tessera_fw_rule rule(uint8_t action, uint8_t direction,
				   uint8_t protocol, uint16_t min, uint16_t max)
{
	return (struct tessera_fw_rule){ .action = action,
		.direction = direction, .protocol = protocol,
		.port_min = min, .port_max = max };
}

static void add(const uint8_t *mac, const uint8_t *ip, unsigned int nr_rules,
		const struct tessera_fw_rule *rules)
{
	struct tessera_net_params p = { .prefix_len = 24, .nr_rules = nr_rules };

	memcpy(p.mac, mac, 6);
	memcpy(p.ip, ip, 4);
	memcpy(p.gateway, ip_gw, 4);
	if (nr_rules)
		memcpy(p.rules, rules, nr_rules * sizeof(*rules));
	assert_true(vfr_add(&v, &p) >= 0);
}

/* web, with no rules; db, with udp 53 allowed in */
static int setup(void **state)
{
	struct tessera_fw_rule dns = rule(TESSERA_FW_ALLOW, TESSERA_FW_IN,
					  TESSERA_FW_UDP, 53, 53);

	memset(&v, 0, sizeof(v));
	add(mac_web, ip_web, 0, NULL);
	add(mac_db, ip_db, 1, &dns);
	return 0;
}

static void set_rules(unsigned int vif, unsigned int n,
		      const struct tessera_fw_rule *rules)
{
	v.vifs[vif].p.nr_rules = (uint8_t)n;
	memcpy(v.vifs[vif].p.rules, rules, n * sizeof(*rules));
}

static int from(unsigned int vif)
{
	return vfr_from_vif(&v, vif, buf, (uint32_t)len, &r);
}

static void wire(void)
{
	vfr_from_wire(&v, buf, (uint32_t)len, &r);
}

static void assert_route(uint32_t vifs, bool to_wire)
{
	assert_int_equal(r.vifs, vifs);
	assert_int_equal(r.wire, to_wire);
}

/* A frame web sends towards the gateway. */
static size_t web_ip(uint8_t proto, uint16_t dport)
{
	return net_ipv4(buf, mac_gw, mac_web, ip_web, ip_gw, proto, dport, 8);
}

/* A frame the gateway sends to web. */
static size_t gw_ip(uint8_t proto, uint16_t dport)
{
	return net_ipv4(buf, mac_web, mac_gw, ip_gw, ip_web, proto, dport, 8);
}

static void test_own_frames_go_out(void **state)
{
	len = net_arp(buf, net_bcast, mac_web, 1, mac_web, ip_web, ip_gw);
	assert_int_equal(from(WEB), 0);
	assert_route(0, true);
	len = web_ip(TESSERA_FW_ICMP, 0);
	assert_int_equal(from(WEB), 0);
	assert_route(0, true);
	len = web_ip(TESSERA_FW_TCP, 443);
	assert_int_equal(from(WEB), 0);
	assert_int_equal(v.vifs[WEB].c.out, 3);
	assert_int_equal(v.vifs[WEB].c.spoofed + v.vifs[WEB].c.denied_out +
			 v.vifs[WEB].c.malformed, 0);
}

static void assert_spoofed(unsigned int n)
{
	assert_int_equal(from(WEB), -EPERM);
	assert_route(0, false);
	assert_int_equal(v.vifs[WEB].c.spoofed, n);
	assert_int_equal(v.vifs[WEB].c.out, 0);
}

static void test_spoofing_in_all_its_forms(void **state)
{
	/* source MAC: another's, a neighbour vif's, broadcast */
	len = net_ipv4(buf, mac_gw, mac_other, ip_web, ip_gw, 1, 0, 8);
	assert_spoofed(1);
	len = net_ipv4(buf, mac_gw, mac_db, ip_web, ip_gw, 1, 0, 8);
	assert_spoofed(2);
	len = net_ipv4(buf, mac_gw, net_bcast, ip_web, ip_gw, 1, 0, 8);
	assert_spoofed(3);
	/* IPv4 source: another's, the neighbour's, 0.0.0.0 */
	len = net_ipv4(buf, mac_gw, mac_web, ip_other, ip_gw, 1, 0, 8);
	assert_spoofed(4);
	len = net_ipv4(buf, mac_gw, mac_web, ip_db, ip_gw, 17, 53, 8);
	assert_spoofed(5);
	len = net_ipv4(buf, mac_gw, mac_web, (uint8_t[4]){ 0 }, ip_gw, 17, 67, 8);
	assert_spoofed(6);
	/* ARP sender MAC, ARP sender address, in a request and a reply */
	len = net_arp(buf, net_bcast, mac_web, 1, mac_other, ip_web, ip_gw);
	assert_spoofed(7);
	len = net_arp(buf, net_bcast, mac_web, 1, mac_web, ip_gw, ip_gw);
	assert_spoofed(8);
	len = net_arp(buf, mac_gw, mac_web, 2, mac_web, ip_db, ip_gw);
	assert_spoofed(9);
	/* another ethertype is judged by its source first */
	len = net_eth(buf, mac_gw, mac_db, 0x86dd, 40);
	assert_spoofed(10);
}

static void test_malformed_frames_from_a_vif(void **state)
{
	len = web_ip(TESSERA_FW_UDP, 53);
	buf[NET_IP_AT] = 0x4f;
	assert_int_equal(from(WEB), -EINVAL);
	len = 13;
	assert_int_equal(from(WEB), -EINVAL);
	len = TESSERA_NETIF_FRAME_MAX + 1;
	assert_int_equal(vfr_from_vif(&v, WEB, (uint8_t[TESSERA_NETIF_FRAME_MAX + 1]){ 0 },
				      (uint32_t)len, &r), -EINVAL);
	assert_route(0, false);
	assert_int_equal(v.vifs[WEB].c.malformed, 3);
	assert_int_equal(v.vifs[WEB].c.out, 0);
}

static void test_other_ethertypes_are_denied_both_ways(void **state)
{
	len = net_eth(buf, mac_gw, mac_web, 0x86dd, 40);
	assert_int_equal(from(WEB), -EACCES);
	len = net_eth(buf, net_bcast, mac_web, 0x8100, 40);
	assert_int_equal(from(WEB), -EACCES);
	assert_int_equal(v.vifs[WEB].c.denied_out, 2);
	len = net_eth(buf, mac_web, mac_gw, 0x86dd, 40);
	wire();
	assert_route(0, false);
	assert_int_equal(v.wire.dropped, 1);
}

static void test_deny_out_icmp_leaves_arp_and_the_rest(void **state)
{
	struct tessera_fw_rule deny = rule(TESSERA_FW_DENY, TESSERA_FW_OUT,
					   TESSERA_FW_ICMP, 0, 0xffff);

	set_rules(WEB, 1, &deny);
	len = web_ip(TESSERA_FW_ICMP, 0);
	assert_int_equal(from(WEB), -EACCES);
	assert_route(0, false);
	len = net_arp(buf, net_bcast, mac_web, 1, mac_web, ip_web, ip_gw);
	assert_int_equal(from(WEB), 0);
	len = web_ip(TESSERA_FW_UDP, 53);
	assert_int_equal(from(WEB), 0);
	assert_int_equal(v.vifs[WEB].c.denied_out, 1);
	assert_int_equal(v.vifs[WEB].c.out, 2);
}

static void test_the_first_matching_rule_decides(void **state)
{
	const struct tessera_fw_rule allow_first[] = {
		rule(TESSERA_FW_ALLOW, TESSERA_FW_OUT, TESSERA_FW_ICMP, 0, 0xffff),
		rule(TESSERA_FW_DENY, TESSERA_FW_OUT, TESSERA_FW_ANY, 0, 0xffff),
	};
	const struct tessera_fw_rule deny_first[] = {
		rule(TESSERA_FW_DENY, TESSERA_FW_OUT, TESSERA_FW_ANY, 0, 0xffff),
		rule(TESSERA_FW_ALLOW, TESSERA_FW_OUT, TESSERA_FW_TCP, 80, 80),
	};

	set_rules(WEB, 2, allow_first);
	len = web_ip(TESSERA_FW_ICMP, 0);
	assert_int_equal(from(WEB), 0);
	len = web_ip(TESSERA_FW_TCP, 80);
	assert_int_equal(from(WEB), -EACCES);
	set_rules(WEB, 2, deny_first);
	assert_int_equal(from(WEB), -EACCES);
	/* a rule of the other direction never matches */
	set_rules(WEB, 2, allow_first);
	len = gw_ip(TESSERA_FW_ICMP, 0);
	wire();
	assert_route(0, false);
	assert_int_equal(v.vifs[WEB].c.denied_in, 1);
}

static void test_in_is_denied_unless_a_rule_allows(void **state)
{
	const struct tessera_fw_rule range =
		rule(TESSERA_FW_ALLOW, TESSERA_FW_IN, TESSERA_FW_TCP, 1000, 2000);
	static const struct { uint16_t port; bool in; } cases[] = {
		{ 22, false }, { 999, false }, { 1000, true }, { 1500, true },
		{ 2000, true }, { 2001, false },
	};

	len = gw_ip(TESSERA_FW_ICMP, 0);
	wire();
	assert_route(0, false);
	set_rules(WEB, 1, &range);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		len = gw_ip(TESSERA_FW_TCP, cases[i].port);
		wire();
		assert_route(cases[i].in ? BIT(WEB) : 0, false);
	}
	len = gw_ip(TESSERA_FW_UDP, 1500);		/* another protocol */
	wire();
	assert_route(0, false);
	assert_int_equal(v.vifs[WEB].c.denied_in, 5);
	assert_int_equal(v.wire.rx, 8);
}

static void test_port_rules_and_frames_without_ports(void **state)
{
	const struct tessera_fw_rule tcp_all =
		rule(TESSERA_FW_ALLOW, TESSERA_FW_IN, TESSERA_FW_TCP, 0, 0xffff);
	const struct tessera_fw_rule tcp_80 =
		rule(TESSERA_FW_ALLOW, TESSERA_FW_IN, TESSERA_FW_TCP, 80, 80);
	const struct tessera_fw_rule any_80 =
		rule(TESSERA_FW_ALLOW, TESSERA_FW_IN, TESSERA_FW_ANY, 80, 80);
	const struct tessera_fw_rule any_all =
		rule(TESSERA_FW_ALLOW, TESSERA_FW_IN, TESSERA_FW_ANY, 0, 0xffff);

	len = gw_ip(TESSERA_FW_ICMP, 0);
	set_rules(WEB, 1, &any_80);
	wire();
	assert_route(0, false);
	set_rules(WEB, 1, &any_all);
	wire();
	assert_route(BIT(WEB), false);
	/* a later fragment of TCP to port 80 has no port to match 80 by */
	len = gw_ip(TESSERA_FW_TCP, 80);
	net_put16(buf + NET_IP_AT + 6, 0x0003);
	set_rules(WEB, 1, &tcp_80);
	wire();
	assert_route(0, false);
	set_rules(WEB, 1, &tcp_all);
	wire();
	assert_route(BIT(WEB), false);
	net_put16(buf + NET_IP_AT + 6, 0);
	set_rules(WEB, 1, &any_80);
	wire();
	assert_route(BIT(WEB), false);
}

static void test_arp_goes_to_the_interface_it_concerns(void **state)
{
	/* requests from the gateway, broadcast: only the vif asked for */
	len = net_arp(buf, net_bcast, mac_gw, 1, mac_gw, ip_gw, ip_web);
	wire();
	assert_route(BIT(WEB), false);
	len = net_arp(buf, net_bcast, mac_gw, 1, mac_gw, ip_gw, ip_db);
	wire();
	assert_route(BIT(DB), false);
	len = net_arp(buf, net_bcast, mac_gw, 1, mac_gw, ip_gw, ip_other);
	wire();
	assert_route(0, false);
	/* a reply to web about web; one to web's MAC that concerns db */
	len = net_arp(buf, mac_web, mac_gw, 2, mac_gw, ip_gw, ip_web);
	wire();
	assert_route(BIT(WEB), false);
	len = net_arp(buf, mac_web, mac_gw, 2, mac_gw, ip_gw, ip_db);
	wire();
	assert_route(0, false);
	assert_int_equal(v.wire.dropped, 2);
	assert_int_equal(v.vifs[WEB].c.denied_in + v.vifs[DB].c.denied_in, 0);
}

static void test_between_vifs_out_then_in_rules(void **state)
{
	const struct tessera_fw_rule no_udp_out =
		rule(TESSERA_FW_DENY, TESSERA_FW_OUT, TESSERA_FW_UDP, 0, 0xffff);

	/* web asks for db's address: to db alone, never the wire */
	len = net_arp(buf, net_bcast, mac_web, 1, mac_web, ip_web, ip_db);
	assert_int_equal(from(WEB), 0);
	assert_route(BIT(DB), false);
	/* db allows udp 53 in, nothing else */
	len = net_ipv4(buf, mac_db, mac_web, ip_web, ip_db, TESSERA_FW_UDP, 53, 8);
	assert_int_equal(from(WEB), 0);
	assert_route(BIT(DB), false);
	len = net_ipv4(buf, mac_db, mac_web, ip_web, ip_db, TESSERA_FW_TCP, 53, 8);
	assert_int_equal(from(WEB), -EACCES);
	assert_route(0, false);
	assert_int_equal(v.vifs[DB].c.denied_in, 1);
	assert_int_equal(v.vifs[WEB].c.out, 3);
	/* web's own out rules come first */
	set_rules(WEB, 1, &no_udp_out);
	len = net_ipv4(buf, mac_db, mac_web, ip_web, ip_db, TESSERA_FW_UDP, 53, 8);
	assert_int_equal(from(WEB), -EACCES);
	assert_int_equal(v.vifs[WEB].c.denied_out, 1);
	assert_int_equal(v.vifs[DB].c.denied_in, 1);
}

static void test_group_destinations(void **state)
{
	/* a broadcast from web: the wire and db, through db's in rules */
	len = net_ipv4(buf, net_bcast, mac_web, ip_web, ip_bcast,
		       TESSERA_FW_UDP, 53, 8);
	assert_int_equal(from(WEB), 0);
	assert_route(BIT(DB), true);
	len = net_ipv4(buf, net_bcast, mac_web, ip_web, ip_bcast,
		       TESSERA_FW_UDP, 67, 8);
	assert_int_equal(from(WEB), 0);
	assert_route(0, true);
	/* from the wire: every vif whose rules let it in */
	len = net_ipv4(buf, net_bcast, mac_gw, ip_gw, ip_bcast,
		       TESSERA_FW_UDP, 53, 8);
	wire();
	assert_route(BIT(DB), false);
	assert_int_equal(v.vifs[WEB].c.denied_in, 1);
	/* unicast to a MAC no vif has is dropped */
	len = net_ipv4(buf, mac_other, mac_gw, ip_gw, ip_web, 17, 53, 8);
	wire();
	assert_route(0, false);
	assert_int_equal(v.wire.dropped, 1);
}

static void test_the_wire_cannot_claim_a_vif(void **state)
{
	const struct tessera_fw_rule any =
		rule(TESSERA_FW_ALLOW, TESSERA_FW_IN, TESSERA_FW_ANY, 0, 0xffff);

	set_rules(WEB, 1, &any);
	len = net_ipv4(buf, mac_web, mac_db, ip_gw, ip_web, 1, 0, 8);
	wire();
	assert_route(0, false);
	len = net_ipv4(buf, mac_web, mac_gw, ip_db, ip_web, 1, 0, 8);
	wire();
	assert_route(0, false);
	len = net_arp(buf, mac_web, mac_gw, 2, mac_gw, ip_db, ip_web);
	wire();
	assert_route(0, false);
	len = net_arp(buf, net_bcast, mac_gw, 1, mac_db, ip_gw, ip_web);
	wire();
	assert_route(0, false);
	assert_int_equal(v.wire.spoofed, 4);
	len = gw_ip(TESSERA_FW_ICMP, 0);
	wire();
	assert_route(BIT(WEB), false);
	buf[NET_IP_AT + 2] = 0xff;		/* total length beyond */
	wire();
	assert_route(0, false);
	assert_int_equal(v.wire.malformed, 1);
	assert_int_equal(v.wire.rx, 6);
}

static void test_add_bounds_interfaces_and_rules(void **state)
{
	struct tessera_net_params p = { .nr_rules = 255 };

	for (unsigned int i = v.nr; i < VFR_VIFS_MAX; i++)
		assert_int_equal(vfr_add(&v, &p), (int)i);
	assert_int_equal(vfr_add(&v, &p), -ENOMEM);
	assert_int_equal(v.vifs[VFR_VIFS_MAX - 1].p.nr_rules,
			 TESSERA_NETIF_RULES_MAX);
}

static void assert_route_within(void)
{
	assert_int_equal(r.vifs & ~(BIT(v.nr) - 1), 0);
}

/* Random frames both ways, half with web's own source stamped on. */
static void test_random_frames_route_within_the_vifs(void **state)
{
	srand(2);
	for (unsigned int round = 0; round < 20000; round++) {
		int ret;

		len = 14 + (size_t)rand() % (TESSERA_NETIF_FRAME_MAX - 13);
		for (size_t i = 0; i < len; i++)
			buf[i] = (uint8_t)rand();
		if (round % 2) {
			net_ipv4(buf, round % 4 == 1 ? mac_db : net_bcast,
				 mac_web, ip_web, ip_db, buf[NET_IP_AT + 9],
				 0, 0);
			net_put16(buf + NET_IP_AT + 2, (uint16_t)rand());
		}
		ret = from(WEB);
		assert_true(ret == 0 || ret == -EINVAL || ret == -EPERM ||
			    ret == -EACCES);
		assert_true(ret == 0 || (!r.vifs && !r.wire));
		assert_false(r.vifs & BIT(WEB));
		assert_route_within();
		wire();
		assert_false(r.wire);
		assert_route_within();
	}
}

#define VFR_TEST(t) cmocka_unit_test_setup(t, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		VFR_TEST(test_own_frames_go_out),
		VFR_TEST(test_spoofing_in_all_its_forms),
		VFR_TEST(test_malformed_frames_from_a_vif),
		VFR_TEST(test_other_ethertypes_are_denied_both_ways),
		VFR_TEST(test_deny_out_icmp_leaves_arp_and_the_rest),
		VFR_TEST(test_the_first_matching_rule_decides),
		VFR_TEST(test_in_is_denied_unless_a_rule_allows),
		VFR_TEST(test_port_rules_and_frames_without_ports),
		VFR_TEST(test_arp_goes_to_the_interface_it_concerns),
		VFR_TEST(test_between_vifs_out_then_in_rules),
		VFR_TEST(test_group_destinations),
		VFR_TEST(test_the_wire_cannot_claim_a_vif),
		VFR_TEST(test_add_bounds_interfaces_and_rules),
		VFR_TEST(test_random_frames_route_within_the_vifs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
