// SPDX-License-Identifier: MIT
/*
 * Memory and string functions (see tessera/string.h). Portable C with no
 * dependency on the monitor: partitions/lib builds this same file.
 */

#include <stdint.h>
#include <tessera/string.h>

/*
 * gcc's loop distribution turns byte loops into calls to memset, memcpy or
 * strlen even with -ffreestanding; here that call would be the function
 * itself. glibc guards its own C fallbacks the same way.
 */
#define STRING_NO_LIBCALL \
	__attribute__((optimize("no-tree-loop-distribute-patterns")))

STRING_NO_LIBCALL
void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

STRING_NO_LIBCALL
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	/* copy backwards when dst overlaps the tail of src */
	if ((uintptr_t)d - (uintptr_t)s < n) {
		while (n--)
			d[n] = s[n];
		return dst;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

STRING_NO_LIBCALL
void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}

STRING_NO_LIBCALL
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

STRING_NO_LIBCALL
size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, SIZE_MAX);
}

/* Compares as unsigned char, as C requires, so "\xff" sorts after "a". */
int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;

		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

/* The terminating NUL is part of the string: strchr(s, 0) finds it. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
