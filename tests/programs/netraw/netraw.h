/* SPDX-License-Identifier: MIT */
#ifndef NETRAW_NETRAW_H
#define NETRAW_NETRAW_H

/*
 * A frontend that breaks its rings (hostile.c): the backend must report
 * each, reset that ring and serve its other vifs on. It prints "<attack>:
 * backend reset" once the backend's reset shows in the ring, then opens
 * the channel afresh for the next.
 */
void netraw_hostile(const char *channel);

#endif
