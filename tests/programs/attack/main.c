// SPDX-License-Identifier: MIT
/*
 * attack: the hostile partition of the system tests (tests/system/).
 * `attack <mode>` runs one attack: a fault of faults.c (cli, ud2,
 * unmapped...) or one of the modes below.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "attack.h"

static const struct {
	const char *name;
	int (*run)(void);
} attack_modes[] = {
	{ "hypercalls", attack_hypercalls },
	{ "console", attack_console },
	{ "restart", attack_restart },
	{ "flood", attack_flood },
};

int main(int argc, char **argv)
{
	const struct fault_attack *fault;

	if (argc > 1) {
		for (size_t i = 0; i < ARRAY_SIZE(attack_modes); i++)
			if (strcmp(argv[1], attack_modes[i].name) == 0)
				return attack_modes[i].run();
		fault = fault_attack_find(argv[1]);
		if (fault)
			return fault_attack_run(fault);
	}
	printf("usage: attack <mode>, a mode of tests/programs/attack/\n");
	return 2;
}
