/* SPDX-License-Identifier: MIT */
#ifndef NETDRV_VFR_H
#define NETDRV_VFR_H

/*
 * The virtual firewall-router (vfr.c): the rules of public/io/netif.h
 * over the interfaces (vifs) of one backend and its wire (the NIC),
 * one frame at a time, no connection state, no hardware. It decides
 * where a frame goes and counts what it refuses; netdrv delivers and
 * counts what became of each delivery (in, no_room, no_buffer, tx).
 *
 * From a vif, in order: a malformed frame is -EINVAL; a source MAC, IPv4
 * source or ARP sender (MAC or IPv4) not the vif's is -EPERM; an
 * ethertype other than ARP and IPv4 is -EACCES, and so is an IPv4 frame
 * its out rules deny. What passes goes:
 *   ARP   to the other vif whose IPv4 address is the target's (the
 *         Ethernet destination broadcast or that vif's MAC), else to the
 *         wire: an ARP request for a neighbour vif never leaves netdrv;
 *   IPv4  to the other vif whose MAC is the destination, a group
 *         destination to the wire and every other vif, any other to the
 *         wire;
 * each vif on the way through its in rules. A frame that passed its out
 * rules but that every receiving vif's in rules deny is -EACCES too.
 *
 * From the wire: a malformed frame, or one that claims a vif's MAC or
 * IPv4 address as its source (its Ethernet source, IPv4 source or ARP
 * sender), is dropped and counted; ARP goes to the vif whose address it
 * targets, IPv4 to the vif of its destination MAC (group: to every vif),
 * each through its in rules; the rest is dropped.
 */

#include <stdbool.h>
#include <stdint.h>
#include <public/io/netif.h>
#include <public/start_info.h>
#include "frame.h"

#define VFR_VIFS_MAX	TESSERA_MAX_CHANNELS

/* A vif's counters, "stats vif <name>: ..." (docs/drivers.md). */
struct vfr_counters {
	uint64_t out;		/* from it, past its checks and out rules */
	uint64_t in;		/* delivered to it */
	uint64_t denied_out;	/* from it, refused by a rule or ethertype */
	uint64_t denied_in;	/* to it, refused by a rule or ethertype */
	uint64_t spoofed;	/* from it with a source not its own */
	uint64_t malformed;	/* from it */
	uint64_t no_room;	/* from it, passed, no room on the way out */
	uint64_t no_buffer;	/* to it, passed, no rx buffer posted */
};

/* The wire's counters, "stats wire: ...". */
struct vfr_wire_counters {
	uint64_t rx;		/* frames from the NIC */
	uint64_t tx;		/* frames given to the NIC */
	uint64_t malformed;	/* from the NIC */
	uint64_t spoofed;	/* from the NIC, claiming a vif's address */
	uint64_t dropped;	/* from the NIC, for no vif */
};

struct vfr_vif {
	struct tessera_net_params p;	/* a copy, rules bounded */
	struct vfr_counters c;
};

struct vfr {
	struct vfr_vif vifs[VFR_VIFS_MAX];
	unsigned int nr;
	struct vfr_wire_counters wire;
};

/* Where a frame goes: the vifs of the mask (bit i: vifs[i]), the wire. */
struct vfr_route {
	uint32_t vifs;
	bool wire;
};

/* Adds an interface: its index, or -ENOMEM when VFR_VIFS_MAX are in. */
int vfr_add(struct vfr *v, const struct tessera_net_params *p);

/*
 * A frame from vif `from`: 0 with *r filled, or the status that refuses
 * it (-EINVAL, -EPERM, -EACCES), counted.
 */
int vfr_from_vif(struct vfr *v, unsigned int from, const uint8_t *frame,
		 uint32_t len, struct vfr_route *r);

/* A frame from the wire: *r, empty when it is dropped (counted). */
void vfr_from_wire(struct vfr *v, const uint8_t *frame, uint32_t len,
		   struct vfr_route *r);

/*
 * Whether the rules of `p` let an IPv4 frame of `f` go `direction`
 * (TESSERA_FW_IN or _OUT): the first rule that matches decides; with
 * none, "in" is denied and "out" allowed.
 */
bool vfr_rules_allow(const struct tessera_net_params *p, uint8_t direction,
		     const struct net_frame *f);

#endif
