// SPDX-License-Identifier: MIT
/* Host tests of httpd's request parsing (partitions/httpd/http.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../partitions/httpd/http.h"

static char name[HTTP_PATH_MAX + 1];

static int parse(const char *req)
{
	memset(name, 0, sizeof(name));
	return http_parse(req, strlen(req), name);
}

static void test_get(void **state)
{
	assert_int_equal(parse("GET / HTTP/1.0\r\n\r\n"), 200);
	assert_string_equal(name, "index.html");
	assert_int_equal(parse("GET /about.html HTTP/1.1\r\nHost: x\r\n"
			       "Accept: */*\r\n\r\n"), 200);
	assert_string_equal(name, "about.html");
	assert_int_equal(parse("GET /docs/ HTTP/1.0\n\n"), 200);
	assert_string_equal(name, "docs/index.html");
	assert_int_equal(parse("GET /a.txt?x=1 HTTP/1.0\r\n\r\n"), 200);
	assert_string_equal(name, "a.txt");
}

static void test_incomplete(void **state)
{
	assert_int_equal(parse(""), 0);
	assert_int_equal(parse("GET / HTTP/1.0\r\n"), 0);
	assert_int_equal(parse("GET / HTTP/1.0\r\nHost: x\r\n\r"), 0);
}

static void test_malformed(void **state)
{
	char big[HTTP_REQUEST_MAX];

	assert_int_equal(parse("\r\n\r\n"), 400);
	assert_int_equal(parse("GET\r\n\r\n"), 400);
	assert_int_equal(parse("GET /\r\n\r\n"), 400);
	assert_int_equal(parse("GET / FTP/1.0\r\n\r\n"), 400);
	assert_int_equal(parse("GET x HTTP/1.0\r\n\r\n"), 400);
	assert_int_equal(parse("GET ?x HTTP/1.0\r\n\r\n"), 400);
	assert_int_equal(parse("GET /a\x01 HTTP/1.0\r\n\r\n"), 400);
	assert_int_equal(parse("POST / HTTP/1.0\r\n\r\n"), 501);
	assert_int_equal(parse("GETS / HTTP/1.0\r\n\r\n"), 501);
	memset(big, 'a', sizeof(big));
	assert_int_equal(http_parse(big, sizeof(big), name), 400);
	assert_int_equal(http_parse(big, sizeof(big) - 1, name), 0);
}

static void test_long_paths(void **state)
{
	char req[HTTP_REQUEST_MAX], path[HTTP_PATH_MAX + 2];

	memset(path, 'p', sizeof(path));
	path[0] = '/';
	path[HTTP_PATH_MAX + 1] = '\0';
	strcpy(req, "GET ");
	strcat(req, path);
	strcat(req, " HTTP/1.0\r\n\r\n");
	assert_int_equal(parse(req), 200);
	assert_int_equal(strlen(name), HTTP_PATH_MAX);
	strcpy(req, "GET /");
	strcat(req, path);
	strcat(req, " HTTP/1.0\r\n\r\n");
	assert_int_equal(parse(req), 414);
	path[HTTP_PATH_MAX - 5] = '/';
	path[HTTP_PATH_MAX - 4] = '\0';
	strcpy(req, "GET ");
	strcat(req, path);
	strcat(req, " HTTP/1.0\r\n\r\n");
	assert_int_equal(parse(req), 414);
}

static void test_content_types(void **state)
{
	assert_string_equal(http_content_type("index.html"), "text/html");
	assert_string_equal(http_content_type("a/b.css"), "text/css");
	assert_string_equal(http_content_type("notes.txt"), "text/plain");
	assert_string_equal(http_content_type("logo.png"), "image/png");
	assert_string_equal(http_content_type(".html"),
			    "application/octet-stream");
	assert_string_equal(http_content_type("data"),
			    "application/octet-stream");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_incomplete),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_long_paths),
		cmocka_unit_test(test_content_types),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
