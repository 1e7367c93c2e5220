// SPDX-License-Identifier: MIT
/*
 * `attack restart`, for a partition whose on-fault is "restart": prints a
 * static variable, changes it, and faults. A restart reloads the program
 * from its pristine image, so every run must print the initial value
 * again; and since every run faults, the monitor's restart limit
 * (CONFIG_MAX_RESTARTS) must end it.
 */
#include <stdio.h>
#include <stdlib.h>
#include "attack.h"

/* volatile: each print reads memory, not what the compiler remembers */
static volatile int restart_static = 42;

int attack_restart(void)
{
	printf("static = %d\n", restart_static);
	restart_static = 7;
	printf("static = %d\n", restart_static);
	abort();	/* #UD */
}
