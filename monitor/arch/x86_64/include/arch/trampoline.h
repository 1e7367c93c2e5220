/* SPDX-License-Identifier: MIT */
#ifndef ARCH_TRAMPOLINE_H
#define ARCH_TRAMPOLINE_H

/*
 * The page where an AP starts in real mode (trampoline.S). SIPI can only
 * name a page below 1 MiB; this one lies in the board's firmware
 * reservation, which keeps it free for this (checked at boot).
 */
#define TRAMPOLINE_PA	0x8000

/* struct trampoline_data, for the assembly */
#define TD_CR3		0
#define TD_STACK	8
#define TD_CPU		16
#define TD_SIZE		24

#ifndef __ASSEMBLY__
#include <stddef.h>
#include <stdint.h>
#include <tessera/compiler.h>

/* Filled in the copy before each AP start, read by the AP. */
struct trampoline_data {
	uint64_t cr3;		/* the monitor's page tables, below 4 GiB */
	uint64_t stack;		/* top of the AP's kernel stack */
	uint64_t cpu;		/* its struct percpu, arch_ap_entry's argument */
};

BUILD_BUG_ON(offsetof(struct trampoline_data, cr3) != TD_CR3);
BUILD_BUG_ON(offsetof(struct trampoline_data, stack) != TD_STACK);
BUILD_BUG_ON(offsetof(struct trampoline_data, cpu) != TD_CPU);
BUILD_BUG_ON(sizeof(struct trampoline_data) != TD_SIZE);

extern const uint8_t trampoline_start[], trampoline_end[];
extern const struct trampoline_data trampoline_data;
#endif

#endif
