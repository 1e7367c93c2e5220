// SPDX-License-Identifier: MIT
/*
 * netdrv's switch: the vfr decides, this delivers and counts the
 * outcome. A frame passed on to at least one place is status 0 for its
 * sender; one that found room nowhere is -EAGAIN.
 */

#include <public/errno.h>
#include "netdrv.h"
#include "nic.h"

struct vfr netdrv_vfr;
struct vif netdrv_vifs[VFR_VIFS_MAX];

/* Delivers to each vif of the route: how many took the frame. */
static unsigned int route_to_vifs(const uint8_t *frame, uint32_t len,
				  uint32_t vifs)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < netdrv_vfr.nr; i++) {
		struct vfr_counters *c = &netdrv_vfr.vifs[i].c;

		if (!(vifs & (1u << i)))
			continue;
		if (vif_deliver(&netdrv_vifs[i], frame, len)) {
			c->no_buffer++;
		} else {
			c->in++;
			n++;
		}
	}
	return n;
}

int netdrv_from_vif(unsigned int index, const uint8_t *frame, uint32_t len)
{
	struct vfr_route r;
	unsigned int n;
	int ret = vfr_from_vif(&netdrv_vfr, index, frame, len, &r);

	if (ret)
		return ret;
	n = route_to_vifs(frame, len, r.vifs);
	if (r.wire && !nic_send(frame, len)) {
		netdrv_vfr.wire.tx++;
		n++;
	}
	if (n)
		return 0;
	netdrv_vfr.vifs[index].c.no_room++;
	return -EAGAIN;
}

void netdrv_from_wire(const uint8_t *frame, uint32_t len)
{
	struct vfr_route r;

	vfr_from_wire(&netdrv_vfr, frame, len, &r);
	route_to_vifs(frame, len, r.vifs);
}
