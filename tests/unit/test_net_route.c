// SPDX-License-Identifier: MIT
/*
 * netdrv's switch (partitions/netdrv/route.c) with the NIC and the vifs'
 * rings played by the test: a frame goes where the firewall-router says
 * and nowhere else; its sender gets 0 when any place took it and -EAGAIN
 * when none had room; and each outcome lands in its counter (wire tx,
 * in, no-room, no-buffer), refusals reaching neither the NIC nor a vif.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <public/errno.h>
#include "../../partitions/netdrv/netdrv.h"
#include "../../partitions/netdrv/nic.h"
#include <tessera/netframes.h>

#define A	0	/* 10.0.2.16, icmp allowed in */
#define B	1	/* 10.0.2.17, icmp allowed in */

static const uint8_t mac_a[6] = { 2, 0, 0, 0, 0, 0x10 };
static const uint8_t mac_b[6] = { 2, 0, 0, 0, 0, 0x11 };
static const uint8_t mac_gw[6] = { 0x52, 0x55, 10, 0, 2, 2 };
static const uint8_t ip_a[4] = { 10, 0, 2, 16 }, ip_b[4] = { 10, 0, 2, 17 };
static const uint8_t ip_gw[4] = { 10, 0, 2, 2 };
static const uint8_t ip_bcast[4] = { 10, 0, 2, 255 };

static uint8_t frame[TESSERA_NETIF_FRAME_MAX];
static size_t len;

/* what the NIC and the vifs' rx rings do with a frame, and saw */
static int nic_result, vif_result[2];
static unsigned int nic_frames, vif_frames[2];

int nic_send(const uint8_t *f, uint32_t n)
{
	assert_int_equal(n, len);
	nic_frames++;
	return nic_result;
}

int vif_deliver(struct vif *v, const uint8_t *f, uint32_t n)
{
	unsigned int i = (unsigned int)(v - netdrv_vifs);

	assert_true(i < 2);
	assert_memory_equal(f, frame, n);
	vif_frames[i]++;
	return vif_result[i];
}

static void add(const uint8_t *mac, const uint8_t *ip)
{
	struct tessera_net_params p = { .prefix_len = 24, .nr_rules = 1 };

	memcpy(p.mac, mac, 6);
	memcpy(p.ip, ip, 4);
	p.rules[0] = (struct tessera_fw_rule){ .action = TESSERA_FW_ALLOW,
		.direction = TESSERA_FW_IN, .protocol = TESSERA_FW_ICMP,
		.port_max = 0xffff };
	assert_true(vfr_add(&netdrv_vfr, &p) >= 0);
}

static int setup(void **state)
{
	memset(&netdrv_vfr, 0, sizeof(netdrv_vfr));
	add(mac_a, ip_a);
	add(mac_b, ip_b);
	nic_result = vif_result[A] = vif_result[B] = 0;
	nic_frames = vif_frames[A] = vif_frames[B] = 0;
	return 0;
}

static const struct vfr_counters *counters(unsigned int i)
{
	return &netdrv_vfr.vifs[i].c;
}

static int from_a(const uint8_t *dst, const uint8_t *ip_dst)
{
	len = net_icmp_echo(frame, dst, mac_a, ip_a, ip_dst, 1, 1, 8);
	return netdrv_from_vif(A, frame, (uint32_t)len);
}

static void test_to_the_wire(void **state)
{
	assert_int_equal(from_a(mac_gw, ip_gw), 0);
	assert_int_equal(nic_frames, 1);
	assert_int_equal(netdrv_vfr.wire.tx, 1);
	nic_result = -EAGAIN;
	assert_int_equal(from_a(mac_gw, ip_gw), -EAGAIN);
	assert_int_equal(netdrv_vfr.wire.tx, 1);
	assert_int_equal(counters(A)->no_room, 1);
	assert_int_equal(counters(A)->out, 2);
	assert_int_equal(vif_frames[A] + vif_frames[B], 0);
}

static void test_to_a_neighbour(void **state)
{
	assert_int_equal(from_a(mac_b, ip_b), 0);
	assert_int_equal(counters(B)->in, 1);
	vif_result[B] = -EAGAIN;
	assert_int_equal(from_a(mac_b, ip_b), -EAGAIN);
	assert_int_equal(counters(B)->no_buffer, 1);
	assert_int_equal(counters(A)->no_room, 1);
	assert_int_equal(vif_frames[B], 2);
	assert_int_equal(nic_frames, 0);
}

static void test_a_broadcast_taken_somewhere_is_passed(void **state)
{
	vif_result[B] = -EAGAIN;
	assert_int_equal(from_a(net_bcast, ip_bcast), 0);
	assert_int_equal(nic_frames, 1);
	assert_int_equal(vif_frames[B], 1);
	assert_int_equal(vif_frames[A], 0);
	assert_int_equal(counters(B)->no_buffer, 1);
	assert_int_equal(counters(A)->no_room, 0);
}

static void test_refusals_go_nowhere(void **state)
{
	len = net_icmp_echo(frame, mac_gw, mac_b, ip_a, ip_gw, 1, 1, 8);
	assert_int_equal(netdrv_from_vif(A, frame, (uint32_t)len), -EPERM);
	len = net_eth(frame, mac_gw, mac_a, 0x86dd, 40);
	assert_int_equal(netdrv_from_vif(A, frame, (uint32_t)len), -EACCES);
	assert_int_equal(nic_frames + vif_frames[A] + vif_frames[B], 0);
	assert_int_equal(counters(A)->out, 0);
}

static void test_from_the_wire(void **state)
{
	len = net_icmp_echo(frame, mac_a, mac_gw, ip_gw, ip_a, 1, 1, 8);
	netdrv_from_wire(frame, (uint32_t)len);
	assert_int_equal(counters(A)->in, 1);
	vif_result[A] = -EAGAIN;
	netdrv_from_wire(frame, (uint32_t)len);
	assert_int_equal(counters(A)->no_buffer, 1);
	assert_int_equal(vif_frames[A], 2);
	assert_int_equal(vif_frames[B] + nic_frames, 0);
	assert_int_equal(netdrv_vfr.wire.rx, 2);
}

#define ROUTE_TEST(t) cmocka_unit_test_setup(t, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		ROUTE_TEST(test_to_the_wire),
		ROUTE_TEST(test_to_a_neighbour),
		ROUTE_TEST(test_a_broadcast_taken_somewhere_is_passed),
		ROUTE_TEST(test_refusals_go_nowhere),
		ROUTE_TEST(test_from_the_wire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
