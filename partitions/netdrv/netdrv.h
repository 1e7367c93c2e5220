/* SPDX-License-Identifier: MIT */
#ifndef NETDRV_NETDRV_H
#define NETDRV_NETDRV_H

/*
 * netdrv's switch (route.c): frames from the wire and from the vifs,
 * judged by the firewall-router (vfr.h) and delivered where it says.
 */

#include <stdint.h>
#include "vfr.h"
#include "vif.h"

extern struct vfr netdrv_vfr;
extern struct vif netdrv_vifs[VFR_VIFS_MAX];

/* A frame vif `index` sent: the status its frontend gets (netif.h). */
int netdrv_from_vif(unsigned int index, const uint8_t *frame, uint32_t len);

/* A frame of the wire, netdrv's private copy. */
void netdrv_from_wire(const uint8_t *frame, uint32_t len);

#endif
