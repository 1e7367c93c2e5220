// SPDX-License-Identifier: MIT
/* Frame-pointer backtraces that never trust the chain (see the header). */

#include <arch/backtrace.h>

struct frame_record {
	uintptr_t fp;	/* the caller's rbp */
	uintptr_t pc;	/* the return address */
};

static const struct stack_range *backtrace_stack_of(uintptr_t fp,
		const struct stack_range *stacks, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		if (fp >= stacks[i].lo && stacks[i].hi >= sizeof(struct frame_record) &&
		    fp <= stacks[i].hi - sizeof(struct frame_record))
			return &stacks[i];
	return NULL;
}

size_t backtrace_walk(uintptr_t fp, const struct stack_range *stacks,
		      size_t nr, uintptr_t *pcs, size_t max)
{
	const struct stack_range *prev_stack = NULL;
	uintptr_t prev_fp = 0;
	size_t n = 0;

	while (n < max && fp && fp % sizeof(uintptr_t) == 0) {
		const struct stack_range *s = backtrace_stack_of(fp, stacks, nr);
		const struct frame_record *r = (const struct frame_record *)fp;

		if (!s || (s == prev_stack && fp <= prev_fp) || !r->pc)
			break;
		pcs[n++] = r->pc;
		prev_stack = s;
		prev_fp = fp;
		fp = r->fp;
	}
	return n;
}
