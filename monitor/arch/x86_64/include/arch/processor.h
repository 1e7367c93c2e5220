/* SPDX-License-Identifier: MIT */
#ifndef ARCH_PROCESSOR_H
#define ARCH_PROCESSOR_H

/* Control registers, CPUID, the TSC and halting. */

#define CR0_PE		(1 << 0)
#define CR0_MP		(1 << 1)
#define CR0_EM		(1 << 2)
#define CR0_TS		(1 << 3)
#define CR0_ET		(1 << 4)
#define CR0_NE		(1 << 5)
#define CR0_WP		(1 << 16)
#define CR0_AM		(1 << 18)
#define CR0_PG		(1 << 31)

/*
 * CR0 in long mode, written whole on the way there: caching on (a CPU
 * leaves INIT with CD and NW set), ring 0 bound by read-only pages, x87
 * errors as exceptions.
 */
#define CR0_LONG_MODE	(CR0_PE | CR0_ET | CR0_NE | CR0_WP | CR0_PG)
#define CR4_PAE		(1 << 5)
#define CR4_OSFXSR	(1 << 9)
#define CR4_OSXMMEXCPT	(1 << 10)
#define CR4_UMIP	(1 << 11)
#define CR4_SMEP	(1 << 20)
#define CR4_SMAP	(1 << 21)

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <tessera/compiler.h>

struct cpuid {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct cpuid cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid r;

	__asm__ __volatile__("cpuid"
			     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			     : "a"(leaf), "c"(subleaf));
	return r;
}

#define DEFINE_CR_ACCESSORS(n)						\
static inline uint64_t read_cr##n(void)					\
{									\
	uint64_t v;							\
	__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));		\
	return v;							\
}									\
static inline void write_cr##n(uint64_t v)				\
{									\
	__asm__ __volatile__("mov %0, %%cr" #n :: "r"(v) : "memory");	\
}
DEFINE_CR_ACCESSORS(0)
DEFINE_CR_ACCESSORS(2)
DEFINE_CR_ACCESSORS(3)
DEFINE_CR_ACCESSORS(4)
#undef DEFINE_CR_ACCESSORS

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* Stops this CPU for good: interrupts off, halted; an NMI wakes it only
 * to halt again. */
static inline __noreturn void cpu_park(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt" ::: "memory");
}
#endif

#endif
