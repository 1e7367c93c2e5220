/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LWIP_VIF_H
#define TESSERA_LWIP_VIF_H

/* lwIP's network interface over the library's netfront (vif.c). */

#include <stdbool.h>
#include <stdint.h>
#include <tessera/net.h>

/*
 * Opens the netfront of `channel` and adds it to lwIP as its one
 * interface, up, with the channel's addresses: 0 or the netfront's error.
 */
int vif_open(const char *channel);

/*
 * Feeds the frames the backend delivered to the stack, a batch at most,
 * and takes the tx statuses: true when it stopped at the batch's end,
 * with frames perhaps left on the ring.
 */
bool vif_input(void);

/* The event port of the interface's channel. */
unsigned int vif_port(void);

/* The counters net_stats() returns. */
extern struct net_stats vif_stats;

#endif
