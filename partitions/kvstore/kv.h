/* SPDX-License-Identifier: MIT */
#ifndef KVSTORE_KV_H
#define KVSTORE_KV_H

/*
 * The key-value table and its line protocol, apart from the network so
 * that the host tests (tests/unit/test_kv.c) drive it line by line:
 *
 *	SET <key> <value>	OK
 *	GET <key>		VALUE <value> | NOT FOUND
 *	DEL <key>		OK | NOT FOUND
 *	anything else		ERROR <why>
 *
 * A key is 1 to KV_KEY_MAX bytes without blanks; a value is the rest of
 * the line after one space, 1 to KV_VALUE_MAX bytes. Both are printable
 * ASCII (a value may hold spaces). The table holds KV_ENTRIES pairs.
 */

#include <stddef.h>

#define KV_KEY_MAX	64
#define KV_VALUE_MAX	256
#define KV_ENTRIES	256
/* the longest valid line, "SET k v" without its newline */
#define KV_LINE_MAX	(4 + KV_KEY_MAX + 1 + KV_VALUE_MAX)
/* the longest reply, "VALUE v\n" */
#define KV_REPLY_MAX	(6 + KV_VALUE_MAX + 1)

/*
 * Runs the command of `line` (`len` bytes, its newline and any '\r'
 * before it removed) and writes the reply with its newline into `reply`:
 * the reply's length.
 */
size_t kv_execute(const char *line, size_t len, char reply[KV_REPLY_MAX]);

#endif
