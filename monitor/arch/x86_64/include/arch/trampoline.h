/* SPDX-License-Identifier: MIT */
#ifndef ARCH_TRAMPOLINE_H
#define ARCH_TRAMPOLINE_H

/*
 * The page where an AP starts in real mode (trampoline.S). SIPI can only
 * name a page below 1 MiB; this one lies in the board's firmware
 * reservation, which keeps it free for this (checked at boot).
 */
#define TRAMPOLINE_PA	0x8000

#ifndef __ASSEMBLY__
#include <stdint.h>

/* Filled in the copy before each AP start, read by the AP. */
struct trampoline_data {
	uint64_t cr3;		/* the monitor's page tables, below 4 GiB */
	uint64_t stack;		/* top of the AP's kernel stack */
	uint64_t cpu;		/* its struct percpu, arch_ap_entry's argument */
	uint64_t entry;		/* arch_ap_entry */
};

extern const uint8_t trampoline_start[], trampoline_end[];
extern const struct trampoline_data trampoline_data;
#endif

#endif
