// SPDX-License-Identifier: MIT
/* Partition console streams (see tessera/console_stream.h). */

#include <stdbool.h>
#include <tessera/compiler.h>
#include <tessera/console.h>
#include <tessera/console_stream.h>
#include <tessera/format.h>
#include <tessera/string.h>

/* console_write_line must not cut a partition's line a second time */
BUILD_BUG_ON(TESSERA_CONSOLE_LINE_MAX > CONSOLE_LINE_MAX);

void console_stream_init(struct console_stream *s, const char *name)
{
	snprintf(s->prefix, sizeof(s->prefix), "[%s] ", name);
	s->len = 0;
}

static void console_stream_put(struct console_stream *s)
{
	console_write_line(s->prefix, s->line, s->len);
	s->len = 0;
}

/* What the terminal may see: no escape, no carriage return, no forged line. */
static char console_stream_sanitise(char c)
{
	bool printable = (c >= ' ' && c <= '~') || c == '\t';

	return printable ? c : '?';
}

void console_stream_write(struct console_stream *s, const char *buf,
			  size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = READ_ONCE(buf[i]);

		if (c == '\n') {
			console_stream_put(s);
			continue;
		}
		/* full: this byte starts the next line; a full line followed
		 * by its '\n' stays one line */
		if (s->len == sizeof(s->line))
			console_stream_put(s);
		s->line[s->len++] = console_stream_sanitise(c);
	}
}

void console_stream_flush(struct console_stream *s)
{
	if (s->len)
		console_stream_put(s);
}
