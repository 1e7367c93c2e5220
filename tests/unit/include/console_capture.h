/* SPDX-License-Identifier: MIT */
#ifndef TESTS_CONSOLE_CAPTURE_H
#define TESTS_CONSOLE_CAPTURE_H

/*
 * The console's output in memory (tests/unit/console_capture.c), for tests
 * of code that prints: link with it, console.c, printk.c, format.c and
 * string.c (CONSOLE_SRCS in sources.mk).
 */

#include <stddef.h>

/* capture_clear(), then console_init(capture_write): early lines show. */
void capture_start(void);

/* The raw writer: appends, safe from any number of threads at once. */
void capture_write(const char *s, size_t n);

/* Everything written since the last clear, NUL-terminated. */
const char *capture_text(void);
void capture_clear(void);

/* How many capture_write calls came with (pretend) interrupts on. */
unsigned long capture_writes_with_irqs_on(void);

#endif
