/* SPDX-License-Identifier: MIT */
#ifndef ARCH_BACKTRACE_H
#define ARCH_BACKTRACE_H

#include <stddef.h>
#include <stdint.h>

/* A stack, [lo, hi). */
struct stack_range {
	uintptr_t lo;
	uintptr_t hi;
};

/*
 * Follows the chain of frame records (saved rbp, return address) from
 * `fp` and stores up to `max` return addresses in pcs. Before a record
 * is read, it must lie whole and aligned on one of the `nr` stacks, and
 * above the previous record when on the same stack (so a corrupt chain
 * ends the walk instead of looping or faulting). Ends at a zero frame
 * pointer or return address. Returns how many it stored.
 */
size_t backtrace_walk(uintptr_t fp, const struct stack_range *stacks,
		      size_t nr, uintptr_t *pcs, size_t max);

#endif
