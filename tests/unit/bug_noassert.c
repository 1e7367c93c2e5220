// SPDX-License-Identifier: MIT
/* ASSERT without CONFIG_ASSERTIONS, for test_bug.c. */
#include <tessera/bug.h>

int bug_noassert_evaluations(void);

static int evaluations;

static int bug_noassert_false(void)
{
	evaluations++;
	return 0;
}

/* A false ASSERT that would panic, were it checked. */
int bug_noassert_evaluations(void)
{
	ASSERT(bug_noassert_false());
	return evaluations;
}
