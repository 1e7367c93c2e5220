/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_CONSOLE_H
#define TESSERA_CONSOLE_H

#include <stddef.h>

#define CONSOLE_LINE_MAX 160	/* a longer line is split, never dropped */

/* Writes raw bytes to the console device (the UART), polling. */
typedef void (*console_write_fn)(const char *s, size_t n);

/*
 * From now on lines go to `write`. Lines printed before are kept (up to a
 * page of them) and written first; if some did not fit, a line says how
 * many were lost.
 */
void console_init(console_write_fn write);

/*
 * Writes "<prefix><text>\n" as one line, under the console lock, with
 * interrupts off. A newline inside text ends that line early (a final one
 * adds no empty line); text longer than CONSOLE_LINE_MAX continues on a
 * new line with the same prefix. The lines of one call stay together.
 */
void console_write_line(const char *prefix, const char *text, size_t len);

/*
 * Panic mode: the lock holder may be the CPU that died, so from now on
 * writers wait a bounded time for the lock, then write anyway.
 */
void console_panic(void);

#endif
