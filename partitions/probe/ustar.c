// SPDX-License-Identifier: MIT
/* The first header of a ustar archive, checked (ustar.h). */

#include <stddef.h>
#include <string.h>
#include <public/errno.h>
#include "ustar.h"

#define NAME_AT		0
#define NAME_LEN	100
#define SIZE_AT		124
#define SIZE_LEN	12
#define SUM_AT		148
#define SUM_LEN		8
#define TYPE_AT		156
#define MAGIC_AT	257

/*
 * An octal field as tarfile writes it: digits, then NULs or spaces to
 * its end. -1 for anything else, or for no digit at all. Fields are 12
 * bytes at most: 36 bits, no overflow.
 */
static int64_t ustar_octal(const uint8_t *f, size_t len)
{
	int64_t v = 0;
	size_t i = 0;

	for (; i < len && f[i] >= '0' && f[i] <= '7'; i++)
		v = v * 8 + (f[i] - '0');
	if (!i)
		return -1;
	for (; i < len; i++)
		if (f[i] && f[i] != ' ')
			return -1;
	return v;
}

/* The header's sum with its checksum field counted as spaces. */
static int64_t ustar_sum(const uint8_t *hdr)
{
	int64_t sum = 0;

	for (size_t i = 0; i < USTAR_BLOCK; i++)
		sum += i >= SUM_AT && i < SUM_AT + SUM_LEN ? ' ' : hdr[i];
	return sum;
}

int ustar_first(const uint8_t hdr[USTAR_BLOCK], const char **name,
		uint64_t *size, const char **why)
{
	int64_t n = ustar_octal(hdr + SIZE_AT, SIZE_LEN);

	*why = NULL;
	if (ustar_octal(hdr + SUM_AT, SUM_LEN) != ustar_sum(hdr))
		*why = "bad checksum";
	else if (memcmp(hdr + MAGIC_AT, "ustar\0" "00", 8))
		*why = "not ustar 00";
	else if (hdr[TYPE_AT] != '0' && hdr[TYPE_AT])
		*why = "not a regular file";
	else if (!hdr[NAME_AT] ||
		 strnlen((const char *)hdr + NAME_AT, NAME_LEN) == NAME_LEN)
		*why = "bad name";
	else if (n < 0)
		*why = "bad size";
	if (*why)
		return -EINVAL;
	*name = (const char *)hdr + NAME_AT;
	*size = (uint64_t)n;
	return 0;
}
