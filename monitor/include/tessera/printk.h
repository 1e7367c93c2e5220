/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PRINTK_H
#define TESSERA_PRINTK_H

#include <stdarg.h>
#include <tessera/compiler.h>
#include <tessera/format.h>	/* vsnprintf, snprintf and the formats */

#define PRINTK_PREFIX	"[tessera] "

/*
 * A message of the monitor (monitor/core/printk.c): every line of the
 * formatted text reaches the console as one whole line
 * "[tessera] <line>", never interleaved with another CPU's. A line longer
 * than CONSOLE_LINE_MAX is split into several lines, not cut. A final
 * newline is optional; "\n" alone prints an empty line, an empty message
 * nothing.
 */
void printk(const char *fmt, ...) __printf(1, 2);
void vprintk(const char *fmt, va_list ap);

/* A step of the boot, printed only with CONFIG_DEBUG_BOOT ("Verbose boot
 * log"); the arguments are still checked against the format otherwise. */
#ifdef CONFIG_DEBUG_BOOT
#define pr_debug(...)	printk(__VA_ARGS__)
#else
#define pr_debug(...)	do { if (0) printk(__VA_ARGS__); } while (0)
#endif

#endif
