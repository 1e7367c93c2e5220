// SPDX-License-Identifier: MIT
/* key=value options in argv (<tessera/option.h>; tests/unit/test_guest_option.c). */
#include <string.h>
#include "include/tessera/option.h"

const char *tessera_option(int argc, char **argv, const char *key,
			   const char *fallback)
{
	size_t n = strlen(key);
	const char *value = fallback;

	for (int i = 1; i < argc; i++)
		if (!strncmp(argv[i], key, n) && argv[i][n] == '=')
			value = argv[i] + n + 1;
	return value;
}
