// SPDX-License-Identifier: MIT
/*
 * printk (see tessera/printk.h). The formatter streams into one line's
 * worth of stack, which goes to the console at each newline or when full:
 * a message of any length is printed whole with a bounded stack, which
 * matters on the small stacks of exception handlers.
 */

#include <tessera/console.h>
#include <tessera/printk.h>

struct printk_line {
	char text[CONSOLE_LINE_MAX];
	size_t len;
};

static void printk_flush(struct printk_line *line)
{
	console_write_line(PRINTK_PREFIX, line->text, line->len);
	line->len = 0;
}

static void printk_putc(void *ctx, char c)
{
	struct printk_line *line = ctx;

	if (c == '\n') {
		printk_flush(line);
		return;
	}
	/* full: split here, exactly where the console would */
	if (line->len == sizeof(line->text))
		printk_flush(line);
	line->text[line->len++] = c;
}

void vprintk(const char *fmt, va_list ap)
{
	struct printk_line line;

	line.len = 0;
	format_vprintf(printk_putc, &line, fmt, ap);
	if (line.len)
		printk_flush(&line);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
