// SPDX-License-Identifier: MIT
/* A partition's ends of channels and their place in its ring window. */

#include <public/layout.h>
#include <tessera/channel.h>

unsigned int channel_ends(const struct tessera_tables *t, unsigned int id,
			  struct channel_end ends[TESSERA_MAX_CHANNELS])
{
	uint64_t va = TESSERA_RING_BASE;
	unsigned int n = 0;

	for (uint32_t i = 0; i < t->nr_channels && n < TESSERA_MAX_CHANNELS;
	     i++) {
		const struct tt_channel *c = &t->channels[i];

		if (c->frontend != id && c->backend != id)
			continue;
		ends[n++] = (struct channel_end){
			.c = c, .va = va, .front = c->frontend == id,
		};
		va += c->mem.size + TESSERA_PAGE_SIZE;
	}
	return n;
}
