// SPDX-License-Identifier: MIT
/* Requests and the words of responses (http.h). */
#include <stdbool.h>
#include <string.h>
#include <tessera/compiler.h>
#include "http.h"

static const struct {
	const char *ext, *type;
} content_types[] = {
	{ ".html", "text/html" },
	{ ".htm", "text/html" },
	{ ".css", "text/css" },
	{ ".js", "text/javascript" },
	{ ".txt", "text/plain" },
	{ ".json", "application/json" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".jpeg", "image/jpeg" },
	{ ".gif", "image/gif" },
	{ ".svg", "image/svg+xml" },
	{ ".ico", "image/x-icon" },
};

/* Where "\r\n\r\n" (or "\n\n") ends in req, or 0 when it is not there. */
static size_t http_headers_end(const char *req, size_t len)
{
	for (size_t i = 1; i < len; i++) {
		if (req[i] == '\n' && req[i - 1] == '\n')
			return i + 1;
		if (i >= 3 && req[i] == '\n' && !memcmp(req + i - 3, "\r\n\r", 3))
			return i + 1;
	}
	return 0;
}

static size_t http_word(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && s[n] != ' ' && s[n] != '\r' && s[n] != '\n')
		n++;
	return n;
}

/* The target's path, without '/' and query, as a file name. */
static int http_name(const char *path, size_t len, char *name)
{
	size_t n = 0;

	while (n < len && path[n] != '?')
		n++;
	if (!n || path[0] != '/')
		return 400;
	path++;
	n--;
	for (size_t i = 0; i < n; i++)
		if (path[i] <= ' ' || path[i] > '~')
			return 400;
	if (n + (n == 0 || path[n - 1] == '/' ? 10 : 0) > HTTP_PATH_MAX)
		return 414;
	memcpy(name, path, n);
	name[n] = '\0';
	if (n == 0 || path[n - 1] == '/')
		memcpy(name + n, "index.html", 11);
	return 200;
}

int http_parse(const char *req, size_t len, char name[HTTP_PATH_MAX + 1])
{
	size_t end = http_headers_end(req, len);
	size_t method, path, rest;
	const char *target;

	if (!end)
		return len >= HTTP_REQUEST_MAX ? 400 : 0;
	method = http_word(req, end);
	if (method == end || req[method] != ' ')
		return 400;
	target = req + method + 1;
	path = http_word(target, end - method - 1);
	rest = end - method - 1 - path;
	if (rest < 9 || target[path] != ' ' ||
	    memcmp(target + path + 1, "HTTP/1.", 7))
		return 400;
	if (method != 3 || memcmp(req, "GET", 3))
		return 501;
	if (path > HTTP_PATH_MAX + 1)
		return 414;
	return http_name(target, path, name);
}

const char *http_content_type(const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < ARRAY_SIZE(content_types); i++) {
		size_t ext = strlen(content_types[i].ext);

		if (len > ext && !strcmp(name + len - ext, content_types[i].ext))
			return content_types[i].type;
	}
	return "application/octet-stream";
}

const char *http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 400: return "Bad Request";
	case 404: return "Not Found";
	case 414: return "URI Too Long";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	default: return "Error";
	}
}
