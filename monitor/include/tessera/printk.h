/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PRINTK_H
#define TESSERA_PRINTK_H

#include <stdarg.h>
#include <stddef.h>
#include <tessera/compiler.h>

/*
 * The monitor's formatter (monitor/lib/format.c): a subset of C99 printf
 * with %s %c %d %i %u %x %X %p %% , the length modifiers hh h l ll z,
 * a field width (or *), '-' and '0' flags and a precision for %s.
 * Always NUL-terminates when size > 0; returns the length the whole
 * output would have had, as C99 does.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/*
 * A message of the monitor: every line of the formatted text reaches the
 * console as one whole line "[tessera] <line>", never interleaved with
 * another CPU's. A message longer than the line limit is split into
 * several lines, not cut.
 */
void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);

#endif
