// SPDX-License-Identifier: MIT
/*
 * Partition console streams (monitor/core/console_stream.c): the prefix,
 * lines built by several writes, the split at TESSERA_CONSOLE_LINE_MAX
 * (and a full line with its '\n' kept as one), sanitising, the flush.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <console_capture.h>
#include <tessera/console_stream.h>
#include <tessera/string.h>

static struct console_stream s;

static int setup(void **state)
{
	capture_start();
	console_stream_init(&s, "web");
	return 0;
}

static void put(const char *text)
{
	console_stream_write(&s, text, strlen(text));
}

static void test_lines(void **state)
{
	put("hello ");
	assert_string_equal(capture_text(), "");
	put("world\nsecond\n\nthird");
	assert_string_equal(capture_text(),
			    "[web] hello world\n[web] second\n[web] \n");
	console_stream_flush(&s);
	assert_string_equal(capture_text(), "[web] hello world\n[web] second\n"
			    "[web] \n[web] third\n");
	console_stream_flush(&s);	/* nothing left: no empty line */
	assert_string_equal(capture_text() + strlen(capture_text()) - 6,
			    "third\n");
}

static void test_split(void **state)
{
	char text[2 * TESSERA_CONSOLE_LINE_MAX + 2];
	char want[512];

	memset(text, 'a', TESSERA_CONSOLE_LINE_MAX);
	text[TESSERA_CONSOLE_LINE_MAX] = '\n';
	text[TESSERA_CONSOLE_LINE_MAX + 1] = '\0';
	put(text);
	snprintf(want, sizeof(want), "[web] %.*s\n", TESSERA_CONSOLE_LINE_MAX,
		 text);
	assert_string_equal(capture_text(), want);

	capture_clear();
	memset(text, 'b', TESSERA_CONSOLE_LINE_MAX + 1);
	text[TESSERA_CONSOLE_LINE_MAX + 1] = '\0';
	put(text);
	put("c\n");
	snprintf(want, sizeof(want), "[web] %.*s\n[web] bc\n",
		 TESSERA_CONSOLE_LINE_MAX, text);
	assert_string_equal(capture_text(), want);
}

static void test_sanitise(void **state)
{
	const char text[] = "a\x1b[2Jb\rc\td\0e\x7f\xff\n";

	console_stream_write(&s, text, sizeof(text) - 1);
	assert_string_equal(capture_text(), "[web] a?[2Jb?c\td?e??\n");
}

/* a forged monitor line stays inside the partition's own prefix */
static void test_forgery(void **state)
{
	put("x\r[tessera] alpha: exited with status 0\n");
	assert_string_equal(capture_text(),
			    "[web] x?[tessera] alpha: exited with status 0\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_lines, setup),
		cmocka_unit_test_setup(test_split, setup),
		cmocka_unit_test_setup(test_sanitise, setup),
		cmocka_unit_test_setup(test_forgery, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
