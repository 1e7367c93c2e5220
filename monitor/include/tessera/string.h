/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_STRING_H
#define TESSERA_STRING_H

/*
 * The C library's memory and string functions, for code with no C library
 * (monitor/lib/string.c). The monitor and the guest library
 * (partitions/lib/) build the same file. gcc may emit calls to memcpy,
 * memmove, memset and memcmp on its own (structure copies, zeroing), so
 * those names must exist even where nothing calls them by hand.
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

/*
 * Copies at most size - 1 bytes of src and always NUL-terminates when
 * size > 0 (BSD's strlcpy). Returns strlen(src): the copy was cut when
 * the result is >= size.
 */
size_t strlcpy(char *dst, const char *src, size_t size);

#endif
