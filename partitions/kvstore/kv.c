// SPDX-License-Identifier: MIT
/* The table and its commands (kv.h). Every line is a stranger's. */
#include <stdbool.h>
#include <string.h>
#include "kv.h"

struct kv_entry {
	size_t key_len, value_len;	/* key_len 0: a free entry */
	char key[KV_KEY_MAX];
	char value[KV_VALUE_MAX];
};

static struct kv_entry table[KV_ENTRIES];

static bool printable(const char *s, size_t len, bool spaces)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < (spaces ? ' ' : '!') || s[i] > '~')
			return false;
	return true;
}

static struct kv_entry *kv_find(const char *key, size_t len)
{
	for (size_t i = 0; i < KV_ENTRIES; i++)
		if (table[i].key_len == len && !memcmp(table[i].key, key, len))
			return &table[i];
	return NULL;
}

static size_t reply_text(char *reply, const char *text)
{
	size_t len = strlen(text);

	memcpy(reply, text, len);
	reply[len] = '\n';
	return len + 1;
}

static size_t kv_set(const char *key, size_t key_len, const char *value,
		     size_t value_len, char *reply)
{
	struct kv_entry *e = kv_find(key, key_len);

	if (!value_len || value_len > KV_VALUE_MAX ||
	    !printable(value, value_len, true))
		return reply_text(reply, "ERROR bad value");
	if (!e)
		e = kv_find("", 0);
	if (!e)
		return reply_text(reply, "ERROR table full");
	memcpy(e->key, key, key_len);
	e->key_len = key_len;
	memcpy(e->value, value, value_len);
	e->value_len = value_len;
	return reply_text(reply, "OK");
}

static size_t kv_get(const char *key, size_t key_len, char *reply)
{
	const struct kv_entry *e = kv_find(key, key_len);

	if (!e)
		return reply_text(reply, "NOT FOUND");
	memcpy(reply, "VALUE ", 6);
	memcpy(reply + 6, e->value, e->value_len);
	reply[6 + e->value_len] = '\n';
	return 6 + e->value_len + 1;
}

static size_t kv_del(const char *key, size_t key_len, char *reply)
{
	struct kv_entry *e = kv_find(key, key_len);

	if (!e)
		return reply_text(reply, "NOT FOUND");
	e->key_len = 0;
	return reply_text(reply, "OK");
}

/* The length of the word at the start of s: up to a space or the end. */
static size_t word_len(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && s[n] != ' ')
		n++;
	return n;
}

size_t kv_execute(const char *line, size_t len, char reply[KV_REPLY_MAX])
{
	const char *key = line + 4, *rest;
	size_t key_len, rest_len;
	bool set, get, del;

	if (len < 4 || line[3] != ' ')
		return reply_text(reply, "ERROR unknown command");
	set = !memcmp(line, "SET", 3);
	get = !memcmp(line, "GET", 3);
	del = !memcmp(line, "DEL", 3);
	if (!set && !get && !del)
		return reply_text(reply, "ERROR unknown command");
	key_len = word_len(key, len - 4);
	rest = key + key_len;
	rest_len = len - 4 - key_len;
	if (!key_len || key_len > KV_KEY_MAX || !printable(key, key_len, false))
		return reply_text(reply, "ERROR bad key");
	if (set)
		return rest_len < 1 ? reply_text(reply, "ERROR bad value") :
			kv_set(key, key_len, rest + 1, rest_len - 1, reply);
	if (rest_len)
		return reply_text(reply, "ERROR extra arguments");
	return get ? kv_get(key, key_len, reply) : kv_del(key, key_len, reply);
}
