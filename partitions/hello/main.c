// SPDX-License-Identifier: MIT
/* The example partition program: prints its name and its argv. */
#include <stdio.h>
#include <tessera.h>

int main(int argc, char **argv)
{
	printf("hello from %s\n", tessera_start_info()->name);
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = \"%s\"\n", i, argv[i]);
	return 0;
}
