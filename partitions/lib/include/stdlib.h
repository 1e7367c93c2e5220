/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_STDLIB_H
#define TESSERA_LIB_STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1

/* Prints what standard output still holds, then ends the partition. */
_Noreturn void exit(int status);

/*
 * Prints what standard output still holds, then executes ud2: the
 * partition faults (#UD, reported by the monitor) and its on-fault policy
 * applies, as a crash should.
 */
_Noreturn void abort(void);

/*
 * As C: leading white space, an optional sign, then digits of `base`
 * (2 to 36; 0 picks 16 after "0x" or "0X", 8 after "0", else 10; 16 takes
 * an optional "0x"). A '-' negates the result in unsigned arithmetic.
 * *endptr, when endptr is not NULL, points after the last digit taken, or
 * at nptr when there was none or the base is invalid (then 0 is
 * returned). A value beyond ULONG_MAX gives ULONG_MAX; there is no errno.
 */
unsigned long strtoul(const char *nptr, char **endptr, int base);

/*
 * Decimal, as strtoul with base 10 but signed; a value beyond the range
 * of int gives INT_MAX or INT_MIN rather than C's undefined behaviour.
 */
int atoi(const char *nptr);

/* |x|; abs(INT_MIN) is undefined, as in C. */
int abs(int x);

#endif
