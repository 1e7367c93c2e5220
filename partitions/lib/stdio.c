// SPDX-License-Identifier: MIT
/* printf and friends, over standard output's line buffer (stdout.c). */

#include <stdio.h>
#include "stdout.h"

int vprintf(const char *fmt, va_list ap)
{
	return tessera_stdout_vprintf(fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = tessera_stdout_vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int putchar(int c)
{
	tessera_stdout_putc((char)c);
	return (unsigned char)c;
}

int puts(const char *s)
{
	while (*s != '\0')
		tessera_stdout_putc(*s++);
	tessera_stdout_putc('\n');
	return 0;
}
