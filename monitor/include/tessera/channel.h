/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_CHANNEL_H
#define TESSERA_CHANNEL_H

/*
 * A partition's ends of channels (monitor/core/channel.c): which rings it
 * has and where each lies in its ring window (public/layout.h). The one
 * place that decides it, for the start-info page that tells the partition
 * and the page tables that map the rings, so that the two always agree.
 */

#include <stdbool.h>
#include <stdint.h>
#include <public/start_info.h>	/* TESSERA_MAX_CHANNELS */
#include <tessera/tables.h>

struct channel_end {
	const struct tt_channel *c;	/* its ring: c->mem, physical */
	uint64_t va;			/* where the partition sees it */
	bool front;			/* the partition is the frontend */
};

/*
 * Fills ends[] with partition `id`'s ends of channels in DTS order, their
 * rings one after another from TESSERA_RING_BASE, page-aligned, each
 * followed by an unmapped guard page. Returns how many, at most
 * TESSERA_MAX_CHANNELS (gen refuses more; the tables are not trusted for
 * it).
 */
unsigned int channel_ends(const struct tessera_tables *t, unsigned int id,
			  struct channel_end ends[TESSERA_MAX_CHANNELS]);

#endif
