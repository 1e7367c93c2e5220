/* SPDX-License-Identifier: MIT */
#ifndef ARCH_MEMRANGE_H
#define ARCH_MEMRANGE_H

#include <stddef.h>
#include <stdint.h>
#include <tessera/tables.h>

/*
 * Calls fn(base, size, ctx) for each part of `range` that none of the
 * `nr` holes covers, in address order. The holes are sorted by base (as
 * the tables keep them) and may overlap one another.
 */
void memrange_subtract(const struct tt_range *range, const struct tt_range *holes,
		       size_t nr, void (*fn)(uint64_t base, uint64_t size, void *ctx),
		       void *ctx);

#endif
