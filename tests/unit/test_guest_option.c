// SPDX-License-Identifier: MIT
/* Host tests of the guest library's key=value options
 * (partitions/lib/option.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../partitions/lib/include/tessera/option.h"

static void test_options(void **state)
{
	char *argv[] = { "port=1", "vif=web-net", "port=80", "portal=9",
			 "port", "disk=", "port=8080", NULL };

	assert_string_equal(tessera_option(3, argv, "port", "x"), "80");
	assert_string_equal(tessera_option(7, argv, "port", "x"), "8080");
	assert_string_equal(tessera_option(7, argv, "vif", "x"), "web-net");
	assert_string_equal(tessera_option(7, argv, "disk", "x"), "");
	assert_string_equal(tessera_option(7, argv, "portal", "x"), "9");
	assert_string_equal(tessera_option(7, argv, "por", "x"), "x");
	assert_null(tessera_option(7, argv, "fault", NULL));
	assert_string_equal(tessera_option(1, argv, "port", "x"), "x");
	assert_string_equal(tessera_option(0, argv, "port", "x"), "x");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
