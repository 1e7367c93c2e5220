/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_STDIO_H
#define TESSERA_LIB_STDIO_H

/*
 * Standard output, to the partition's console. Output is kept until a
 * line is complete and leaves as one console line, "[<partition>] <text>";
 * a line longer than TESSERA_CONSOLE_LINE_MAX continues on the next. What
 * is left when the program ends is printed by exit().
 *
 * The formats are monitor/lib/format.c's (tessera/format.h): %s %c %d %i
 * %u %x %X %p %% with hh h l ll z, the flags - 0 # + space, a width and a
 * precision; no floating point. snprintf and vsnprintf are the same file's.
 */

#include <stdarg.h>
#include <stddef.h>

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* Returns c as an unsigned char. */
int putchar(int c);

/* Writes s and a newline; returns 0. */
int puts(const char *s);

#endif
