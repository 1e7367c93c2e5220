/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LWIP_ARCH_CC_H
#define TESSERA_LWIP_ARCH_CC_H

/*
 * What lwIP asks of its platform (lwip/arch.h), for a partition: gcc's
 * freestanding headers and the guest library's libc subset, which has
 * no <inttypes.h>, <unistd.h>, <ctype.h> or errno.
 */

#include <stdio.h>
#include <stdlib.h>

#define LWIP_NO_INTTYPES_H	1
#define LWIP_NO_UNISTD_H	1
#define LWIP_NO_CTYPE_H		1

/* printf length modifiers for lwIP's types (no <inttypes.h>) */
#define X8_F	"02x"
#define U16_F	"u"
#define S16_F	"d"
#define X16_F	"x"
#define U32_F	"u"
#define S32_F	"d"
#define X32_F	"x"
#define SZT_F	"zu"

#define LWIP_PLATFORM_DIAG(x)	do { printf x; } while (0)

/*
 * A broken invariant of the stack is a crash of the partition: abort()
 * faults it, and its on-fault policy decides what follows.
 */
#define LWIP_PLATFORM_ASSERT(x) do { \
	printf("lwip: assertion \"%s\" failed at %s:%d\n", x, __FILE__, \
	       __LINE__); \
	abort(); \
} while (0)

/*
 * The stack's random numbers (initial local ports, DNS ids, the ISN
 * secret's seed): partitions/lwip/sys_arch.c.
 */
unsigned int tessera_lwip_rand(void);
#define LWIP_RAND()	tessera_lwip_rand()

#endif
