/* SPDX-License-Identifier: MIT */
#ifndef ARCH_CPUFEATURE_H
#define ARCH_CPUFEATURE_H

/* The CPUID features the monitor uses, read once on the boot CPU. */

#include <stdbool.h>

struct cpu_features {
	bool smep;		/* ring 0 cannot run user pages */
	bool smap;		/* ring 0 cannot touch user pages unasked */
	bool umip;		/* ring 3 cannot read GDTR, IDTR and the like */
	bool page_1g;		/* 1 GiB pages */
	bool invariant_tsc;	/* the TSC ticks at one rate in every state */
	bool tsc_deadline;	/* the local APIC timer takes a TSC deadline */
};

extern struct cpu_features cpu_features;

void cpu_features_detect(void);

/* Prints which protections the monitor turns on, and which are missing. */
void cpu_features_print(void);

/*
 * Turns them on for this CPU: CR0.WP (ring 0 honours read-only pages),
 * EFER.NXE, and CR4.SMEP, SMAP and UMIP where the CPU has them.
 */
void cpu_protect(void);

#endif
