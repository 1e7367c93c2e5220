// SPDX-License-Identifier: MIT
/* Standard output's line buffer (see stdout.h). */

#include <stddef.h>
#include <public/hypercall.h>
#include <tessera/format.h>
#include "stdout.h"
/* by path, not <tessera.h>: the host test builds this file without the
 * library's include directory, whose <stdio.h> would hide the host's */
#include "include/tessera.h"

/* a whole line of text and its newline */
static char stdout_buf[TESSERA_CONSOLE_LINE_MAX + 1];
static size_t stdout_len;

void tessera_stdout_flush(void)
{
	if (stdout_len == 0)
		return;
	tessera_console_write(stdout_buf, stdout_len);
	stdout_len = 0;
}

void tessera_stdout_putc(char c)
{
	/* split a full line only now, when its next byte is not its end */
	if (stdout_len == TESSERA_CONSOLE_LINE_MAX && c != '\n')
		tessera_stdout_flush();
	stdout_buf[stdout_len++] = c;
	if (c == '\n')
		tessera_stdout_flush();
}

static void stdout_format_putc(void *ctx, char c)
{
	tessera_stdout_putc(c);
}

int tessera_stdout_vprintf(const char *fmt, va_list ap)
{
	return format_vprintf(stdout_format_putc, NULL, fmt, ap);
}
