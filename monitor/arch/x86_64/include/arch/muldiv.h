/* SPDX-License-Identifier: MIT */
#ifndef ARCH_MULDIV_H
#define ARCH_MULDIV_H

#include <stdint.h>

/*
 * a * b / c with the 128-bit product in between (mul, then div), for
 * rates and time scales. The quotient must fit 64 bits, else #DE.
 */
static inline uint64_t mul_div_u64(uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t high;

	/* early clobbers: b and c must not share rax or rdx, even when equal */
	__asm__("mulq %[b]\n\tdivq %[c]"
		: "+&a"(a), "=&d"(high)
		: [b] "rm"(b), [c] "rm"(c)
		: "cc");
	return a;
}

#endif
