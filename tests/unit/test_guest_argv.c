// SPDX-License-Identifier: MIT
/* Host tests of bootargs to argv (partitions/lib/argv.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <tessera/compiler.h>
#include "../../partitions/lib/argv.h"

/* what argv holds where the splitter has not written */
static char poison_word[] = "poison";
#define POISON poison_word

static char args[TESSERA_BOOTARGS_MAX];
static char *argv[TESSERA_ARGV_MAX + 1];

static int split_max(const char *bootargs, int max)
{
	assert_true(strlen(bootargs) < sizeof(args));
	strcpy(args, bootargs);
	for (size_t i = 0; i < ARRAY_SIZE(argv); i++)
		argv[i] = POISON;
	return tessera_argv_split(args, argv, max);
}

static int split(const char *bootargs)
{
	return split_max(bootargs, TESSERA_ARGV_MAX);
}

static void assert_argv(int argc, const char *const *want, int n)
{
	assert_int_equal(argc, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(argv[i], want[i]);
	assert_null(argv[n]);
	assert_ptr_equal(argv[n + 1], POISON);
}

#define ASSERT_SPLIT(bootargs, ...)					\
	do {								\
		const char *const want[] = { __VA_ARGS__ };		\
		assert_argv(split(bootargs), want, ARRAY_SIZE(want));	\
	} while (0)

static void test_empty_is_no_word(void **state)
{
	assert_int_equal(split(""), 0);
	assert_null(argv[0]);
	assert_ptr_equal(argv[1], POISON);
}

static void test_blanks_only_is_no_word(void **state)
{
	assert_int_equal(split(" \t\n  "), 0);
	assert_null(argv[0]);
}

static void test_one_word(void **state)
{
	ASSERT_SPLIT("gamma", "gamma");
}

static void test_words_of_the_default_system(void **state)
{
	ASSERT_SPLIT("alpha --greeting=hello", "alpha", "--greeting=hello");
	ASSERT_SPLIT("beta one two", "beta", "one", "two");
}

static void test_runs_of_blanks_separate_once(void **state)
{
	ASSERT_SPLIT("  beta   one\t\ttwo \n three  ",
		     "beta", "one", "two", "three");
}

static void test_quotes_keep_blanks_and_go(void **state)
{
	ASSERT_SPLIT("greeting=\"hello  world\" x",
		     "greeting=hello  world", "x");
	ASSERT_SPLIT("a\"b c\"d", "ab cd");
}

static void test_empty_quotes_are_an_empty_word(void **state)
{
	ASSERT_SPLIT("\"\" a \"\"", "", "a", "");
}

static void test_open_quote_runs_to_the_end(void **state)
{
	ASSERT_SPLIT("a \"b  c", "a", "b  c");
}

/* 128 one-letter words in 255 bytes: the most bootargs can hold */
static void test_most_words_fit(void **state)
{
	char s[TESSERA_BOOTARGS_MAX];
	int n = TESSERA_BOOTARGS_MAX / 2;

	for (int i = 0; i < n; i++) {
		s[2 * i] = (char)('a' + i % 26);
		s[2 * i + 1] = ' ';
	}
	s[2 * n - 1] = '\0';
	assert_int_equal(strlen(s), TESSERA_BOOTARGS_MAX - 1);

	assert_int_equal(split(s), n);
	assert_int_equal(TESSERA_ARGV_MAX, n + 1);
	for (int i = 0; i < n; i++) {
		assert_int_equal(strlen(argv[i]), 1);
		assert_int_equal(argv[i][0], 'a' + i % 26);
	}
	assert_null(argv[n]);
}

static void test_longest_word(void **state)
{
	char s[TESSERA_BOOTARGS_MAX];

	memset(s, 'x', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	assert_int_equal(split(s), 1);
	assert_string_equal(argv[0], s);
}

static void test_words_beyond_room_are_dropped(void **state)
{
	assert_int_equal(split_max("a b c d", 3), 2);
	assert_string_equal(argv[0], "a");
	assert_string_equal(argv[1], "b");
	assert_null(argv[2]);
	assert_ptr_equal(argv[3], POISON);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_is_no_word),
		cmocka_unit_test(test_blanks_only_is_no_word),
		cmocka_unit_test(test_one_word),
		cmocka_unit_test(test_words_of_the_default_system),
		cmocka_unit_test(test_runs_of_blanks_separate_once),
		cmocka_unit_test(test_quotes_keep_blanks_and_go),
		cmocka_unit_test(test_empty_quotes_are_an_empty_word),
		cmocka_unit_test(test_open_quote_runs_to_the_end),
		cmocka_unit_test(test_most_words_fit),
		cmocka_unit_test(test_longest_word),
		cmocka_unit_test(test_words_beyond_room_are_dropped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
