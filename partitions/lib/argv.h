/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_ARGV_H
#define TESSERA_LIB_ARGV_H

#include <public/start_info.h>	/* TESSERA_BOOTARGS_MAX */

/*
 * Entries of an argv that holds every word bootargs can have, the final
 * NULL included: a word takes at least one byte and one blank after it,
 * so the TESSERA_BOOTARGS_MAX - 1 bytes of bootargs hold at most
 * TESSERA_BOOTARGS_MAX / 2 words.
 */
#define TESSERA_ARGV_MAX	(TESSERA_BOOTARGS_MAX / 2 + 1)

/*
 * Splits the NUL-terminated `args` in place into words and points argv at
 * them, in order, then a NULL. Words are separated by runs of blanks
 * (space, tab, newline); blanks at either end make no word. A double
 * quote starts or ends a quoted part, in which blanks belong to the word;
 * the quotes themselves are removed, so `a="b c"` is the one word `a=b c`
 * and `""` is an empty word. A quote left open runs to the end. There are
 * no escapes.
 *
 * argv has room for `max` entries (max >= 1): at most max - 1 words are
 * stored and the rest are dropped, which TESSERA_ARGV_MAX entries never
 * need. Returns the number stored, argc.
 */
int tessera_argv_split(char *args, char **argv, int max);

#endif
