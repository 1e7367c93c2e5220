// SPDX-License-Identifier: MIT
/* Numbers from strings, and abs (see <stdlib.h>). */

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

static bool stdlib_is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The value of c as a digit, or 36 when it is none in any base. */
static unsigned int stdlib_digit(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned int)(c - '0');
	if (c >= 'a' && c <= 'z')
		return (unsigned int)(c - 'a' + 10);
	if (c >= 'A' && c <= 'Z')
		return (unsigned int)(c - 'A' + 10);
	return 36;
}

static bool stdlib_hex_prefix(const char *s)
{
	return s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	       stdlib_digit(s[2]) < 16;
}

/*
 * What strtoul and atoi share: space, sign, prefix and digits. Returns the
 * magnitude, saturated at ULONG_MAX with *overflow set; *end is after the
 * last digit, or s when there was none. base is 0 or 2 to 36.
 */
static unsigned long stdlib_parse(const char *s, const char **end, int base,
				  bool *negative, bool *overflow)
{
	const char *p = s;
	unsigned long value = 0;

	*negative = false;
	*overflow = false;
	*end = s;
	while (stdlib_is_space(*p))
		p++;
	if (*p == '+' || *p == '-')
		*negative = *p++ == '-';
	/* "0x" counts as a prefix only before a hex digit: "0xg" is 0 */
	if ((base == 0 || base == 16) && stdlib_hex_prefix(p)) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	for (unsigned int d; (d = stdlib_digit(*p)) < (unsigned int)base; p++) {
		if (value > (ULONG_MAX - d) / (unsigned int)base)
			*overflow = true;
		else
			value = value * (unsigned int)base + d;
		*end = p + 1;
	}
	return *overflow ? ULONG_MAX : value;
}

unsigned long strtoul(const char *nptr, char **endptr, int base)
{
	const char *end = nptr;
	unsigned long value = 0;
	bool negative, overflow;

	if (base == 0 || (base >= 2 && base <= 36)) {
		value = stdlib_parse(nptr, &end, base, &negative, &overflow);
		if (negative && !overflow)
			value = -value;
	}
	if (endptr)
		*endptr = (char *)end;
	return value;
}

int atoi(const char *nptr)
{
	const char *end;
	bool negative, overflow;
	unsigned long mag = stdlib_parse(nptr, &end, 10, &negative, &overflow);

	if (mag > INT_MAX)
		return negative ? INT_MIN : INT_MAX;
	return negative ? -(int)mag : (int)mag;
}

int abs(int x)
{
	return x < 0 ? -x : x;
}
