// SPDX-License-Identifier: MIT
/* Host tests of kvstore's table and line protocol (partitions/kvstore/kv.c):
 * every answer of the protocol, and the lines a hostile client sends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../partitions/kvstore/kv.h"

/* The reply to `line`, without its newline (checked). */
static const char *run(const char *line)
{
	static char reply[KV_REPLY_MAX + 1];
	size_t len = kv_execute(line, strlen(line), reply);

	assert_true(len >= 1 && len <= KV_REPLY_MAX);
	assert_int_equal(reply[len - 1], '\n');
	reply[len - 1] = '\0';
	return reply;
}

static void test_set_get_del(void **state)
{
	assert_string_equal(run("GET colour"), "NOT FOUND");
	assert_string_equal(run("SET colour blue"), "OK");
	assert_string_equal(run("GET colour"), "VALUE blue");
	assert_string_equal(run("SET colour dark green"), "OK");
	assert_string_equal(run("GET colour"), "VALUE dark green");
	assert_string_equal(run("DEL colour"), "OK");
	assert_string_equal(run("GET colour"), "NOT FOUND");
	assert_string_equal(run("DEL colour"), "NOT FOUND");
}

static void test_bad_commands(void **state)
{
	assert_string_equal(run(""), "ERROR unknown command");
	assert_string_equal(run("GET"), "ERROR unknown command");
	assert_string_equal(run("PUT a b"), "ERROR unknown command");
	assert_string_equal(run("get a"), "ERROR unknown command");
	assert_string_equal(run("GETa"), "ERROR unknown command");
	assert_string_equal(run("GET "), "ERROR bad key");
	assert_string_equal(run("GET  a"), "ERROR bad key");
	assert_string_equal(run("GET a b"), "ERROR extra arguments");
	assert_string_equal(run("SET a"), "ERROR bad value");
	assert_string_equal(run("SET a "), "ERROR bad value");
	assert_string_equal(run("SET a \x01"), "ERROR bad value");
	assert_string_equal(run("SET \x7f v"), "ERROR bad key");
}

static void test_bounds(void **state)
{
	char line[KV_LINE_MAX + 16], want[KV_REPLY_MAX + 1];
	char key[KV_KEY_MAX + 2], value[KV_VALUE_MAX + 2];

	memset(key, 'k', sizeof(key));
	memset(value, 'v', sizeof(value));
	snprintf(line, sizeof(line), "SET %.*s %.*s", KV_KEY_MAX, key,
		 KV_VALUE_MAX, value);
	assert_int_equal(strlen(line), KV_LINE_MAX);
	assert_string_equal(run(line), "OK");
	snprintf(line, sizeof(line), "GET %.*s", KV_KEY_MAX, key);
	snprintf(want, sizeof(want), "VALUE %.*s", KV_VALUE_MAX, value);
	assert_string_equal(run(line), want);
	snprintf(line, sizeof(line), "SET %.*s v", KV_KEY_MAX + 1, key);
	assert_string_equal(run(line), "ERROR bad key");
	snprintf(line, sizeof(line), "SET k %.*s", KV_VALUE_MAX + 1, value);
	assert_string_equal(run(line), "ERROR bad value");
	snprintf(line, sizeof(line), "DEL %.*s", KV_KEY_MAX, key);
	assert_string_equal(run(line), "OK");
}

/* The line is taken by its length: a NUL in it is a byte like others. */
static void test_embedded_nul(void **state)
{
	char reply[KV_REPLY_MAX];

	kv_execute("SET a\0b c", 9, reply);
	assert_memory_equal(reply, "ERROR bad key\n", 14);
}

static void test_table_full(void **state)
{
	char line[32];

	for (int i = 0; i < KV_ENTRIES; i++) {
		snprintf(line, sizeof(line), "SET key%d %d", i, i);
		assert_string_equal(run(line), "OK");
	}
	assert_string_equal(run("SET one-more x"), "ERROR table full");
	assert_string_equal(run("SET key7 seven"), "OK");
	assert_string_equal(run("GET key7"), "VALUE seven");
	assert_string_equal(run("DEL key3"), "OK");
	assert_string_equal(run("SET one-more x"), "OK");
	assert_string_equal(run("GET one-more"), "VALUE x");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_get_del),
		cmocka_unit_test(test_bad_commands),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_table_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
