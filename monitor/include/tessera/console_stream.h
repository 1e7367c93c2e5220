/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_CONSOLE_STREAM_H
#define TESSERA_CONSOLE_STREAM_H

/*
 * A partition's console stream (monitor/core/console_stream.c): the bytes
 * of its TESSERA_HC_CONSOLE_WRITE calls, cut into lines printed as
 * "[<name>] <text>" through console_write_line, so each is whole and never
 * mixed with another. Only the unfinished line is kept, in the stream
 * itself: a finished line is printed at once, on the writer's CPU and out
 * of its own time, so nothing is ever dropped and the fair console lock
 * lets every other writer take its turn between two of a flooder's lines.
 */

#include <stddef.h>
#include <public/hypercall.h>
#include <tessera/tables.h>

struct console_stream {
	char prefix[TT_NAME_MAX + 3];		/* "[" name "] " */
	char line[TESSERA_CONSOLE_LINE_MAX];	/* the unfinished line */
	size_t len;
};

/* An empty stream whose lines carry "[<name>] ". */
void console_stream_init(struct console_stream *s, const char *name);

/*
 * Appends `len` bytes: each '\n' ends a line, a line is cut after
 * TESSERA_CONSOLE_LINE_MAX bytes, and every byte other than printable
 * ASCII and tab becomes '?'. Each byte of buf is read once.
 */
void console_stream_write(struct console_stream *s, const char *buf,
			  size_t len);

/* Prints the unfinished line, if there is one, and forgets it. */
void console_stream_flush(struct console_stream *s);

#endif
