// SPDX-License-Identifier: MIT
/*
 * The virtual firewall-router of vfr.h. Each frame is parsed once, from
 * netdrv's private copy, and judged on what the parse found; no field is
 * trusted before the parse has checked that it lies in the frame.
 */

#include <string.h>
#include <public/errno.h>
#include "vfr.h"

/* `from` for a frame of the wire: no vif has this index */
#define VFR_WIRE	VFR_VIFS_MAX

static const uint8_t vfr_broadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static bool vfr_mac_eq(const uint8_t *a, const uint8_t *b)
{
	return !memcmp(a, b, 6);
}

static bool vfr_ip_eq(const uint8_t *a, const uint8_t *b)
{
	return !memcmp(a, b, 4);
}

int vfr_add(struct vfr *v, const struct tessera_net_params *p)
{
	struct vfr_vif *vif;

	if (v->nr >= VFR_VIFS_MAX)
		return -ENOMEM;
	vif = &v->vifs[v->nr];
	memset(vif, 0, sizeof(*vif));
	vif->p = *p;
	if (vif->p.nr_rules > TESSERA_NETIF_RULES_MAX)
		vif->p.nr_rules = TESSERA_NETIF_RULES_MAX;
	return (int)v->nr++;
}

/*
 * A frame without ports (ICMP, other protocols, later fragments) matches
 * only a rule whose range is every port, as netif.h gives such rules.
 */
static bool vfr_rule_matches(const struct tessera_fw_rule *r,
			     uint8_t direction, const struct net_frame *f)
{
	if (r->direction != direction)
		return false;
	if (r->protocol != TESSERA_FW_ANY && r->protocol != f->proto)
		return false;
	if (!f->has_port)
		return r->port_min == 0 && r->port_max == 0xffff;
	return f->dport >= r->port_min && f->dport <= r->port_max;
}

bool vfr_rules_allow(const struct tessera_net_params *p, uint8_t direction,
		     const struct net_frame *f)
{
	for (unsigned int i = 0; i < p->nr_rules && i < TESSERA_NETIF_RULES_MAX;
	     i++) {
		if (vfr_rule_matches(&p->rules[i], direction, f))
			return p->rules[i].action == TESSERA_FW_ALLOW;
	}
	return direction == TESSERA_FW_OUT;
}

/* Whether the vif of `p` is the one an ARP frame targets, or one an
 * IPv4 frame is for by its destination MAC. */
static bool vfr_concerns(const struct tessera_net_params *p,
			 const struct net_frame *f)
{
	if (f->kind == NET_ARP)
		return vfr_ip_eq(f->tpa, p->ip) &&
		       (vfr_mac_eq(f->dst, vfr_broadcast) ||
			vfr_mac_eq(f->dst, p->mac));
	return net_mac_group(f->dst) || vfr_mac_eq(f->dst, p->mac);
}

/* The vifs but `from` that a frame of ARP or IPv4 concerns. */
static uint32_t vfr_targets(const struct vfr *v, const struct net_frame *f,
			    unsigned int from)
{
	uint32_t mask = 0;

	for (unsigned int i = 0; i < v->nr; i++) {
		if (i != from && vfr_concerns(&v->vifs[i].p, f))
			mask |= 1u << i;
	}
	return mask;
}

/* The targets whose in rules let the frame in; ARP is not filtered. */
static uint32_t vfr_admit(struct vfr *v, uint32_t targets,
			  const struct net_frame *f)
{
	uint32_t mask = 0;

	for (unsigned int i = 0; i < v->nr; i++) {
		if (!(targets & (1u << i)))
			continue;
		if (f->kind == NET_ARP ||
		    vfr_rules_allow(&v->vifs[i].p, TESSERA_FW_IN, f))
			mask |= 1u << i;
		else
			v->vifs[i].c.denied_in++;
	}
	return mask;
}

static bool vfr_own_source(const struct tessera_net_params *p,
			   const struct net_frame *f)
{
	if (!vfr_mac_eq(f->src, p->mac))
		return false;
	if (f->kind == NET_ARP)
		return vfr_mac_eq(f->sha, p->mac) && vfr_ip_eq(f->spa, p->ip);
	return f->kind != NET_IPV4 || vfr_ip_eq(f->ip_src, p->ip);
}

/* Why a vif's frame is refused, counted, or 0. */
static int vfr_refuse(struct vfr_vif *vif, const struct net_frame *f,
		      int parsed)
{
	if (parsed) {
		vif->c.malformed++;
		return -EINVAL;
	}
	if (!vfr_own_source(&vif->p, f)) {
		vif->c.spoofed++;
		return -EPERM;
	}
	if (f->kind == NET_OTHER ||
	    (f->kind == NET_IPV4 &&
	     !vfr_rules_allow(&vif->p, TESSERA_FW_OUT, f))) {
		vif->c.denied_out++;
		return -EACCES;
	}
	return 0;
}

int vfr_from_vif(struct vfr *v, unsigned int from, const uint8_t *frame,
		 uint32_t len, struct vfr_route *r)
{
	struct vfr_vif *vif = &v->vifs[from];
	struct net_frame f;
	uint32_t targets;
	int ret = vfr_refuse(vif, &f, net_frame_parse(&f, frame, len));

	r->vifs = 0;
	r->wire = false;
	if (ret)
		return ret;
	vif->c.out++;
	targets = vfr_targets(v, &f, from);
	r->wire = !targets || (f.kind == NET_IPV4 && net_mac_group(f.dst));
	r->vifs = vfr_admit(v, targets, &f);
	return r->vifs || r->wire ? 0 : -EACCES;
}

/* Whether a frame of the wire claims a vif's MAC or IPv4 address. */
static bool vfr_claims_a_vif(const struct vfr *v, const struct net_frame *f)
{
	for (unsigned int i = 0; i < v->nr; i++) {
		const struct tessera_net_params *p = &v->vifs[i].p;

		if (vfr_mac_eq(f->src, p->mac))
			return true;
		if (f->kind == NET_ARP && (vfr_mac_eq(f->sha, p->mac) ||
					   vfr_ip_eq(f->spa, p->ip)))
			return true;
		if (f->kind == NET_IPV4 && vfr_ip_eq(f->ip_src, p->ip))
			return true;
	}
	return false;
}

void vfr_from_wire(struct vfr *v, const uint8_t *frame, uint32_t len,
		   struct vfr_route *r)
{
	struct net_frame f;
	uint32_t targets = 0;

	r->vifs = 0;
	r->wire = false;
	v->wire.rx++;
	if (net_frame_parse(&f, frame, len)) {
		v->wire.malformed++;
		return;
	}
	if (vfr_claims_a_vif(v, &f)) {
		v->wire.spoofed++;
		return;
	}
	if (f.kind != NET_OTHER)
		targets = vfr_targets(v, &f, VFR_WIRE);
	if (!targets)
		v->wire.dropped++;
	r->vifs = vfr_admit(v, targets, &f);
}
