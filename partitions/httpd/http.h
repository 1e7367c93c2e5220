/* SPDX-License-Identifier: MIT */
#ifndef HTTPD_HTTP_H
#define HTTPD_HTTP_H

/*
 * HTTP/1.0 requests as httpd takes them (host tests:
 * tests/unit/test_http.c): a request line "GET <path> HTTP/1.x" and
 * headers, which are read to their blank line and ignored.
 */

#include <stddef.h>

#define HTTP_REQUEST_MAX	2048	/* request line and headers */
#define HTTP_PATH_MAX		255

/*
 * Looks at the `len` bytes received so far. 0: the headers are not
 * complete yet. 200: a GET whose file name (the path without its '/',
 * index.html for "/" or a path ending in '/', without a query) is in
 * `name`. Otherwise the status to answer with: 400 a malformed request,
 * 414 a path too long, 501 another method than GET.
 */
int http_parse(const char *req, size_t len, char name[HTTP_PATH_MAX + 1]);

/* The Content-Type of a file name, by its extension. */
const char *http_content_type(const char *name);

/* The reason phrase of a status httpd sends. */
const char *http_reason(int status);

#endif
