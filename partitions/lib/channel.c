// SPDX-License-Identifier: MIT
/* tessera_channel(): a channel by name in the start-info page. */

#include <string.h>
#include <tessera.h>

const struct tessera_channel *tessera_channel(const char *name)
{
	const struct tessera_start_info *si = tessera_start_info();

	for (uint32_t i = 0; i < si->nr_channels && i < TESSERA_MAX_CHANNELS;
	     i++) {
		if (!strncmp(si->channels[i].name, name, TESSERA_NAME_MAX))
			return &si->channels[i];
	}
	return NULL;
}
