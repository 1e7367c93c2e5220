/* SPDX-License-Identifier: MIT */
#ifndef PROBE_PROBE_H
#define PROBE_PROBE_H

/*
 * probe's two halves: the first file of its vbd's ustar archive printed
 * (disk.c), the gateway pinged on its vif (net.c). Each opens its
 * channel, prints what it found or why it failed, says goodbye to the
 * driver partition, and returns whether all went well.
 */

#include <stdbool.h>

bool probe_disk(const char *channel);
bool probe_net(const char *channel, unsigned int count);

#endif
