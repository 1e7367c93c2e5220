/* SPDX-License-Identifier: MIT */
#ifndef RINGCHECK_H
#define RINGCHECK_H

#include <stdint.h>
#include <tessera.h>
#include <tessera/ring.h>

#define RINGCHECK_POLLS	2000000	/* a peer silent this long is gone */
#define RINGCHECK_SLOT_MAX 4096	/* the largest slot_size handled */

/* The message last taken, its payload in reply. */
extern struct tessera_ring_msg msg;
extern uint8_t reply[RINGCHECK_SLOT_MAX];

/* This partition's end of the channel, printed; NULL, said, if none. */
const struct tessera_channel *ringcheck_channel(const char *name);

/* Answers msg with its payload inverted and its length as status: 0 or -1. */
int ringcheck_answer(struct tessera_ring_back *back);

int ringcheck_hostile(const char *name, uint32_t n);
int ringcheck_serve(uint32_t n, int nr_channels, char **names);

#endif
