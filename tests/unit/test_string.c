// SPDX-License-Identifier: MIT
/*
 * The memory and string functions of monitor/lib/string.c. They replace
 * the C library's in this whole process, so cmocka itself runs on them;
 * buffers come from test_malloc so that ASan catches a read or write one
 * byte outside them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/string.h>

#define BUF 112	/* beyond three rounds of the 32-byte loop */

static void fill_pattern(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + 1);
}

/*
 * Every length up to BUF - 8 at every alignment of source and
 * destination, against the pattern: the word loop, its tail and the
 * bytes around the copy, which stay as they were.
 */
static void test_memcpy(void **state)
{
	unsigned char *src = test_malloc(BUF), *dst = test_malloc(BUF);

	fill_pattern(src, BUF);
	for (size_t from = 0; from < 8; from++) {
		for (size_t off = 0; off < 8; off++) {
			for (size_t n = 0; n + 8 <= BUF; n++) {
				memset(dst, 0xee, BUF);
				assert_ptr_equal(memcpy(dst + off, src + from, n),
						 dst + off);
				for (size_t i = 0; i < BUF; i++) {
					unsigned char want = i >= off && i < off + n ?
						src[i - off + from] : 0xee;
					assert_int_equal(dst[i], want);
				}
			}
		}
	}
	test_free(src);
	test_free(dst);
}

/* Overlap either way round gives what a copy through a spare buffer gives. */
static void test_memmove(void **state)
{
	unsigned char *buf = test_malloc(BUF), want[BUF], orig[BUF];

	fill_pattern(orig, BUF);
	for (size_t from = 0; from < 16; from++) {
		for (size_t to = 0; to < 16; to++) {
			size_t n = BUF - 16;

			memcpy(buf, orig, BUF);
			memcpy(want, orig, BUF);
			for (size_t i = 0; i < n; i++)
				want[to + i] = orig[from + i];
			assert_ptr_equal(memmove(buf + to, buf + from, n),
					 buf + to);
			assert_memory_equal(buf, want, BUF);
		}
	}
	assert_ptr_equal(memmove(buf, buf + 1, 0), buf);
	test_free(buf);
}

static void test_memset(void **state)
{
	unsigned char *buf = test_malloc(BUF);

	/* the value is converted to unsigned char: 0x1ab sets 0xab */
	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n + off <= BUF; n++) {
			memset(buf, 0, BUF);
			assert_ptr_equal(memset(buf + off, 0x1ab, n), buf + off);
			for (size_t i = 0; i < BUF; i++)
				assert_int_equal(buf[i], i >= off && i < off + n ?
						 0xab : 0);
		}
	}
	memset(buf, 0, BUF);
	memset(buf, 1, 0);
	assert_int_equal(buf[0], 0);
	test_free(buf);
}

static void test_memcmp(void **state)
{
	assert_int_equal(memcmp("abc", "abc", 3), 0);
	assert_int_equal(memcmp("abc", "abd", 0), 0);
	assert_true(memcmp("abc", "abd", 3) < 0);
	assert_true(memcmp("abd", "abc", 3) > 0);
	/* bytes compare unsigned: 0x80 is above 0x7f */
	assert_true(memcmp("\x80", "\x7f", 1) > 0);
	/* the first difference decides, whatever follows */
	assert_true(memcmp("az", "bA", 2) < 0);
}

static void test_strlen(void **state)
{
	assert_int_equal(strlen(""), 0);
	assert_int_equal(strlen("tessera"), 7);
	assert_int_equal(strlen("ab\0cd"), 2);
}

/* strnlen stops at max without reading further: no NUL is needed. */
static void test_strnlen(void **state)
{
	char *s = test_malloc(4);

	memcpy(s, "abcd", 4);
	assert_int_equal(strnlen(s, 4), 4);
	assert_int_equal(strnlen(s, 2), 2);
	assert_int_equal(strnlen(s, 0), 0);
	assert_int_equal(strnlen("ab", 10), 2);
	test_free(s);
}

static void test_strcmp(void **state)
{
	assert_int_equal(strcmp("", ""), 0);
	assert_int_equal(strcmp("web", "web"), 0);
	assert_true(strcmp("web", "webs") < 0);
	assert_true(strcmp("webs", "web") > 0);
	assert_true(strcmp("a", "b") < 0);
	assert_true(strcmp("\xff", "a") > 0);
}

static void test_strncmp(void **state)
{
	assert_int_equal(strncmp("abcX", "abcY", 3), 0);
	assert_true(strncmp("abcX", "abcY", 4) < 0);
	assert_int_equal(strncmp("a", "b", 0), 0);
	/* equal strings shorter than n: stop at the NUL */
	assert_int_equal(strncmp("ab", "ab", 100), 0);
	assert_true(strncmp("ab", "abc", 100) < 0);
	assert_true(strncmp("\x80", "\x01", 1) > 0);
}

static void test_strchr(void **state)
{
	const char *s = "a=b=c", *e = "t\xe9t";

	assert_ptr_equal(strchr(s, '='), s + 1);
	assert_ptr_equal(strchr(s, 'c'), s + 4);
	assert_null(strchr(s, 'x'));
	assert_ptr_equal(strchr(s, '\0'), s + 5);
	/* c is converted to char: 0x13d is '=', and 0xe9 finds a byte 0xe9 */
	assert_ptr_equal(strchr(s, 0x13d), s + 1);
	assert_ptr_equal(strchr(e, 0xe9), e + 1);
}

static void test_strlcpy(void **state)
{
	char *dst = test_malloc(8);

	assert_int_equal(strlcpy(dst, "web", 8), 3);
	assert_string_equal(dst, "web");
	assert_int_equal(strlcpy(dst, "partition", 8), 9);
	assert_string_equal(dst, "partiti");
	assert_int_equal(strlcpy(dst, "12345678", 8), 8);
	assert_string_equal(dst, "1234567");
	assert_int_equal(strlcpy(dst, "", 8), 0);
	assert_string_equal(dst, "");
	assert_int_equal(strlcpy(dst, "abc", 1), 3);
	assert_string_equal(dst, "");
	/* size 0: dst is not touched */
	dst[0] = 'z';
	assert_int_equal(strlcpy(dst, "abc", 0), 3);
	assert_int_equal(dst[0], 'z');
	test_free(dst);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memcpy),
		cmocka_unit_test(test_memmove),
		cmocka_unit_test(test_memset),
		cmocka_unit_test(test_memcmp),
		cmocka_unit_test(test_strlen),
		cmocka_unit_test(test_strnlen),
		cmocka_unit_test(test_strcmp),
		cmocka_unit_test(test_strncmp),
		cmocka_unit_test(test_strchr),
		cmocka_unit_test(test_strlcpy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
