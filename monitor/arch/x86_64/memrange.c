// SPDX-License-Identifier: MIT
/* Ranges less holes (see arch/memrange.h). */

#include <arch/memrange.h>

void memrange_subtract(const struct tt_range *range, const struct tt_range *holes,
		       size_t nr, void (*fn)(uint64_t base, uint64_t size, void *ctx),
		       void *ctx)
{
	uint64_t cur = range->base, end = range->base + range->size;

	for (size_t i = 0; i < nr && cur < end; i++) {
		uint64_t hole_base = holes[i].base;
		uint64_t hole_end = holes[i].base + holes[i].size;

		if (hole_end <= cur || hole_base >= end)
			continue;
		if (hole_base > cur)
			fn(cur, hole_base - cur, ctx);
		cur = hole_end;
	}
	if (cur < end)
		fn(cur, end - cur, ctx);
}
