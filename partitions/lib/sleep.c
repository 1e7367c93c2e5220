// SPDX-License-Identifier: MIT
/* Sleeping for a while (see <tessera.h>; tests/unit/test_guest_sleep.c). */

#include <stdint.h>
/* by path: the host test builds this without the library's include
 * directory (see stdout.c) */
#include "include/tessera.h"

void tessera_sleep_ns(uint64_t ns)
{
	uint64_t now = tessera_now_ns();

	/* a time past what 64 bits hold is never: sleep until the end */
	tessera_sleep_until(ns > UINT64_MAX - now ? UINT64_MAX : now + ns);
}
