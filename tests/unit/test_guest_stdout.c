// SPDX-License-Identifier: MIT
/*
 * Host tests of the guest library's standard output
 * (partitions/lib/stdout.c), the buffer under printf, putchar and puts:
 * each line leaves in one console-write hypercall, a long one in pieces
 * of the console's line length, and no byte is lost.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <tessera/compiler.h>
#include "../../partitions/lib/include/tessera.h"
#include "../../partitions/lib/stdout.h"

#define LINE TESSERA_CONSOLE_LINE_MAX

/* Each call of the console-write hypercall, as the monitor would see it. */
static struct {
	char bytes[LINE + 1];
	size_t len;
} writes[8];
static size_t nr_writes;

/* The link-time double of partitions/lib/hypercall.c's function. */
long tessera_console_write(const char *buf, size_t len)
{
	assert_in_range(nr_writes, 0, ARRAY_SIZE(writes) - 1);
	/* never more than one console line and its newline per call */
	assert_in_range(len, 1, sizeof(writes[0].bytes));
	memcpy(writes[nr_writes].bytes, buf, len);
	writes[nr_writes++].len = len;
	return (long)len;
}

static int out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int out(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = tessera_stdout_vprintf(fmt, ap);
	va_end(ap);
	return n;
}

static void assert_write(size_t i, const char *want, size_t len)
{
	assert_true(i < nr_writes);
	assert_int_equal(writes[i].len, len);
	assert_memory_equal(writes[i].bytes, want, len);
}

static void assert_write_str(size_t i, const char *want)
{
	assert_write(i, want, strlen(want));
}

/* n copies of c, NUL-terminated, in a static buffer */
static const char *repeat(char c, size_t n)
{
	static char s[4 * LINE];

	assert_true(n < sizeof(s));
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static int setup(void **state)
{
	tessera_stdout_flush();
	nr_writes = 0;
	return 0;
}

static void test_line_leaves_whole_at_its_newline(void **state)
{
	out("hello %s\n", "world");
	assert_int_equal(nr_writes, 1);
	assert_write_str(0, "hello world\n");
}

static void test_nothing_leaves_before_the_newline(void **state)
{
	out("abc");
	out("%s", "def");
	assert_int_equal(nr_writes, 0);
	out("%d\n", 42);
	assert_int_equal(nr_writes, 1);
	assert_write_str(0, "abcdef42\n");
}

static void test_each_line_is_one_call(void **state)
{
	out("a\nbb\n\nc");
	assert_int_equal(nr_writes, 3);
	assert_write_str(0, "a\n");
	assert_write_str(1, "bb\n");
	assert_write_str(2, "\n");
	tessera_stdout_flush();
	assert_int_equal(nr_writes, 4);
	assert_write_str(3, "c");
}

static void test_flush_of_nothing_makes_no_call(void **state)
{
	tessera_stdout_flush();
	assert_int_equal(nr_writes, 0);
	out("x\n");
	tessera_stdout_flush();
	assert_int_equal(nr_writes, 1);
}

static void test_putc_builds_lines(void **state)
{
	tessera_stdout_putc('h');
	tessera_stdout_putc('i');
	assert_int_equal(nr_writes, 0);
	tessera_stdout_putc('\n');
	assert_int_equal(nr_writes, 1);
	assert_write_str(0, "hi\n");
}

static void test_line_of_exactly_the_limit_is_one_call(void **state)
{
	out("%s\n", repeat('a', LINE));
	assert_int_equal(nr_writes, 1);
	assert_int_equal(writes[0].len, LINE + 1);
	assert_memory_equal(writes[0].bytes, repeat('a', LINE), LINE);
	assert_int_equal(writes[0].bytes[LINE], '\n');
}

static void test_line_one_over_the_limit_is_split(void **state)
{
	out("%s\n", repeat('b', LINE + 1));
	assert_int_equal(nr_writes, 2);
	assert_write(0, repeat('b', LINE), LINE);
	assert_write_str(1, "b\n");
}

/* the pieces put together are the line: nothing dropped, nothing added */
static void test_long_line_is_split_not_dropped(void **state)
{
	char line[3 * LINE];
	char got[sizeof(line)];
	size_t len = 0;

	for (size_t i = 0; i < 2 * LINE + 10; i++)
		line[i] = (char)('0' + i % 10);
	line[2 * LINE + 10] = '\0';

	assert_int_equal(out("%s\n", line), 2 * LINE + 11);
	assert_int_equal(nr_writes, 3);
	assert_int_equal(writes[0].len, LINE);
	assert_int_equal(writes[1].len, LINE);
	assert_int_equal(writes[2].len, 11);
	for (size_t i = 0; i < nr_writes; i++) {
		memcpy(got + len, writes[i].bytes, writes[i].len);
		len += writes[i].len;
	}
	assert_int_equal(len, 2 * LINE + 11);
	assert_memory_equal(got, line, 2 * LINE + 10);
	assert_int_equal(got[2 * LINE + 10], '\n');
}

/* a full line without its newline waits: the next byte decides */
static void test_full_line_waits_for_its_next_byte(void **state)
{
	out("%s", repeat('c', LINE));
	assert_int_equal(nr_writes, 0);
	tessera_stdout_flush();
	assert_int_equal(nr_writes, 1);
	assert_write(0, repeat('c', LINE), LINE);
}

static void test_unfinished_long_line_leaves_at_flush(void **state)
{
	out("%s", repeat('d', LINE + 5));
	assert_int_equal(nr_writes, 1);
	assert_write(0, repeat('d', LINE), LINE);
	tessera_stdout_flush();
	assert_int_equal(nr_writes, 2);
	assert_write_str(1, "ddddd");
}

static void test_vprintf_returns_the_length(void **state)
{
	assert_int_equal(out("%d-%s|%5x", 42, "xy", 0xbeef), 11);
	tessera_stdout_flush();
	assert_write_str(0, "42-xy| beef");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_line_leaves_whole_at_its_newline,
				       setup),
		cmocka_unit_test_setup(test_nothing_leaves_before_the_newline,
				       setup),
		cmocka_unit_test_setup(test_each_line_is_one_call, setup),
		cmocka_unit_test_setup(test_flush_of_nothing_makes_no_call,
				       setup),
		cmocka_unit_test_setup(test_putc_builds_lines, setup),
		cmocka_unit_test_setup(test_line_of_exactly_the_limit_is_one_call,
				       setup),
		cmocka_unit_test_setup(test_line_one_over_the_limit_is_split,
				       setup),
		cmocka_unit_test_setup(test_long_line_is_split_not_dropped,
				       setup),
		cmocka_unit_test_setup(test_full_line_waits_for_its_next_byte,
				       setup),
		cmocka_unit_test_setup(test_unfinished_long_line_leaves_at_flush,
				       setup),
		cmocka_unit_test_setup(test_vprintf_returns_the_length, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
