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

/*
 * Words of 8 bytes at any alignment: x86-64 loads and stores them
 * unaligned at full speed, and copying by words rather than bytes is
 * what makes a ring slot's copy cheap (docs/benchmarks.md). may_alias
 * because the bytes may be of any type.
 */
typedef uint64_t __attribute__((__may_alias__, __aligned__(1))) string_word;

/*
 * Copies n bytes upwards, 32 and then 8 at a time, each word loaded
 * before it is stored: also right for an overlap with dst below src, as
 * a store never reaches the bytes of a later load.
 */
STRING_NO_LIBCALL
static void string_copy_up(unsigned char *d, const unsigned char *s, size_t n)
{
	for (; n >= 32; n -= 32, d += 32, s += 32) {
		((string_word *)d)[0] = ((const string_word *)s)[0];
		((string_word *)d)[1] = ((const string_word *)s)[1];
		((string_word *)d)[2] = ((const string_word *)s)[2];
		((string_word *)d)[3] = ((const string_word *)s)[3];
	}
	for (; n >= 8; n -= 8, d += 8, s += 8)
		*(string_word *)d = *(const string_word *)s;
	while (n--)
		*d++ = *s++;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	string_copy_up(dst, src, n);
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
	string_copy_up(d, s, n);
	return dst;
}

STRING_NO_LIBCALL
void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	uint64_t word = 0x0101010101010101ULL * (unsigned char)c;

	for (; n >= 8; n -= 8, d += 8)
		*(string_word *)d = word;
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
