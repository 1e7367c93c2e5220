// SPDX-License-Identifier: MIT
/*
 * The guest library's port bit operations (partitions/lib/event.c): the
 * old bit returned, only port's bit touched in its word, and a port of
 * TESSERA_MAX_PORTS or more refused without a write.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../partitions/lib/include/tessera.h"

static void test_set_clear(void **state)
{
	uint64_t words[TESSERA_MAX_PORTS / 64] = { 0 };

	assert_int_equal(tessera_port_set(words, 3), 0);
	assert_int_equal(tessera_port_set(words, 3), 1);
	assert_int_equal(tessera_port_set(words, 63), 0);
	assert_int_equal(words[0], (1ull << 3) | (1ull << 63));
	assert_int_equal(tessera_port_test(words, 3), 1);
	assert_int_equal(tessera_port_test(words, 4), 0);
	assert_int_equal(tessera_port_clear(words, 3), 1);
	assert_int_equal(tessera_port_clear(words, 3), 0);
	assert_int_equal(words[0], 1ull << 63);
}

static void test_bounds(void **state)
{
	uint64_t words[TESSERA_MAX_PORTS / 64 + 1] = { 0 };

	assert_int_equal(tessera_port_set(words, TESSERA_MAX_PORTS), -EINVAL);
	assert_int_equal(tessera_port_set(words, ~0u), -EINVAL);
	assert_int_equal(tessera_port_clear(words, TESSERA_MAX_PORTS), -EINVAL);
	assert_int_equal(tessera_port_test(words, TESSERA_MAX_PORTS), -EINVAL);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		assert_int_equal(words[i], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_clear),
		cmocka_unit_test(test_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
