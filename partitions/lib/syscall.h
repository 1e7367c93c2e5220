/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_SYSCALL_H
#define TESSERA_LIB_SYSCALL_H

/*
 * The `syscall` instruction with the convention of public/hypercall.h,
 * for the library's wrappers only: programs call those (<tessera.h>).
 * syscall overwrites rcx and r11 and the arithmetic flags; "memory"
 * because the monitor reads and writes the partition's memory.
 */

static inline long tessera_syscall0(unsigned long nr)
{
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(nr)
			     : "rcx", "r11", "cc", "memory");
	return ret;
}

static inline long tessera_syscall1(unsigned long nr, unsigned long a0)
{
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(nr), "D"(a0)
			     : "rcx", "r11", "cc", "memory");
	return ret;
}

static inline long tessera_syscall2(unsigned long nr, unsigned long a0,
				    unsigned long a1)
{
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(nr), "D"(a0), "S"(a1)
			     : "rcx", "r11", "cc", "memory");
	return ret;
}

static inline long tessera_syscall3(unsigned long nr, unsigned long a0,
				    unsigned long a1, unsigned long a2)
{
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
			     : "rcx", "r11", "cc", "memory");
	return ret;
}

/* The fourth argument goes in r10: syscall writes rcx. */
static inline long tessera_syscall4(unsigned long nr, unsigned long a0,
				    unsigned long a1, unsigned long a2,
				    unsigned long a3)
{
	register unsigned long r10 __asm__("r10") = a3;
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10)
			     : "rcx", "r11", "cc", "memory");
	return ret;
}

#endif
