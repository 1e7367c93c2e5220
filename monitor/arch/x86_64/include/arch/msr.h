/* SPDX-License-Identifier: MIT */
#ifndef ARCH_MSR_H
#define ARCH_MSR_H

#define MSR_APIC_BASE		0x0000001b
#define  APIC_BASE_BSP		(1UL << 8)
#define  APIC_BASE_X2APIC	(1UL << 10)
#define  APIC_BASE_ENABLE	(1UL << 11)
#define  APIC_BASE_ADDR_MASK	0x000ffffffffff000UL
#define MSR_TSC_DEADLINE	0x000006e0	/* the local APIC timer's, in TSC ticks */
#define MSR_EFER		0xc0000080
#define  EFER_SCE		(1 << 0)
#define  EFER_LME		(1 << 8)
#define  EFER_NXE		(1 << 11)
#define MSR_STAR		0xc0000081	/* syscall and sysret selectors */
#define MSR_LSTAR		0xc0000082	/* 64-bit syscall entry */
#define MSR_CSTAR		0xc0000083	/* compatibility-mode syscall entry */
#define MSR_FMASK		0xc0000084	/* RFLAGS bits syscall clears */
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102	/* left for swapgs */

#ifndef __ASSEMBLY__
#include <stdint.h>

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ __volatile__("wrmsr" :: "c"(msr), "a"((uint32_t)v),
			     "d"((uint32_t)(v >> 32)) : "memory");
}
#endif

#endif
