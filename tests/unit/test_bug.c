// SPDX-License-Identifier: MIT
/*
 * BUG_ON and ASSERT (monitor/include/tessera/bug.h): when they fire, the
 * panic message names the file, the line and the condition; ASSERT
 * follows CONFIG_ASSERTIONS, and without it does not even evaluate its
 * condition (bug_noassert.c is built without). panic() here records the
 * message and jumps back to the test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#define CONFIG_ASSERTIONS 1
#include <tessera/bug.h>

int bug_noassert_evaluations(void);

static jmp_buf panic_return;
static char panic_message[256];
static int panics;

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(panic_message, sizeof(panic_message), fmt, ap);
	va_end(ap);
	panics++;
	longjmp(panic_return, 1);
}

static void assert_panicked_at(int line, const char *what)
{
	char want[256];

	snprintf(want, sizeof(want), "%s:%d: %s", __FILE__, line, what);
	assert_string_equal(panic_message, want);
}

static void test_bug_on_fires(void **state)
{
	volatile int x = 3;
	volatile int line = 0;

	if (!setjmp(panic_return)) {
		line = __LINE__; BUG_ON(x == 3);
		fail_msg("BUG_ON(true) returned");
	}
	assert_int_equal(panics, 1);
	assert_panicked_at(line, "BUG_ON(x == 3)");
}

static void test_bug_on_quiet(void **state)
{
	volatile int x = 2;

	panics = 0;
	BUG_ON(x == 3);
	assert_int_equal(panics, 0);
}

static void test_assert_fires(void **state)
{
	volatile int x = 3;
	volatile int line = 0;

	if (!setjmp(panic_return)) {
		line = __LINE__; ASSERT(x < 3);
		fail_msg("ASSERT(false) returned");
	}
	assert_panicked_at(line, "ASSERT(x < 3) failed");
}

static void test_assert_quiet(void **state)
{
	volatile int x = 2;

	panics = 0;
	ASSERT(x < 3);
	assert_int_equal(panics, 0);
}

static void test_assert_off_does_not_evaluate(void **state)
{
	panics = 0;
	assert_int_equal(bug_noassert_evaluations(), 0);
	assert_int_equal(panics, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bug_on_fires),
		cmocka_unit_test(test_bug_on_quiet),
		cmocka_unit_test(test_assert_fires),
		cmocka_unit_test(test_assert_quiet),
		cmocka_unit_test(test_assert_off_does_not_evaluate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
