/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_IO_NETIF_H
#define TESSERA_PUBLIC_IO_NETIF_H

/*
 * Virtual network interfaces (ABI 1.4): channels of kind
 * TESSERA_CHANNEL_NET, DTS compatible "tessera,vif", as Xen's netif. The
 * backend is a driver partition (partitions/netdrv) that owns the
 * physical NIC and switches frames between it and its frontends through
 * a virtual firewall-router; each frontend is a partition with a network
 * stack (partitions/lib's netfront).
 *
 * A net channel's memory holds two rings, each laid out as
 * public/io/ring.h says, both with the channel's slots and slot_size:
 *
 *   ring + TESSERA_NETIF_TX_OFFSET        the transmit ring (tx)
 *   ring + TESSERA_NETIF_RX_OFFSET(...)   the receive ring (rx)
 *
 * gen gives the channel TESSERA_NETIF_BYTES(slots, slot_size) (ring_bytes
 * in the start-info page). One event port per end serves both rings.
 *
 * tx: each request is one Ethernet frame the frontend sends: len bytes of
 *     payload, destination MAC first, no FCS, from 14 to
 *     TESSERA_NETIF_FRAME_MAX bytes. Its response (len 0) says what became
 *     of it: 0 passed on, -EPERM dropped as spoofed (a source MAC or IPv4
 *     address, or an ARP sender, that is not the interface's), -EACCES
 *     dropped by a rule, -EINVAL malformed, -EAGAIN dropped for want of
 *     room on the way out.
 *     A request of length 0 is no frame but the frontend's goodbye: the
 *     backend answers it with status 0 and owes the interface nothing
 *     until its next frame; a backend may end once every frontend has
 *     said it (partitions/netdrv exit=goodbye).
 * rx: each request is an empty buffer the frontend posts (len 0); the
 *     backend answers with a frame for the frontend: len bytes of payload,
 *     status 0. A frontend keeps rx requests posted; a frame that finds
 *     none is dropped and counted by the backend.
 *
 * The firewall, per interface, one frame at a time (no connection state):
 * a frame towards the frontend is "in", one from it "out". For an IPv4
 * frame the first rule of the interface whose direction, protocol and
 * destination port range match decides; with none, "in" is denied and
 * "out" allowed. ARP is not filtered by rules: an ARP frame is passed to
 * the interface whose address it asks for or answers, and the backend
 * checks the sender of each ARP frame an interface sends. Frames of other
 * ethertypes are denied both ways. Frames between two interfaces of one
 * backend pass the sender's "out" rules, then the receiver's "in" rules.
 */

#include <stdint.h>
#include <public/io/ring.h>

#define TESSERA_NETIF_MTU	1500	/* IPv4 bytes in a frame */
#define TESSERA_NETIF_HEADER	14	/* Ethernet: two MACs, ethertype */
#define TESSERA_NETIF_FRAME_MAX	(TESSERA_NETIF_HEADER + TESSERA_NETIF_MTU)

#define TESSERA_NETIF_TX_OFFSET	0
#define TESSERA_NETIF_RX_OFFSET(slots, slot_size) \
	TESSERA_RING_BYTES(slots, slot_size)
#define TESSERA_NETIF_BYTES(slots, slot_size) \
	(2 * TESSERA_RING_BYTES(slots, slot_size))

/* struct tessera_fw_rule's action, direction and protocol */
#define TESSERA_FW_DENY		0
#define TESSERA_FW_ALLOW	1
#define TESSERA_FW_IN		0	/* towards the frontend */
#define TESSERA_FW_OUT		1	/* from the frontend */
#define TESSERA_FW_ANY		0	/* any IPv4 protocol */
#define TESSERA_FW_ICMP		1	/* IPv4 protocol numbers */
#define TESSERA_FW_TCP		6
#define TESSERA_FW_UDP		17

/*
 * A rule: frames of `direction` carrying `protocol` (TESSERA_FW_ANY: any)
 * whose TCP or UDP destination port is in [port_min, port_max] (for other
 * protocols the ports are 0 and 65535 and match anything) are allowed or
 * denied as `action` says.
 */
struct tessera_fw_rule {
	uint8_t action;			/* TESSERA_FW_ALLOW or _DENY */
	uint8_t direction;		/* TESSERA_FW_IN or _OUT */
	uint8_t protocol;		/* TESSERA_FW_ANY, _ICMP, _TCP, _UDP */
	uint8_t reserved;
	uint16_t port_min;		/* inclusive */
	uint16_t port_max;		/* inclusive */
};

#define TESSERA_NETIF_RULES_MAX	6

/* A net channel's parameters (start_info.params[i].net), from the DTS. */
struct tessera_net_params {
	uint8_t mac[6];			/* the frontend's, unicast */
	uint8_t prefix_len;		/* of its subnet, 1 to 30 */
	uint8_t nr_rules;		/* 0 to TESSERA_NETIF_RULES_MAX */
	uint8_t ip[4];			/* its IPv4 address, network order */
	uint8_t gateway[4];		/* its router, or 0.0.0.0 for none */
	struct tessera_fw_rule rules[TESSERA_NETIF_RULES_MAX]; /* in order */
};

_Static_assert(sizeof(struct tessera_fw_rule) == 8, "rule size");
_Static_assert(sizeof(struct tessera_net_params) == 64, "net params size");

#endif
