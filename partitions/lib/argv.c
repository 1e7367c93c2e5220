// SPDX-License-Identifier: MIT
/* bootargs to argv (see argv.h). */

#include <stdbool.h>
#include <stddef.h>
#include "argv.h"

static bool argv_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Words are copied down over the quotes they lose: the write position
 * never passes the read position, so each word's NUL lands on a byte
 * already read.
 */
int tessera_argv_split(char *args, char **argv, int max)
{
	const char *in = args;
	char *out = args;
	int argc = 0;

	for (;;) {
		char *word = out;
		bool quoted = false;

		while (argv_is_blank(*in))
			in++;
		if (*in == '\0')
			break;
		for (; *in != '\0' && (quoted || !argv_is_blank(*in)); in++) {
			if (*in == '"')
				quoted = !quoted;
			else
				*out++ = *in;
		}
		if (*in != '\0')
			in++;
		*out++ = '\0';
		if (argc < max - 1)
			argv[argc++] = word;
	}
	argv[argc] = NULL;
	return argc;
}
