/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_STDOUT_H
#define TESSERA_LIB_STDOUT_H

/*
 * Standard output's line buffer (stdout.c), under printf, putchar and puts
 * (stdio.c) and exit(). It holds one console line: a line leaves with one
 * tessera_console_write() when its '\n' arrives, and a line longer than
 * TESSERA_CONSOLE_LINE_MAX leaves in pieces of that size, the monitor's
 * own line limit, so that each call is at most one console line and no
 * byte is dropped. A line of exactly the limit leaves with its '\n' in
 * one call, as one line.
 */

#include <stdarg.h>

void tessera_stdout_putc(char c);

/* Formats into the buffer; returns the number of characters. */
int tessera_stdout_vprintf(const char *fmt, va_list ap);

/* Writes what the buffer holds, an unfinished line, if anything. */
void tessera_stdout_flush(void);

#endif
