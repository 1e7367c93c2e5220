/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_FORMAT_H
#define TESSERA_FORMAT_H

/*
 * The formatter (monitor/lib/format.c), shared by the monitor's printk and
 * the guest library's printf: one implementation, host-tested in
 * tests/unit/test_format.c.
 *
 * A subset of C99 printf: conversions %s %c %d %i %u %x %X %p %%, length
 * modifiers hh h l ll z, flags '-' '0' '#' '+' ' ', a field width and a
 * precision (each may be '*'). They behave as in C99 except %p, which
 * prints "0x" and 16 hex digits, and a NULL %s, which prints "(null)".
 * Any other conversion is copied to the output as written, so that a
 * mistake shows, and consumes no argument of its own.
 */

#include <stdarg.h>
#include <stddef.h>
#include <tessera/compiler.h>

/* Receives the output one character at a time. */
typedef void (*format_putc_fn)(void *ctx, char c);

/*
 * Formats to `putc`; returns the number of characters it was given, or -1
 * when that exceeds INT_MAX.
 */
int format_vprintf(format_putc_fn putc, void *ctx, const char *fmt,
		   va_list ap);

/*
 * Always NUL-terminates when size > 0; returns the length the whole
 * output would have had, as C99 does, so a result >= size means it was
 * cut.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#endif
