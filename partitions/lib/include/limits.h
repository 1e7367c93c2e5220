/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_LIMITS_H
#define TESSERA_LIB_LIMITS_H

/*
 * gcc's <limits.h> defines every limit itself, then includes the C
 * library's unless that one has been seen already; here there is none, so
 * say it has, and take gcc's.
 */
#define _LIBC_LIMITS_H_
#include_next <limits.h>

#endif
