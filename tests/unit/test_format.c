// SPDX-License-Identifier: MIT
/*
 * The formatter (monitor/lib/format.c) against exact expectations and,
 * where C99 defines the same behaviour, against the host C library's
 * vsnprintf: this binary's own snprintf is the one under test, so the
 * host's is reached with dlsym(RTLD_NEXT).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/format.h>
#include <tessera/string.h>

typedef int (*vsnprintf_fn)(char *, size_t, const char *, va_list);

static vsnprintf_fn host_vsnprintf(void)
{
	static vsnprintf_fn fn;

	if (!fn)
		fn = (vsnprintf_fn)dlsym(RTLD_NEXT, "vsnprintf");
	assert_non_null(fn);
	assert_ptr_not_equal(fn, vsnprintf);
	return fn;
}

/* Ours gives `want` and returns its length; the host agrees when `host`. */
static void check_v(const char *want, int host, const char *fmt, va_list ap)
{
	char ours[256], theirs[256];
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(ours, sizeof(ours), fmt, ap);
	if (strcmp(ours, want) || n != (int)strlen(want))
		fail_msg("\"%s\": \"%s\" (%d), want \"%s\"", fmt, ours, n, want);
	if (host) {
		n = host_vsnprintf()(theirs, sizeof(theirs), fmt, ap2);
		if (strcmp(theirs, want) || n != (int)strlen(want))
			fail_msg("\"%s\": host gives \"%s\" (%d), want \"%s\"",
				 fmt, theirs, n, want);
	}
	va_end(ap2);
}

static void __printf(3, 4) check(const char *want, int host,
				 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	check_v(want, host, fmt, ap);
	va_end(ap);
}

/*
 * For formats gcc's format check rejects: flags that C99 says another flag
 * overrides, and conversions outside the subset.
 */
static void check_quiet(const char *want, int host, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	check_v(want, host, fmt, ap);
	va_end(ap);
}

#define expect(want, ...)	check(want, 1, __VA_ARGS__)
#define expect_own(want, ...)	check(want, 0, __VA_ARGS__)

/* volatile: gcc must not see, and refuse, the NULL given to %s */
static const char *volatile null_string;

static void test_text(void **state)
{
	expect("", "%s", "");
	expect("plain text", "plain text");
	expect("100%", "100%%");
	expect("a%b", "a%cb", '%');
}

static void test_decimal(void **state)
{
	expect("0 1 -1", "%d %i %d", 0, 1, -1);
	expect("2147483647 -2147483648", "%d %d", INT_MAX, INT_MIN);
	expect("4294967295", "%u", UINT_MAX);
	expect("+5 -5 +0", "%+d %+d %+d", 5, -5, 0);
	expect(" 5 -5", "% d % d", 5, -5);
	check_quiet("+5", 1, "%+ d", 5);
}

static void test_hex(void **state)
{
	expect("deadbeef DEADBEEF", "%x %X", 0xdeadbeefu, 0xdeadbeefu);
	expect("0 0", "%x %#x", 0, 0);
	expect("0xff 0XFF", "%#x %#X", 255, 255);
	expect("ffffffff", "%x", -1);
}

static void test_lengths(void **state)
{
	expect("-1 255 1", "%hhd %hhu %hhu", 255, 255, 257);
	expect("-1 65535 2345", "%hd %hu %hx", 65535, 65535, 0x12345);
	expect("-9223372036854775808 9223372036854775807", "%ld %ld",
	       LONG_MIN, LONG_MAX);
	expect("18446744073709551615 ffffffffffffffff", "%lu %lx",
	       ULONG_MAX, ULONG_MAX);
	expect("-9223372036854775808 18446744073709551615", "%lld %llu",
	       LLONG_MIN, ULLONG_MAX);
	expect("FFFFFFFFFFFFFFFF", "%llX", ULLONG_MAX);
	expect("18446744073709551615 ffffffffffffffff -5", "%zu %zx %zd",
	       SIZE_MAX, SIZE_MAX, (ptrdiff_t)-5);
}

static void test_width_and_flags(void **state)
{
	expect("[   42]", "[%5d]", 42);
	expect("[42   ]", "[%-5d]", 42);
	expect("[00042]", "[%05d]", 42);
	expect("[-0042]", "[%05d]", -42);
	expect("[+0042]", "[%+05d]", 42);
	check_quiet("[42   ]", 1, "[%-05d]", 42);
	expect("[0x000000ff]", "[%#010x]", 255);
	expect("[     0xff]", "[%#9x]", 255);
	expect("[12345]", "[%3d]", 12345);
	expect("[    42]", "[%*d]", 6, 42);
	expect("[42    ]", "[%*d]", -6, 42);
	expect("[00000042]", "[%0*x]", 8, 0x42);
	expect("[    x]", "[%5c]", 'x');
	expect("[x  ]", "[%-3c]", 'x');
}

static void test_integer_precision(void **state)
{
	expect("[00042]", "[%.5d]", 42);
	expect("[-00042]", "[%.5d]", -42);
	expect("[]", "[%.0d]", 0);
	expect("[   ]", "[%3.0u]", 0);
	expect("[     00042]", "[%10.5d]", 42);
	check_quiet("[   042]", 1, "[%06.3d]", 42);
	expect("[0x00ff]", "[%#.4x]", 255);
	expect("[0042]", "[%.*d]", 4, 42);
	expect("[42]", "[%.*d]", -4, 42);
}

static void test_string(void **state)
{
	expect("[hello]", "[%s]", "hello");
	expect("[  abc]", "[%5s]", "abc");
	expect("[abc  ]", "[%-5s]", "abc");
	expect("[hel]", "[%.3s]", "hello");
	expect("[       hel]", "[%10.3s]", "hello");
	expect("[he]", "[%.*s]", 2, "hello");
	expect("[hello]", "[%.*s]", -1, "hello");
	expect("[hello]", "[%.10s]", "hello");
	expect("[]", "[%.0s]", "hello");
	expect("[(null)]", "[%s]", null_string);
	expect_own("[  (null)]", "[%8s]", null_string);
}

/* With a precision, %s reads no further than it: the source needs no NUL. */
static void test_string_precision_bound(void **state)
{
	char *unterminated = test_malloc(3);

	memcpy(unterminated, "abc", 3);
	expect("abc", "%.3s", unterminated);
	expect("ab", "%.2s", unterminated);
	test_free(unterminated);
}

static void test_pointer(void **state)
{
	expect_own("0x0000000000001234", "%p", (void *)0x1234);
	expect_own("0x0000000000000000", "%p", NULL);
	expect_own("0xffffffff80000000", "%p", (void *)0xffffffff80000000ul);
	expect_own("[  0x00000000deadbeef]", "[%20p]", (void *)0xdeadbeef);
	expect_own("[0x00000000deadbeef  ]", "[%-20p]", (void *)0xdeadbeef);
}

/* A conversion outside the subset is shown as written, and stops nothing. */
static void test_unknown_conversion(void **state)
{
	check_quiet("%q 7", 0, "%q %d", 7);
	check_quiet("%-5q", 0, "%-5q");
	check_quiet("%lq 7", 0, "%lq %d", 7);
	check_quiet("abc%", 0, "abc%");
	check_quiet("abc%5", 0, "abc%5");
}

static void test_truncation(void **state)
{
	char buf[16];

	memset(buf, '#', sizeof(buf));
	assert_int_equal(snprintf(buf, 5, "hello %s", "world"), 11);
	assert_string_equal(buf, "hell");
	/* nothing past the given size is touched */
	assert_int_equal(buf[5], '#');

	assert_int_equal(snprintf(buf, 6, "%d", 12345), 5);
	assert_string_equal(buf, "12345");
	assert_int_equal(snprintf(buf, 5, "%d", 12345), 5);
	assert_string_equal(buf, "1234");

	assert_int_equal(snprintf(buf, 1, "%s", "abc"), 3);
	assert_string_equal(buf, "");

	memset(buf, '#', sizeof(buf));
	assert_int_equal(snprintf(buf, 0, "%s", "abc"), 3);
	assert_int_equal(buf[0], '#');
	assert_int_equal(snprintf(NULL, 0, "%08x", 1), 8);

	/* a field cut in the middle of its padding */
	assert_int_equal(snprintf(buf, 4, "%-8s|", "ab"), 9);
	assert_string_equal(buf, "ab ");
}

struct sink {
	char text[64];
	size_t len;
};

static void sink_putc(void *ctx, char c)
{
	struct sink *s = ctx;

	assert_true(s->len < sizeof(s->text) - 1);
	s->text[s->len++] = c;
}

static int __printf(2, 3) sink_printf(struct sink *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = format_vprintf(sink_putc, s, fmt, ap);
	va_end(ap);
	return n;
}

/* format_vprintf hands over every character, in order, and counts them. */
static void test_format_vprintf(void **state)
{
	struct sink s = { .len = 0 };

	assert_int_equal(sink_printf(&s, "%s=%-4d|%c", "cpu", 3, '!'), 10);
	assert_int_equal(s.len, 10);
	assert_memory_equal(s.text, "cpu=3   |!", 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_width_and_flags),
		cmocka_unit_test(test_integer_precision),
		cmocka_unit_test(test_string),
		cmocka_unit_test(test_string_precision_bound),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_unknown_conversion),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_format_vprintf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
