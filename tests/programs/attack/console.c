// SPDX-License-Identifier: MIT
/*
 * `attack console`: what the console makes of what a partition writes
 * (TESSERA_HC_CONSOLE_WRITE in public/hypercall.h): a line longer than
 * TESSERA_CONSOLE_LINE_MAX split under the same prefix, a line of exactly
 * that length kept whole, a line built by several calls, bytes that
 * would move the cursor or forge a monitor line made harmless, and an
 * unfinished last line printed when the partition ends. Written with the
 * bare hypercall, not printf, so that only the monitor shapes the lines.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include "attack.h"

static bool console_ok = true;

static void console_put(const char *buf, size_t len)
{
	long ret = tessera_console_write(buf, len);

	if (ret != (long)len) {
		printf("console: writing %zu bytes returned %ld\n", len, ret);
		console_ok = false;
	}
}

#define CONSOLE_PUT(text)	console_put(text, sizeof(text) - 1)

int attack_console(void)
{
	/* two and a half lines' worth in one call: a..z in runs of ten */
	static char text[TESSERA_CONSOLE_LINE_MAX * 5 / 2 + 1];
	size_t len = sizeof(text) - 1;

	for (size_t i = 0; i < len; i++)
		text[i] = 'a' + i / 10 % 26;
	text[len] = '\n';
	console_put(text, len + 1);

	memset(text, 'x', TESSERA_CONSOLE_LINE_MAX);
	text[TESSERA_CONSOLE_LINE_MAX] = '\n';
	console_put(text, TESSERA_CONSOLE_LINE_MAX + 1);

	CONSOLE_PUT("part one, ");
	CONSOLE_PUT("part two, ");
	CONSOLE_PUT("part three\n");
	CONSOLE_PUT("bell\a tab\t escape\x1b[2J delete\x7f high\xff return\r\n");
	CONSOLE_PUT("[tessera] forged by a partition\n");
	CONSOLE_PUT("no newline at the end");
	return console_ok ? 0 : 1;
}
