// SPDX-License-Identifier: MIT
/*
 * `attack flood`: prints long lines as fast as it can, to fill its
 * console buffer. The lines of the partitions beside it must still come
 * out whole; the monitor may drop some of these, and says so.
 */
#include <stdio.h>
#include "attack.h"

#define FLOOD_LINES	500
#define FLOOD_WIDTH	140	/* characters after "flood <n> ", a line < 160 */

int attack_flood(void)
{
	char text[FLOOD_WIDTH + 1];

	for (int i = 0; i < FLOOD_WIDTH; i++)
		text[i] = 'A' + i % 26;
	text[FLOOD_WIDTH] = '\0';
	for (int n = 0; n < FLOOD_LINES; n++)
		printf("flood %03d %s\n", n, text);
	return 0;
}
