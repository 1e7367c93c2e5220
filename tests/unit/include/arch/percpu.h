/* SPDX-License-Identifier: MIT */
#ifndef ARCH_PERCPU_H
#define ARCH_PERCPU_H

/*
 * Host stand-in for monitor/arch/x86_64/include/arch/percpu.h: no GDT,
 * TSS or stacks, and this_cpu() is whatever struct percpu the test points
 * host_percpu_self at (GS_BASE is not the test's to set).
 */

struct arch_percpu {
	int unused;
};

/* weak: one pointer for every test that includes this header */
__attribute__((weak)) void *host_percpu_self;

static inline void *arch_percpu_self(void)
{
	return host_percpu_self;
}

#endif
