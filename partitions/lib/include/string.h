/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_STRING_H
#define TESSERA_LIB_STRING_H

/*
 * The memory and string functions, from monitor/lib/string.c: the
 * monitor's own, built into the guest library (tessera/string.h has the
 * comments). The build compiles that file with this header included, so
 * the two lists of declarations cannot drift apart.
 */

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);

#endif
