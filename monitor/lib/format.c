// SPDX-License-Identifier: MIT
/*
 * The formatter (see tessera/format.h). Portable freestanding C with no
 * dependency on the monitor: partitions/lib builds this same file for
 * partitions' printf. Everything goes through format_vprintf, which hands
 * characters to a callback, so printk can stream lines of any length
 * through a small buffer and vsnprintf is one sink among others.
 */

#include <stdbool.h>
#include <stdint.h>
#include <tessera/format.h>
#include <tessera/string.h>

enum format_flag {
	FORMAT_LEFT = 1 << 0,	/* '-' */
	FORMAT_ZERO = 1 << 1,	/* '0' */
	FORMAT_ALT = 1 << 2,	/* '#' */
	FORMAT_PLUS = 1 << 3,	/* '+' */
	FORMAT_SPACE = 1 << 4,	/* ' ' */
};

enum format_length {
	FORMAT_INT,
	FORMAT_CHAR,		/* hh */
	FORMAT_SHORT,		/* h */
	FORMAT_LONG,		/* l */
	FORMAT_LLONG,		/* ll */
	FORMAT_SIZE,		/* z */
};

struct format_spec {
	unsigned int flags;
	int width;
	int precision;		/* -1 when not given */
	enum format_length length;
};

struct format_out {
	format_putc_fn putc;
	void *ctx;
	size_t count;
};

static void format_put(struct format_out *o, char c)
{
	o->putc(o->ctx, c);
	o->count++;
}

static void format_put_n(struct format_out *o, const char *s, size_t n)
{
	while (n--)
		format_put(o, *s++);
}

static void format_pad(struct format_out *o, char c, size_t n)
{
	while (n--)
		format_put(o, c);
}

/*
 * One converted field: prefix (sign, "0x"), leading zeros, body, padded to
 * the field width. A numeric field with the '0' flag and no precision is
 * padded with zeros after the prefix, as C99 says; anything else with
 * spaces, on the left unless '-' was given.
 */
static void format_field(struct format_out *o, const struct format_spec *spec,
			 bool numeric, const char *prefix, size_t zeros,
			 const char *body, size_t len)
{
	size_t plen = strlen(prefix);
	size_t used = plen + zeros + len;
	size_t width = (size_t)spec->width;
	size_t pad = width > used ? width - used : 0;
	bool left = spec->flags & FORMAT_LEFT;

	if (numeric && !left && (spec->flags & FORMAT_ZERO) &&
	    spec->precision < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!left)
		format_pad(o, ' ', pad);
	format_put_n(o, prefix, plen);
	format_pad(o, '0', zeros);
	format_put_n(o, body, len);
	if (left)
		format_pad(o, ' ', pad);
}

static unsigned long long format_arg_unsigned(va_list *ap,
					      enum format_length length)
{
	switch (length) {
	case FORMAT_CHAR:
		return (unsigned char)va_arg(*ap, unsigned int);
	case FORMAT_SHORT:
		return (unsigned short)va_arg(*ap, unsigned int);
	case FORMAT_LONG:
		return va_arg(*ap, unsigned long);
	case FORMAT_LLONG:
		return va_arg(*ap, unsigned long long);
	case FORMAT_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static long long format_arg_signed(va_list *ap, enum format_length length)
{
	switch (length) {
	case FORMAT_CHAR:
		return (signed char)va_arg(*ap, int);
	case FORMAT_SHORT:
		return (short)va_arg(*ap, int);
	case FORMAT_LONG:
		return va_arg(*ap, long);
	case FORMAT_LLONG:
		return va_arg(*ap, long long);
	case FORMAT_SIZE:
		/* %zd takes the signed type of size_t's width */
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

/* Writes the digits of v backwards from `end`; returns how many. */
static size_t format_digits(char *end, unsigned long long v, unsigned int base,
			    bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	size_t n = 0;

	do {
		*--end = digits[v % base];
		v /= base;
		n++;
	} while (v);
	return n;
}

static void format_integer(struct format_out *o, struct format_spec *spec,
			   char conv, va_list *ap)
{
	char buf[sizeof(unsigned long long) * 3];	/* > 20 decimal digits */
	char *end = buf + sizeof(buf);
	const char *prefix = "";
	unsigned int base = 10;
	unsigned long long v;
	size_t len, zeros;

	if (conv == 'd' || conv == 'i') {
		long long s = format_arg_signed(ap, spec->length);

		/* the magnitude, computed unsigned so LLONG_MIN survives */
		v = s < 0 ? 0 - (unsigned long long)s : (unsigned long long)s;
		if (s < 0)
			prefix = "-";
		else if (spec->flags & FORMAT_PLUS)
			prefix = "+";
		else if (spec->flags & FORMAT_SPACE)
			prefix = " ";
	} else if (conv == 'p') {
		v = (uintptr_t)va_arg(*ap, void *);
		base = 16;
		prefix = "0x";
		spec->precision = 2 * sizeof(void *);
	} else {
		v = format_arg_unsigned(ap, spec->length);
		if (conv != 'u') {
			base = 16;
			if ((spec->flags & FORMAT_ALT) && v)
				prefix = conv == 'X' ? "0X" : "0x";
		}
	}

	/* C99: a zero with precision 0 prints no digits at all */
	len = v || spec->precision ? format_digits(end, v, base, conv == 'X')
				   : 0;
	zeros = spec->precision > 0 && (size_t)spec->precision > len ?
		(size_t)spec->precision - len : 0;
	format_field(o, spec, true, prefix, zeros, end - len, len);
}

static void format_string(struct format_out *o, const struct format_spec *spec,
			  va_list *ap)
{
	const char *s = va_arg(*ap, const char *);
	size_t len;

	if (!s)
		s = "(null)";
	/* with a precision, s need not be NUL-terminated: never read past it */
	len = spec->precision >= 0 ? strnlen(s, (size_t)spec->precision)
				   : strlen(s);
	format_field(o, spec, false, "", 0, s, len);
}

/* Reads a decimal number, saturating at INT_MAX rather than overflowing. */
static int format_atoi(const char **p)
{
	int n = 0;

	while (**p >= '0' && **p <= '9') {
		int digit = *(*p)++ - '0';

		n = n > (__INT_MAX__ - digit) / 10 ? __INT_MAX__ : n * 10 + digit;
	}
	return n;
}

static unsigned int format_parse_flags(const char **p)
{
	unsigned int flags = 0;

	for (;; (*p)++) {
		switch (**p) {
		case '-': flags |= FORMAT_LEFT; break;
		case '0': flags |= FORMAT_ZERO; break;
		case '#': flags |= FORMAT_ALT; break;
		case '+': flags |= FORMAT_PLUS; break;
		case ' ': flags |= FORMAT_SPACE; break;
		default: return flags;
		}
	}
}

static enum format_length format_parse_length(const char **p)
{
	switch (**p) {
	case 'h':
		if (*++*p != 'h')
			return FORMAT_SHORT;
		++*p;
		return FORMAT_CHAR;
	case 'l':
		if (*++*p != 'l')
			return FORMAT_LONG;
		++*p;
		return FORMAT_LLONG;
	case 'z':
		++*p;
		return FORMAT_SIZE;
	default:
		return FORMAT_INT;
	}
}

/* Parses the flags, width, precision and length after '%'. */
static void format_parse_spec(const char **p, struct format_spec *spec,
			      va_list *ap)
{
	spec->flags = format_parse_flags(p);

	if (**p == '*') {
		int width = va_arg(*ap, int);

		(*p)++;
		/* a negative width given by '*' is the '-' flag */
		if (width < 0) {
			spec->flags |= FORMAT_LEFT;
			width = width < -__INT_MAX__ ? __INT_MAX__ : -width;
		}
		spec->width = width;
	} else {
		spec->width = format_atoi(p);
	}

	spec->precision = -1;
	if (**p == '.') {
		(*p)++;
		if (**p == '*') {
			int precision = va_arg(*ap, int);

			(*p)++;
			/* a negative precision counts as none */
			spec->precision = precision < 0 ? -1 : precision;
		} else {
			spec->precision = format_atoi(p);
		}
	}

	spec->length = format_parse_length(p);
}

int format_vprintf(format_putc_fn putc, void *ctx, const char *fmt, va_list ap)
{
	struct format_out o = { putc, ctx, 0 };
	va_list args;

	/* a va_list parameter cannot be passed on by address portably */
	va_copy(args, ap);
	while (*fmt) {
		const char *start = fmt;
		struct format_spec spec;

		if (*fmt != '%') {
			format_put(&o, *fmt++);
			continue;
		}
		fmt++;
		format_parse_spec(&fmt, &spec, &args);
		switch (*fmt) {
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'p':
			format_integer(&o, &spec, *fmt, &args);
			break;
		case 's':
			format_string(&o, &spec, &args);
			break;
		case 'c': {
			char c = (char)va_arg(args, int);

			format_field(&o, &spec, false, "", 0, &c, 1);
			break;
		}
		case '%':
			format_put(&o, '%');
			break;
		case '\0':
			/* a lone '%' at the end: show it, and stop at the NUL */
			format_put_n(&o, start, (size_t)(fmt - start));
			continue;
		default:
			format_put_n(&o, start, (size_t)(fmt - start) + 1);
			break;
		}
		fmt++;
	}
	va_end(args);
	return o.count > (size_t)__INT_MAX__ ? -1 : (int)o.count;
}

struct format_buf {
	char *buf;
	size_t size;
	size_t len;		/* what the whole output needs */
};

static void format_buf_putc(void *ctx, char c)
{
	struct format_buf *b = ctx;

	if (b->len + 1 < b->size)
		b->buf[b->len] = c;
	b->len++;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct format_buf b = { buf, size, 0 };
	int ret = format_vprintf(format_buf_putc, &b, fmt, ap);

	if (size)
		buf[b.len < size ? b.len : size - 1] = '\0';
	return ret;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}
